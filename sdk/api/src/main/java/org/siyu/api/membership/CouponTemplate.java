package org.siyu.api.membership;

import java.time.Instant;

/**
 * A coupon template: what its coupons grant, when they are valid, how many may be issued.
 *
 * @param id             the template's id
 * @param name           what the customer sees
 * @param terms          the terms in words: {@code 满¥99.00减¥20.00}, {@code 满¥199.009折}
 * @param kind           amount off or percent off
 * @param amountFen      fen off ({@link CouponKind#AMOUNT_OFF}), else 0
 * @param percentOff     percent off ({@link CouponKind#PERCENT_OFF}), else 0
 * @param maxDiscountFen the cap of a percent-off coupon, or {@code null}
 * @param thresholdFen   the order total a coupon needs (0: none)
 * @param validFrom      absolute start, or {@code null}
 * @param validUntil     absolute end (exclusive), or {@code null}
 * @param validDays      days of validity after issue, or {@code null}
 * @param stock          how many coupons may be issued in all
 * @param issued         how many were issued
 * @param active         false once archived: no more issues, its coupons stay usable
 */
public record CouponTemplate(long id, String name, String terms, CouponKind kind, long amountFen, int percentOff,
        Long maxDiscountFen, long thresholdFen, Instant validFrom, Instant validUntil, Integer validDays, long stock,
        long issued, boolean active) {

    /** How many coupons can still be issued. */
    public long remaining() {
        return Math.max(0, stock - issued);
    }
}
