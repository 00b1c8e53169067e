package org.siyu.samples.notes.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.Selection;
import org.siyu.api.ui.ViewContext;

/** What the list, the editor and the inspector section share: ids, times, selections, permissions. */
final class NotesUi {

    private NotesUi() {
    }

    /**
     * The note id in a record id, as the shell passes it to editors and selections.
     *
     * @throws NoSuchElementException if {@code recordId} is not a note id; the shell reports "no such record"
     */
    static long noteId(String recordId) {
        try {
            return Long.parseLong(recordId);
        } catch (NumberFormatException e) {
            throw new NoSuchElementException("no note with id '" + recordId + "'");
        }
    }

    /** A time in the user's language, in the server's time zone. */
    static String time(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(locale)
                .withZone(ZoneId.systemDefault())
                .format(instant);
    }

    /** "Yes" or "No" in the user's language. */
    static String yesNo(boolean value, Locale locale) {
        return (value ? Text.of("Yes", "是") : Text.of("No", "否")).get(locale);
    }

    /** The selection for {@code note}: the inspector lists its properties, and sections may add more. */
    static Selection selection(Note note, Locale locale) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(Text.of("Title", "标题").get(locale), note.getTitle());
        properties.put(Text.of("Pinned", "置顶").get(locale), yesNo(note.isPinned(), locale));
        properties.put(Text.of("Updated", "更新时间").get(locale), time(note.getUpdatedAt(), locale));
        return new Selection(Note.TYPE, String.valueOf(note.getId()), note.getTitle(), properties);
    }

    /** Whether the session's user may create, change and delete notes. */
    static boolean canEdit(ViewContext context) {
        return context.user().isPermitted(NotesPermissions.EDIT);
    }
}
