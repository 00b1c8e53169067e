package org.siyu.api.membership;

import java.time.Instant;

/**
 * A coupon used on an order outside commerce: the answer of {@link MembershipService#redeem}.
 *
 * @param code        the coupon's code
 * @param customerId  its owner
 * @param orderRef    the order it was used on
 * @param discountFen what it takes off that order
 * @param usedAt      when it was used
 * @param created     false when the coupon had been redeemed on this order before (nothing changed)
 */
public record Redemption(String code, int customerId, String orderRef, long discountFen, Instant usedAt,
        boolean created) {
}
