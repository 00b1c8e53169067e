package org.siyu.api.membership;

import java.time.Instant;

/**
 * A coupon template to create: see {@link MembershipService#createTemplate}. Validity is either absolute
 * ({@code validFrom} and {@code validUntil}) or {@code validDays} after each coupon's issue, not both.
 *
 * @param name           what the customer sees, such as {@code 新人礼券}; 1–100 characters
 * @param kind           amount off or percent off
 * @param amountFen      {@link CouponKind#AMOUNT_OFF}: fen off, &gt; 0 (ignored otherwise)
 * @param percentOff     {@link CouponKind#PERCENT_OFF}: percent off, 1–99 (10 = 9折; ignored otherwise)
 * @param maxDiscountFen {@link CouponKind#PERCENT_OFF}: the most it takes off in fen, or {@code null} for no cap
 * @param thresholdFen   the order total a coupon needs, ≥ 0 (0: none)
 * @param validFrom      absolute start, or {@code null} (from issue)
 * @param validUntil     absolute end (exclusive), or {@code null} with {@code validDays}
 * @param validDays      days of validity after issue (1–3650), or {@code null} with {@code validUntil}
 * @param stock          how many coupons may be issued in all, ≥ 0
 */
public record NewCouponTemplate(String name, CouponKind kind, long amountFen, int percentOff, Long maxDiscountFen,
        long thresholdFen, Instant validFrom, Instant validUntil, Integer validDays, long stock) {

    /** An amount-off template valid {@code validDays} after issue: 满{@code thresholdFen}减{@code amountFen}. */
    public static NewCouponTemplate amountOff(String name, long amountFen, long thresholdFen, int validDays, long stock) {
        return new NewCouponTemplate(name, CouponKind.AMOUNT_OFF, amountFen, 0, null, thresholdFen, null, null,
                validDays, stock);
    }

    /** A percent-off template valid {@code validDays} after issue (10 = 9折). */
    public static NewCouponTemplate percentOff(String name, int percentOff, Long maxDiscountFen, long thresholdFen,
            int validDays, long stock) {
        return new NewCouponTemplate(name, CouponKind.PERCENT_OFF, 0, percentOff, maxDiscountFen, thresholdFen, null,
                null, validDays, stock);
    }
}
