package org.siyu.api.commerce;

import java.time.Instant;

/**
 * Money given back on an order.
 *
 * @param id        the refund's id
 * @param orderId   its order
 * @param amountFen this refund
 * @param reason    why, as entered
 * @param full      whether the order is now refunded in full
 * @param at        when
 */
public record Refund(long id, long orderId, long amountFen, String reason, boolean full, Instant at) {
}
