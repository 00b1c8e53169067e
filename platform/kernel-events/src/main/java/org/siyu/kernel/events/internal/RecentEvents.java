package org.siyu.kernel.events.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.siyu.api.events.Event;

/**
 * The events that transactions on this node committed most recently, by offset. Dispatchers take a run of
 * consecutive offsets after their position from here instead of reading the outbox again: with 8 subscribers
 * that is one database read per event instead of nine, and delivery starts the moment the commit returns.
 *
 * <p>Only committed events get here (after the commit), so a run of consecutive offsets needs no gap rule: every
 * offset between its first and last is present and committed. Whatever is not here — events of another node, of a
 * transaction that committed before the node started, or trimmed away because a dispatcher fell behind — is read
 * from the outbox as before, with the gap rule.
 *
 * <p>Bounded by count and by characters of data, whichever is reached first; the lowest offsets go first.
 */
final class RecentEvents {

    /** At 10,000 events a second, two seconds of them: enough for every dispatcher that keeps up. */
    static final int MAX_EVENTS = 20_000;
    /** Event data may be up to a million characters each; this caps what the tail keeps alive. */
    static final long MAX_DATA_CHARS = 16_000_000;

    private final ConcurrentSkipListMap<Long, Event> events = new ConcurrentSkipListMap<>();
    private final int maxEvents;
    private final long maxDataChars;
    private int count; // guarded by this (the map's size() walks the whole map)
    private long dataChars; // guarded by this

    RecentEvents() {
        this(MAX_EVENTS, MAX_DATA_CHARS);
    }

    RecentEvents(int maxEvents, long maxDataChars) {
        this.maxEvents = maxEvents;
        this.maxDataChars = maxDataChars;
    }

    /** Adds events that were just committed (their offsets set); drops the lowest offsets beyond the bounds. */
    synchronized void add(List<Event> committed) {
        for (Event e : committed) {
            if (events.put(e.offset(), e) == null) {
                count++;
                dataChars += e.data().length();
            }
        }
        while (count > maxEvents || dataChars > maxDataChars) {
            Map.Entry<Long, Event> lowest = events.pollFirstEntry();
            if (lowest == null) {
                break;
            }
            count--;
            dataChars -= lowest.getValue().data().length();
        }
    }

    /**
     * The events with offsets {@code position + 1}, {@code position + 2}, … held here, up to the first offset that
     * is not, at most {@code limit}; empty when {@code position + 1} is not held.
     */
    List<Event> runAfter(long position, int limit) {
        List<Event> run = new ArrayList<>(Math.min(limit, 256));
        long expected = position + 1;
        // Weakly consistent iteration: a concurrent trim can only end the run early, never skip an offset.
        for (Map.Entry<Long, Event> entry : events.tailMap(expected).entrySet()) {
            if (run.size() >= limit || entry.getKey() != expected) {
                break;
            }
            run.add(entry.getValue());
            expected++;
        }
        return run;
    }

    /** Whether an event with an offset above {@code position} is held. */
    boolean holdsAfter(long position) {
        return events.higherKey(position) != null;
    }

    synchronized int size() {
        return count;
    }
}
