package org.siyu.api.commerce;

import java.util.List;

/**
 * A new order.
 *
 * @param customerId  the buyer, a live customer
 * @param channel     where it is placed, such as {@code mini} or {@code store}
 * @param lines       at least one
 * @param couponCodes coupon codes to redeem on it, may be empty; each must be claimed by an {@link OrderAdjuster}
 * @param actor       who placed it (a user name, {@code api}, a plugin)
 */
public record OrderRequest(int customerId, String channel, List<Line> lines, List<String> couponCodes, String actor) {

    public OrderRequest {
        lines = lines == null ? List.of() : List.copyOf(lines);
        couponCodes = couponCodes == null ? List.of() : List.copyOf(couponCodes);
    }

    /**
     * One requested line.
     *
     * @param skuCode  the SKU
     * @param quantity units, ≥ 1
     */
    public record Line(String skuCode, int quantity) {
    }
}
