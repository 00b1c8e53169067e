package org.siyu.api.commerce;

import java.util.Objects;

/**
 * A discount on an order, granted by an {@link OrderAdjuster}.
 *
 * @param source    who granted it: the adjuster's {@link OrderAdjuster#id()}
 * @param code      the coupon code it redeems, or {@code null} for a discount that needs none (a member price)
 * @param label     what the customer sees, such as {@code 满199减30} or {@code 金卡 95折}
 * @param amountFen the discount in fen, ≥ 0
 */
public record Adjustment(String source, String code, String label, long amountFen) {

    public Adjustment {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(label, "label");
        if (amountFen < 0) {
            throw new IllegalArgumentException("amountFen must be ≥ 0, was " + amountFen);
        }
    }
}
