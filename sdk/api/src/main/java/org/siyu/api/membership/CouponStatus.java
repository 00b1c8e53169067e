package org.siyu.api.membership;

/** Where a coupon is in its life. A coupon used on an order that was cancelled before payment is issued again. */
public enum CouponStatus {
    /** Issued, not used (it may have passed its end and not been marked expired yet: see its validity). */
    ISSUED,
    /** Used on an order. */
    USED,
    /** Past its end unused (marked by membership's daily job). */
    EXPIRED
}
