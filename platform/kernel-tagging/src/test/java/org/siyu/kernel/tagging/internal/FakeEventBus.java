package org.siyu.kernel.tagging.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.siyu.api.events.Event;
import org.siyu.api.events.EventBus;

/**
 * Keeps every published event in memory. It does not join transactions (the real bus writes to an outbox in the
 * caller's transaction), so a rollback test checks rows and bitmaps, not this list.
 */
public final class FakeEventBus implements EventBus {

    private final List<Event> events = Collections.synchronizedList(new ArrayList<>());

    @Override
    public Event publish(Event event) {
        Event published = new Event(events.size() + 1, event.id(), event.type(), event.source(), event.subject(),
                event.time(), event.data());
        events.add(published);
        return published;
    }

    @Override
    public List<Event> publishAll(List<Event> list) {
        return list.stream().map(this::publish).toList();
    }

    @Override
    public List<Event> read(long afterOffset, int limit) {
        return events.stream().filter(e -> e.offset() > afterOffset).limit(limit).toList();
    }

    @Override
    public List<Event> timeline(int subject, int limit) {
        return events.reversed().stream().filter(e -> Integer.valueOf(subject).equals(e.subject())).limit(limit).toList();
    }

    public List<Event> ofType(String type) {
        synchronized (events) {
            return events.stream().filter(e -> e.type().equals(type)).toList();
        }
    }

    public void clear() {
        events.clear();
    }
}
