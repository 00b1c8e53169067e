package org.siyu.kernel.events.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.siyu.api.events.Event;
import org.siyu.api.events.EventSubscriber;

/**
 * The node's transient events ({@link EventBusService#post}, ADR 0013): one {@link TransientRing} and the dispatchers
 * that read it. How many dispatchers an event type reaches is worked out once per type and kept until a subscriber
 * comes or goes; an event nobody takes is not written at all.
 */
final class TransientLanes {

    /** Types whose counts are kept; beyond that (a bug posting endless types) they are worked out every time. */
    private static final int CACHED_TYPES = 10_000;
    private static final Dispatcher[] NONE = new Dispatcher[0];

    private final TransientRing ring = new TransientRing(EventSubscriber.TRANSIENT_CAPACITY);
    private volatile Dispatcher[] all = NONE;
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
        ring.post(event);
        for (Dispatcher d : all) {
            d.transientPosted();
        }
        return n;
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
