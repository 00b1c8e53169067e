package org.siyu.membership.internal.model;

/**
 * Why points moved: what a ledger row records besides the amount.
 *
 * @param key     makes the cause count once (unique in the ledger), or {@code null} for a cause that may repeat
 * @param orderId the order, or {@code null}
 * @param eventId the event that carried it, or {@code null}
 * @param actor   the user who did it ({@code system} for jobs), or {@code null} for an event
 * @param note    a line for people
 */
public record Cause(String key, String orderId, String eventId, String actor, String note) {
}
