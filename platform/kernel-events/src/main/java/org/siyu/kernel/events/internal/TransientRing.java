package org.siyu.kernel.events.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.siyu.api.events.Event;

/**
 * The transient events of the node, in one ring that every subscriber taking them reads with a cursor of its own
 * (the shape of the LMAX Disruptor): a post writes the event once, whatever the number of subscribers
 * ({@link TransientLanes} makes posters wait for readers a whole ring behind, up to a limit). A reader that was
 * lapped anyway skips ahead and counts what it missed: the cost of an at-most-once path that must not stop the
 * posters or grow the heap.
 *
 * <p>Each slot carries the sequence number of what it holds: {@code s + 1} once event {@code s} is written, and
 * {@code -(s + 1)} while a poster writes it (a seqlock), so a reader can tell "not written yet" from "overwritten by a
 * later lap" and never takes an event of the wrong number.
 */
final class TransientRing {

    /** What {@link #read} answers when the cursor was lapped. */
    static final Event LAPPED = new Event(-1, "lapped", "lapped", "ring", null, java.time.Instant.EPOCH, "{}");

    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Event[].class);

    private final int capacity;
    private final int mask;
    private final Event[] slots;
    private final AtomicLongArray sequences;
    private final AtomicLong next = new AtomicLong();

    /** @param capacity a power of two */
    TransientRing(int capacity) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two, was " + capacity);
        }
        this.capacity = capacity;
        this.mask = capacity - 1;
        this.slots = new Event[capacity];
        this.sequences = new AtomicLongArray(capacity);
    }

    int capacity() {
        return capacity;
    }

    /** The sequence number the next post gets: where a new reader starts. */
    long next() {
        return next.get();
    }

    /** Writes {@code event} into the next slot. */
    void post(Event event) {
        long s = next.getAndIncrement();
        int i = (int) (s & mask);
        sequences.set(i, -(s + 1)); // claimed: readers of the previous lap see it is going
        VarHandle.storeStoreFence(); // ... before the slot changes
        SLOTS.setRelease(slots, i, event);
        sequences.setRelease(i, s + 1);
    }

    /**
     * Event number {@code s}: the event, {@code null} when it is not written yet, or {@link #LAPPED} when its slot
     * already holds a later one.
     */
    Event read(long s) {
        int i = (int) (s & mask);
        long mark = sequences.getAcquire(i);
        if (mark == s + 1) {
            Event e = (Event) SLOTS.getAcquire(slots, i);
            VarHandle.loadLoadFence();
            return sequences.getAcquire(i) == s + 1 ? e : LAPPED;
        }
        long holds = mark > 0 ? mark - 1 : -mark - 1; // the number the slot holds or is being written with
        return mark != 0 && holds > s ? LAPPED : null;
    }
}
