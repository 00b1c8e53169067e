package org.siyu.api.events;

import java.time.Instant;
import java.util.Objects;

/**
 * One event, shaped like a CloudEvents 1.0 envelope.
 *
 * @param offset  position in the bus, assigned on publish (strictly increasing in commit order per subject;
 *                0 for an event not yet published)
 * @param id      unique id; a repeated id is not applied twice (idempotency key of ingestion)
 * @param type    dotted type, such as {@code order.paid}, {@code customer.merged}
 * @param source  who produced it: a bundle or channel, such as {@code commerce} or {@code wecom}
 * @param subject the customer id the event is about, or {@code null} for events about no customer
 * @param time    when it happened (not when it was published)
 * @param data    the payload as a JSON object text, never {@code null} (use {@code "{}"})
 */
public record Event(long offset, String id, String type, String source, Integer subject, Instant time, String data) {

    private static final java.util.regex.Pattern TYPE = java.util.regex.Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)*");

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        data = data == null ? "{}" : data;
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("event type '" + type + "' must be dotted lower-case words, e.g. order.paid");
        }
    }

    /** A new event to publish: a random id, now, no offset yet. */
    public static Event of(String type, String source, Integer subject, String data) {
        return new Event(0, java.util.UUID.randomUUID().toString(), type, source, subject, Instant.now(), data);
    }
}
