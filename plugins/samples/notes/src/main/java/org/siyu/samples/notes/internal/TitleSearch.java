package org.siyu.samples.notes.internal;

import java.util.Locale;

/**
 * How a search query matches note titles: case-insensitively, anywhere in the title. The database does the
 * matching with {@link #likePattern}; {@link #score} then ranks what it found.
 */
final class TitleSearch {

    /** The escape character of {@link #likePattern}; '!' rather than '\' reads the same in every SQL dialect. */
    static final char ESCAPE = '!';

    private TitleSearch() {
    }

    /**
     * A LIKE pattern that finds {@code query} anywhere in a lower-cased title. The query's own {@code %} and
     * {@code _} are escaped, so that "50%" finds "50% off" and not every title holding "50".
     */
    static String likePattern(String query) {
        StringBuilder pattern = new StringBuilder("%");
        for (char c : normalize(query).toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                pattern.append(ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }

    /** Whether {@code title} matches {@code query}: the same answer as the database gives for {@link #likePattern}. */
    static boolean matches(String title, String query) {
        return title != null && normalize(title).contains(normalize(query));
    }

    /**
     * Ranks a matching title: 1 for the whole title, 0.75 for a title that starts with the query, 0.5 for a
     * word that starts with it, 0.25 for a match inside a word; 0 when it does not match.
     */
    static float score(String title, String query) {
        String t = normalize(title);
        String q = normalize(query);
        if (q.isEmpty() || !t.contains(q)) {
            return 0f;
        }
        if (t.equals(q)) {
            return 1f;
        }
        if (t.startsWith(q)) {
            return 0.75f;
        }
        for (int i = t.indexOf(q); i >= 0; i = t.indexOf(q, i + 1)) {
            if (!Character.isLetterOrDigit(t.charAt(i - 1))) {
                return 0.5f;
            }
        }
        return 0.25f;
    }

    /** Lower case without regard to the user's locale, as SQL {@code lower()} works; trimmed. */
    private static String normalize(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
}
