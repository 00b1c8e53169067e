package org.siyu.samples.notes.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class NoteTextTest {

    @Test
    void shouldCountNoWordsInNothing() {
        assertEquals(0, NoteText.words(null));
        assertEquals(0, NoteText.words(""));
        assertEquals(0, NoteText.words("  \n\t — ... "));
    }

    @Test
    void shouldCountWordsSeparatedBySpacesAndPunctuation() {
        assertEquals(2, NoteText.words("hello world"));
        assertEquals(3, NoteText.words("  one,two;\nthree.  "));
        assertEquals(3, NoteText.words("ship 2026 orders"));
    }

    @Test
    void shouldKeepApostrophesAndHyphensInsideWords() {
        assertEquals(3, NoteText.words("don't re-order it"));
        assertEquals(2, NoteText.words("it’s fine"));
        assertEquals(2, NoteText.words("end - start")); // a dash between spaces joins nothing
        assertEquals(1, NoteText.words("'quoted'"));
    }

    @Test
    void shouldCountEachChineseCharacterAsAWord() {
        assertEquals(4, NoteText.words("笔记示例"));
        assertEquals(4, NoteText.words("Siyu 私域 platform")); // Siyu, 私, 域, platform
        assertEquals(5, NoteText.words("ひらがな2")); // four kana, one number
    }

    @Test
    void shouldCountCharactersAsCodePoints() {
        assertEquals(0, NoteText.characters(null));
        assertEquals(5, NoteText.characters("hello"));
        assertEquals(2, NoteText.characters("笔记"));
        assertEquals(2, NoteText.characters("a😀")); // the emoji is two chars in Java, one character to a reader
    }

    @Test
    void shouldShowShortTextsOnOneLine() {
        assertNull(NoteText.snippet(null, 20));
        assertNull(NoteText.snippet(" \n ", 20));
        assertEquals("first line second line", NoteText.snippet("  first line\n\n second   line ", 40));
    }

    @Test
    void shouldCutLongTextsAtAWordBoundary() {
        assertEquals("the quick brown…", NoteText.snippet("the quick brown fox jumps", 18));
    }

    @Test
    void shouldCutTextsWithoutSpacesAnywhere() {
        assertEquals("abcdefghi…", NoteText.snippet("abcdefghijklmnop", 10));
        assertEquals("笔记笔记笔记笔记笔…", NoteText.snippet("笔记".repeat(20), 10));
    }
}
