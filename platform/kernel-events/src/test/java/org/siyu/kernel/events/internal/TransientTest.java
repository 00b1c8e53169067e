package org.siyu.kernel.events.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
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
import org.siyu.api.events.EventSubscriber;
import org.siyu.testkit.TestPersistenceUnit;

/** {@link EventBusService#post}: transient events, in memory, to the subscribers that asked for them (ADR 0013). */
class TransientTest {

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
        delivery = fixture.startDelivery(3, 10, 500);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private static Map<String, Object> transientProps(String id, String types) {
        return Map.of(EventSubscriber.ID, id, EventSubscriber.TYPES, types, EventSubscriber.TRANSIENT, "true");
    }

    @Test
    void shouldDeliverPostedEventsInOrderToTheSubscribersThatAskedAndStoreNothing() throws Exception {
        Recorder likes = new Recorder();
        Recorder everything = new Recorder();
        Recorder durableOnly = new Recorder();
        delivery.addSubscriber(likes, transientProps("test.likes", "live.*"));
        delivery.addSubscriber(everything, transientProps("test.all", "*"));
        delivery.addSubscriber(durableOnly, Recorder.props("test.durable", "*"));

        ExecutorService posters = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            done.add(posters.submit(() -> {
                for (int i = 0; i < 500; i++) {
                    assertEquals(2, bus.post(new Event(0, "like-" + thread + "-" + i, "live.liked", "test", thread,
                            java.time.Instant.now(), "{\"n\":" + i + "}")));
                }
                assertEquals(1, bus.post(Event.of("cache.hint", "test", null, "{}")));
            }));
        }
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        posters.shutdown();
        bus.publish(Event.of("order.paid", "test", 1, "{}")); // a durable event alongside

