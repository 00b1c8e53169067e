package org.siyu.kernel.events.internal;

import java.time.Instant;

/**
 * An event a subscriber failed on after every attempt.
 *
 * @param id           the dead letter's id
 * @param subscriberId the subscriber that failed
 * @param offset       the event's offset
 * @param eventId      the event's id
 * @param type         the event's type
 * @param attempts     attempts so far, replays included
 * @param error        the last failure, as text
 * @param failedAt     when it last failed
 * @param replayedAt   when a replay succeeded, or {@code null}
 */
record DeadLetter(long id, String subscriberId, long offset, String eventId, String type, int attempts, String error,
        Instant failedAt, Instant replayedAt) {
}
