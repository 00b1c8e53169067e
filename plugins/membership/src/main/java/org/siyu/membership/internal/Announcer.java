package org.siyu.membership.internal;

import java.time.Instant;
import java.util.Map;
import org.siyu.api.events.Event;
import org.siyu.api.events.EventBus;

/**
 * Publishes membership's events on the bus, in the caller's transaction (the outbox), so a change and its event
 * commit or roll back together. Every event has the customer as subject and source {@value #SOURCE}.
 */
public final class Announcer {

    /** The events' source. */
    public static final String SOURCE = "membership";

    private final EventBus bus;

    public Announcer(EventBus bus) {
        this.bus = bus;
    }

    /**
     * Publishes one event.
     *
     * @param id   a stable id derived from what changed ({@code membership:ledger:42}), so a replay is not a new event
     * @param time when it happened
     */
    public void publish(String id, String type, int customerId, Instant time, Map<String, ?> data) {
        bus.publish(new Event(0, id, type, SOURCE, customerId, time, Json.write(data)));
    }
}
