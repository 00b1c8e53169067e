package org.siyu.commerce.internal.orders;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.siyu.api.commerce.Adjustment;
import org.siyu.api.commerce.OrderAdjuster;
import org.siyu.api.commerce.OrderDraft;
import org.siyu.commerce.internal.Errors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The discounts of a new order, as the SDK's {@link OrderAdjuster} contract says: every adjuster quotes; each
 * requested coupon code must be claimed by exactly one; the total discount is capped at the order's total (the
 * adjustments that would pass it are cut, in the adjusters' id order); after the order is stored, each adjuster that
 * granted something hears {@link OrderAdjuster#applied} with its own adjustments as they were stored.
 */
final class Pricing {

    private static final Logger LOG = LoggerFactory.getLogger(Pricing.class);

    private record Grant(OrderAdjuster adjuster, List<Adjustment> adjustments) {
    }

    private final List<Grant> grants;

    private Pricing(List<Grant> grants) {
        this.grants = grants;
    }

    /**
     * Asks every adjuster.
     *
     * @throws org.siyu.api.commerce.CommerceException {@code INVALID} naming {@code couponCodes[i]} for a code nobody
     *         claimed or two adjusters claimed, or what an adjuster refused
     */
    static Pricing quote(List<OrderAdjuster> adjusters, OrderDraft draft) {
        Map<String, Integer> requested = new HashMap<>();
        for (int i = 0; i < draft.couponCodes().size(); i++) {
            requested.put(draft.couponCodes().get(i), i);
        }
        Map<String, String> claimedBy = new HashMap<>();
        List<Grant> grants = new ArrayList<>();
        long remaining = draft.totalFen();
        List<OrderAdjuster> ordered = new ArrayList<>(adjusters);
        ordered.sort(Comparator.comparing(OrderAdjuster::id));
        for (OrderAdjuster adjuster : ordered) {
            List<Adjustment> quoted = adjuster.quote(draft);
            List<Adjustment> kept = new ArrayList<>();
            for (Adjustment a : quoted == null ? List.<Adjustment>of() : quoted) {
                if (a.code() != null) {
                    Integer index = requested.get(a.code());
                    if (index == null) {
                        LOG.warn("Adjuster {} quoted coupon code {} that the order did not ask for; ignored",
                                adjuster.id(), a.code());
                        continue;
                    }
                    String other = claimedBy.putIfAbsent(a.code(), adjuster.id());
                    if (other != null) {
                        throw Errors.invalid("couponCodes[" + index + "]", "coupon code '" + a.code()
                                + "' is claimed by both '" + other + "' and '" + adjuster.id() + "'");
                    }
                }
                long amount = Math.min(a.amountFen(), remaining);
                remaining -= amount;
                kept.add(new Adjustment(adjuster.id(), a.code(), a.label(), amount));
            }
            if (!kept.isEmpty()) {
                grants.add(new Grant(adjuster, kept));
            }
        }
        for (int i = 0; i < draft.couponCodes().size(); i++) {
            String code = draft.couponCodes().get(i);
            if (!claimedBy.containsKey(code)) {
                throw Errors.invalid("couponCodes[" + i + "]", "coupon code '" + code
                        + "' is not valid: no running adjuster knows it"
                        + (adjusters.isEmpty() ? " (none runs: is membership installed?)" : ""));
            }
        }
        return new Pricing(grants);
    }

    List<Adjustment> adjustments() {
        return grants.stream().flatMap(g -> g.adjustments().stream()).toList();
    }

    long discountFen() {
        return adjustments().stream().mapToLong(Adjustment::amountFen).sum();
    }

    /** Tells each adjuster that granted something; an exception rolls the order back. */
    void applied(long orderId, OrderDraft draft) {
        for (Grant grant : grants) {
            grant.adjuster().applied(orderId, draft, grant.adjustments());
        }
    }
}
