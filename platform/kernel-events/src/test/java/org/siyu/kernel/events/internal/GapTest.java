package org.siyu.kernel.events.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.events.Event;
import org.siyu.testkit.TestPersistenceUnit;

/**
 * Offsets are handed out at insert and become visible at commit, so a later offset can be visible before an
 * earlier one. These tests make that happen for real, on this node and as another node would, and check that no
 * event is skipped and a gap that never fills costs no more than the grace period.
 */
class GapTest {

    private TestPersistenceUnit unit;
    private OutboxTransactions transactions;
    private EventBusService bus;
    private Delivery delivery;

    @BeforeEach
    void setUp() {
        unit = TestPersistenceUnit.inMemory(new EventsEntities());
        transactions = new OutboxTransactions();
    }

    @AfterEach
    void tearDown() {
        if (delivery != null) {
            delivery.deactivate();
        }
        unit.close();
    }

    private Recorder start(Duration grace) {
        Settings settings = new Settings(3, Duration.ofMillis(10), Duration.ofMillis(100), grace, Duration.ofMinutes(5),
                Duration.ofMillis(50), 100);
        bus = new EventBusService(unit, transactions, settings, Clock.systemUTC());
        delivery = new Delivery(unit, transactions, settings, Clock.systemUTC());
        Recorder recorder = new Recorder();
        delivery.addSubscriber(recorder, Recorder.props("test.gap", "*"));
        return recorder;
    }

    @Test
    void shouldDeliverAnEventCommittedLateOnThisNodeBeforeTheOnesAfterIt() throws Exception {
        Recorder recorder = start(Duration.ofMinutes(1)); // the grace period plays no part: this node knows
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Event> slow = CompletableFuture.supplyAsync(() -> unit.inTransaction(em -> {
            Event e = bus.publish(new Event(0, "early", "order.paid", "test", 1, Instant.now(), "{}"));
            inserted.countDown();
            commit.await();
            return e;
        }));
        assertTrue(inserted.await(5, TimeUnit.SECONDS));
        Event later = bus.publish(new Event(0, "later", "order.paid", "test", 1, Instant.now(), "{}"));

        Thread.sleep(500);
        assertTrue(recorder.received.isEmpty(), "the reader waits at the open offset, got " + recorder.receivedIds());
        assertTrue(bus.read(0, 10).isEmpty(), "read() stops there too");
        commit.countDown();
        Event early = slow.get(5, TimeUnit.SECONDS);

        assertTrue(early.offset() < later.offset(), "the test made a real gap");
        assertTrue(Recorder.await(Duration.ofSeconds(5), () -> recorder.received.size() == 2));
        assertEquals(List.of("early", "later"), recorder.receivedIds());
        assertEquals(List.of("early", "later"), bus.read(0, 10).stream().map(Event::id).toList());
    }

    @Test
    void shouldDeliverAnEventAnotherNodeCommitsLateWithinTheGracePeriod() throws Exception {
        Recorder recorder = start(Duration.ofSeconds(3));
        try (Connection otherNode = unit.connect()) {
            otherNode.setAutoCommit(false);
            insertAsAnotherNode(otherNode, "remote");
            bus.publish(new Event(0, "local", "order.paid", "test", 1, Instant.now(), "{}"));

            Thread.sleep(700);
            assertTrue(recorder.received.isEmpty(), "nothing known about the gap: wait, got " + recorder.receivedIds());
            otherNode.commit();
        }

        assertTrue(Recorder.await(Duration.ofSeconds(5), () -> recorder.received.size() == 2));
        assertEquals(List.of("remote", "local"), recorder.receivedIds());
    }

