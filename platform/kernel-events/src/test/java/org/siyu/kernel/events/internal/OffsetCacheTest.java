package org.siyu.kernel.events.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siyu.api.events.Event;
import org.siyu.testkit.TestPersistenceUnit;

/**
 * The offset sequence's larger cache on H2 ({@link OffsetCache}): set at activation, left alone on PostgreSQL, and
 * safe with the gap rule after a crash: a writer killed with SIGKILL loses no committed event, the node that starts
 * again continues after a hole of up to the cache, and a reader passes that hole after one grace period without
 * skipping anything that was committed.
 */
class OffsetCacheTest {

    @TempDir
    Path dir;

    @Test
    void shouldRaiseTheCacheOnH2OnceAndLeaveItThen() throws Exception {
        try (TestPersistenceUnit unit = TestPersistenceUnit.inMemory(new EventsEntities());
                Connection c = unit.connect()) {
            assertEquals(32, OffsetCache.current(c), "H2's default, as V1 creates the column");
            new EventBusService(unit, new OutboxTransactions(), Settings.DEFAULTS, Clock.systemUTC());
            assertEquals(OffsetCache.H2_CACHE, OffsetCache.current(c));
            assertFalse(OffsetCache.apply(c), "a second activation changes nothing");
        }
    }

    @Test
    void shouldLeaveOtherDatabasesAlone() throws Exception {
        // PostgreSQL caches per session: offsets would come out of order across pooled connections
        try (TestPersistenceUnit unit = TestPersistenceUnit.of(new EventsEntities()); Connection c = unit.connect()) {
            boolean h2 = unit.url().startsWith("jdbc:h2:");
            assertEquals(h2, OffsetCache.apply(c));
            if (!h2) {
                try (var rs = c.createStatement().executeQuery("SELECT cache_size FROM pg_sequences"
                        + " WHERE sequencename LIKE 'events_event_event_offset%'")) {
                    assertTrue(rs.next());
                    assertEquals(1, rs.getLong(1));
                }
            }
        }
    }

    @Test
    void shouldLoseNothingAndPassTheHoleOfAKillAfterOneGracePeriod() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("events") + ";WRITE_DELAY=0";
        List<Long> reported = new ArrayList<>();
        Process child = new ProcessBuilder(System.getProperty("java.home") + File.separator + "bin" + File.separator
                + "java", "-cp", System.getProperty("java.class.path"), OffsetWriter.class.getName(), url)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            String line;
            do {
                line = out.readLine(); // skip log lines until the writer is ready
            } while (line != null && !line.equals("READY"));
            assertEquals("READY", line, "the writer did not start");
            while (reported.size() < 200 && (line = out.readLine()) != null) {
                if (line.matches("\\d+")) {
                    reported.add(Long.parseLong(line));
                }
            }
            child.destroyForcibly(); // SIGKILL on Linux
            assertTrue(child.waitFor(20, TimeUnit.SECONDS));
        }
        assertEquals(200, reported.size(), "the writer stopped early");
        long lastReported = reported.getLast();

        // the node starts again; the grace period is short so the test can wait for it
        Duration grace = Duration.ofMillis(1500);
        Settings settings = new Settings(3, Duration.ofMillis(10), Duration.ofMillis(100), grace, Duration.ofMinutes(5),
                Duration.ofMillis(50), 10_000);
        // microseconds, as the database stores published_at (it would round the nanoseconds up)
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MICROS));
        try (TestPersistenceUnit unit = TestPersistenceUnit.at(new EventsEntities(), url)) {
            EventBusService bus = new EventBusService(unit, new OutboxTransactions(), settings, clock);
            List<Event> before = bus.read(0, 10_000);
            List<Long> offsets = before.stream().map(Event::offset).toList();
            assertTrue(offsets.containsAll(reported), "every reported commit is on disk");
            long lastWritten = offsets.getLast();
            assertTrue(lastWritten >= lastReported);
            assertEquals(lastWritten, offsets.size(), "offsets before the kill have no holes");

            Event after = bus.publish(Event.of("order.paid", "test", 1, "{\"after\":true}"));
            assertTrue(after.offset() > lastWritten + 32, "the kill left a hole larger than H2's old cache of 32: "
                    + lastWritten + " then " + after.offset());
            assertTrue(after.offset() <= lastWritten + OffsetCache.H2_CACHE + 1, "and no larger than the cache");

            assertEquals(List.of(), bus.read(lastWritten, 100), "within the grace period the reader waits at the hole");
            clock.advance(grace);
            assertEquals(List.of(after.id()), bus.read(lastWritten, 100).stream().map(Event::id).toList(),
                    "after it, the reader passes the hole and skips no committed event");
            assertEquals(offsets.size() + 1, bus.read(0, 10_000).size());
        }
    }

    /** A clock the test moves: the grace period is measured from the inserted event's {@code published_at}. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
