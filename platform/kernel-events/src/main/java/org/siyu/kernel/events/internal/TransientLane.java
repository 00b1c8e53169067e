package org.siyu.kernel.events.internal;

import java.util.concurrent.atomic.LongAdder;
import org.siyu.api.events.Event;

/**
 * One subscriber's place in the {@link TransientRing}: its cursor and its counts. Read and moved by the subscriber's
 * dispatcher thread only; the counts are read by the admin.
 */
final class TransientLane {

    private final TransientRing ring;
    private final TypePatterns types;
    /** The next sequence number to read. Written by the dispatcher thread, read by the admin. */
    private volatile long cursor;
    private final LongAdder delivered = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder failed = new LongAdder();
    // the last type seen and whether it matched: types are usually constants, so this saves the pattern match
    private String lastType;
    private boolean lastMatched;
    /**
     * Set by a poster that waited {@link TransientLanes#MAX_WAIT} for this lane in vain: posters stop waiting for it
     * (it is lapped instead) until it has read everything there was.
     */
    volatile boolean lagging;

    TransientLane(TransientRing ring, TypePatterns types) {
        this.ring = ring;
        this.types = types;
        this.cursor = ring.next();
    }

    /**
     * The next event of the subscriber's types, or {@code null} when none is waiting. Events of other types are
     * passed over; when the ring lapped the cursor, it moves on to what is still there and counts the rest dropped.
     */
    Event poll() {
        long c = cursor;
        while (true) {
            Event e = ring.read(c);
            if (e == null) {
                cursor = c;
                lagging = false;
                return null;
            }
            if (e == TransientRing.LAPPED) {
                // half a ring of slack, so a reader still behind is not lapped again at once
                long resume = Math.max(c + 1, ring.next() - ring.capacity() / 2);
                dropped.add(resume - c);
                c = resume;
                continue;
            }
            c++;
            if (matches(e.type())) {
                cursor = c;
                return e;
            }
        }
    }

    private boolean matches(String type) {
        if (!type.equals(lastType)) {
            lastType = type;
            lastMatched = types.matches(type);
        }
        return lastMatched;
    }

    /** The next sequence number this lane reads. */
    long cursor() {
        return cursor;
    }

    /** Whether an event may be waiting (of any type). */
    boolean mayHaveMore() {
        return ring.next() > cursor;
    }

    void delivered(boolean ok) {
        (ok ? delivered : failed).increment();
    }

    /** Delivered, failed (the subscriber threw), dropped (lapped), waiting (of any type). */
    long[] counts() {
        return new long[] {delivered.sum(), failed.sum(), dropped.sum(), Math.max(0, ring.next() - cursor)};
    }
}
