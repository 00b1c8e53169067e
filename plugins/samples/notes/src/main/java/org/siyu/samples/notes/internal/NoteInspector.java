package org.siyu.samples.notes.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.InspectorSection;
import org.siyu.api.ui.Selection;
import org.siyu.api.ui.ViewContext;

/**
 * Adds "Note statistics" to the inspector when a note is selected: what the selection's own properties do not
 * carry, read fresh from the database.
 */
@org.osgi.service.component.annotations.Component
public class NoteInspector implements InspectorSection {

    private final NoteRepository notes;

    @Activate
    public NoteInspector(@Reference NoteRepository notes) {
        this.notes = notes;
    }

    @Override
    public Text title() {
        return Text.of("Note statistics", "笔记统计");
    }

    /** Called for every selection in every session, so it only compares the type: no database here. */
    @Override
    public boolean appliesTo(Selection selection) {
        return Note.TYPE.equals(selection.type());
    }

    @Override
    public Component create(Selection selection, ViewContext context) {
        Locale locale = context.locale();
        return notes.find(NotesUi.noteId(selection.id()))
                .<Component>map(note -> {
                    FormLayout form = new FormLayout();
                    form.addFormItem(new Span(String.valueOf(NoteText.words(note.getBody()))),
                            Text.of("Words", "词数").get(locale));
                    form.addFormItem(new Span(String.valueOf(NoteText.characters(note.getBody()))),
                            Text.of("Characters", "字符数").get(locale));
                    form.addFormItem(new Span(NotesUi.time(note.getCreatedAt(), locale)),
                            Text.of("Created", "创建时间").get(locale));
                    form.addFormItem(new Span(NotesUi.time(note.getUpdatedAt(), locale)),
                            Text.of("Updated", "更新时间").get(locale));
                    return form;
                })
                .orElseGet(() -> new Span(
                        Text.of("This note no longer exists.", "这条笔记已不存在。").get(locale)));
    }
}
