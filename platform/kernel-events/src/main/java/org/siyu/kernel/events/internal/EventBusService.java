package org.siyu.kernel.events.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.events.Event;
import org.siyu.api.events.EventBus;
import org.siyu.api.persistence.PersistenceUnit;

/**
 * The {@link EventBus}: publishing writes outbox rows with plain JDBC batches on the connection of the unit's
 * transaction, which is the caller's transaction if one is open on this thread. Reading applies the
 * {@link GapRule}, so a reader paging by offset never skips an event that commits late.
 */
@Component(service = {EventBus.class, EventBusService.class}, configurationPid = EventsConfig.PID)
public class EventBusService implements EventBus {

    /** The most events one {@link #read} or {@link #timeline} answers. */
    static final int MAX_READ = 10_000;

    private final PersistenceUnit unit;
    private final OutboxTransactions transactions;
    private final Clock clock;
    private volatile Settings settings;

    @Activate
    public EventBusService(@Reference(target = "(" + PersistenceUnit.NAME_PROPERTY + "=" + EventsEntities.UNIT + ")")
            PersistenceUnit unit, @Reference OutboxTransactions transactions, EventsConfig config) {
        this(unit, transactions, Settings.of(config), Clock.systemUTC());
    }

    EventBusService(PersistenceUnit unit, OutboxTransactions transactions, Settings settings, Clock clock) {
        this.unit = unit;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
        // H2 only: the offset sequence written every 10,000 values instead of every 32 (OffsetCache says why it is safe)
        Sql.inTransaction(unit, (c, s) -> OffsetCache.apply(c));
    }

    @Modified
    void modified(EventsConfig config) {
        settings = Settings.of(config);
    }

    /** {@inheritDoc} An id already on the bus is not written again: the stored event is returned. */
    @Override
    public Event publish(Event event) {
        Event e = prepare(Objects.requireNonNull(event, "event"), 0);
        return Sql.inTransaction(unit, (c, session) -> {
            if (!Outbox.existingIds(c, List.of(e.id())).isEmpty()) {
                return Outbox.byId(c, e.id()).orElseThrow();
            }
            long[] offsets = Outbox.insert(c, List.of(e), clock.instant());
            Event published = withOffset(e, offsets[0]);
            transactions.track(session, List.of(published));
            return published;
        });
    }

    /**
     * {@inheritDoc} Ids repeated inside {@code events} count once (the first one wins).
     *
     * @throws IllegalArgumentException naming the index of the first event whose data is not a JSON object
     */
    @Override
    public List<Event> publishAll(List<Event> events) {
        Map<String, Event> unique = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            Event e = prepare(Objects.requireNonNull(events.get(i), "events[" + i + "]"), i);
            unique.putIfAbsent(e.id(), e);
        }
        if (unique.isEmpty()) {
            return List.of();
        }
        return Sql.inTransaction(unit, (c, session) -> {
            Set<String> existing = Outbox.existingIds(c, unique.keySet());
            List<Event> fresh = new ArrayList<>(unique.size());
            for (Event e : unique.values()) {
                if (!existing.contains(e.id())) {
                    fresh.add(e);
                }
            }
            long[] offsets = Outbox.insert(c, fresh, clock.instant());
            List<Event> published = new ArrayList<>(fresh.size());
            for (int i = 0; i < fresh.size(); i++) {
                published.add(withOffset(fresh.get(i), offsets[i]));
            }
            transactions.track(session, published);
            return published;
        });
    }

    /** {@inheritDoc} Stops before a missing offset that the {@link GapRule} says may still commit. */
    @Override
    public List<Event> read(long afterOffset, int limit) {
        int n = Math.clamp(limit, 1, MAX_READ);
        List<Stored> batch = Sql.inTransaction(unit, (c, s) -> Outbox.readAfter(c, Math.max(0, afterOffset), n));
        Settings current = settings;
        return new GapRule(transactions, current.gapGrace(), current.longestTransaction(), clock)
                .settled(Math.max(0, afterOffset), batch).events().stream().map(Stored::event).toList();
    }

    @Override
    public List<Event> timeline(int subject, int limit) {
        return Sql.inTransaction(unit, (c, s) -> Outbox.timeline(c, subject, Math.clamp(limit, 1, MAX_READ)));
    }

    /** The newest events, newest first, whether or not older offsets are still missing: for display. */
    List<Event> latest(int limit) {
        return Sql.inTransaction(unit, (c, s) -> Outbox.latest(c, Math.clamp(limit, 1, MAX_READ)));
    }

    /** Which of {@code ids} are on the bus (in the caller's transaction, if one is open). */
    Set<String> existingIds(Collection<String> ids) {
        return ids.isEmpty() ? Set.of() : Sql.inTransaction(unit, (c, s) -> Outbox.existingIds(c, ids));
    }

    /** Checks the data and truncates the time to what both databases store (microseconds). */
    /** Queues the event in memory for the subscribers that take transient events; nothing is stored (ADR 0013). */
    @Override
    public int post(Event event) {
        Event e = Objects.requireNonNull(event, "event");
        EventJson.requireObject(e.data());
        return transactions.transients().post(e);
    }

    private static Event prepare(Event e, int index) {
        if (e.id().isBlank() || e.id().length() > 200) {
            throw new IllegalArgumentException("event " + index + ": id must be 1 to 200 characters");
        }
        try {
            EventJson.requireObject(e.data());
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException("event " + index + " (" + e.id() + "): " + bad.getMessage(), bad);
        }
        if (e.offset() == 0 && e.time().getNano() % 1_000 == 0) {
            return e; // a new Event costs a regex match of its type: skip it when nothing changes
        }
        return new Event(0, e.id(), e.type(), e.source(), e.subject(), e.time().truncatedTo(ChronoUnit.MICROS),
                e.data());
    }

    private static Event withOffset(Event e, long offset) {
        return new Event(offset, e.id(), e.type(), e.source(), e.subject(), e.time(), e.data());
    }
}
