package org.siyu.kernel.events.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.siyu.api.events.Event;
import org.siyu.api.events.EventSubscriber;
import org.siyu.api.persistence.PersistenceUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks {@link EventSubscriber} services and runs one {@link Dispatcher} per subscriber id. A second service
 * with an id already running waits until the first leaves. Also the entry point of replays and resets.
 */
// Immediate: delivery runs whether or not anything looks the service up (a delayed component would start only
// with the REST resource or a view, and stop when they go).
@Component(service = Delivery.class, configurationPid = EventsConfig.PID, immediate = true)
@Designate(ocd = EventsConfig.class)
public class Delivery {

    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

    /** How long stopping waits for a subscriber that is busy with an event. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    /**
     * A subscriber as the admin and the REST API show it.
     *
     * @param id       its stable id
     * @param types    its type patterns, or {@code null} when it is not registered now
     * @param running  whether a dispatcher delivers to it now
     * @param position the offset of the last event it dealt with, or -1 if it never ran
     * @param transients its transient events since it started (delivered, failed, dropped, waiting), or {@code null}
     *                 when it takes none or is not running
     */
    record SubscriberState(String id, String types, boolean running, long position, long[] transients) {
    }

    private record Candidate(EventSubscriber subscriber, Map<String, Object> properties) {
    }

    private final PersistenceUnit unit;
    private final OutboxTransactions transactions;
    private final Clock clock;
    private final Consumer<List<Event>> committed = this::committed;
    /** The dispatchers running, for the commit listener (a commit must not wait for this object's lock). */
    private volatile Dispatcher[] runningNow = new Dispatcher[0];
    private final Map<String, Dispatcher> dispatchers = new LinkedHashMap<>(); // guarded by this
    private final List<Candidate> waiting = new ArrayList<>(); // guarded by this
    private volatile Settings settings;
    private boolean active = true; // guarded by this

    @Activate
    public Delivery(@Reference(target = "(" + PersistenceUnit.NAME_PROPERTY + "=" + EventsEntities.UNIT + ")")
            PersistenceUnit unit, @Reference OutboxTransactions transactions, EventsConfig config) {
        this(unit, transactions, Settings.of(config), Clock.systemUTC());
    }

    Delivery(PersistenceUnit unit, OutboxTransactions transactions, Settings settings, Clock clock) {
        this.unit = unit;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
        transactions.onCommit(committed);
    }

    @Modified
    void modified(EventsConfig config) {
        settings = Settings.of(config);
        wakeAll();
    }

