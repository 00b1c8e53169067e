package org.siyu.kernel.events.internal;

import java.time.Duration;
import org.siyu.api.persistence.PersistenceUnit;

/**
 * A dispatcher's position in the outbox (the offset of the last event it handled) and its saved copy in
 * {@code events_position}. Read once when the dispatcher starts; saved at most every {@link #SAVE_EVERY} while it
 * moves, and on stop and reset. Used by the dispatcher's thread only.
 */
final class SavedPosition {

    /**
     * A position that moved is saved this long after the previous save at the latest (and on stop, and at a reset):
     * a crash repeats at most this much delivery. Saving after every batch instead costs a commit per subscriber
     * per publishing commit, which capped throughput on a durable store.
     */
    static final Duration SAVE_EVERY = Duration.ofMillis(200);

    private final PersistenceUnit unit;
    private final String subscriberId;
    private final boolean startLatest;
    private long position = -1;
    private long saved = -1;
    private long savedAtNanos;

    /**
     * @param startLatest where a subscriber without a saved position starts: after the newest event, else at the first
     */
    SavedPosition(PersistenceUnit unit, String subscriberId, boolean startLatest) {
        this.unit = unit;
        this.subscriberId = subscriberId;
        this.startLatest = startLatest;
    }

    /** Reads the saved position, or saves the starting one, unless that was done already. */
    void load() {
        if (position >= 0) {
            return;
        }
        position = Sql.inTransaction(unit, (c, s) -> {
            var found = Positions.find(c, subscriberId);
            if (found.isPresent()) {
                return found.getAsLong();
            }
            long start = startLatest ? Outbox.maxOffset(c) : 0;
            Positions.save(c, subscriberId, start);
            return start;
        });
        saved = position;
        savedAtNanos = System.nanoTime();
    }

    /** The offset of the last event handled ({@code -1} before {@link #load}). */
    long get() {
        return position;
    }

    /** The event at {@code offset} was handled; saves the position if the last save is {@link #SAVE_EVERY} old. */
    void moveTo(long offset) {
        position = offset;
        if (System.nanoTime() - savedAtNanos > SAVE_EVERY.toNanos()) {
            save();
        }
    }

    /** Puts the position at {@code offset} and saves it now (a reset). */
    void resetTo(long offset) {
        position = offset;
        save();
    }

    /**
     * Before an idle wait: saves a position that moved, but not more often than {@link #SAVE_EVERY}, so a stream of
     * small commits costs one position write per interval rather than one per commit. Answers how long to wait: at
     * most until the save that is due.
     */
    Duration saveOrWait(Duration pause) {
        if (position == saved) {
            return pause;
        }
        long due = SAVE_EVERY.toNanos() - (System.nanoTime() - savedAtNanos);
        if (due <= 0) {
            save();
            return pause;
        }
        return pause.toNanos() < due ? pause : Duration.ofNanos(due);
    }

    /** Saves a position that moved. */
    void save() {
        if (position >= 0 && position != saved) {
            long p = position;
            Sql.inTransaction(unit, (c, x) -> {
                Positions.save(c, subscriberId, p);
                return null;
            });
            saved = p;
        }
        savedAtNanos = System.nanoTime();
    }
}
