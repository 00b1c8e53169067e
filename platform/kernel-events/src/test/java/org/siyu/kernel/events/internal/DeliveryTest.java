package org.siyu.kernel.events.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.events.Event;
import org.siyu.testkit.TestPersistenceUnit;

class DeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private BusFixture fixture;
    private TestPersistenceUnit unit;
    private EventBusService bus;
    private Delivery delivery;

    @BeforeEach
    void setUp() {
        fixture = new BusFixture();
        unit = fixture.unit;
        bus = fixture.bus;
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private void startDelivery(int maxAttempts, long backoffMs, long pollMs) {
        delivery = fixture.startDelivery(maxAttempts, backoffMs, pollMs);
    }

    @Test
    void shouldDeliverEveryEventInOffsetOrderPerSubjectWhilePublishersRace() throws Exception {
        startDelivery(5, 10, 150);
        Recorder recorder = new Recorder();
        delivery.addSubscriber(recorder, Recorder.props("test.order", "order.*"));

        ExecutorService publishers = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            done.add(publishers.submit(() -> {
                for (int batch = 0; batch < 10; batch++) {
                    List<Event> events = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        events.add(Event.of("order.paid", "test", 1 + (i % 3), "{\"t\":" + thread + "}"));
                    }
                    events.add(Event.of("system.tick", "test", null, "{}")); // not wanted: order.* only
                    bus.publishAll(events);
                }
            }));
        }
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        publishers.shutdown();

        assertTrue(Recorder.await(WAIT, () -> recorder.received.size() >= 400), "got " + recorder.received.size());
        Thread.sleep(300);
        assertEquals(400, recorder.received.size(), "each event once, none of the unwanted type");
        assertEquals(400, recorder.receivedIds().stream().distinct().count());
        Map<Integer, Long> lastBySubject = new HashMap<>();
        for (Event e : recorder.received) {
            long previous = lastBySubject.getOrDefault(e.subject(), 0L);
            assertTrue(e.offset() > previous, "subject " + e.subject() + ": " + e.offset() + " after " + previous);
            lastBySubject.put(e.subject(), e.offset());
        }
        assertTrue(recorder.threads.stream().allMatch("siyu-events-test.order"::equals), "calls from its own thread");
    }

    @Test
    void shouldNotLetAThrowingOrSlowSubscriberHoldUpAHealthyOne() throws Exception {
        startDelivery(50, 500, 100);
        Recorder throwing = new Recorder();
        throwing.failWhen = e -> true;
        Recorder slow = new Recorder();
        slow.slowness = Duration.ofSeconds(3);
        Recorder healthy = new Recorder();
        delivery.addSubscriber(throwing, Recorder.props("test.throwing", "*"));
        delivery.addSubscriber(slow, Recorder.props("test.slow", "*"));
        delivery.addSubscriber(healthy, Recorder.props("test.healthy", "*"));

        bus.publishAll(Recorder.events("iso", 20, "order.paid", 1));

        assertTrue(Recorder.await(Duration.ofSeconds(2), () -> healthy.received.size() == 20),
                "the healthy subscriber got " + healthy.received.size() + " of 20 within 2 s");
        assertTrue(throwing.received.isEmpty());
        assertTrue(slow.received.size() <= 1, "the slow one is still at its first event");
    }

    @Test
    void shouldRetryWithBackOffAndSucceedWithoutADeadLetter() throws Exception {
        startDelivery(5, 50, 100);
        Recorder flaky = new Recorder();
        flaky.failWhen = e -> flaky.attempts.size() < 3; // fails twice, then takes it
        delivery.addSubscriber(flaky, Recorder.props("test.flaky", "*"));

        long start = System.nanoTime();
        bus.publish(Event.of("order.paid", "test", 1, "{}"));

        assertTrue(Recorder.await(WAIT, () -> flaky.received.size() == 1));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(3, flaky.attempts.size());
        assertTrue(elapsedMs >= 150, "back-off of 50 + 100 ms between the attempts, took " + elapsedMs);
        assertTrue(delivery.deadLetters(true, 10).isEmpty());
    }

    @Test
    void shouldRecordADeadLetterAfterMaxAttemptsAndMoveOn() throws Exception {
        startDelivery(3, 20, 100);
        Recorder picky = new Recorder();
        picky.failWhen = e -> e.type().equals("order.bad");
        delivery.addSubscriber(picky, Recorder.props("test.picky", "order.*"));

        Event bad = bus.publish(Event.of("order.bad", "test", 1, "{}"));
        Event good = bus.publish(Event.of("order.good", "test", 1, "{}"));

        assertTrue(Recorder.await(WAIT, () -> picky.received.size() == 1));
        assertEquals(good.id(), picky.received.getFirst().id(), "the next event after the dead letter arrives");
        assertEquals(3, picky.attempts.stream().filter(e -> e.id().equals(bad.id())).count());
        List<DeadLetter> letters = delivery.deadLetters(false, 10);
        assertEquals(1, letters.size());
        DeadLetter letter = letters.getFirst();
        assertEquals("test.picky", letter.subscriberId());
        assertEquals(bad.offset(), letter.offset());
        assertEquals(bad.id(), letter.eventId());
        assertEquals("order.bad", letter.type());
        assertEquals(3, letter.attempts());
        assertTrue(letter.error().contains("refused " + bad.id()), letter.error());
        assertNull(letter.replayedAt());
    }

    @Test
    void shouldReplayADeadLetterOnceToItsSubscriber() throws Exception {
        startDelivery(2, 10, 100);
        Recorder picky = new Recorder();
        picky.failWhen = e -> true;
        delivery.addSubscriber(picky, Recorder.props("test.replay", "*"));
        Event event = bus.publish(Event.of("order.paid", "test", 4, "{}"));
        assertTrue(Recorder.await(WAIT, () -> !delivery.deadLetters(false, 10).isEmpty()));
        long id = delivery.deadLetters(false, 10).getFirst().id();

        Dispatcher.ReplayOutcome failedAgain = delivery.replay(id).get(10, TimeUnit.SECONDS);
        assertFalse(failedAgain.replayed());
        assertEquals(3, delivery.deadLetters(false, 10).getFirst().attempts(), "a failed replay counts as an attempt");

        picky.failWhen = e -> false;
        Dispatcher.ReplayOutcome outcome = delivery.replay(id).get(10, TimeUnit.SECONDS);

        assertTrue(outcome.replayed());
        assertEquals(List.of(event.id()), picky.receivedIds());
        assertTrue(delivery.deadLetters(false, 10).isEmpty(), "a replayed letter leaves the open list");
        assertNotNull(delivery.deadLetters(true, 10).getFirst().replayedAt());
        assertThrows(IllegalStateException.class, () -> delivery.replay(id), "replayed once only");
        assertThrows(java.util.NoSuchElementException.class, () -> delivery.replay(id + 1000));
    }

    @Test
    void shouldRedeliverFromTheOffsetGivenToReset() throws Exception {
        startDelivery(5, 10, 100);
        Recorder recorder = new Recorder();
        delivery.addSubscriber(recorder, Recorder.props("test.reset", "*"));
        List<Event> events = bus.publishAll(Recorder.events("x", 10, "order.paid", 1));
        assertTrue(Recorder.await(WAIT, () -> recorder.received.size() == 10));

        long position = delivery.reset("test.reset", events.get(5).offset());

        assertEquals(events.get(4).offset(), position);
        assertTrue(Recorder.await(WAIT, () -> recorder.received.size() == 15));
        assertEquals(List.of("x5", "x6", "x7", "x8", "x9"), recorder.receivedIds().subList(10, 15));
    }

    @Test
    void shouldStartAtTheNewestEventWhenAskedForLatest() throws Exception {
        startDelivery(5, 10, 100);
        bus.publishAll(Recorder.events("old", 5, "order.paid", 1));
        Recorder recorder = new Recorder();
        delivery.addSubscriber(recorder, Recorder.props("test.latest", "*", "latest"));
        assertTrue(Recorder.await(WAIT, () -> delivery.subscribers().stream().anyMatch(s -> s.position() >= 0
                && s.id().equals("test.latest") && s.running())));
        Thread.sleep(200);

        bus.publish(new Event(0, "new", "order.paid", "test", 1, java.time.Instant.now(), "{}"));

        assertTrue(Recorder.await(WAIT, () -> recorder.received.size() == 1));
        Thread.sleep(200);
        assertEquals(List.of("new"), recorder.receivedIds());
    }

    @Test
    void shouldWakeDispatchersWhenAPublishCommitsWithoutWaitingForThePoll() throws Exception {
        startDelivery(5, 10, 5_000);
        Recorder recorder = new Recorder();
        delivery.addSubscriber(recorder, Recorder.props("test.wake", "*"));
        Thread.sleep(300); // the dispatcher is now in its 5 s poll wait

        long start = System.nanoTime();
        bus.publish(Event.of("order.paid", "test", 1, "{}"));

        assertTrue(Recorder.await(Duration.ofSeconds(2), () -> recorder.received.size() == 1));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 1_000, "delivered well before the 5 s poll");
    }

    @Test
    void shouldWakeOnlyTheDispatchersWhoseSubscriberTakesACommittedType() throws Exception {
        startDelivery(5, 10, 5_000);
        Recorder orders = new Recorder();
        Recorder coupons = new Recorder();
        delivery.addSubscriber(orders, Recorder.props("test.orders", "order.*"));
        delivery.addSubscriber(coupons, Recorder.props("test.coupons", "coupon.issued"));
        Thread.sleep(300); // both wait in their 5 s poll

        for (int i = 0; i < 20; i++) {
            bus.publish(Event.of("coupon.issued", "test", i, "{}"));
            int expected = i + 1;
            assertTrue(Recorder.await(Duration.ofSeconds(2), () -> coupons.received.size() == expected),
                    "each coupon is delivered long before the poll");
        }

        assertEquals(20, coupons.received.size());
        assertTrue(delivery.dispatcher("test.coupons").commitWakeUps() >= 1, "the coupon subscriber was woken");
        assertEquals(0, delivery.dispatcher("test.orders").commitWakeUps(),
                "20 commits of a type the order subscriber does not take left it asleep");
        assertEquals(0, orders.received.size());

        bus.publish(Event.of("order.paid", "test", 1, "{}"));
        assertTrue(Recorder.await(Duration.ofSeconds(2), () -> orders.received.size() == 1),
                "an order is delivered at once, not at the 5 s poll");
        assertEquals(1, delivery.dispatcher("test.orders").commitWakeUps());
    }

    @Test
    void shouldStopDeliveringToASubscriberThatLeavesAndResumeFromItsPosition() throws Exception {
        startDelivery(5, 10, 100);
        Recorder first = new Recorder();
        delivery.addSubscriber(first, Recorder.props("test.leave", "*"));
        bus.publishAll(Recorder.events("a", 5, "order.paid", 1));
        assertTrue(Recorder.await(WAIT, () -> first.received.size() == 5));

        delivery.removeSubscriber(first, Recorder.props("test.leave", "*"));
        assertFalse(delivery.isRunning("test.leave"));
        assertFalse(threadAlive("siyu-events-test.leave"), "its dispatcher thread ended");
        bus.publishAll(Recorder.events("b", 3, "order.paid", 1));
        Thread.sleep(300);
        assertEquals(5, first.received.size(), "nothing after leaving");

        Recorder second = new Recorder();
        delivery.addSubscriber(second, Recorder.props("test.leave", "*"));
        assertTrue(Recorder.await(WAIT, () -> second.received.size() == 3));
        assertEquals(List.of("b0", "b1", "b2"), second.receivedIds(), "continues after the saved position");
    }

    @Test
    void shouldSaveThePositionOfARunningSubscriberWithoutAStop() throws Exception {
        startDelivery(5, 10, 100);
        Recorder recorder = new Recorder();
        delivery.addSubscriber(recorder, Recorder.props("test.save", "*"));
        List<Event> published = bus.publishAll(Recorder.events("s", 120, "order.paid", 1));
        long last = published.getLast().offset();

        assertTrue(Recorder.await(WAIT, () -> recorder.received.size() == 120));
        // Saved by the running dispatcher (at most SavedPosition.SAVE_EVERY after the last delivery), not by a stop.
        assertTrue(Recorder.await(WAIT, () -> storedPosition("test.save") == last),
                "stored position " + storedPosition("test.save") + ", expected " + last);
        assertTrue(delivery.isRunning("test.save"));
    }

    private long storedPosition(String subscriber) {
        return Sql.inTransaction(unit, (c, s) -> Positions.find(c, subscriber)).orElse(-1);
    }

    @Test
    void shouldLetASecondSubscriberWithTheSameIdWaitForTheFirst() throws Exception {
        startDelivery(5, 10, 100);
        Recorder first = new Recorder();
        Recorder second = new Recorder();
        delivery.addSubscriber(first, Recorder.props("test.twin", "*"));
        delivery.addSubscriber(second, Recorder.props("test.twin", "*"));
        bus.publishAll(Recorder.events("t", 3, "order.paid", 1));
        assertTrue(Recorder.await(WAIT, () -> first.received.size() == 3));
        assertTrue(second.received.isEmpty());

        delivery.removeSubscriber(first, Recorder.props("test.twin", "*"));
        bus.publish(Event.of("order.paid", "test", 1, "{}"));

        assertTrue(Recorder.await(WAIT, () -> second.received.size() == 1));
    }

    @Test
    void shouldStopEveryDispatcherThreadOnDeactivate() throws Exception {
        startDelivery(100, 1_000, 100);
        Recorder failing = new Recorder();
        failing.failWhen = e -> true; // sits in back-off
        delivery.addSubscriber(failing, Recorder.props("test.stop1", "*"));
        delivery.addSubscriber(new Recorder(), Recorder.props("test.stop2", "*"));
        bus.publish(Event.of("order.paid", "test", 1, "{}"));
        assertTrue(Recorder.await(WAIT, () -> !failing.attempts.isEmpty()));
        assertTrue(threadAlive("siyu-events-test.stop1"));

        long start = System.nanoTime();
        delivery.deactivate();
        delivery = null;

        assertFalse(threadAlive("siyu-events-test.stop1"));
        assertFalse(threadAlive("siyu-events-test.stop2"));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 2_000, "a back-off does not delay the stop");
    }

    @Test
    void shouldIgnoreASubscriberWithoutIdOrTypes() throws Exception {
        startDelivery(5, 10, 100);
        Recorder noTypes = new Recorder();
        delivery.addSubscriber(noTypes, Map.of(org.siyu.api.events.EventSubscriber.ID, "test.notypes"));
        delivery.addSubscriber(new Recorder(), Map.of(org.siyu.api.events.EventSubscriber.TYPES, "*"));
        bus.publish(Event.of("order.paid", "test", 1, "{}"));
        Thread.sleep(300);
        assertTrue(noTypes.attempts.isEmpty());
        assertTrue(delivery.subscribers().isEmpty());
    }

    private static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }
}
