package org.siyu.support.csv;

import java.util.Locale;

/** The cell separator. {@link #AUTO} takes the one of comma, semicolon and tab that the header line has most of. */
public enum Delimiter {
    AUTO('\0'),
    COMMA(','),
    SEMICOLON(';'),
    TAB('\t');

    private final char character;

    Delimiter(char character) {
        this.character = character;
    }

    public char character() {
        return character;
    }

    /** The delimiter of {@code c}, which must be a comma, a semicolon or a tab. */
    public static Delimiter of(char c) {
        return switch (c) {
            case ',' -> COMMA;
            case ';' -> SEMICOLON;
            case '\t' -> TAB;
            default -> throw new IllegalArgumentException("'" + c + "' is not a supported delimiter");
        };
    }

    /**
     * Reads a user's choice: {@code auto}, {@code comma} or {@code ,}, {@code semicolon} or {@code ;}, {@code tab}.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Delimiter parse(String value) {
        if (value == null || value.isEmpty() || value.equalsIgnoreCase("auto")) {
            return AUTO;
        }
        if (value.equals("\t")) {
            return TAB;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "comma", "," -> COMMA;
            case "semicolon", ";" -> SEMICOLON;
            case "tab", "\\t" -> TAB;
            default -> throw new IllegalArgumentException("delimiter '" + value
                    + "' is not supported: use auto, comma, semicolon or tab");
        };
    }

    /** The counts of comma, semicolon and tab outside double quotes in {@code line}: the most frequent, else comma. */
    static Delimiter guess(String line) {
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                switch (c) {
                    case ',' -> comma++;
                    case ';' -> semicolon++;
                    case '\t' -> tab++;
                    default -> { }
                }
            }
        }
        if (tab > comma && tab >= semicolon) {
            return TAB;
        }
        return semicolon > comma ? SEMICOLON : COMMA;
    }
}
