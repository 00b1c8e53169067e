package org.siyu.commerce.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.resource.transaction.spi.TransactionStatus;
import org.siyu.api.events.Event;
import org.siyu.api.events.EventBus;
import org.siyu.api.persistence.PersistenceUnit;

/**
 * The bus's documented contract, small: a publish joins the calling thread's transaction (through the commerce
 * unit, as the real outbox joins through its own) and becomes visible only if that transaction commits; ids already
 * on the bus are skipped. Without an open transaction a publish commits on its own.
 */
public final class TxEventBus implements EventBus {

    private final PersistenceUnit unit;
    private final Map<String, Event> committed = Collections.synchronizedMap(new LinkedHashMap<>());

    public TxEventBus(PersistenceUnit unit) {
        this.unit = unit;
    }

    @Override
    public Event publish(Event event) {
        List<Event> published = publishAll(List.of(event));
        return published.isEmpty() ? committed.get(event.id()) : published.getFirst();
    }

    @Override
    public List<Event> publishAll(List<Event> events) {
        for (Event e : events) {
            Json.read(e.data()); // the real bus refuses data that is not JSON
        }
        return unit.inTransaction(em -> {
            List<Event> fresh = new ArrayList<>();
            for (Event e : events) {
                if (!committed.containsKey(e.id())) {
                    fresh.add(e);
                }
            }
            em.unwrap(Session.class).getTransaction().runAfterCompletion(status -> {
                if (status == TransactionStatus.COMMITTED) {
                    for (Event e : fresh) {
                        committed.putIfAbsent(e.id(), new Event(committed.size() + 1, e.id(), e.type(), e.source(),
                                e.subject(), e.time(), e.data()));
                    }
                }
            });
            return fresh;
        });
    }

    @Override
    public List<Event> read(long afterOffset, int limit) {
        return all().stream().filter(e -> e.offset() > afterOffset).limit(limit).toList();
    }

    @Override
    public List<Event> timeline(int subject, int limit) {
        return all().reversed().stream().filter(e -> Integer.valueOf(subject).equals(e.subject())).limit(limit).toList();
    }

    public List<Event> all() {
        synchronized (committed) {
            return List.copyOf(committed.values());
        }
    }

    public List<Event> ofType(String type) {
        return all().stream().filter(e -> e.type().equals(type)).toList();
    }

    public Event byId(String id) {
        return committed.get(id);
    }

    /** The event's data parsed. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> data(Event e) {
        return (Map<String, Object>) Json.read(e.data());
    }

    public void clear() {
        committed.clear();
    }
}
