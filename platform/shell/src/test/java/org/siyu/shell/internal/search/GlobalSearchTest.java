package org.siyu.shell.internal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.siyu.api.search.SearchHit;
import org.siyu.api.search.SearchProvider;
import org.siyu.api.ui.Perspective;
import org.siyu.shell.internal.Fixtures;
import org.siyu.shell.internal.ViewEntry;

class GlobalSearchTest {

    private final List<ViewEntry> views = List.of(
            ViewEntry.of(Fixtures.view("notes.list", "Notes", "笔记", "Notes", Perspective.OPERATIONS, null), "b").orElseThrow(),
            ViewEntry.of(Fixtures.view("tags.list", "Tags", "标签", "Tags", Perspective.OPERATIONS, null), "b").orElseThrow());

    @Test
    void slowAndBrokenProvidersAreSkipped() {
        SearchProvider good = (q, limit, locale) -> List.of(
                new SearchHit("notes.note", "1", "Note about " + q, "first", 1f),
                new SearchHit("notes.note", "2", "Another " + q, null, 0.5f),
                new SearchHit("notes.note", "3", "Third", null, 0.1f));
        SearchProvider broken = (q, limit, locale) -> {
            throw new IllegalStateException("index closed");
        };
        SearchProvider slow = (q, limit, locale) -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(new SearchHit("slow", "1", "too late", null, 1f));
        };
        long start = System.nanoTime();
        List<SearchResult> results = new GlobalSearch(Duration.ofMillis(300))
                .search(" milk ", Locale.ENGLISH, views, List.of(slow, broken, good), 2);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 2_000, "waited " + millis + " ms");
        assertEquals(List.of("notes.note:1", "notes.note:2"), results.stream().map(SearchResult::key).toList());
        assertEquals("Note about milk", results.get(0).title());
    }

    @Test
    void viewTitlesMatchInEitherLanguageAndComeFirst() {
        SearchProvider one = (q, limit, locale) -> List.of(new SearchHit("notes.note", "7", "Notes of June", null, 1f));
        List<SearchResult> results = new GlobalSearch(Duration.ofMillis(500))
                .search("note", Locale.CHINA, views, List.of(one), 5);
        assertEquals(List.of("view:notes.list", "notes.note:7"), results.stream().map(SearchResult::key).toList());
        assertEquals("笔记", results.get(0).title());
        assertEquals(List.of("view:tags.list"), new GlobalSearch(Duration.ofMillis(100))
                .search("标签", Locale.CHINA, views, List.of(), 5).stream().map(SearchResult::key).toList());
    }

    @Test
    void blankQueryAsksNobody() {
        SearchProvider fails = (q, limit, locale) -> {
            throw new AssertionError("must not be asked");
        };
        assertEquals(List.of(), new GlobalSearch(Duration.ofMillis(100)).search("  ", Locale.ENGLISH, views,
                List.of(fails), 5));
    }
}
