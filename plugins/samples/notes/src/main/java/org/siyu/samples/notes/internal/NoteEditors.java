package org.siyu.samples.notes.internal;

import com.vaadin.flow.component.Component;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.ui.EditorContribution;
import org.siyu.api.ui.ViewContext;

/**
 * Opens notes as editor tabs. Whoever knows a note's id — the list, a search hit, the notes.new command — asks
 * the shell for {@code openEditor("notes.note", id)} and the shell comes here.
 */
@org.osgi.service.component.annotations.Component
public class NoteEditors implements EditorContribution {

    private final NoteRepository notes;

    @Activate
    public NoteEditors(@Reference NoteRepository notes) {
        this.notes = notes;
    }

    @Override
    public String type() {
        return Note.TYPE;
    }

    @Override
    public String title(String recordId, Locale locale) {
        try {
            return notes.find(NotesUi.noteId(recordId)).map(Note::getTitle).orElse(recordId);
        } catch (NoSuchElementException e) {
            return recordId;
        }
    }

    /** Reading a note needs notes.view; saving it needs notes.edit, which the editor checks itself. */
    @Override
    public String permission() {
        return NotesPermissions.VIEW;
    }

    @Override
    public Component createEditor(String recordId, ViewContext context) {
        long id = NotesUi.noteId(recordId);
        Note note = notes.find(id).orElseThrow(() -> new NoSuchElementException("no note with id " + id));
        return new NoteEditor(notes, note, context);
    }
}
