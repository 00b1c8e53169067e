package org.siyu.shell.internal.palette;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.siyu.api.security.Role;
import org.siyu.shell.internal.Catalog;
import org.siyu.shell.internal.CommandEntry;
import org.siyu.shell.internal.Messages;
import org.siyu.shell.internal.ViewEntry;
import org.siyu.shell.internal.search.SearchResult;

/** Builds and filters the palette's entries. No UI here, so it can be tested. */
public final class PaletteModel {

    private PaletteModel() {
    }

    /** Every permitted view ("Open: …") and every permitted command, views first. */
    public static List<PaletteEntry> entries(Catalog catalog, Role role, Locale locale) {
        Messages m = Messages.of(locale);
        List<PaletteEntry> entries = new ArrayList<>();
        for (ViewEntry v : catalog.permittedViews(role)) {
            entries.add(new PaletteEntry(PaletteEntry.Kind.VIEW, v.id(), m.t("palette.open", v.title().get(locale))));
        }
        for (CommandEntry c : catalog.permittedCommands(role)) {
            entries.add(new PaletteEntry(PaletteEntry.Kind.COMMAND, c.id(), c.title().get(locale)));
        }
        return entries;
    }

    /**
     * The entries whose label or id contains every word of {@code query} (case-insensitive); those whose
     * label or id starts with the first word come first. A blank query keeps everything.
     */
    public static List<PaletteEntry> filter(List<PaletteEntry> entries, String query) {
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return List.copyOf(entries);
        }
        String[] words = q.split("\\s+");
        List<PaletteEntry> matches = new ArrayList<>();
        for (PaletteEntry e : entries) {
            String hay = (e.label() + " " + e.id()).toLowerCase(Locale.ROOT);
            boolean all = true;
            for (String w : words) {
                all &= hay.contains(w);
            }
            if (all) {
                matches.add(e);
            }
        }
        matches.sort(Comparator.comparingInt(e -> startsWith(e, words[0]) ? 0 : 1));
        return matches;
    }

    /** Records found by the search (the index and the providers) as palette entries, after views and commands. */
    public static List<PaletteEntry> records(List<SearchResult> results) {
        List<PaletteEntry> entries = new ArrayList<>();
        for (SearchResult r : results) {
            if (!r.isView()) {
                String detail = r.detail() == null || r.detail().isBlank() ? "" : " · " + r.detail();
                entries.add(new PaletteEntry(PaletteEntry.Kind.RECORD, r.type() + ":" + r.id(), r.title() + detail));
            }
        }
        return entries;
    }

    private static boolean startsWith(PaletteEntry e, String word) {
        String label = e.label().toLowerCase(Locale.ROOT);
        int colon = Math.max(label.indexOf(':'), label.indexOf('：'));
        String title = colon >= 0 ? label.substring(colon + 1).trim() : label;
        return title.startsWith(word) || e.id().toLowerCase(Locale.ROOT).startsWith(word);
    }

    /** A console line split into a command id and its argument. */
    public record CommandLine(String id, String argument) {

        /** {@code "notes.new Buy milk"} → id {@code notes.new}, argument {@code Buy milk}; null if blank. */
        public static CommandLine parse(String line) {
            if (line == null || line.isBlank()) {
                return null;
            }
            String trimmed = line.strip();
            int space = trimmed.indexOf(' ');
            return space < 0 ? new CommandLine(trimmed, "")
                    : new CommandLine(trimmed.substring(0, space), trimmed.substring(space + 1).strip());
        }
    }
}
