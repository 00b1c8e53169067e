package org.siyu.kernel.events.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.siyu.api.events.Event;
import org.siyu.api.events.EventSubscriber;
import org.siyu.api.persistence.PersistenceUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to one subscriber on a thread of its own: takes committed events after the subscriber's
 * position in offset order (from {@link RecentEvents} when this node committed them, else from the outbox with the
 * {@link GapRule}), hands the matching ones to it one at a time, retries failures with back-off and then records a
 * dead letter, and saves the position. A slow or failing subscriber holds up only itself.
 * Resets and replays are queued to this thread, so the subscriber is never called from two threads. A subscriber that
 * takes transient events gets them from its {@link TransientLane} on the same thread, between batches of durable ones.
 */
final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    /**
     * While transient events flow (some were delivered this recently), the thread looks for more every
     * {@link #STREAM_POLL} instead of being woken by each post: waking a thread costs a context switch, which at
     * tens of thousands of events a second and eight subscribers cost more CPU than the delivery itself.
     */
    static final Duration STREAM_QUIET = Duration.ofMillis(50);
    static final Duration STREAM_POLL = Duration.ofMillis(1);
    /** The wait after the dispatcher's own failure (database unavailable, unit closing). */
    private static final Duration AFTER_ERROR = Duration.ofSeconds(1);

    /** The answer to a replay: whether the subscriber took the event, and its error if not. */
    record ReplayOutcome(boolean replayed, String error) {
    }

    private sealed interface Command permits Reset, Replay {
    }

    private record Reset(long fromOffset, CompletableFuture<Long> done) implements Command {
    }

    private record Replay(DeadLetter letter, CompletableFuture<ReplayOutcome> done) implements Command {
    }

    private final String id;
    private final EventSubscriber subscriber;
    private final TypePatterns types;
    private final PersistenceUnit unit;
    private final OutboxTransactions transactions;
    private final Supplier<Settings> settings;
    private final Clock clock;
    private final Queue<Command> commands = new ConcurrentLinkedQueue<>();
    /** Transient events waiting, or {@code null} when the subscriber takes none. */
    private final TransientLane lane;
    private final Object signal = new Object();
    private boolean woken; // guarded by signal
    /** Set while the thread waits (or is about to): only then does a poster pay for waking it. */
    private volatile boolean idle;
    /** Set by {@link #committed}, cleared before the thread looks at the recent events. */
    private volatile boolean committedSinceRead;
    private final LongAdder commitWakeUps = new LongAdder();
    /** The last read stopped at an offset whose transaction is open: any commit on this node may be the one. */
    private volatile boolean waitingForGap;
    /** When transient events were last delivered ({@code System.nanoTime}); see {@link #await}. */
    private long transientAtNanos = System.nanoTime() - STREAM_QUIET.toNanos();
    private volatile boolean running = true;
    private Thread thread;
    private final SavedPosition position;
    /** When the outbox was last read, and whether it must be read again at once (a full batch, a gap, a reset). */
    private long readAtNanos;
    private boolean readNow = true;

    Dispatcher(String id, EventSubscriber subscriber, TypePatterns types, boolean startLatest, PersistenceUnit unit,
            OutboxTransactions transactions, Supplier<Settings> settings, Clock clock) {
        this(id, subscriber, types, startLatest, null, unit, transactions, settings, clock);
    }

    Dispatcher(String id, EventSubscriber subscriber, TypePatterns types, boolean startLatest, TransientLane lane,
            PersistenceUnit unit, OutboxTransactions transactions, Supplier<Settings> settings, Clock clock) {
        this.lane = lane;
        this.id = id;
        this.subscriber = subscriber;
        this.types = types;
        this.position = new SavedPosition(unit, id, startLatest);
        this.unit = unit;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    String id() {
        return id;
    }

    EventSubscriber subscriber() {
        return subscriber;
    }

    TypePatterns types() {
        return types;
    }

    /** The subscriber's place among the transient events, or {@code null} if it takes none. */
    TransientLane lane() {
        return lane;
    }

    /** The transient lane's counts (delivered, failed, dropped, waiting), or {@code null} if it takes none. */
    long[] transientCounts() {
        return lane == null ? null : lane.counts();
    }

    /**
     * {@code events} were committed on this node: wakes the thread only if it waits and they concern it (its subscriber
     * takes the type of one of them, or it waits for a gap, which a commit of any type may close). Waking every waiting
     * dispatcher for every commit cost the demo's seeding a tenth of its CPU: 20 subscribers, most of them woken for
     * events they skip. A thread about to wait sees the flag (cleared before each look at the recent events) and looks
     * again instead, so a commit that lands while it reads is not missed.
     */
    void committed(List<Event> events) {
        committedSinceRead = true;
        if (idle && (waitingForGap || takesAny(events))) {
            commitWakeUps.increment();
            wake();
        }
    }

    /** How often a commit woke this dispatcher's thread (for tests). */
    long commitWakeUps() {
        return commitWakeUps.sum();
    }

    /** Whether the subscriber takes the type of one of {@code events} (a batch is mostly of one type). */
    private boolean takesAny(List<Event> events) {
        String skipped = null;
        for (Event event : events) {
            String type = event.type();
            if (!type.equals(skipped)) {
                if (types.matches(type)) {
                    return true;
                }
                skipped = type;
            }
        }
        return false;
    }

    /** A transient event was posted: wakes the thread only if it waits for one. */
    void transientPosted() {
        if (idle) {
            wake();
        }
    }

    void start() {
        thread = Thread.ofPlatform().name("siyu-events-" + id).daemon().start(this::run);
    }

    /** Makes the dispatcher look for new events now rather than at its next poll. */
    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** Asks the thread to stop after the current call to the subscriber; waits up to {@code wait} for it. */
    boolean stop(Duration wait) {
        running = false;
        wake();
        if (thread == null || thread == Thread.currentThread()) {
            return true;
        }
        try {
            thread.join(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("Subscriber {} is still busy with an event after {} ms; its thread ends when the call returns",
                    id, wait.toMillis());
            return false;
        }
        return true;
    }

    /** Moves the position so that the next event delivered is the first with offset ≥ {@code fromOffset}. */
    CompletableFuture<Long> reset(long fromOffset) {
        return enqueue(new Reset(fromOffset, new CompletableFuture<>()), Reset::done);
    }

    /** Offers the dead letter's event to the subscriber once. */
    CompletableFuture<ReplayOutcome> replay(DeadLetter letter) {
        return enqueue(new Replay(letter, new CompletableFuture<>()), Replay::done);
    }

    private <C extends Command, R> CompletableFuture<R> enqueue(C command,
            java.util.function.Function<C, CompletableFuture<R>> done) {
        if (!running) {
            return CompletableFuture.failedFuture(new IllegalStateException("subscriber " + id + " has stopped"));
        }
        commands.add(command);
        wake();
        return done.apply(command);
    }

    private void run() {
        LOG.debug("Dispatcher of {} started for types {}", id, types);
        while (running) {
            try {
                position.load();
                runCommands();
                deliverTransient();
                Duration pause = deliverBatch();
                if (pause != null) {
                    await(position.saveOrWait(pause));
                }
            } catch (RuntimeException e) {
                LOG.warn("Delivery to {} failed at offset {}; retrying in {} ms: {}", id, position.get(),
                        AFTER_ERROR.toMillis(), e.toString());
                await(AFTER_ERROR);
            }
        }
        try {
            position.save();
        } catch (RuntimeException e) {
            LOG.debug("Could not save the position of {} on stop", id, e);
        }
        Command left;
        while ((left = commands.poll()) != null) {
            IllegalStateException stopped = new IllegalStateException("subscriber " + id + " has stopped");
            switch (left) {
                case Reset r -> r.done().completeExceptionally(stopped);
                case Replay r -> r.done().completeExceptionally(stopped);
            }
        }
        LOG.debug("Dispatcher of {} stopped at offset {}", id, position.get());
    }

    /** Hands the subscriber the transient events waiting, at most a batch, once each: no retry, no dead letter. */
    private void deliverTransient() {
        if (lane == null) {
            return;
        }
        int limit = Math.max(1_000, settings.get().batchSize());
        Event event;
        int n = 0;
        for (; n < limit && running && (event = lane.poll()) != null; n++) {
            Throwable failure = call(event);
            lane.delivered(failure == null);
            if (failure != null) {
                LOG.debug("Subscriber {} failed on transient event {} (type {}): {}", id, event.id(), event.type(),
                        failure.toString());
            }
        }
        if (n > 0) {
            transientAtNanos = System.nanoTime();
        }
    }

    /** Delivers what is ready; answers how long to wait before the next batch, or {@code null} for no wait. */
    private Duration deliverBatch() {
        Settings s = settings.get();
        long from = position.get();
        committedSinceRead = false;
        // Events committed on this node are handed over in memory; only what is not there is read from the outbox.
        List<Event> events = transactions.recent().runAfter(from, s.batchSize());
        GapRule.Ready ready = null;
        waitingForGap = false;
        if (events.isEmpty()) {
            long sinceRead = System.nanoTime() - readAtNanos;
            if (!readNow && sinceRead < s.pollInterval().toNanos() && !transactions.recent().holdsAfter(from)) {
                // Nothing new on this node; another node's events (which wake nobody here) wait for the poll.
                return Duration.ofNanos(s.pollInterval().toNanos() - sinceRead);
            }
            readAtNanos = System.nanoTime();
            List<Stored> batch = Sql.inTransaction(unit, (c, x) -> Outbox.readAfter(c, from, s.batchSize()));
            ready = new GapRule(transactions, s.gapGrace(), s.longestTransaction(), clock).settled(from, batch);
            waitingForGap = ready.blockedAt() >= 0;
            events = ready.events().stream().map(Stored::event).toList();
            readNow = batch.size() >= s.batchSize() || ready.blockedAt() >= 0;
        }
        int done = 0;
        for (Event event : events) {
            if (!running || !commands.isEmpty()) {
                break;
            }
            if (types.matches(event.type()) && !deliver(event)) {
                break;
            }
            position.moveTo(event.offset());
            done++;
        }
        if (done < events.size()) {
            readNow = true; // stopped or a command came in: what was left may have come from the outbox
            return null;
        }
        if (ready == null) {
            return null; // the tail may hold more
        }
        if (ready.blockedAt() >= 0) {
            Duration recheck = ready.recheckIn();
            return recheck.isZero() || recheck.compareTo(s.pollInterval()) > 0 ? s.pollInterval() : recheck;
        }
        return readNow ? null : s.pollInterval();
    }

    /**
     * Offers one event until the subscriber takes it or the attempts run out (then a dead letter is recorded).
     *
     * @return false if the dispatcher was stopped before either happened
     */
    private boolean deliver(Event event) {
        for (int attempt = 1; ; attempt++) {
            Throwable failure = call(event);
            if (failure == null) {
                return true;
            }
            Settings s = settings.get();
            if (attempt >= s.maxAttempts()) {
                long letter = Sql.inTransaction(unit, (c, x) ->
                        DeadLetters.record(c, id, event.offset(), s.maxAttempts(), describe(failure), clock.instant()));
                LOG.warn("Subscriber {} failed {} times on event {} (offset {}, type {}); dead letter {}: {}", id,
                        s.maxAttempts(), event.id(), event.offset(), event.type(), letter, failure.toString());
                return true;
            }
            LOG.debug("Subscriber {} failed on offset {} (attempt {}): {}", id, event.offset(), attempt, failure.toString());
            if (!sleep(s.backoff(attempt))) {
                return false;
            }
        }
    }

    /** Calls the subscriber; answers its failure, or {@code null}. */
    private Throwable call(Event event) {
        try {
            subscriber.onEvent(event);
            return null;
        } catch (VirtualMachineError e) {
            if (e instanceof StackOverflowError) {
                return e;
            }
            throw e;
        } catch (Throwable t) { // a subscriber's bug, LinkageError of a departing bundle included, is its own
            return t;
        }
    }

    private void runCommands() {
        Command command;
        while ((command = commands.poll()) != null) {
            switch (command) {
                case Reset r -> {
                    try {
                        position.resetTo(Math.max(0, r.fromOffset() - 1));
                        readNow = true;
                        LOG.info("Subscriber {} reset: next event from offset {}", id, position.get() + 1);
                        r.done().complete(position.get());
                    } catch (RuntimeException e) {
                        r.done().completeExceptionally(e);
                    }
                }
                case Replay r -> {
                    try {
                        r.done().complete(replayNow(r.letter()));
                    } catch (RuntimeException e) {
                        r.done().completeExceptionally(e);
                    }
                }
            }
        }
    }

    private ReplayOutcome replayNow(DeadLetter letter) {
        Event event = Sql.inTransaction(unit, (c, x) -> Outbox.byOffset(c, letter.offset())).orElseThrow(() ->
                new IllegalStateException("event at offset " + letter.offset() + " is no longer on the bus"));
        Throwable failure = call(event);
        Sql.inTransaction(unit, (c, x) -> {
            if (failure == null) {
                DeadLetters.markReplayed(c, letter.id(), clock.instant());
            } else {
                DeadLetters.failedAgain(c, letter.id(), describe(failure), clock.instant());
            }
            return null;
        });
        LOG.info("Dead letter {} replayed to {}: {}", letter.id(), id, failure == null ? "taken" : "failed again");
        return new ReplayOutcome(failure == null, failure == null ? null : describe(failure));
    }

    /** Waits up to {@code time}, or less if woken, stopped or a transient event is waiting. */
    private void await(Duration time) {
        if (lane != null && System.nanoTime() - transientAtNanos < STREAM_QUIET.toNanos()) {
            // a stream of transient events: look again shortly without asking the posters to wake us
            time = time.compareTo(STREAM_POLL) < 0 ? time : STREAM_POLL;
            synchronized (signal) {
                if (!woken && running && !lane.mayHaveMore()) {
                    try {
                        signal.wait(Math.max(1, time.toMillis()));
                    } catch (InterruptedException e) {
                        running = false;
                        Thread.currentThread().interrupt();
                    }
                }
                woken = false;
            }
            return;
        }
        synchronized (signal) {
            // idle before looking: a poster or committer either finds idle set and wakes us, or what it added is
            // seen here
            idle = true;
            if (!woken && running && !committedSinceRead && (lane == null || !lane.mayHaveMore())) {
                try {
                    signal.wait(Math.max(1, time.toMillis()));
                } catch (InterruptedException e) {
                    running = false;
                    Thread.currentThread().interrupt();
                }
            }
            idle = false;
            woken = false;
        }
    }

    /** Waits the full {@code time} unless stopped (wake-ups for new events do not end a back-off). */
    private boolean sleep(Duration time) {
        long end = System.nanoTime() + time.toNanos();
        synchronized (signal) {
            long left;
            while (running && (left = end - System.nanoTime()) > 0) {
                try {
                    signal.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    running = false;
                    Thread.currentThread().interrupt();
                }
            }
        }
        return running;
    }

    private static String describe(Throwable t) {
        return t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
