package org.siyu.samples.notes.internal;

/** Counting and abbreviating a note's text, for the inspector and search results. */
final class NoteText {

    private NoteText() {
    }

    /**
     * The number of words in {@code text}. A word is a run of letters or digits, which may hold an apostrophe
     * or a hyphen between them ({@code don't}, {@code e-mail}). Chinese and Japanese are written without
     * spaces, so each of their characters counts as one word, as word processors count them.
     */
    static int words(String text) {
        if (text == null) {
            return 0;
        }
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isIdeographic(cp) || isKana(cp)) {
                words++;
                inWord = false;
            } else if (Character.isLetterOrDigit(cp)) {
                if (!inWord) {
                    words++;
                    inWord = true;
                }
            } else if (inWord && (cp == '\'' || cp == '’' || cp == '-')
                    && i < text.length() && Character.isLetterOrDigit(text.codePointAt(i))) {
                // a joiner inside a word: the word goes on
            } else {
                inWord = false;
            }
        }
        return words;
    }

    /**
     * The number of characters in {@code text} as a reader counts them: code points, so an emoji outside the
     * Basic Multilingual Plane is one character, not the two {@code char}s of {@link String#length()}.
     */
    static int characters(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }

    /**
     * The start of {@code text} on one line: runs of white space become one space, and a text longer than
     * {@code max} characters is cut at a word boundary when there is one and ends with "…".
     * Returns {@code null} for a blank text.
     */
    static String snippet(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.length() <= max) {
            return line;
        }
        int cut = line.lastIndexOf(' ', max - 1);
        if (cut < max / 2) {
            cut = max - 1;
        }
        if (Character.isHighSurrogate(line.charAt(cut - 1))) {
            cut--;
        }
        return line.substring(0, cut).stripTrailing() + "…";
    }

    private static boolean isKana(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
    }
}
