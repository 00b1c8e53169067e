package org.siyu.kernel.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.siyu.api.events.Event;
import org.siyu.api.events.EventBus;

/** An event bus that records what is published, in order. */
public final class RecordingBus implements EventBus {

    private final List<Event> events = new ArrayList<>();
    private final AtomicLong offsets = new AtomicLong();

    @Override
    public synchronized Event publish(Event event) {
        Event published = new Event(offsets.incrementAndGet(), event.id(), event.type(), event.source(), event.subject(),
                event.time(), event.data());
        events.add(published);
        return published;
    }

    @Override
    public synchronized List<Event> publishAll(List<Event> list) {
        return list.stream().map(this::publish).toList();
    }

    @Override
    public synchronized List<Event> read(long afterOffset, int limit) {
        return events.stream().filter(e -> e.offset() > afterOffset).limit(limit).toList();
    }

    @Override
    public synchronized List<Event> timeline(int subject, int limit) {
        return events.reversed().stream().filter(e -> Integer.valueOf(subject).equals(e.subject())).limit(limit).toList();
    }

    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    public synchronized List<Event> ofType(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    synchronized void clear() {
        events.clear();
    }
}
