package org.siyu.samples.notes.internal;

import com.vaadin.flow.component.Component;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.ViewContext;
import org.siyu.api.ui.ViewContribution;

/**
 * The navigator node "Notes sample › Notes". The contribution is a singleton service that describes the node;
 * {@link #createView} makes a new {@link NoteListView} for each session that opens it.
 *
 * <p>Vaadin's {@code Component} and the DS annotation {@code @Component} share a name; one of them has to be
 * written in full.
 */
@org.osgi.service.component.annotations.Component
public class NotesView implements ViewContribution {

    private final NoteRepository notes;

    @Activate
    public NotesView(@Reference NoteRepository notes) {
        this.notes = notes;
    }

    @Override
    public String id() {
        return "notes.list"; // also the URL: /view/notes.list
    }

    @Override
    public Text title() {
        return Text.of("Notes", "笔记");
    }

    @Override
    public Text group() {
        return Text.of("Notes sample", "笔记示例");
    }

    @Override
    public String icon() {
        return "NOTEBOOK";
    }

    @Override
    public String permission() {
        return NotesPermissions.VIEW;
    }

    @Override
    public Component createView(ViewContext context) {
        return new NoteListView(notes, context);
    }
}
