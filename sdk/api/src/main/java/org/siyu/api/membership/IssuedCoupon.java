package org.siyu.api.membership;

import java.time.Instant;

/**
 * A coupon given to a customer: the answer of {@link MembershipService#issue}.
 *
 * @param code       the coupon's code ({@code MB…}, 14 characters), what the customer shows or types
 * @param templateId its template
 * @param customerId its owner
 * @param status     where it is in its life
 * @param issuedAt   when it was issued
 * @param validFrom  first moment it can be used
 * @param validUntil when it ends (exclusive)
 * @param created    false when the customer already had the coupon of this issue key (nothing was issued)
 */
public record IssuedCoupon(String code, long templateId, int customerId, CouponStatus status, Instant issuedAt,
        Instant validFrom, Instant validUntil, boolean created) {
}
