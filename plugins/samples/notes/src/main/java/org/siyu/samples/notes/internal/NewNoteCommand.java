package org.siyu.samples.notes.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.CommandContribution;
import org.siyu.api.ui.ViewContext;

/**
 * {@code notes.new [title]}: creates a note and opens it. From the palette (Ctrl+K) the title is the configured
 * default; in the console, {@code notes.new Call the supplier} gives it one.
 */
@Component
public class NewNoteCommand implements CommandContribution {

    private final NoteRepository notes;

    @Activate
    public NewNoteCommand(@Reference NoteRepository notes) {
        this.notes = notes;
    }

    @Override
    public String id() {
        return "notes.new";
    }

    @Override
    public Text title() {
        return Text.of("New note", "新建笔记");
    }

    /** The shell checks this before {@link #execute}: the command needs no check of its own. */
    @Override
    public String permission() {
        return NotesPermissions.EDIT;
    }

    /** A title that breaks a rule, or one note too many, fails with the repository's message; the shell shows it. */
    @Override
    public void execute(ViewContext context, String argument) {
        String title = argument == null || argument.isBlank() ? notes.defaultTitle() : argument;
        Note note = notes.create(title, "", false);
        context.log("Created note " + note.getId() + ": " + note.getTitle());
        context.openEditor(Note.TYPE, String.valueOf(note.getId()));
    }
}