        assertTrue(Recorder.await(WAIT, () -> likes.received.size() == 2_000 && everything.received.size() == 2_005),
                likes.received.size() + " / " + everything.received.size());
        assertTrue(Recorder.await(WAIT, () -> durableOnly.received.size() == 1));
        Thread.sleep(200);
        assertEquals(List.of("order.paid"), durableOnly.received.stream().map(Event::type).toList(),
                "a subscriber that did not ask gets no transient event");
        assertEquals(2_000, likes.receivedIds().stream().distinct().count(), "each once");
        for (int thread = 0; thread < 4; thread++) { // in order per poster (and so per subject)
            int t = thread;
            List<String> seen = likes.received.stream().filter(e -> e.subject() == t).map(Event::id).toList();
            List<String> posted = java.util.stream.IntStream.range(0, 500).mapToObj(i -> "like-" + t + "-" + i).toList();
            assertEquals(posted, seen);
        }
        assertTrue(likes.threads.stream().allMatch("siyu-events-test.likes"::equals), "on the subscriber's own thread");
        assertEquals(List.of("order.paid"), bus.read(0, 10_000).stream().map(Event::type).toList(),
                "nothing transient was stored");
        Map<String, Delivery.SubscriberState> states = new java.util.HashMap<>();
        delivery.subscribers().forEach(s -> states.put(s.id(), s));
        assertArrayEquals(new long[] {2_000, 0, 0, 0}, states.get("test.likes").transients());
        assertNull(states.get("test.durable").transients());
    }

    @Test
    void shouldCountAFailureWithoutRetryingAndGoOn() throws Exception {
        Recorder picky = new Recorder();
        picky.failWhen = e -> e.data().contains("\"bad\"");
        delivery.addSubscriber(picky, transientProps("test.picky", "*"));
        bus.post(Event.of("live.liked", "test", 1, "{\"bad\":true}"));
        bus.post(Event.of("live.liked", "test", 1, "{\"ok\":true}"));

        assertTrue(Recorder.await(WAIT, () -> picky.received.size() == 1));
        Thread.sleep(100);
        assertEquals(2, picky.attempts.size(), "the failing one was offered once");
        assertArrayEquals(new long[] {1, 1, 0, 0}, delivery.subscribers().getFirst().transients());
        assertTrue(delivery.deadLetters(true, 10).isEmpty(), "a transient event leaves no dead letter");
    }

    @Test
    void shouldRefuseDataThatIsNotAJsonObjectAndReachNobodyOnceTheSubscriberLeft() throws Exception {
        Recorder r = new Recorder();
        delivery.addSubscriber(r, transientProps("test.leaving", "*"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> bus.post(Event.of("live.liked", "test", 1, "[1,2]")));
        assertTrue(bad.getMessage().contains("JSON object"), bad.getMessage());
        assertEquals(1, bus.post(Event.of("live.liked", "test", 1, "{}")));
        assertTrue(Recorder.await(WAIT, () -> r.received.size() == 1));
        delivery.removeSubscriber(r, transientProps("test.leaving", "*"));
        assertEquals(0, bus.post(Event.of("live.liked", "test", 1, "{}")));
    }

    @Test
    void shouldDeliverABurstBeyondTheRingWholeAndLapOnlyAStuckSubscriber() throws Exception {
        int burst = EventSubscriber.TRANSIENT_CAPACITY + 30_000;
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicLong healthy = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong stuck = new java.util.concurrent.atomic.AtomicLong();
        delivery.addSubscriber(e -> healthy.incrementAndGet(), transientProps("test.healthy", "*"));
        delivery.addSubscriber(e -> {
            release.await();
            stuck.incrementAndGet();
        }, transientProps("test.stuck", "*"));

        long start = System.nanoTime();
        for (int i = 0; i < burst; i++) {
            bus.post(new Event(0, "b" + i, "live.liked", "test", 1, java.time.Instant.EPOCH, "{}"));
        }
        long postingMs = (System.nanoTime() - start) / 1_000_000;
        // the healthy subscriber was waited for (nothing of the burst lost); the stuck one cost one wait, then lapped
        assertTrue(Recorder.await(WAIT, () -> healthy.get() == burst), healthy.get() + " of " + burst);
        release.countDown();
        Map<String, Delivery.SubscriberState> states = new java.util.HashMap<>();
        assertTrue(Recorder.await(WAIT, () -> {
            delivery.subscribers().forEach(st -> states.put(st.id(), st));
            long[] t = states.get("test.stuck").transients();
            return t[3] == 0 && t[0] + t[2] == burst;
        }), () -> java.util.Arrays.toString(states.get("test.stuck").transients()));
        long[] stuckCounts = states.get("test.stuck").transients();
        assertTrue(stuckCounts[2] > 0, "the stuck subscriber was lapped and counted what it missed");
        assertEquals(stuckCounts[0], stuck.get());
        assertArrayEquals(new long[] {burst, 0, 0, 0}, states.get("test.healthy").transients());
        assertTrue(postingMs < 5_000, "a stuck subscriber must not hold the posters up for long: " + postingMs + " ms");
    }

    @Test
    void shouldLetALappedReaderSkipAheadCountingWhatItMissed() {
        TransientRing ring = new TransientRing(8);
        TransientLane lane = new TransientLane(ring, TypePatterns.of("live.*"));
        assertNull(lane.poll());
        for (int i = 0; i < 3; i++) {
            ring.post(Event.of("live.liked", "test", 1, "{\"n\":" + i + "}"));
        }
        ring.post(Event.of("cache.hint", "test", null, "{}")); // not its type: passed over
        assertEquals("{\"n\":0}", lane.poll().data());
        for (int i = 3; i < 30; i++) {
            ring.post(Event.of("live.liked", "test", 1, "{\"n\":" + i + "}"));
        }
        // 31 posted, the ring holds the last 8 (23..30 by sequence): the reader at 1 was lapped
        Event next = lane.poll();
        long[] counts = lane.counts();
        assertEquals(27 - 1, counts[2], "dropped: sequences 1 to 26; it resumed at 31 - 8/2 = 27");
        assertEquals("{\"n\":" + (27 - 1) + "}", next.data(), "the first event after the skip");
        int left = 0;
        while (lane.poll() != null) {
            left++;
        }
        assertEquals(3, left);
        assertEquals(0, lane.counts()[3], "nothing waiting");
        assertThrows(IllegalArgumentException.class, () -> new TransientRing(100));
    }
}
