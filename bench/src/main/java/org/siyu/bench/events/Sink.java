package org.siyu.bench.events;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the 8 subscribers (handlers) do on either side: note when each event first arrived and add up what they got,
 * so both sides can be checked to have delivered every event to every handler and the latencies computed. The same
 * work whatever calls it; the adapters only take the sequence number out of their event type.
 */
final class Sink {

    private final int handlers;
    private final int events;
    /** handler × event: nanoTime of the first arrival, 0 before. */
    private final AtomicLongArray arrived;
    private final LongAdder[] received;
    private final LongAdder[] sums;
    private final LongAdder duplicates = new LongAdder();

    Sink(int handlers, int events) {
        this.handlers = handlers;
        this.events = events;
        this.arrived = new AtomicLongArray(handlers * events);
        this.received = new LongAdder[handlers];
        this.sums = new LongAdder[handlers];
        for (int h = 0; h < handlers; h++) {
            received[h] = new LongAdder();
            sums[h] = new LongAdder();
        }
    }

    /** Handler {@code h} got event {@code seq} (0-based) whose amount is {@code amount}. */
    void deliver(int h, int seq, long amount) {
        if (arrived.compareAndSet(h * events + seq, 0, System.nanoTime())) {
            received[h].increment();
            sums[h].add(amount);
        } else {
            duplicates.increment(); // at-least-once: a redelivery is allowed, counted once
        }
    }

    /**
     * Waits until every handler has every event, looking every millisecond. Not a latch counted down by each delivery:
     * one counter shared by 8 handler threads is a contended cache line that cost both sides more than the delivery
     * (timings come from the arrival times, not from when this returns).
     */
    boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        long end = System.nanoTime() + unit.toNanos(timeout);
        while (true) {
            boolean all = true;
            for (int h = 0; h < handlers && all; h++) {
                all = received[h].sum() >= events;
            }
            if (all) {
                return true;
            }
            if (System.nanoTime() - end > 0) {
                return false;
            }
            Thread.sleep(1);
        }
    }

    long received(int h) {
        return received[h].sum();
    }

    long sum(int h) {
        return sums[h].sum();
    }

    long duplicates() {
        return duplicates.sum();
    }

    int handlers() {
        return handlers;
    }

    /** When the last handler got event {@code seq}. */
    long allArrived(int seq) {
        long last = 0;
        for (int h = 0; h < handlers; h++) {
            last = Math.max(last, arrived.get(h * events + seq));
        }
        return last;
    }
}
