package org.siyu.api.commerce;

import java.time.Instant;
import java.util.List;

/**
 * An order placed elsewhere, to record: see {@link CommerceService#record}.
 *
 * @param channel     the marketplace or till: {@code tmall}, {@code jd}, {@code douyin}, {@code store}, …
 * @param externalId  its order number there; with the channel, the idempotency key
 * @param customerId  the buyer, already resolved through OneID
 * @param status      the state it has reached ({@link OrderStatus#CANCELLED} for one closed unpaid)
 * @param lines       at least one
 * @param payableFen  what the buyer paid or was to pay, after the marketplace's discounts
 * @param refundedFen what was refunded (0 if nothing)
 * @param createdAt   when it was placed
 * @param paidAt      when it was paid, {@code null} if never
 * @param shippedAt   when it shipped, {@code null} if not known or never
 * @param completedAt when it was received, {@code null} if not known or never
 * @param carrier     carrier, may be {@code null}
 * @param trackingNo  tracking number, may be {@code null}
 */
public record ExternalOrder(String channel, String externalId, int customerId, OrderStatus status, List<OrderLine> lines,
        long payableFen, long refundedFen, Instant createdAt, Instant paidAt, Instant shippedAt, Instant completedAt,
        String carrier, String trackingNo) {

    public ExternalOrder {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
