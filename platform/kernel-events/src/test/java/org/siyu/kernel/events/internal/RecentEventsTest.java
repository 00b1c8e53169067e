package org.siyu.kernel.events.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.siyu.api.events.Event;

/** The in-memory tail hands out only runs of consecutive offsets, and stays within its bounds. */
class RecentEventsTest {

    private static Event event(long offset, String data) {
        return new Event(offset, "e" + offset, "order.paid", "test", 1, Instant.EPOCH, data);
    }

    private static List<Event> events(long from, long to) {
        return LongStream.rangeClosed(from, to).mapToObj(o -> event(o, "{}")).toList();
    }

    private static List<Long> offsets(List<Event> events) {
        return events.stream().map(Event::offset).toList();
    }

    @Test
    void shouldHandOutTheRunAfterThePositionUpToTheFirstMissingOffset() {
        RecentEvents recent = new RecentEvents();
        recent.add(events(5, 7));
        recent.add(events(9, 10)); // offset 8: another node's, or a transaction still open

        assertEquals(List.of(5L, 6L, 7L), offsets(recent.runAfter(4, 100)));
        assertEquals(List.of(6L, 7L), offsets(recent.runAfter(5, 100)));
        assertEquals(List.of(), recent.runAfter(7, 100), "8 is not held: the outbox and the gap rule decide");
        assertEquals(List.of(9L, 10L), offsets(recent.runAfter(8, 100)));
        assertEquals(List.of(), recent.runAfter(3, 100), "4 is not held");
        assertEquals(List.of(5L, 6L), offsets(recent.runAfter(4, 2)), "at most the limit");
    }

    @Test
    void shouldFillAGapWhenItsTransactionCommitsLater() {
        RecentEvents recent = new RecentEvents();
        recent.add(events(1, 2));
        recent.add(events(4, 4));
        assertEquals(List.of(1L, 2L), offsets(recent.runAfter(0, 100)));

        recent.add(events(3, 3));

        assertEquals(List.of(1L, 2L, 3L, 4L), offsets(recent.runAfter(0, 100)));
    }

    @Test
    void shouldSayWhetherAnythingAfterAPositionIsHeld() {
        RecentEvents recent = new RecentEvents();
        assertFalse(recent.holdsAfter(0));
        recent.add(events(10, 12));
        assertTrue(recent.holdsAfter(0));
        assertTrue(recent.holdsAfter(11));
        assertFalse(recent.holdsAfter(12));
    }

    @Test
    void shouldDropTheLowestOffsetsBeyondTheCountBound() {
        RecentEvents recent = new RecentEvents(3, 1_000_000);
        recent.add(events(1, 5));

        assertEquals(3, recent.size());
        assertEquals(List.of(), recent.runAfter(0, 100), "1 and 2 were dropped: read from the outbox");
        assertEquals(List.of(3L, 4L, 5L), offsets(recent.runAfter(2, 100)));
    }

    @Test
    void shouldDropTheLowestOffsetsBeyondTheDataBound() {
        RecentEvents recent = new RecentEvents(1_000, 25);
        String tenChars = "{\"a\":\"12\"}";
        recent.add(List.of(event(1, tenChars), event(2, tenChars)));
        recent.add(List.of(event(3, tenChars)));

        assertEquals(2, recent.size(), "30 characters of data exceed 25: the lowest offset went");
        assertEquals(List.of(2L, 3L), offsets(recent.runAfter(1, 100)));
    }

    @Test
    void shouldCountAnOffsetAddedTwiceOnce() {
        RecentEvents recent = new RecentEvents(2, 1_000_000);
        recent.add(events(1, 2));
        recent.add(events(2, 2));

        assertEquals(2, recent.size());
        assertEquals(List.of(1L, 2L), offsets(recent.runAfter(0, 100)));
    }
}
