package org.siyu.kernel.org.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.siyu.api.events.Event;
import org.siyu.api.events.EventBus;

/** Keeps what is published (including what a rolled-back transaction published: the test checks the commit). */
public final class RecordingBus implements EventBus {

    public final List<Event> published = Collections.synchronizedList(new ArrayList<>());

    @Override
    public Event publish(Event event) {
        published.add(event);
        return event;
    }

    @Override
    public List<Event> publishAll(List<Event> events) {
        published.addAll(events);
        return events;
    }

    @Override
    public List<Event> read(long afterOffset, int limit) {
        return List.of();
    }

    @Override
    public List<Event> timeline(int subject, int limit) {
        return List.of();
    }
}
