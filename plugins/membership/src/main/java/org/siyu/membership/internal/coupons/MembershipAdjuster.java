package org.siyu.membership.internal.coupons;

import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.commerce.Adjustment;
import org.siyu.api.commerce.CommerceException;
import org.siyu.api.commerce.OrderAdjuster;
import org.siyu.api.commerce.OrderDraft;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.membership.internal.MembershipEntities;
import org.siyu.membership.internal.MembershipException;
import org.siyu.membership.internal.Money;
import org.siyu.membership.internal.model.Member;
import org.siyu.membership.internal.model.Tier;

/**
 * Membership's discounts on commerce orders: its coupons (claimed by code) and the member's tier discount (no code).
 * At most one membership coupon per order; the tier discount applies to what the coupon leaves. Commerce calls this in
 * the transaction that stores the order, so a coupon is marked used exactly when its order exists.
 */
@Component
public class MembershipAdjuster implements OrderAdjuster {

    /** The adjuster id, recorded on every adjustment. */
    public static final String ID = "membership";

    private final PersistenceUnit unit;
    private final Coupons coupons;

    @Activate
    public MembershipAdjuster(@Reference(target = MembershipEntities.TARGET) PersistenceUnit unit,
            @Reference Coupons coupons) {
        this.unit = unit;
        this.coupons = coupons;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Adjustment> quote(OrderDraft draft) {
        List<Adjustment> adjustments = new ArrayList<>();
        long remaining = draft.totalFen();
        String claimed = null;
        for (int i = 0; i < draft.couponCodes().size(); i++) {
            String field = "couponCodes[" + i + "]";
            Coupons.CouponWithTemplate found = coupons.byCode(draft.couponCodes().get(i)).orElse(null);
            if (found == null) {
                continue; // not ours: another adjuster may claim it, commerce checks that someone does
            }
            if (claimed != null) {
                throw new CommerceException(CommerceException.Reason.INVALID, field, "only one membership coupon per order: "
                        + claimed + " is already on it");
            }
            long discount;
            try {
                discount = coupons.check(found, draft.customerId(), draft.totalFen(), field);
            } catch (MembershipException e) {
                throw new CommerceException(CommerceException.Reason.INVALID, field, e.getMessage());
            }
            discount = Math.min(discount, remaining);
            claimed = found.coupon().code();
            // The code exactly as the order asked for it: commerce matches claims to requests by the string.
            adjustments.add(new Adjustment(ID, draft.couponCodes().get(i), found.template().name(), discount));
            remaining -= discount;
        }
        Tier tier = tierOf(draft.customerId());
        if (tier != null && tier.discountPercent() > 0 && remaining > 0) {
            long off = remaining * tier.discountPercent() / 100;
            if (off > 0) {
                adjustments.add(new Adjustment(ID, null, tier.nameZh() + "会员 " + Money.zhe(tier.discountPercent()), off));
            }
        }
        return adjustments;
    }

    @Override
    public void applied(long orderId, OrderDraft draft, List<Adjustment> mine) {
        for (Adjustment adjustment : mine) {
            if (adjustment.code() == null) {
                continue;
            }
            String field = "couponCodes[" + indexOf(draft, adjustment.code()) + "]";
            try {
                coupons.use(adjustment.code(), draft.customerId(), String.valueOf(orderId), adjustment.amountFen(), field);
            } catch (MembershipException e) {
                throw new CommerceException(CommerceException.Reason.CONFLICT, field, e.getMessage());
            }
        }
    }

    @Override
    public void released(long orderId) {
        coupons.release(String.valueOf(orderId));
    }

    private Tier tierOf(int customerId) {
        return unit.inTransaction(em -> {
            Member member = em.find(Member.class, customerId);
            return member == null ? null : em.find(Tier.class, member.tierCode());
        });
    }

    private static int indexOf(OrderDraft draft, String code) {
        for (int i = 0; i < draft.couponCodes().size(); i++) {
            if (Coupons.normalise(draft.couponCodes().get(i)).equals(Coupons.normalise(code))) {
                return i;
            }
        }
        return 0;
    }
}
