package org.siyu.commerce.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.siyu.api.commerce.Adjustment;
import org.siyu.api.commerce.CommerceException;
import org.siyu.api.commerce.OrderAdjuster;
import org.siyu.api.commerce.OrderDraft;

/**
 * An adjuster as membership would write one: coupon codes with an amount off and a threshold, each usable once
 * (used when the order is stored, given back when it is cancelled).
 */
public final class CouponAdjuster implements OrderAdjuster {

    private final String id;
    private final Map<String, long[]> coupons = new ConcurrentHashMap<>(); // code -> {amountFen, thresholdFen}
    public final Map<String, Long> usedBy = new ConcurrentHashMap<>();
    public final List<Long> released = new CopyOnWriteArrayList<>();
    public volatile boolean failOnApply;

    public CouponAdjuster(String id) {
        this.id = id;
    }

    public CouponAdjuster coupon(String code, long amountFen, long thresholdFen) {
        coupons.put(code, new long[] {amountFen, thresholdFen});
        return this;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<Adjustment> quote(OrderDraft draft) {
        List<Adjustment> granted = new ArrayList<>();
        for (int i = 0; i < draft.couponCodes().size(); i++) {
            String code = draft.couponCodes().get(i);
            long[] coupon = coupons.get(code);
            if (coupon == null) {
                continue; // not ours
            }
            if (usedBy.containsKey(code)) {
                throw new CommerceException(CommerceException.Reason.INVALID, "couponCodes[" + i + "]",
                        "coupon " + code + " was used on order " + usedBy.get(code));
            }
            if (draft.totalFen() < coupon[1]) {
                throw new CommerceException(CommerceException.Reason.INVALID, "couponCodes[" + i + "]",
                        "coupon " + code + " needs an order of at least " + coupon[1] + " fen");
            }
            granted.add(new Adjustment(id, code, "减" + coupon[0] / 100 + "元", coupon[0]));
        }
        return granted;
    }

    @Override
    public void applied(long orderId, OrderDraft draft, List<Adjustment> mine) {
        if (failOnApply) {
            throw new IllegalStateException("coupon store unavailable");
        }
        for (Adjustment a : mine) {
            usedBy.put(a.code(), orderId);
        }
    }

    @Override
    public void released(long orderId) {
        released.add(orderId);
        usedBy.values().removeIf(o -> o == orderId);
    }
}
