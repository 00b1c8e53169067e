package org.siyu.commerce.internal.orders;

import java.time.Instant;
import org.siyu.api.commerce.Order;

/**
 * An order with what the SDK's {@link Order} does not carry: the gateway's transaction, the later times, why it was
 * cancelled and who placed it.
 */
public record OrderRow(Order order, String transactionId, Instant shippedAt, Instant completedAt, Instant cancelledAt,
        String cancelReason, String createdBy) {

    public long id() {
        return order.id();
    }
}
