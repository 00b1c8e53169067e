package org.siyu.api.commerce;

import java.util.List;

/**
 * An order being created, as {@link OrderAdjuster}s see it: priced, not yet stored.
 *
 * @param customerId  the buyer
 * @param channel     where it is placed
 * @param lines       priced lines
 * @param totalFen    sum of the lines
 * @param couponCodes the coupon codes the buyer asked to redeem
 */
public record OrderDraft(int customerId, String channel, List<OrderLine> lines, long totalFen, List<String> couponCodes) {

    public OrderDraft {
        lines = List.copyOf(lines);
        couponCodes = couponCodes == null ? List.of() : List.copyOf(couponCodes);
    }
}
