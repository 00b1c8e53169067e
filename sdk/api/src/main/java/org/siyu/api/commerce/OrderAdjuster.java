package org.siyu.api.commerce;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Grants discounts on new orders: coupons, member prices. Implemented by other bundles (membership) and called by
 * commerce in the transaction that creates the order, so a coupon is consumed exactly when its order exists.
 *
 * <p>Commerce calls {@link #quote} on every adjuster, checks that each requested coupon code was claimed by exactly
 * one, caps the total discount at the order's total, stores the order and then calls {@link #applied} on each
 * adjuster that granted something. An exception from {@code applied} rolls the order back.
 */
@ConsumerType
public interface OrderAdjuster {

    /** A short stable id, such as {@code membership}; recorded on each {@link Adjustment}. */
    String id();

    /**
     * The discounts this adjuster grants on the draft, without changing anything. An adjuster claims a coupon code
     * by returning an adjustment with that code.
     *
     * @throws CommerceException {@code INVALID} with field {@code couponCodes[i]} for a code it owns but that
     *                           cannot be used on this order (expired, used, below its threshold, not the buyer's)
     */
    List<Adjustment> quote(OrderDraft draft);

    /** The order was stored with these adjustments of this adjuster: consume what they use (mark coupons used). */
    void applied(long orderId, OrderDraft draft, List<Adjustment> mine);

    /** The order was cancelled before payment: give back what {@link #applied} consumed. */
    default void released(long orderId) {
    }
}