    @Test
    void shouldDeliverAnotherNodesEventBetweenTwoOfThisNodesInOffsetOrder() throws Exception {
        Recorder recorder = start(Duration.ofMinutes(1));
        bus.publish(new Event(0, "local-1", "order.paid", "test", 1, Instant.now(), "{}"));
        try (Connection otherNode = unit.connect()) {
            otherNode.setAutoCommit(true);
            insertAsAnotherNode(otherNode, "remote"); // committed, but never in this node's in-memory tail
        }
        bus.publish(new Event(0, "local-2", "order.paid", "test", 1, Instant.now(), "{}"));

        assertTrue(Recorder.await(Duration.ofSeconds(5), () -> recorder.received.size() == 3));
        assertEquals(List.of("local-1", "remote", "local-2"), recorder.receivedIds());
    }

    @Test
    void shouldPassAGapThatNeverFillsAfterTheGracePeriod() throws Exception {
        Recorder recorder = start(Duration.ofMillis(1_000));
        try (Connection otherNode = unit.connect()) {
            otherNode.setAutoCommit(false);
            insertAsAnotherNode(otherNode, "lost");
            otherNode.rollback(); // this node cannot know
        }
        long start = System.nanoTime();
        bus.publish(new Event(0, "after", "order.paid", "test", 1, Instant.now(), "{}"));

        assertTrue(Recorder.await(Duration.ofSeconds(5), () -> recorder.received.size() == 1));
        long waitedMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(List.of("after"), recorder.receivedIds());
        assertTrue(waitedMs >= 900, "held back for the grace period, waited " + waitedMs + " ms");
    }

    @Test
    void shouldPassAGapRolledBackOnThisNodeAtOnce() throws Exception {
        Recorder recorder = start(Duration.ofMinutes(1));
        assertThrows(IllegalStateException.class, () -> unit.inTransaction(em -> {
            bus.publishAll(Recorder.events("gone", 5, "order.paid", 1));
            throw new IllegalStateException("rolled back");
        }));
        bus.publish(new Event(0, "kept", "order.paid", "test", 1, Instant.now(), "{}"));

        assertTrue(Recorder.await(Duration.ofSeconds(3), () -> recorder.received.size() == 1),
                "no minute-long wait for offsets known to be rolled back");
        assertEquals(List.of("kept"), recorder.receivedIds());
    }

    @Test
    void shouldTakeOnlyThePrefixBeforeAFreshUnknownGap() {
        OutboxTransactions none = new OutboxTransactions();
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        GapRule rule = new GapRule(none, Duration.ofSeconds(10), Duration.ofMinutes(5), Clock.fixed(now, ZoneOffset.UTC));
        List<Stored> batch = List.of(stored(1, now), stored(2, now), stored(4, now.minusSeconds(3)), stored(5, now));

        GapRule.Ready ready = rule.settled(0, batch);

        assertEquals(List.of(1L, 2L), ready.events().stream().map(Stored::offset).toList());
        assertEquals(3, ready.blockedAt());
        assertEquals(Duration.ofSeconds(7), ready.recheckIn());
        GapRule.Ready later = new GapRule(none, Duration.ofSeconds(10), Duration.ofMinutes(5),
                Clock.fixed(now.plusSeconds(7), ZoneOffset.UTC)).settled(2, batch.subList(2, 4));
        assertEquals(List.of(4L, 5L), later.events().stream().map(Stored::offset).toList(), "after the grace period");
        assertEquals(-1, later.blockedAt());
    }

    private static Stored stored(long offset, Instant publishedAt) {
        return new Stored(new Event(offset, "e" + offset, "a.b", "t", null, publishedAt, "{}"), publishedAt);
    }

    /** An outbox row written with plain JDBC on a connection of its own, as a second node would write it. */
    private static void insertAsAnotherNode(Connection c, String id) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO events_event (id, type, source, subject, time, data,"
                + " published_at) VALUES (?, 'order.paid', 'other-node', 1, ?, '{}', ?)")) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            ps.setString(1, id);
            ps.setObject(2, now);
            ps.setObject(3, now);
            ps.executeUpdate();
        }
    }
}
