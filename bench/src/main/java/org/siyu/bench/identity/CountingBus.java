package org.siyu.bench.identity;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.siyu.api.events.Event;
import org.siyu.api.events.EventBus;

/**
 * OneID's event bus in the benchmark: counts what is published and keeps nothing. The outbox's own cost is the
 * {@code events} benchmark's; here it would only add the same insert to every creation and merge.
 */
final class CountingBus implements EventBus {

    private final AtomicLong offsets = new AtomicLong();

    @Override
    public Event publish(Event event) {
        return new Event(offsets.incrementAndGet(), event.id(), event.type(), event.source(), event.subject(),
                event.time(), event.data());
    }

    @Override
    public List<Event> publishAll(List<Event> events) {
        return events.stream().map(this::publish).toList();
    }

    @Override
    public List<Event> read(long afterOffset, int limit) {
        return List.of();
    }

    @Override
    public List<Event> timeline(int subject, int limit) {
        return List.of();
    }

    long published() {
        return offsets.get();
    }
}
