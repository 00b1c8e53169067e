package org.siyu.samples.notes.internal;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Locale;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.ViewContext;

/**
 * The list of notes in one session: a grid with a toolbar. Selecting a row shows the note in the inspector;
 * double-clicking it opens the note's editor. Standard Vaadin components only: a plugin cannot bring
 * JavaScript of its own.
 */
class NoteListView extends Composite<VerticalLayout> {

    private final NoteRepository notes;
    private final ViewContext context;
    private final Grid<Note> grid = new Grid<>();

    NoteListView(NoteRepository notes, ViewContext context) {
        this.notes = notes;
        this.context = context;
        Locale locale = context.locale();

        Button create = new Button(Text.of("New note", "新建笔记").get(locale), VaadinIcon.PLUS.create(),
                e -> createNote());
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.setId("notes-new");
        // Disabled on the server, not only greyed out: Vaadin ignores events from a disabled component, so a
        // user without notes.edit cannot create notes through this button.
        create.setEnabled(NotesUi.canEdit(context));
        Button refresh = new Button(Text.of("Refresh", "刷新").get(locale), VaadinIcon.REFRESH.create(),
                e -> refresh());
        refresh.setId("notes-refresh");

        grid.setId("notes-grid");
        grid.addColumn(Note::getTitle).setHeader(Text.of("Title", "标题").get(locale)).setFlexGrow(1);
        grid.addColumn(note -> NotesUi.yesNo(note.isPinned(), locale))
                .setHeader(Text.of("Pinned", "置顶").get(locale)).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(note -> NotesUi.time(note.getUpdatedAt(), locale))
                .setHeader(Text.of("Updated", "更新时间").get(locale)).setAutoWidth(true).setFlexGrow(0);
        grid.asSingleSelect().addValueChangeListener(e ->
                context.select(e.getValue() == null ? null : NotesUi.selection(e.getValue(), locale)));
        grid.addItemDoubleClickListener(e -> context.openEditor(Note.TYPE, String.valueOf(e.getItem().getId())));

        VerticalLayout root = getContent();
        root.setId("notes-list"); // browser tests find the view by this id
        root.setSizeFull();
        root.add(new HorizontalLayout(create, refresh));
        root.addAndExpand(grid);

        // Load when shown, and again each time the view comes back: another tab may have changed the notes.
        addAttachListener(e -> refresh());
    }

    private void refresh() {
        grid.setItems(notes.list());
    }

    private void createNote() {
        try {
            Note note = notes.create(notes.defaultTitle(), "", false);
            refresh();
            context.openEditor(Note.TYPE, String.valueOf(note.getId()));
        } catch (IllegalArgumentException e) { // the limit of notes, or a default title that breaks a rule
            context.notify(e.getMessage());
        }
    }
}
