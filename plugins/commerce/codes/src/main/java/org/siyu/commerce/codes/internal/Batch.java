package org.siyu.commerce.codes.internal;

import java.time.Instant;

/**
 * A batch of codes as stored.
 *
 * @param generated how many codes exist (the rest are still to come, or were cut short)
 * @param bound     how many of its codes are bound to a customer
 */
public record Batch(long id, long productId, String productName, String skuCode, int quantity, int generated,
        int bound, BatchState state, Long jobId, String note, String message, String createdBy, Instant createdAt,
        Instant finishedAt) {
}
