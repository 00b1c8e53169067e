package org.siyu.samples.notes.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.search.SearchHit;
import org.siyu.testkit.TestPersistenceUnit;

/** The repository against the real migration, in H2 (or PostgreSQL with -Dsiyu.test.postgres). */
class NoteRepositoryTest {

    /** One database for the class: building a SessionFactory takes seconds, emptying the table does not. */
    private static TestPersistenceUnit unit;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-01T09:00:00Z"));
    private final NoteRepository notes = new NoteRepository(unit, config("Untitled note", 3), clock);

    @BeforeAll
    static void open() {
        unit = TestPersistenceUnit.of(new NotesEntities());
    }

    @AfterAll
    static void close() {
        unit.close();
    }

    @BeforeEach
    void empty() {
        unit.inTransaction(em -> em.createQuery("delete from Note").executeUpdate());
    }

    @Test
    void shouldCreateAndReadANote() {
        Note created = notes.create("  Call the supplier ", "Ask about May prices.", true);

        Note read = notes.find(created.getId()).orElseThrow();
        assertEquals("Call the supplier", read.getTitle());
        assertEquals("Ask about May prices.", read.getBody());
        assertTrue(read.isPinned());
        assertEquals(clock.instant(), read.getCreatedAt());
        assertEquals(clock.instant(), read.getUpdatedAt());
        assertEquals(1, notes.count());
    }

    @Test
    void shouldListPinnedNotesFirstThenTheLatest() {
        Note old = notes.create("old", "", false);
        clock.advance(Duration.ofMinutes(1));
        Note pinned = notes.create("pinned", "", true);
        clock.advance(Duration.ofMinutes(1));
        Note latest = notes.create("latest", "", false);

        assertEquals(List.of(pinned.getId(), latest.getId(), old.getId()),
                notes.list().stream().map(Note::getId).toList());
    }

    @Test
    void shouldUpdateANoteAndItsTime() {
        Note note = notes.create("draft", "", false);
        clock.advance(Duration.ofHours(1));

        notes.update(note.getId(), "final", "text", true);

        Note read = notes.find(note.getId()).orElseThrow();
        assertEquals("final", read.getTitle());
        assertEquals("text", read.getBody());
        assertTrue(read.isPinned());
        assertEquals(note.getCreatedAt(), read.getCreatedAt());
        assertEquals(clock.instant(), read.getUpdatedAt());
    }

    @Test
    void shouldRefuseToUpdateAMissingNote() {
        assertThrows(NoSuchElementException.class, () -> notes.update(42, "title", "", false));
    }

    @Test
    void shouldDeleteANote() {
        Note note = notes.create("gone soon", "", false);

        assertTrue(notes.delete(note.getId()));
        assertFalse(notes.delete(note.getId()));
        assertTrue(notes.find(note.getId()).isEmpty());
    }

    @Test
    void shouldRejectInvalidNotesBeforeWriting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> notes.create(" ", "", false));
        assertEquals("title must not be blank", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> notes.create("x".repeat(201), "", false));
        assertEquals("title must be at most 200 characters", e.getMessage());
        assertEquals(0, notes.count());
    }

    @Test
    void shouldRefuseNotesBeyondMaxNotes() {
        for (int i = 0; i < 3; i++) {
            notes.create("note " + i, "", false);
        }

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> notes.create("one too many", "", false));
        assertTrue(e.getMessage().contains("the limit is 3"), e.getMessage());
        assertEquals(3, notes.count());
    }

    @Test
    void shouldApplyChangedSettingsWithoutRestarting() {
        notes.modified(config("Idea", 1000));
        assertEquals("Idea", notes.defaultTitle());
    }

    @Test
    void shouldSearchTitlesIgnoringCaseWithALimit() {
        notes.create("Plan for May", "", false);
        notes.create("May PLAN", "", false);
        notes.create("Budget", "", false);

        assertEquals(2, notes.searchTitles("plan", 10).size());
        assertEquals(1, notes.searchTitles("plan", 1).size());
        assertEquals(List.of("Budget"), notes.searchTitles("UDG", 10).stream().map(Note::getTitle).toList());
    }

    @Test
    void shouldSearchForWildcardsLiterally() {
        notes.create("50% off", "", false);
        notes.create("500 units", "", false);

        assertEquals(List.of("50% off"), notes.searchTitles("50%", 10).stream().map(Note::getTitle).toList());
        assertTrue(notes.searchTitles("5_0", 10).isEmpty());
    }

    @Test
    void searchProviderShouldRankHitsAndShowTheBody() {
        notes.create("May plan", "Order   stock\nearly", false);
        clock.advance(Duration.ofMinutes(1));
        notes.create("Plan", "", false);

        List<SearchHit> hits = new NoteSearch(notes).search("plan", 10, Locale.ENGLISH);

        assertEquals(List.of("Plan", "May plan"), hits.stream().map(SearchHit::title).toList());
        assertEquals(Note.TYPE, hits.getFirst().type());
        assertEquals("Order stock early", hits.get(1).detail());
    }

    static NoteRepository.Config config(String defaultTitle, int maxNotes) {
        return new NoteRepository.Config() {
            @Override
            public String defaultTitle() {
                return defaultTitle;
            }

            @Override
            public int maxNotes() {
                return maxNotes;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return NoteRepository.Config.class;
            }
        };
    }

    /** A clock that moves only when told. */
    private static final class TestClock extends Clock {
        private Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
