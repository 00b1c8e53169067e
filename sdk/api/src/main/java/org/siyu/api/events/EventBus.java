package org.siyu.api.events;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Publishes and reads events. The kernel provides it as an OSGi service. */
@ProviderType
public interface EventBus {

    /**
     * Publishes {@code event} durably: in the calling thread's open transaction if there is one (so it commits or
     * rolls back with it), else in a transaction of its own that has committed when this returns. Delivery to
     * subscribers starts after the commit.
     *
     * @return the event with its offset
     * @throws IllegalArgumentException if {@code data} is not a JSON object
     */
    Event publish(Event event);

    /**
     * Publishes many events in one go, with the same transaction rules as {@link #publish}. Ids already on the bus
     * are skipped (not an error): this is how ingestion is idempotent.
     *
     * @return the events that were new, with their offsets
     */
    List<Event> publishAll(List<Event> events);

    /** Committed events with offset greater than {@code afterOffset}, oldest first, at most {@code limit}. */
    List<Event> read(long afterOffset, int limit);

    /** The newest events about one customer, newest first, at most {@code limit}: the customer's timeline. */
    List<Event> timeline(int subject, int limit);

    /**
     * Hands {@code event} to the subscribers of its type that take transient events ({@link EventSubscriber#TRANSIENT}),
     * asynchronously, <b>without storing it</b> (since 1.1): not in the outbox, the timeline or a replay, delivered at
     * most once, lost if the node stops first. In order per subscriber; not ordered with durable events. For what is
     * worth less than a write: live-room likes and viewers, presence, cache hints. Anything a customer's history or
     * another bundle's state depends on is {@link #publish published}.
     *
     * <p>Back-pressure: while a subscriber is {@value EventSubscriber#TRANSIENT_CAPACITY} transient events behind, a
     * post waits for it, at most 20 ms, so a burst arrives whole and the posters slow to the subscribers' pace. A
     * subscriber that stays that far behind (stuck, or retrying a durable event) is not waited for again until it has
     * caught up: it misses the oldest events, which are counted.
     *
     * <p>Returns once the event is queued. The default, for buses without an in-process path (test fakes),
     * publishes durably.
     *
     * @return how many subscribers it was queued for
     * @throws IllegalArgumentException if {@code data} is not a JSON object
     */
    default int post(Event event) {
        publish(event);
        return 1;
    }
}
