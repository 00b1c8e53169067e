package org.siyu.kernel.events.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.events.Event;
import org.siyu.testkit.TestPersistenceUnit;

class EventBusServiceTest {

    private TestPersistenceUnit unit;
    private EventBusService bus;

    @BeforeEach
    void setUp() throws Exception {
        unit = TestPersistenceUnit.inMemory(new EventsEntities());
        unit.execute("CREATE TABLE test_order (id INTEGER PRIMARY KEY)");
        bus = new EventBusService(unit, new OutboxTransactions(), Settings.DEFAULTS, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        unit.close();
    }

    @Test
    void shouldPublishAndReadBackInOffsetOrder() {
        Event first = bus.publish(new Event(0, "e1", "order.paid", "commerce", 7, Instant.parse("2026-11-23T10:15:30.123456789Z"),
                "{\"orderId\":\"A1\"}"));
        Event second = bus.publish(Event.of("order.shipped", "commerce", 7, "{}"));

        assertTrue(first.offset() > 0);
        assertTrue(second.offset() > first.offset());
        List<Event> read = bus.read(0, 10);
        assertEquals(List.of("e1", second.id()), read.stream().map(Event::id).toList());
        Event back = read.getFirst();
        assertEquals(first, back, "what publish returns is what read returns");
        assertEquals(Instant.parse("2026-11-23T10:15:30.123456Z"), back.time(), "stored to the microsecond");
        assertEquals("{\"orderId\":\"A1\"}", back.data());
        assertEquals(List.of(second.id()), bus.read(first.offset(), 10).stream().map(Event::id).toList());
        assertEquals(1, bus.read(0, 1).size());
    }

    @Test
    void shouldSkipIdsAlreadyOnTheBusAndRepeatedInTheBatch() {
        bus.publishAll(Recorder.events("a", 3, "order.paid", 1));

        List<Event> batch = new ArrayList<>(Recorder.events("a", 5, "order.paid", 1)); // a0..a2 exist, a3, a4 new
        batch.add(new Event(0, "a3", "order.paid", "test", 1, Instant.now(), "{\"again\":true}"));
        List<Event> published = bus.publishAll(batch);

        assertEquals(List.of("a3", "a4"), published.stream().map(Event::id).toList());
        assertEquals(List.of("a0", "a1", "a2", "a3", "a4"), bus.read(0, 100).stream().map(Event::id).toList());
        assertEquals("{\"n\":3}", bus.read(0, 100).get(3).data(), "the first of two repeated ids wins");
        assertTrue(bus.publishAll(batch).isEmpty(), "publishing the same batch again changes nothing");
    }

    @Test
    void shouldAnswerTheStoredEventWhenOnePublishRepeatsAnId() {
        Event stored = bus.publish(new Event(0, "same", "order.paid", "test", 1, Instant.now(), "{\"v\":1}"));
        Event again = bus.publish(new Event(0, "same", "order.paid", "test", 1, Instant.now(), "{\"v\":2}"));

        assertEquals(stored, again);
        assertEquals(1, bus.read(0, 10).size());
    }

    @Test
    void shouldCommitTheEventWithTheCallersTransaction() {
        unit.inTransaction(em -> {
            em.unwrap(Session.class).doWork(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO test_order VALUES (1)");
                }
            });
            return bus.publish(Event.of("order.created", "commerce", 1, "{\"orderId\":1}"));
        });

        assertEquals(1, orders());
        assertEquals(1, bus.read(0, 10).size());
    }

    @Test
    void shouldRollBackTheEventWithTheCallersTransaction() {
        assertThrows(IllegalStateException.class, () -> unit.inTransaction(em -> {
            em.unwrap(Session.class).doWork(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO test_order VALUES (2)");
                }
            });
            bus.publishAll(Recorder.events("r", 10, "order.created", 2));
            throw new IllegalStateException("the business change failed after publishing");
        }));

        assertEquals(0, orders());
        assertTrue(bus.read(0, 100).isEmpty(), "no event of a rolled-back transaction");
    }

    @Test
    void shouldRefuseDataThatIsNotAJsonObject() {
        for (String bad : List.of("[1,2]", "\"text\"", "{\"a\":", "{} {}", "42")) {
            Event event = new Event(0, "bad-" + bad.hashCode(), "order.paid", "test", null, Instant.now(), bad);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bus.publish(event), bad);
            assertTrue(e.getMessage().contains("data"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bus.publishAll(List.of(
                Event.of("a.b", "t", null, "{}"), Event.of("a.b", "t", null, "[]"))));
        assertTrue(e.getMessage().startsWith("event 1 "), e.getMessage());
        assertTrue(bus.read(0, 10).isEmpty(), "a batch with a bad event writes nothing");
    }

    @Test
    void shouldAnswerACustomersTimelineNewestFirst() {
        bus.publishAll(List.of(
                new Event(0, "t1", "order.paid", "c", 5, Instant.now(), "{}"),
                new Event(0, "t2", "order.paid", "c", 6, Instant.now(), "{}"),
                new Event(0, "t3", "order.refunded", "c", 5, Instant.now(), "{}"),
                new Event(0, "t4", "system.tick", "c", null, Instant.now(), "{}")));

        assertEquals(List.of("t3", "t1"), bus.timeline(5, 10).stream().map(Event::id).toList());
        assertEquals(List.of("t3"), bus.timeline(5, 1).stream().map(Event::id).toList());
        assertTrue(bus.timeline(99, 10).isEmpty());
    }

    private int orders() {
        try (var c = unit.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM test_order")) {
            rs.next();
            return rs.getInt(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
