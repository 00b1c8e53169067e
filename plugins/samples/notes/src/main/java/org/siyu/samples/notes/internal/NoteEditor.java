package org.siyu.samples.notes.internal;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.ViewContext;

/**
 * The editor of one note in one session: title, body, pinned, and Save / Delete. A user without notes.edit
 * sees the note read-only.
 */
class NoteEditor extends Composite<VerticalLayout> {

    private final NoteRepository notes;
    private final ViewContext context;
    private final Locale locale;
    private final long id;

    private final TextField title = new TextField();
    private final TextArea body = new TextArea();
    private final Checkbox pinned = new Checkbox();
    private final Button save = new Button();
    private final Button delete = new Button();

    NoteEditor(NoteRepository notes, Note note, ViewContext context) {
        this.notes = notes;
        this.context = context;
        this.locale = context.locale();
        this.id = note.getId();

        title.setLabel(text("Title", "标题"));
        title.setMaxLength(NoteRules.MAX_TITLE_LENGTH);
        title.setRequiredIndicatorVisible(true);
        title.setWidthFull();
        title.setValue(note.getTitle());
        body.setLabel(text("Body", "正文"));
        body.setMaxLength(NoteRules.MAX_BODY_LENGTH);
        body.setWidthFull();
        body.setMinHeight("12em");
        body.setValue(note.getBody());
        pinned.setLabel(text("Pinned", "置顶"));
        pinned.setValue(note.isPinned());

        save.setText(text("Save", "保存"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> save());
        delete.setText(text("Delete", "删除"));
        delete.addThemeVariants(ButtonVariant.ERROR);
        delete.addClickListener(e -> confirmDelete());

        boolean canEdit = NotesUi.canEdit(context);
        title.setReadOnly(!canEdit);
        body.setReadOnly(!canEdit);
        pinned.setReadOnly(!canEdit);
        save.setEnabled(canEdit);
        delete.setEnabled(canEdit);

        VerticalLayout root = getContent();
        root.setId("notes-editor-" + id);
        root.add(title, body, pinned, new HorizontalLayout(save, delete));
    }

    private void save() {
        // The button is disabled for users without notes.edit, but the rule is enforced here, on the server,
        // where it cannot be bypassed: the permission may also have been taken away since the editor opened.
        if (!NotesUi.canEdit(context)) {
            context.notify(text("You may not change notes.", "你没有修改笔记的权限。"));
            return;
        }
        title.setInvalid(false);
        body.setInvalid(false);
        // Ask the same rules the repository enforces, to show each problem next to its field.
        List<NoteRules.Violation> violations = NoteRules.check(title.getValue(), body.getValue());
        for (NoteRules.Violation violation : violations) {
            HasValidation field = "title".equals(violation.field()) ? title : body;
            field.setErrorMessage(violation.message().get(locale));
            field.setInvalid(true);
        }
        if (!violations.isEmpty()) {
            return;
        }
        try {
            Note saved = notes.update(id, title.getValue(), body.getValue(), pinned.getValue());
            title.setValue(saved.getTitle());
            context.select(NotesUi.selection(saved, locale));
            context.notify(text("Note saved.", "笔记已保存。"));
        } catch (NoSuchElementException e) {
            context.notify(text("This note has been deleted.", "这条笔记已被删除。"));
        }
    }

    private void confirmDelete() {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(text("Delete note?", "删除笔记？"));
        dialog.setText(text("The note is deleted for everyone. This cannot be undone.",
                "笔记将对所有人删除，且无法恢复。"));
        dialog.setCancelable(true);
        dialog.setCancelText(text("Cancel", "取消"));
        dialog.setConfirmText(text("Delete", "删除"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> delete());
        dialog.open();
    }

    private void delete() {
        if (!NotesUi.canEdit(context)) {
            context.notify(text("You may not delete notes.", "你没有删除笔记的权限。"));
            return;
        }
        notes.delete(id);
        // The SDK has no way to close an editor tab; leave it open, read-only, and say what happened.
        title.setReadOnly(true);
        body.setReadOnly(true);
        pinned.setReadOnly(true);
        save.setEnabled(false);
        delete.setEnabled(false);
        context.select(null);
        context.notify(text("Note deleted.", "笔记已删除。"));
    }

    private String text(String en, String zh) {
        return Text.of(en, zh).get(locale);
    }
}
