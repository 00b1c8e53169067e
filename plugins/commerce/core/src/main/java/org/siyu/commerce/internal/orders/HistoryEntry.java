package org.siyu.commerce.internal.orders;

import java.time.Instant;
import org.siyu.api.commerce.OrderStatus;

/**
 * One line of an order's timeline.
 *
 * @param action what happened: {@code created}, {@code paid}, {@code shipped}, {@code completed}, {@code cancelled},
 *               {@code refunded}, {@code recorded}, {@code after-sale}
 * @param from   the status before, {@code null} for the first line
 * @param to     the status after
 * @param detail what the operator or the system said about it
 */
public record HistoryEntry(long id, long orderId, String action, OrderStatus from, OrderStatus to, String detail,
        String actor, Instant at) {
}
