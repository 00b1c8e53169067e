package org.siyu.kernel.events.internal;

import java.time.Instant;
import org.siyu.api.events.Event;

/**
 * An event as the outbox holds it.
 *
 * @param event       the event, with its offset
 * @param publishedAt when its row was inserted (not committed), by the publisher's clock
 */
record Stored(Event event, Instant publishedAt) {

    long offset() {
        return event.offset();
    }
}
