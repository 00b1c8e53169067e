package org.siyu.api.commerce;

import java.time.Instant;
import java.util.List;

/**
 * An order.
 *
 * @param id           the order's id
 * @param customerId   the buyer
 * @param channel      where it was placed: {@code mini}, {@code store}, {@code tmall}, {@code jd}, {@code douyin}, {@code live}, …
 * @param externalId   the marketplace's order number for a recorded order, else {@code null}
 * @param status       where it is in its life
 * @param lines        what was bought
 * @param adjustments  discounts applied
 * @param totalFen     sum of the lines
 * @param payableFen   total less discounts: what the customer pays
 * @param paidFen      what was paid (0 until paid)
 * @param refundedFen  what was refunded so far
 * @param gateway      the payment gateway it was paid with, or {@code null}
 * @param carrier      the carrier it was shipped with, or {@code null}
 * @param trackingNo   the carrier's tracking number, or {@code null}
 * @param createdAt    when it was placed
 * @param paidAt       when it was paid, or {@code null}
 */
public record Order(long id, int customerId, String channel, String externalId, OrderStatus status, List<OrderLine> lines,
        List<Adjustment> adjustments, long totalFen, long payableFen, long paidFen, long refundedFen, String gateway,
        String carrier, String trackingNo, Instant createdAt, Instant paidAt) {

    public Order {
        lines = lines == null ? List.of() : List.copyOf(lines);
        adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
    }

    /** What can still be refunded. */
    public long refundableFen() {
        return Math.max(0, paidFen - refundedFen);
    }
}
