package org.siyu.api.membership;

/** What a coupon takes off. */
public enum CouponKind {
    /** A fixed amount in fen (满99减20). */
    AMOUNT_OFF,
    /** A percentage of the order total, optionally capped (9折, at most ¥50). */
    PERCENT_OFF
}
