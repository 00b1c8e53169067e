package org.siyu.kernel.events.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hibernate.Session;
import org.siyu.api.events.Event;
import org.hibernate.SessionEventListener;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this node knows about the transactions that wrote outbox rows: which offsets are held by a transaction
 * still open, which were rolled back. The gap rule uses it to wait for the first and skip the second at once.
 * When a transaction that published events commits, it hands those events to {@link RecentEvents} (so dispatchers
 * need not read them back) and then wakes the dispatchers.
 *
 * <p>Nothing here is durable and other nodes are unknown to it; the grace period of {@link GapRule} covers that.
 */
@Component(service = OutboxTransactions.class)
public class OutboxTransactions {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxTransactions.class);

    /** Rolled-back offsets are forgotten after this; by then the grace period has long passed. */
    private static final Duration REMEMBER_ROLLBACKS = Duration.ofMinutes(10);
    /** An open entry whose end was never reported (a session closed without commit or rollback) is dropped. */
    private static final Duration FORGET_OPEN = Duration.ofHours(1);

    /** Not a record: the set of open transactions must hash by identity, not by every event's data. */
    private static final class Open {
        private final long[] sortedOffsets;
        private final List<Event> events;
        private final Instant since;

        Open(long[] sortedOffsets, List<Event> events, Instant since) {
            this.sortedOffsets = sortedOffsets;
            this.events = events;
            this.since = since;
        }

        long[] sortedOffsets() {
            return sortedOffsets;
        }

        List<Event> events() {
            return events;
        }

        Instant since() {
            return since;
        }
    }

    private final Clock clock;
    private final Set<Open> open = ConcurrentHashMap.newKeySet();
    private final ConcurrentSkipListMap<Long, Instant> rolledBack = new ConcurrentSkipListMap<>();
    private final List<Runnable> commitListeners = new CopyOnWriteArrayList<>();
    private final RecentEvents recent;
    private final TransientLanes transients = new TransientLanes();

    public OutboxTransactions() {
        this(Clock.systemUTC());
    }

    OutboxTransactions(Clock clock) {
        this(clock, new RecentEvents());
    }

    OutboxTransactions(Clock clock, RecentEvents recent) {
        this.clock = clock;
        this.recent = recent;
    }

    /** The dispatchers that take transient events: where {@link EventBusService#post} hands them over. */
    TransientLanes transients() {
        return transients;
    }

    /** The events committed on this node lately. */
    RecentEvents recent() {
        return recent;
    }

    /**
     * Records that {@code inserted} (with their offsets) were written in the transaction of {@code session} and
     * follows that transaction to its end.
     */
    void track(Session session, List<Event> inserted) {
        if (inserted.isEmpty()) {
            return;
        }
        long[] sorted = new long[inserted.size()];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = inserted.get(i).offset();
        }
        Arrays.sort(sorted);
        Instant now = clock.instant();
        Open entry = new Open(sorted, List.copyOf(inserted), now);
        Instant forget = now.minus(FORGET_OPEN);
        open.removeIf(stale -> stale.since().isBefore(forget));
        open.add(entry);
        AtomicBoolean done = new AtomicBoolean();
        session.addEventListeners(new SessionEventListener() {
            private static final long serialVersionUID = 1L;

            @Override
            public void transactionCompletion(boolean successful) {
                if (done.compareAndSet(false, true)) {
                    completed(entry, successful);
                }
            }
        });
    }

    /** Called for every commit of a transaction that published events, after the commit. */
    void onCommit(Runnable listener) {
        commitListeners.add(listener);
    }

    void removeCommitListener(Runnable listener) {
        commitListeners.remove(listener);
    }

    /** Whether a transaction open on this node for less than {@code longest} holds an offset in [from, to]. */
    boolean holdsOpen(long from, long to, Duration longest) {
        Instant oldest = clock.instant().minus(longest);
        for (Open entry : open) {
            if (entry.since().isBefore(oldest)) {
                continue;
            }
            int i = Arrays.binarySearch(entry.sortedOffsets(), from);
            int insertion = i >= 0 ? i : -i - 1;
            if (insertion < entry.sortedOffsets().length && entry.sortedOffsets()[insertion] <= to) {
                return true;
            }
        }
        return false;
    }

    /** Whether every offset in [from, to] is known to have been rolled back on this node. */
    boolean allRolledBack(long from, long to) {
        long count = to - from + 1;
        if (count <= 0 || count > rolledBack.size()) {
            return false;
        }
        return rolledBack.subMap(from, true, to, true).size() == count;
    }

    private void completed(Open entry, boolean committed) {
        open.remove(entry);
        if (committed) {
            recent.add(entry.events()); // before the wake-up, so a woken dispatcher finds them
            for (Runnable listener : commitListeners) {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    LOG.warn("A commit listener of the event bus failed", e);
                }
            }
            return;
        }
        Instant now = clock.instant();
        for (long offset : entry.sortedOffsets()) {
            rolledBack.put(offset, now);
        }
        Instant forget = now.minus(REMEMBER_ROLLBACKS);
        rolledBack.values().removeIf(at -> at.isBefore(forget));
        LOG.debug("Offsets {}..{} were rolled back", entry.sortedOffsets()[0],
                entry.sortedOffsets()[entry.sortedOffsets().length - 1]);
    }
}
