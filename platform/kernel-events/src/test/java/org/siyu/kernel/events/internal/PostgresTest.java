package org.siyu.kernel.events.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.siyu.api.events.Event;
import org.siyu.testkit.TestPersistenceUnit;

/**
 * The migration and every statement of the bus on PostgreSQL. Runs only with
 * {@code -Dsiyu.test.postgres=jdbc:postgresql://host:port/db?user=…} and wipes that database's public schema.
 */
@EnabledIfSystemProperty(named = "siyu.test.postgres", matches = "jdbc:postgresql:.+")
class PostgresTest {

    private TestPersistenceUnit unit;
    private EventBusService bus;
    private Delivery delivery;
    private OutboxTransactions transactions;

    @BeforeEach
    void setUp() throws Exception {
        String url = System.getProperty("siyu.test.postgres");
        TestPersistenceUnit.wipe(url);
        unit = TestPersistenceUnit.at(new EventsEntities(), url);
        transactions = new OutboxTransactions();
        Settings settings = new Settings(2, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(2),
                Duration.ofMinutes(5), Duration.ofMillis(50), 100);
        bus = new EventBusService(unit, transactions, settings, Clock.systemUTC());
        delivery = new Delivery(unit, transactions, settings, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        delivery.deactivate();
        unit.close();
    }

    @Test
    void shouldPublishDeduplicateReadAndTimelineOnPostgres() {
        Event first = bus.publish(new Event(0, "pg1", "order.paid", "pos", 3, Instant.parse("2026-11-23T10:15:30.123456Z"),
                "{\"a\":1}"));
        List<Event> more = bus.publishAll(List.of(
                new Event(0, "pg1", "order.paid", "pos", 3, Instant.now(), "{}"),
                new Event(0, "pg2", "order.paid", "pos", null, Instant.now(), "{}"),
                new Event(0, "pg3", "order.refunded", "pos", 3, Instant.now(), "{}")));

        assertEquals(List.of("pg2", "pg3"), more.stream().map(Event::id).toList());
        assertTrue(more.get(0).offset() > first.offset() && more.get(1).offset() > more.get(0).offset());
        List<Event> read = bus.read(0, 10);
        assertEquals(List.of("pg1", "pg2", "pg3"), read.stream().map(Event::id).toList());
        assertEquals(first, read.getFirst());
        assertEquals(more, read.subList(1, 3), "offsets from the batch's generated keys match the rows");
        assertEquals(List.of("pg3", "pg1"), bus.timeline(3, 10).stream().map(Event::id).toList());
    }

    @Test
    void shouldDeliverRecordDeadLettersAndReplayOnPostgres() throws Exception {
        Recorder recorder = new Recorder();
        recorder.failWhen = e -> e.type().equals("order.bad");
        delivery.addSubscriber(recorder, Recorder.props("pg.sub", "order.*"));
        bus.publish(Event.of("order.bad", "pos", 1, "{}"));
        bus.publish(Event.of("order.good", "pos", 1, "{}"));

        assertTrue(Recorder.await(Duration.ofSeconds(10), () -> recorder.received.size() == 1));
        assertTrue(Recorder.await(Duration.ofSeconds(10), () -> !delivery.deadLetters(false, 10).isEmpty()));
        recorder.failWhen = e -> false;
        assertTrue(delivery.replay(delivery.deadLetters(false, 10).getFirst().id()).get().replayed());
        assertEquals(2, recorder.received.size());
        // The running dispatcher saves its position at most SavedPosition.SAVE_EVERY after it moved.
        assertTrue(Recorder.await(Duration.ofSeconds(10), () -> delivery.subscribers().getFirst().position() > 0));
    }

    @Test
    void shouldWaitForAnEventAnotherSessionCommitsLateOnPostgres() throws Exception {
        Recorder recorder = new Recorder();
        delivery.addSubscriber(recorder, Recorder.props("pg.gap", "*"));
        try (Connection other = unit.connect()) {
            other.setAutoCommit(false);
            try (PreparedStatement ps = other.prepareStatement("INSERT INTO events_event (id, type, source, subject, time,"
                    + " data, published_at) VALUES ('remote', 'order.paid', 'other', 1, ?, '{}', ?)")) {
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                ps.setObject(1, now);
                ps.setObject(2, now);
                ps.executeUpdate();
            }
            bus.publish(new Event(0, "local", "order.paid", "pos", 1, Instant.now(), "{}"));
            Thread.sleep(500);
            assertTrue(recorder.received.isEmpty());
            other.commit();
        }
        assertTrue(Recorder.await(Duration.ofSeconds(5), () -> recorder.received.size() == 2));
        assertEquals(List.of("remote", "local"), recorder.receivedIds());
    }
}
