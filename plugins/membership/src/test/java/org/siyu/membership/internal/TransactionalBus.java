package org.siyu.membership.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.Transaction;
import org.hibernate.resource.transaction.spi.TransactionStatus;
import org.siyu.api.events.Event;
import org.siyu.api.events.EventBus;
import org.siyu.api.persistence.PersistenceUnit;

/**
 * An event bus that behaves like the kernel's outbox as far as publishers can tell: an event published inside a
 * transaction becomes visible when that transaction commits and is gone if it rolls back; outside one it is committed
 * at once. Ids already published are skipped, as the real bus does.
 */
public final class TransactionalBus implements EventBus {

    private final PersistenceUnit unit;
    private final List<Event> committed = Collections.synchronizedList(new ArrayList<>());
    private final Map<Transaction, List<Event>> pending = Collections.synchronizedMap(new IdentityHashMap<>());

    public TransactionalBus(PersistenceUnit unit) {
        this.unit = unit;
    }

    @Override
    public Event publish(Event event) {
        unit.inTransaction(em -> {
            Transaction tx = em.unwrap(Session.class).getTransaction();
            pending.computeIfAbsent(tx, t -> {
                t.runAfterCompletion(status -> {
                    List<Event> events = pending.remove(t);
                    if (status == TransactionStatus.COMMITTED && events != null) {
                        synchronized (committed) {
                            for (Event e : events) {
                                if (committed.stream().noneMatch(c -> c.id().equals(e.id()))) {
                                    committed.add(new Event(committed.size() + 1, e.id(), e.type(), e.source(),
                                            e.subject(), e.time(), e.data()));
                                }
                            }
                        }
                    }
                });
                return Collections.synchronizedList(new ArrayList<>());
            }).add(event);
            return null;
        });
        return event;
    }

    @Override
    public List<Event> publishAll(List<Event> events) {
        return events.stream().map(this::publish).toList();
    }

    @Override
    public List<Event> read(long afterOffset, int limit) {
        synchronized (committed) {
            return committed.stream().filter(e -> e.offset() > afterOffset).limit(limit).toList();
        }
    }

    @Override
    public List<Event> timeline(int subject, int limit) {
        synchronized (committed) {
            return committed.reversed().stream().filter(e -> Integer.valueOf(subject).equals(e.subject()))
                    .limit(limit).toList();
        }
    }

    public List<Event> ofType(String type) {
        synchronized (committed) {
            return committed.stream().filter(e -> e.type().equals(type)).toList();
        }
    }

    public List<Event> all() {
        synchronized (committed) {
            return List.copyOf(committed);
        }
    }

    public void clear() {
        committed.clear();
    }
}
