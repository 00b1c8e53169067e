package org.siyu.commerce.codes.internal;

import java.util.ArrayList;
import java.util.List;
import org.siyu.api.events.Event;
import org.siyu.api.events.EventBus;
import org.siyu.api.persistence.PersistenceUnit;

/**
 * The event bus as its contract describes {@code publish}: the event is written in the caller's transaction (an
 * outbox table of the fakes unit), so it commits or rolls back with the business change; an id already there is
 * refused by the table's primary key.
 */
class FakeEvents implements EventBus {

    private final PersistenceUnit unit;

    FakeEvents(PersistenceUnit unit) {
        this.unit = unit;
    }

    @Override
    public Event publish(Event event) {
        unit.inTransaction(em -> em.createNativeQuery("insert into fakes_event (id, type, source, subject, event_time, "
                        + "data) values (:i, :t, :s, :sub, :time, :d)")
                .setParameter("i", event.id()).setParameter("t", event.type()).setParameter("s", event.source())
                .setParameter("sub", event.subject()).setParameter("time", event.time())
                .setParameter("d", event.data()).executeUpdate());
        return event;
    }

    @Override
    public List<Event> publishAll(List<Event> events) {
        List<Event> out = new ArrayList<>();
        events.forEach(e -> out.add(publish(e)));
        return out;
    }

    @Override
    public List<Event> read(long afterOffset, int limit) {
        return unit.inTransaction(em -> {
            List<Event> out = new ArrayList<>();
            for (Object row : em.createNativeQuery("select id, type, source, subject, event_time, data from "
                    + "fakes_event order by event_time, id").setMaxResults(limit).getResultList()) {
                Object[] r = (Object[]) row;
                out.add(new Event(0, (String) r[0], (String) r[1], (String) r[2],
                        r[3] == null ? null : ((Number) r[3]).intValue(), CodeStore.instant(r[4]), (String) r[5]));
            }
            return out;
        });
    }

    @Override
    public List<Event> timeline(int subject, int limit) {
        return read(0, Integer.MAX_VALUE).stream().filter(e -> e.subject() != null && e.subject() == subject)
                .limit(limit).toList();
    }
}
