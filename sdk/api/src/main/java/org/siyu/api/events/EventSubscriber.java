package org.siyu.api.events;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives events. Register as an OSGi service with the properties {@value #ID} (a stable name: the bus keeps this
 * subscriber's position under it) and {@value #TYPES} (type patterns such as {@code order.*} or {@code *}).
 *
 * <p>Calls come from the subscriber's own thread, one event at a time, in offset order per subject. Delivery is
 * at least once: make the handling idempotent by {@link Event#id()}. Throwing makes the bus retry with back-off;
 * after the configured number of attempts the event goes to the dead-letter list and the subscriber moves on.
 */
@ConsumerType
public interface EventSubscriber {

    /** Service property: the subscriber's stable id, e.g. {@code membership.points}. */
    String ID = "siyu.subscriber.id";

    /** Service property: the event types this subscriber wants, e.g. {@code order.*}; {@code *} for all. */
    String TYPES = "siyu.subscriber.types";

    /** Service property (optional): {@code latest} to start at the newest event when first registered; default {@code earliest}. */
    String START = "siyu.subscriber.start";

    /**
     * Service property (optional, since 1.1): {@code true} to receive also the transient events of its types
     * ({@link EventBus#post}), at most once, on the same thread as the durable ones; a transient event that throws is
     * counted and not retried.
     */
    String TRANSIENT = "siyu.subscriber.transient";

    /**
     * Transient events one subscriber can be behind: beyond, posts wait for it (up to 20 ms), and then it misses the
     * oldest ones (see {@link EventBus#post}).
     */
    int TRANSIENT_CAPACITY = 8_192;

    void onEvent(Event event) throws Exception;
}
