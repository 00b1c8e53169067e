package org.siyu.membership.internal.coupons;

import java.time.Duration;
import java.time.Instant;
import org.siyu.membership.internal.MembershipException;
import org.siyu.membership.internal.Money;
import org.siyu.membership.internal.model.CouponTemplate;
import org.siyu.membership.internal.model.CouponTemplate.Kind;
import org.siyu.membership.internal.model.TemplateValues;

/** What a valid coupon template is, and what a coupon takes off. Plain functions, tested directly. */
public final class TemplateRules {

    /** The longest validity after issue: ten years. */
    static final int MAX_DAYS = 3650;

    private TemplateRules() {
    }

    /**
     * Checks a template's values.
     *
     * @throws MembershipException INVALID naming the field
     */
    public static void check(TemplateValues v) {
        if (v.name() == null || v.name().isBlank()) {
            throw MembershipException.invalid("name", "name must not be empty");
        }
        if (v.name().strip().length() > 100) {
            throw MembershipException.invalid("name", "name must be at most 100 characters");
        }
        if (v.kind() == null) {
            throw MembershipException.invalid("kind", "kind must be AMOUNT_OFF or PERCENT_OFF");
        }
        if (v.kind() == Kind.AMOUNT_OFF && v.amountFen() <= 0) {
            throw MembershipException.invalid("amountFen", "amountFen must be > 0 for an AMOUNT_OFF coupon, was "
                    + v.amountFen());
        }
        if (v.kind() == Kind.PERCENT_OFF) {
            if (v.percentOff() < 1 || v.percentOff() > 99) {
                throw MembershipException.invalid("percentOff", "percentOff must be between 1 and 99, was " + v.percentOff());
            }
            if (v.maxDiscountFen() != null && v.maxDiscountFen() <= 0) {
                throw MembershipException.invalid("maxDiscountFen", "maxDiscountFen must be > 0 or left out, was "
                        + v.maxDiscountFen());
            }
        }
        if (v.thresholdFen() < 0) {
            throw MembershipException.invalid("thresholdFen", "thresholdFen must be ≥ 0, was " + v.thresholdFen());
        }
        if (v.validDays() != null) {
            if (v.validUntil() != null || v.validFrom() != null) {
                throw MembershipException.invalid("validDays", "give either validDays (after issue) or validFrom/validUntil "
                        + "(absolute), not both");
            }
            if (v.validDays() < 1 || v.validDays() > MAX_DAYS) {
                throw MembershipException.invalid("validDays", "validDays must be between 1 and " + MAX_DAYS + ", was "
                        + v.validDays());
            }
        } else {
            if (v.validUntil() == null) {
                throw MembershipException.invalid("validUntil", "a coupon must end: give validUntil (absolute) or validDays "
                        + "(after issue)");
            }
            if (v.validFrom() != null && !v.validFrom().isBefore(v.validUntil())) {
                throw MembershipException.invalid("validUntil", "validUntil must be after validFrom");
            }
        }
        if (v.stock() < 0) {
            throw MembershipException.invalid("stock", "stock must be ≥ 0, was " + v.stock());
        }
    }

    /** When a coupon of {@code t} issued at {@code issuedAt} starts and ends. */
    static Instant[] validity(CouponTemplate t, Instant issuedAt) {
        if (t.validDays() != null) {
            return new Instant[] {issuedAt, issuedAt.plus(Duration.ofDays(t.validDays()))};
        }
        Instant from = t.validFrom() == null || t.validFrom().isBefore(issuedAt) ? issuedAt : t.validFrom();
        return new Instant[] {from, t.validUntil()};
    }

    /** The discount of a coupon of {@code t} on {@code totalFen}, at most the total. */
    public static long discount(CouponTemplate t, long totalFen) {
        long off = t.kind() == Kind.AMOUNT_OFF ? t.amountFen() : totalFen * t.percentOff() / 100;
        if (t.kind() == Kind.PERCENT_OFF && t.maxDiscountFen() != null) {
            off = Math.min(off, t.maxDiscountFen());
        }
        return Math.max(0, Math.min(off, totalFen));
    }

    /** A line that says what the template gives: 满¥199.00减¥30.00, 9折 (最多减¥50.00). */
    public static String describe(CouponTemplate t) {
        String threshold = t.thresholdFen() > 0 ? "满" + Money.yuan(t.thresholdFen()) : "";
        if (t.kind() == Kind.AMOUNT_OFF) {
            return threshold + "减" + Money.yuan(t.amountFen());
        }
        String cap = t.maxDiscountFen() == null ? "" : " (最多减" + Money.yuan(t.maxDiscountFen()) + ")";
        // 满¥199.00打9折: without 打 the threshold's decimals run into the rate (满¥199.009折)
        return (threshold.isEmpty() ? "" : threshold + "打") + Money.zhe(t.percentOff()) + cap;
    }
}
