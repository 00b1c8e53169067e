package org.siyu.kernel.events.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
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
    /** How often entries never reported ended are looked for. */
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    /**
     * One open transaction that published: every offset and event it wrote, however many publish calls it made (a demo
     * batch or an import chunk makes thousands: one entry each made every publish, every gap check and the commit
     * walk them all). Appended to by the transaction's thread, read by dispatchers' gap checks. Not a record: the set
     * of open transactions must hash by identity, not by every event's data.
     */
    private static final class Open {
        private long[] offsets = new long[8]; // guarded by this
        private int size; // guarded by this
        private boolean sorted = true; // guarded by this
        private final List<Event> events = new ArrayList<>(); // guarded by this
        private final Instant since;

        Open(Instant since) {
            this.since = since;
        }

        synchronized void add(List<Event> inserted) {
            for (Event e : inserted) {
                if (size == offsets.length) {
                    offsets = Arrays.copyOf(offsets, size * 2);
                }
                if (size > 0 && offsets[size - 1] > e.offset()) {
                    sorted = false;
                }
                offsets[size++] = e.offset();
            }
            events.addAll(inserted);
        }

        /** Whether an offset in [from, to] is one of this transaction's. */
        synchronized boolean holds(long from, long to) {
            if (!sorted) {
                Arrays.sort(offsets, 0, size);
                sorted = true;
            }
            int i = Arrays.binarySearch(offsets, 0, size, from);
            int insertion = i >= 0 ? i : -i - 1;
            return insertion < size && offsets[insertion] <= to;
        }

        synchronized long[] sortedOffsets() {
            long[] copy = Arrays.copyOf(offsets, size);
            Arrays.sort(copy);
            return copy;
        }

        synchronized List<Event> events() {
            return List.copyOf(events);
        }

        Instant since() {
            return since;
        }
    }

    private final Clock clock;
    private final Set<Open> open = ConcurrentHashMap.newKeySet();
    /** The entry of each session's open transaction. Identity: a session is equal only to itself. */
    private final Map<Session, Open> bySession = Collections.synchronizedMap(new IdentityHashMap<>());
    /** When entries never reported ended were last looked for (not on every publish: the set can be large). */
    private volatile Instant sweptAt = Instant.EPOCH;
    private final ConcurrentSkipListMap<Long, Instant> rolledBack = new ConcurrentSkipListMap<>();
    private final List<Consumer<List<Event>>> commitListeners = new CopyOnWriteArrayList<>();
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
        Instant now = clock.instant();
        if (now.isAfter(sweptAt.plus(SWEEP_EVERY))) {
            sweptAt = now;
            Instant forget = now.minus(FORGET_OPEN);
            open.removeIf(stale -> stale.since().isBefore(forget));
            bySession.values().removeIf(stale -> stale.since().isBefore(forget));
        }
        Open entry = bySession.get(session);
        if (entry == null) {
            Open fresh = new Open(now);
            entry = fresh;
            bySession.put(session, fresh);
            open.add(fresh);
            AtomicBoolean done = new AtomicBoolean();
            session.addEventListeners(new SessionEventListener() {
                private static final long serialVersionUID = 1L;

                @Override
                public void transactionCompletion(boolean successful) {
                    if (done.compareAndSet(false, true)) {
                        bySession.remove(session, fresh);
                        completed(fresh, successful);
                    }
                }
            });
        }
        entry.add(inserted);
    }

    /** Called with the events of every committed transaction that published some, after the commit. */
    void onCommit(Consumer<List<Event>> listener) {
        commitListeners.add(listener);
    }

    void removeCommitListener(Consumer<List<Event>> listener) {
        commitListeners.remove(listener);
    }

    /** Whether a transaction open on this node for less than {@code longest} holds an offset in [from, to]. */
    boolean holdsOpen(long from, long to, Duration longest) {
        Instant oldest = clock.instant().minus(longest);
        for (Open entry : open) {
            if (!entry.since().isBefore(oldest) && entry.holds(from, to)) {
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
            List<Event> events = entry.events();
            recent.add(events); // before the wake-up, so a woken dispatcher finds them
            for (Consumer<List<Event>> listener : commitListeners) {
                try {
                    listener.accept(events);
                } catch (RuntimeException e) {
                    LOG.warn("A commit listener of the event bus failed", e);
                }
            }
            return;
        }
        Instant now = clock.instant();
        long[] offsets = entry.sortedOffsets();
        for (long offset : offsets) {
            rolledBack.put(offset, now);
        }
        Instant forget = now.minus(REMEMBER_ROLLBACKS);
        rolledBack.values().removeIf(at -> at.isBefore(forget));
        LOG.debug("Offsets {}..{} were rolled back", offsets[0], offsets[offsets.length - 1]);
    }
}
