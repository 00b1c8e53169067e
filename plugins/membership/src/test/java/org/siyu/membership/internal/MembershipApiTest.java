package org.siyu.membership.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.membership.CouponStatus;
import org.siyu.api.membership.CouponTemplate;
import org.siyu.api.membership.IssuedCoupon;
import org.siyu.api.membership.MemberCard;
import org.siyu.api.membership.MembershipException;
import org.siyu.api.membership.NewCouponTemplate;
import org.siyu.api.membership.Redemption;

class MembershipApiTest {

    private static Fixture f;

    @BeforeAll
    static void open() {
        f = new Fixture();
    }

    @AfterAll
    static void close() {
        f.close();
    }

    @BeforeEach
    void empty() throws Exception {
        f.reset();
        f.identity.add(7, "mini").add(8, "tmall");
    }

    private CouponTemplate welcome(long stock) {
        return f.api.createTemplate(NewCouponTemplate.amountOff("新人礼券", 2_000, 9_900, 30, stock), "op");
    }

    private static MembershipException refused(MembershipException.Reason reason, String field, Runnable call) {
        MembershipException e = assertThrows(MembershipException.class, call::run);
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        return e;
    }

    @Test
    void shouldCreateAndListTemplatesAndRefuseBadOnesNamingTheField() {
        CouponTemplate t = welcome(100);
        CouponTemplate p = f.api.createTemplate(NewCouponTemplate.percentOff("复购券", 10, null, 19_900, 30, 100), "op");

        assertEquals("满¥99.00减¥20.00", t.terms());
        assertEquals(100, t.remaining());
        assertEquals(java.util.List.of(p.id(), t.id()), f.api.templates().stream().map(CouponTemplate::id).toList());
        refused(MembershipException.Reason.INVALID, "name",
                () -> f.api.createTemplate(NewCouponTemplate.amountOff(" ", 2_000, 0, 30, 1), "op"));
        refused(MembershipException.Reason.INVALID, "percentOff",
                () -> f.api.createTemplate(NewCouponTemplate.percentOff("x", 100, null, 0, 30, 1), "op"));
        refused(MembershipException.Reason.INVALID, "template", () -> f.api.createTemplate(null, "op"));
        refused(MembershipException.Reason.INVALID, "actor",
                () -> f.api.createTemplate(NewCouponTemplate.amountOff("x", 1, 0, 30, 1), null));
    }

    @Test
    void shouldIssueOncePerIssueKeyAndNeverBeyondTheStock() {
        CouponTemplate t = welcome(2);
        IssuedCoupon first = f.api.issue(t.id(), 7, "live:1:push:3", "op");
        IssuedCoupon again = f.api.issue(t.id(), 7, "live:1:push:3", "op");

        assertTrue(first.created());
        assertFalse(again.created());
        assertEquals(first.code(), again.code());
        assertEquals(Fixture.T0.plus(Duration.ofDays(30)), first.validUntil());
        assertEquals(1, f.bus.ofType("coupon.issued").size());
        f.api.issue(t.id(), 8, null, "op");
        refused(MembershipException.Reason.CONFLICT, "stock", () -> f.api.issue(t.id(), 8, null, "op"));
        refused(MembershipException.Reason.NOT_FOUND, "templateId", () -> f.api.issue(999_999, 8, null, "op"));
        refused(MembershipException.Reason.INVALID, "customerId", () -> f.api.issue(t.id(), 0, null, "op"));
        refused(MembershipException.Reason.INVALID, "issueKey", () -> f.api.issue(t.id(), 8, " ", "op"));
        refused(MembershipException.Reason.INVALID, "issuedAt",
                () -> f.api.issue(t.id(), 8, "k", Fixture.T0.plus(Duration.ofDays(1)), "op"));

        MemberCard card = f.api.card(7);
        assertEquals("regular", card.tierCode());
        assertEquals(1, card.coupons().size());
        assertEquals(CouponStatus.ISSUED, card.coupons().getFirst().status());
        refused(MembershipException.Reason.NOT_FOUND, "customerId", () -> f.api.card(404));
    }

    @Test
    void shouldRedeemOnAnOrderOutsideCommerceOnceAndJudgeAHistoryAtItsTime() {
        CouponTemplate t = welcome(10);
        Instant touch = Fixture.T0.minus(Duration.ofDays(200)); // a history recorded later
        IssuedCoupon c = f.api.issue(t.id(), 7, "demo:welcome:1", touch, "demo");
        assertEquals(touch.plus(Duration.ofDays(30)), c.validUntil());
        assertEquals(CouponStatus.EXPIRED, c.status()); // ended long before now
        assertEquals(touch, f.bus.ofType("coupon.issued").getFirst().time());

        Instant order = touch.plus(Duration.ofDays(12));
        refused(MembershipException.Reason.INVALID, "couponCode",
                () -> f.api.redeem(c.code(), 7, "MH1", 9_800, order, "demo")); // below ¥99
        refused(MembershipException.Reason.INVALID, "couponCode",
                () -> f.api.redeem(c.code(), 8, "MH1", 19_800, order, "demo")); // not theirs
        refused(MembershipException.Reason.INVALID, "couponCode",
                () -> f.api.redeem(c.code(), 7, "MH1", 19_800, touch.plus(Duration.ofDays(31)), "demo")); // ended
        refused(MembershipException.Reason.INVALID, "couponCode",
                () -> f.api.redeem(c.code(), 7, "MH1", 19_800, touch.minusSeconds(60), "demo")); // before the issue
        refused(MembershipException.Reason.INVALID, "usedAt",
                () -> f.api.redeem(c.code(), 7, "MH1", 19_800, Fixture.T0.plus(Duration.ofDays(1)), "demo"));
        refused(MembershipException.Reason.NOT_FOUND, "couponCode", () -> f.api.redeem("MBNOPE", 7, "MH1", 19_800, "x"));
        refused(MembershipException.Reason.INVALID, "orderRef", () -> f.api.redeem(c.code(), 7, " ", 19_800, "x"));

        Redemption r = f.api.redeem(c.code().toLowerCase(), 7, "MH1", 19_800, order, "demo");
        Redemption same = f.api.redeem(c.code(), 7, "MH1", 19_800, order, "demo");

        assertTrue(r.created());
        assertEquals(2_000, r.discountFen());
        assertFalse(same.created());
        assertEquals(2_000, same.discountFen());
        assertEquals(1, f.bus.ofType("coupon.redeemed").size());
        assertEquals(order, f.bus.ofType("coupon.redeemed").getFirst().time());
        refused(MembershipException.Reason.CONFLICT, "couponCode",
                () -> f.api.redeem(c.code(), 7, "MH2", 19_800, order, "demo"));
        MemberCard.Coupon line = f.api.card(7).coupons().getFirst();
        assertEquals(CouponStatus.USED, line.status());
        assertEquals("MH1", line.orderRef());
        assertNull(f.api.card(7).nextExpiry());
    }
}