    @Reference(service = EventSubscriber.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void addSubscriber(EventSubscriber subscriber, Map<String, Object> properties) {
        Object rawId = properties.get(EventSubscriber.ID);
        String id = rawId == null ? "" : String.valueOf(rawId).strip();
        TypePatterns types = TypePatterns.of(properties.get(EventSubscriber.TYPES));
        if (id.isEmpty() || id.length() > 200) {
            LOG.warn("An EventSubscriber ({}) has no valid {} property (1 to 200 characters); it receives nothing",
                    subscriber.getClass().getName(), EventSubscriber.ID);
            return;
        }
        if (types.isEmpty()) {
            LOG.warn("Subscriber {} has no {} property; it receives nothing", id, EventSubscriber.TYPES);
            return;
        }
        synchronized (this) {
            if (!active) {
                return;
            }
            if (dispatchers.containsKey(id)) {
                LOG.warn("Two subscribers use the id {}; the second waits until the first leaves", id);
                waiting.add(new Candidate(subscriber, Map.copyOf(properties)));
                return;
            }
            startDispatcher(id, subscriber, types, properties);
        }
    }

    void removeSubscriber(EventSubscriber subscriber, Map<String, Object> properties) {
        Dispatcher leaving = null;
        synchronized (this) {
            waiting.removeIf(c -> c.subscriber() == subscriber);
            for (Dispatcher d : dispatchers.values()) {
                if (d.subscriber() == subscriber) {
                    leaving = d;
                }
            }
            if (leaving != null) {
                dispatchers.remove(leaving.id());
                runningNow = dispatchers.values().toArray(new Dispatcher[0]);
            }
        }
        if (leaving == null) {
            return;
        }
        transactions.transients().remove(leaving);
        leaving.stop(STOP_WAIT);
        synchronized (this) {
            for (Candidate next : waiting) {
                if (active && leaving.id().equals(String.valueOf(next.properties().get(EventSubscriber.ID)).strip())
                        && !dispatchers.containsKey(leaving.id())) {
                    waiting.remove(next);
                    startDispatcher(leaving.id(), next.subscriber(),
                            TypePatterns.of(next.properties().get(EventSubscriber.TYPES)), next.properties());
                    break;
                }
            }
        }
    }

    @Deactivate
    void deactivate() {
        List<Dispatcher> stopping;
        synchronized (this) {
            active = false;
            stopping = new ArrayList<>(dispatchers.values());
            dispatchers.clear();
            runningNow = new Dispatcher[0];
            waiting.clear();
        }
        transactions.removeCommitListener(committed);
        stopping.forEach(transactions.transients()::remove);
        stopping.parallelStream().forEach(d -> d.stop(STOP_WAIT));
    }

    /**
     * Offers a dead letter's event once more to its subscriber, on the subscriber's dispatcher thread.
     *
     * @throws NoSuchElementException if there is no such dead letter
     * @throws IllegalStateException  if it was replayed already, or its subscriber is not running
     */
    CompletableFuture<Dispatcher.ReplayOutcome> replay(long deadLetterId) {
        DeadLetter letter = Sql.inTransaction(unit, (c, s) -> DeadLetters.find(c, deadLetterId))
                .orElseThrow(() -> new NoSuchElementException("no dead letter with id " + deadLetterId));
        if (letter.replayedAt() != null) {
            throw new IllegalStateException("dead letter " + deadLetterId + " was replayed already");
        }
        Dispatcher dispatcher;
        synchronized (this) {
            dispatcher = dispatchers.get(letter.subscriberId());
        }
        if (dispatcher == null) {
            throw new IllegalStateException("subscriber " + letter.subscriberId()
                    + " is not running, so it cannot take the event now");
        }
        return dispatcher.replay(letter);
    }

    /**
     * Makes {@code subscriberId} receive events again from offset {@code fromOffset} on (inclusive). A running
     * subscriber is reset by its dispatcher thread; for one not running the stored position is changed.
     *
     * @return the subscriber's new position (the offset before {@code fromOffset})
     */
    long reset(String subscriberId, long fromOffset) throws InterruptedException, TimeoutException {
        Dispatcher dispatcher;
        synchronized (this) {
            dispatcher = dispatchers.get(subscriberId);
        }
        if (dispatcher == null) {
            long position = Math.max(0, fromOffset - 1);
            Sql.inTransaction(unit, (c, s) -> {
                Positions.save(c, subscriberId, position);
                return null;
            });
            return position;
        }
        try {
            return dispatcher.reset(fromOffset).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    List<DeadLetter> deadLetters(boolean includeReplayed, int limit) {
        return Sql.inTransaction(unit, (c, s) -> DeadLetters.list(c, includeReplayed, Math.clamp(limit, 1, 10_000)));
    }

    /** Every subscriber with a stored position or running now, by id. */
    List<SubscriberState> subscribers() {
        Map<String, Long> positions = Sql.inTransaction(unit, (c, s) -> Positions.all(c));
        Map<String, SubscriberState> result = new java.util.TreeMap<>();
        positions.forEach((id, p) -> result.put(id, new SubscriberState(id, null, false, p, null)));
        synchronized (this) {
            dispatchers.forEach((id, d) -> result.put(id, new SubscriberState(id, d.types().toString(), true,
                    positions.getOrDefault(id, -1L), d.transientCounts())));
        }
        return List.copyOf(result.values());
    }

    /** Whether a dispatcher delivers to {@code subscriberId} now. */
    synchronized boolean isRunning(String subscriberId) {
        return dispatchers.containsKey(subscriberId);
    }

    private void startDispatcher(String id, EventSubscriber subscriber, TypePatterns types, Map<String, Object> props) {
        boolean latest = "latest".equalsIgnoreCase(String.valueOf(props.get(EventSubscriber.START)).strip());
        Object wantsTransient = props.get(EventSubscriber.TRANSIENT);
        boolean takesTransient = Boolean.TRUE.equals(wantsTransient) || "true".equalsIgnoreCase(String.valueOf(wantsTransient).strip());
        Dispatcher d = new Dispatcher(id, subscriber, types, latest, takesTransient ? transactions.transients().lane(types) : null, unit,
                transactions, () -> settings, clock);
        dispatchers.put(id, d);
        runningNow = dispatchers.values().toArray(new Dispatcher[0]);
        d.start();
        if (takesTransient) {
            transactions.transients().add(d);
        }
        LOG.debug("Subscriber {} joined for types {} (start {}{})", id, types, latest ? "latest" : "earliest",
                takesTransient ? ", transient events too" : "");
    }

    /** After a commit on this node: each dispatcher wakes if it waits and the events concern it. */
    private void committed(List<Event> events) {
        for (Dispatcher d : runningNow) {
            d.committed(events);
        }
    }

    /** The running dispatcher of a subscriber (for tests). */
    synchronized Dispatcher dispatcher(String subscriberId) {
        return dispatchers.get(subscriberId);
    }

    private void wakeAll() {
        List<Dispatcher> all;
        synchronized (this) {
            all = List.copyOf(dispatchers.values());
        }
        all.forEach(Dispatcher::wake);
    }
}
