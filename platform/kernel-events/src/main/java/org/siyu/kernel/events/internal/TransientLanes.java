package org.siyu.kernel.events.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.siyu.api.events.Event;
import org.siyu.api.events.EventSubscriber;

/**
 * The node's transient events ({@link EventBusService#post}, ADR 0013): one {@link TransientRing} and the dispatchers
 * that read it. How many dispatchers an event type reaches is worked out once per type and kept until a subscriber
 * comes or goes; an event nobody takes is not written at all.
 *
 * <p>A post that would lap a subscriber still reading (a burst faster than the subscribers) waits for it, up to
 * {@link #MAX_WAIT}: bursts are delivered whole, and the posters slow down to what the subscribers take. A subscriber
 * that does not move in that time (stuck, or retrying a durable event with back-off) is marked lagging and lapped
 * from then on, so it costs the posters one wait, not one per post.
 */
final class TransientLanes {

    /** Types whose counts are kept; beyond that (a bug posting endless types) they are worked out every time. */
    private static final int CACHED_TYPES = 10_000;
    private static final Dispatcher[] NONE = new Dispatcher[0];

    /** How long a post waits for a subscriber a whole ring behind before lapping it. */
    static final java.time.Duration MAX_WAIT = java.time.Duration.ofMillis(20);
    private static final long MAX_WAIT_NANOS = MAX_WAIT.toNanos();

    private final TransientRing ring = new TransientRing(EventSubscriber.TRANSIENT_CAPACITY);
    private volatile Dispatcher[] all = NONE;
    /** The lowest cursor of the lanes last looked at: posts up to a ring beyond it need not look again. */
    private volatile long gate;
    private volatile Map<String, Integer> reach = new ConcurrentHashMap<>();

    /** A lane for a dispatcher of {@code types}, starting at the next event posted. */
    TransientLane lane(TypePatterns types) {
        return new TransientLane(ring, types);
    }

    synchronized void add(Dispatcher dispatcher) {
        List<Dispatcher> next = new ArrayList<>(List.of(all));
        next.add(dispatcher);
        all = next.toArray(NONE);
        reach = new ConcurrentHashMap<>(); // after 'all': a poster that sees the new map counts the new set
    }

    synchronized void remove(Dispatcher dispatcher) {
        List<Dispatcher> next = new ArrayList<>(List.of(all));
        if (next.remove(dispatcher)) {
            all = next.toArray(NONE);
            reach = new ConcurrentHashMap<>();
        }
    }

    /** Writes {@code event} to the ring if a dispatcher takes its type, and wakes those that wait. @return how many */
    int post(Event event) {
        Map<String, Integer> cache = reach;
        Integer n = cache.get(event.type());
        if (n == null) {
            n = matching(event.type());
            if (cache.size() < CACHED_TYPES) {
                cache.put(event.type(), n);
            }
        }
        if (n == 0) {
            return 0;
        }
        long wrap = ring.next() + 1 - ring.capacity();
        if (wrap > gate) {
            gate = awaitRoom(wrap);
        }
        ring.post(event);
        for (Dispatcher d : all) {
            d.transientPosted();
        }
        return n;
    }

    /**
     * Waits until every lane that is not lagging has read past {@code wrap}, up to {@link #MAX_WAIT}; marks those that
     * did not lagging. @return the lowest cursor seen among the others
     */
    private long awaitRoom(long wrap) {
        long deadline = 0;
        while (true) {
            long lowest = Long.MAX_VALUE;
            boolean behind = false;
            for (Dispatcher d : all) {
                TransientLane lane = d.lane();
                if (lane == null || lane.lagging) {
                    continue;
                }
                long c = lane.cursor();
                if (c < wrap) {
                    behind = true;
                }
                lowest = Math.min(lowest, c);
            }
            if (!behind) {
                // nobody to wait for: look again half a ring on (a lagging lane may have caught up by then)
                return lowest == Long.MAX_VALUE ? wrap + ring.capacity() / 2 : lowest;
            }
            long now = System.nanoTime();
            if (deadline == 0) {
                deadline = now + MAX_WAIT_NANOS;
            } else if (now - deadline > 0) {
                for (Dispatcher d : all) {
                    TransientLane lane = d.lane();
                    if (lane != null && lane.cursor() < wrap) {
                        lane.lagging = true;
                    }
                }
                return wrap;
            }
            for (Dispatcher d : all) {
                d.transientPosted(); // a reader that went to sleep meanwhile must not leave us waiting
            }
            LockSupport.parkNanos(20_000);
        }
    }

    private int matching(String type) {
        int n = 0;
        for (Dispatcher d : all) {
            if (d.types().matches(type)) {
                n++;
            }
        }
        return n;
    }
}
