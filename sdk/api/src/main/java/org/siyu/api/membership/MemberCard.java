package org.siyu.api.membership;

import java.time.Instant;
import java.util.List;

/**
 * A customer's membership at a glance.
 *
 * @param customerId     the customer
 * @param member         whether the customer has a membership record (has earned something); a customer who has
 *                       not holds the entry tier with no points
 * @param tierCode       the tier's stable code ({@code gold})
 * @param tierName       its Chinese name ({@code 金卡})
 * @param tierNameEn     its English name
 * @param points         the points balance (negative only for a claw-back debt, where the settings allow one)
 * @param expiringPoints the points that expire next, 0 if none
 * @param nextExpiry     when they expire, or {@code null}
 * @param coupons        the customer's coupons, newest first (at most 200)
 */
public record MemberCard(int customerId, boolean member, String tierCode, String tierName, String tierNameEn,
        long points, long expiringPoints, Instant nextExpiry, List<Coupon> coupons) {

    public MemberCard {
        coupons = coupons == null ? List.of() : List.copyOf(coupons);
    }

    /**
     * A coupon on the card.
     *
     * @param orderRef the order it was used on, or {@code null}
     */
    public record Coupon(String code, long templateId, String name, String terms, CouponStatus status,
            Instant validFrom, Instant validUntil, String orderRef) {
    }
}
