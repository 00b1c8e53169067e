package org.siyu.demo.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.siyu.api.membership.CouponKind;
import org.siyu.api.membership.CouponStatus;
import org.siyu.api.membership.CouponTemplate;
import org.siyu.api.membership.IssuedCoupon;
import org.siyu.api.membership.MemberCard;
import org.siyu.api.membership.MembershipException;
import org.siyu.api.membership.MembershipService;
import org.siyu.api.membership.NewCouponTemplate;
import org.siyu.api.membership.Redemption;

/**
 * Templates and coupons in memory that keep the contract the seed relies on, refusals included: an issue is
 * idempotent per customer and issue key and never beyond the stock, a redemption must be the owner's, inside the
 * coupon's validity at its time and reach the threshold, and is idempotent per coupon and order. A refusal here
 * fails the batch, so a seed that runs through asked for nothing membership would refuse.
 */
final class MembershipFake implements MembershipService {

    /** An issued coupon and what became of it. */
    static final class Coupon {
        final String code;
        final CouponTemplate template;
        final int customer;
        final String key;
        final Instant from;
        final Instant until;
        String order;
        Instant usedAt;
        long discount;

        Coupon(String code, CouponTemplate template, int customer, String key, Instant from, Instant until) {
            this.code = code;
            this.template = template;
            this.customer = customer;
            this.key = key;
            this.from = from;
            this.until = until;
        }
    }

    final Map<Long, CouponTemplate> templates = new LinkedHashMap<>();
    final Map<String, Coupon> coupons = new LinkedHashMap<>();
    final Instant now;
    int issueCalls;

    MembershipFake(Instant now) {
        this.now = now;
    }

    @Override
    public List<CouponTemplate> templates() {
        return new ArrayList<>(templates.values()).reversed();
    }

    @Override
    public CouponTemplate createTemplate(NewCouponTemplate t, String actor) {
        if ((t.validDays() == null) == (t.validUntil() == null)) {
            throw new MembershipException(MembershipException.Reason.INVALID, "validDays", "one of the two");
        }
        long id = templates.size() + 1;
        CouponTemplate made = new CouponTemplate(id, t.name(), t.name(), t.kind(), t.amountFen(), t.percentOff(),
                t.maxDiscountFen(), t.thresholdFen(), t.validFrom(), t.validUntil(), t.validDays(), t.stock(), 0, true);
        templates.put(id, made);
        return made;
    }

    @Override
    public IssuedCoupon issue(long templateId, int customerId, String issueKey, Instant issuedAt, String actor) {
        issueCalls++;
        Instant at = issuedAt == null ? now : issuedAt;
        if (at.isAfter(now)) {
            throw new MembershipException(MembershipException.Reason.INVALID, "issuedAt", "in the future: " + at);
        }
        for (Coupon c : coupons.values()) {
            if (issueKey != null && c.customer == customerId && issueKey.equals(c.key)) {
                return answer(c, false);
            }
        }
        CouponTemplate t = templates.get(templateId);
        if (t.issued() >= t.stock()) {
            throw new MembershipException(MembershipException.Reason.CONFLICT, "stock", "out of stock");
        }
        templates.put(templateId, new CouponTemplate(t.id(), t.name(), t.terms(), t.kind(), t.amountFen(),
                t.percentOff(), t.maxDiscountFen(), t.thresholdFen(), t.validFrom(), t.validUntil(), t.validDays(),
                t.stock(), t.issued() + 1, t.active()));
        Coupon c = new Coupon("MB" + (coupons.size() + 1), t, customerId, issueKey, at,
                at.plus(Duration.ofDays(t.validDays())));
        coupons.put(c.code, c);
        return answer(c, true);
    }

    private IssuedCoupon answer(Coupon c, boolean created) {
        CouponStatus status = c.order != null ? CouponStatus.USED
                : now.isBefore(c.until) ? CouponStatus.ISSUED : CouponStatus.EXPIRED;
        return new IssuedCoupon(c.code, c.template.id(), c.customer, status, c.from, c.from, c.until, created);
    }

    @Override
    public Redemption redeem(String code, int customerId, String orderRef, long total, Instant usedAt, String actor) {
        Coupon c = coupons.get(code);
        Instant at = usedAt == null ? now : usedAt;
        if (c == null) {
            throw new MembershipException(MembershipException.Reason.NOT_FOUND, "couponCode", code);
        }
        if (c.order != null) {
            if (c.order.equals(orderRef)) {
                return new Redemption(code, customerId, orderRef, c.discount, c.usedAt, false);
            }
            throw new MembershipException(MembershipException.Reason.CONFLICT, "couponCode", "used on " + c.order);
        }
        if (c.customer != customerId || at.isBefore(c.from) || !at.isBefore(c.until)
                || total < c.template.thresholdFen() || at.isAfter(now)) {
            throw new MembershipException(MembershipException.Reason.INVALID, "couponCode", "cannot be used: " + code
                    + " of " + c.customer + " valid " + c.from + "–" + c.until + " threshold "
                    + c.template.thresholdFen() + ", asked by " + customerId + " at " + at + " on " + total);
        }
        c.order = orderRef;
        c.usedAt = at;
        c.discount = c.template.kind() == CouponKind.AMOUNT_OFF ? c.template.amountFen()
                : Math.min(total * c.template.percentOff() / 100, c.template.maxDiscountFen() == null ? Long.MAX_VALUE
                        : c.template.maxDiscountFen());
        return new Redemption(code, customerId, orderRef, c.discount, at, true);
    }

    @Override
    public MemberCard card(int customerId) {
        throw new UnsupportedOperationException("not used by the demo");
    }

    final Map<Integer, java.time.MonthDay> birthdays = new LinkedHashMap<>();

    @Override
    public void setBirthday(int customerId, java.time.MonthDay birthday, String actor) {
        if (customerId <= 0 || birthday == null) {
            throw new MembershipException(MembershipException.Reason.INVALID, customerId <= 0 ? "customerId" : "birthday",
                    "bad birthday");
        }
        birthdays.put(customerId, birthday);
    }

    @Override
    public java.util.Optional<java.time.MonthDay> birthday(int customerId) {
        return java.util.Optional.ofNullable(birthdays.get(customerId));
    }
}
