package org.siyu.membership.internal.model;

import java.time.Instant;

/**
 * A coupon template as the admin and REST write it. Validity is either absolute ({@code validFrom} and/or
 * {@code validUntil}) or {@code validDays} after issue, not both.
 *
 * @param name           what the customer sees, e.g. 满199减30
 * @param kind           amount off or percent off
 * @param amountFen      AMOUNT_OFF: fen off, &gt; 0
 * @param percentOff     PERCENT_OFF: percent off, 1–99
 * @param maxDiscountFen PERCENT_OFF: cap in fen, or {@code null}
 * @param thresholdFen   the order total a coupon needs, ≥ 0 (0: none)
 * @param validFrom      absolute start, or {@code null}
 * @param validUntil     absolute end (exclusive), or {@code null}
 * @param validDays      days of validity after issue, or {@code null}
 * @param stock          how many coupons may be issued in all
 */
public record TemplateValues(String name, CouponTemplate.Kind kind, long amountFen, int percentOff, Long maxDiscountFen,
        long thresholdFen, Instant validFrom, Instant validUntil, Integer validDays, long stock) {
}
