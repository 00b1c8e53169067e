package org.siyu.membership.internal.merges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.tags.TagAssignment;
import org.siyu.membership.internal.Fixture;
import org.siyu.membership.internal.Settings;
import org.siyu.membership.internal.coupons.Coupons;
import org.siyu.membership.internal.merges.Merges.Outcome;
import org.siyu.membership.internal.model.CouponTemplate;

class MergesTest {

    private static final int S = 10;
    private static final int M = 20;
    private static final Instant JAN = Instant.parse("2026-01-10T02:00:00Z");
    private static final Instant FEB = Instant.parse("2026-02-10T02:00:00Z");
    private static final Instant MERGE = Instant.parse("2026-03-01T02:00:00Z");

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
    }

    /** Two silver members: S paid ¥3,000 in February, M ¥3,000 in January (its lot is the older one). */
    private void twoSilverMembers() {
        f.orders.apply(Fixture.paid("pm", M, "om", 300_000, JAN));
        f.orders.apply(Fixture.paid("ps", S, "os", 300_000, FEB));
    }

    private long points(int customer) {
        return f.ledger.balance(customer).points();
    }

    private String tier(int customer) {
        return f.unit.inTransaction(em -> em.find(org.siyu.membership.internal.model.Member.class, customer).tierCode());
    }

    private List<String> tierTags(int customer) {
        return f.tagService.tags(customer).stream().map(TagAssignment::tag).filter(t -> t.startsWith("会员:")).toList();
    }

    @Test
    void shouldMovePointsLotsOrdersAndCouponsToTheSurvivorAndRaiseItsTierOnTheOrdersTogether() throws Exception {
        twoSilverMembers();
        assertEquals("silver", tier(S));
        assertEquals("silver", tier(M));
        CouponTemplate t = f.amountOff(10);
        String code = f.coupons.issue(t.id(), M, "req:welcome", "op").coupon().code();

        assertEquals(Outcome.MERGED, f.merges.apply(Fixture.merged("m1", S, M, 7, MERGE)));

        assertEquals(6_000, points(S));
        assertEquals(0, points(M));
        assertNull(f.invariantViolation()); // balance == sum(ledger) == lots, for both customers
        assertEquals(-3_000, f.sql("select points from mb_points_ledger where customer_id = " + M
                + " and kind = 'TRANSFER_OUT'"));
        assertEquals(3_000, f.sql("select points from mb_points_ledger where customer_id = " + S
                + " and kind = 'TRANSFER_IN'"));
        // the lot keeps its date: it still expires with January's points
        assertEquals(2, f.sql("select count(*) from mb_points_lot where customer_id = " + S));
        assertEquals(2, f.sql("select count(*) from mb_order_fact where customer_id = " + S));
        assertEquals(S, f.coupons.byCode(code).orElseThrow().coupon().customerId());
        // ¥6,000 in 12 months together: gold at the merge's time, the tag follows; M keeps no tier tag
        assertEquals("gold", tier(S));
        assertEquals(List.of("会员:金卡"), tierTags(S));
        assertEquals(List.of(), tierTags(M));
        assertEquals(S, (int) f.unit.inTransaction(em -> Merges.survivorOf(em, M)));

        // the same event again, or the same merge under another event id, changes nothing
        assertEquals(Outcome.DUPLICATE, f.merges.apply(Fixture.merged("m1", S, M, 7, MERGE)));
        assertEquals(Outcome.DUPLICATE, f.merges.apply(Fixture.merged("m1-again", S, M, 7, MERGE)));
        assertEquals(6_000, points(S));
        assertEquals(2, f.sql("select count(*) from mb_points_ledger where kind like 'TRANSFER%'"));
    }

    @Test
    void shouldGiveBackWhatIsLeftOfTheMergedCustomersPointsItsOrdersAndCouponsOnUndo() throws Exception {
        twoSilverMembers();
        CouponTemplate t = f.amountOff(10);
        // both hold a coupon of the same issue key: the moved one is renamed, and gets its key back on the undo
        String mine = f.coupons.issue(t.id(), S, "run:1", "op").coupon().code();
        String theirs = f.coupons.issue(t.id(), M, "run:1", "op").coupon().code();
        f.merges.apply(Fixture.merged("m1", S, M, 7, MERGE));
        assertEquals(S, f.coupons.byCode(theirs).orElseThrow().coupon().customerId());
        assertEquals("run:1~merged:20", f.coupons.byCode(theirs).orElseThrow().coupon().issueKey());

        // the survivor redeems 4,000: January's lot (M's, the oldest) goes first, then 1,000 of S's own
        f.clock.set(MERGE.plusSeconds(3_600));
        f.ledger.redeem(S, 4_000, "r1", "op", null);
        assertEquals(2_000, points(S));

        assertEquals(Outcome.UNMERGED, f.merges.apply(Fixture.unmerged("u1", S, M, 7, MERGE.plusSeconds(7_200))));

        // M's lot was spent by the survivor: nothing of it is left to give back; S keeps what is left of its own
        assertEquals(0, points(M));
        assertEquals(2_000, points(S));
        assertNull(f.invariantViolation());
        assertEquals(1, f.sql("select count(*) from mb_order_fact where customer_id = " + M));
        assertEquals(1, f.sql("select count(*) from mb_order_fact where customer_id = " + S));
        assertEquals(M, f.coupons.byCode(theirs).orElseThrow().coupon().customerId());
        assertEquals("run:1", f.coupons.byCode(theirs).orElseThrow().coupon().issueKey());
        assertEquals(S, f.coupons.byCode(mine).orElseThrow().coupon().customerId());
        assertEquals("silver", tier(S)); // back to what it held, its own ¥3,000 qualify for no more
        assertEquals(List.of("会员:银卡"), tierTags(S));
        assertEquals(List.of("会员:银卡"), tierTags(M));
        assertEquals(M, (int) f.unit.inTransaction(em -> Merges.survivorOf(em, M)));
        assertEquals(Outcome.DUPLICATE, f.merges.apply(Fixture.unmerged("u1-again", S, M, 7, MERGE)));
    }

    @Test
    void shouldGiveBackUnspentPointsWithTheirLots() throws Exception {
        twoSilverMembers();
        f.merges.apply(Fixture.merged("m1", S, M, 7, MERGE));
        f.orders.apply(Fixture.paid("p2", S, "o2", 50_000, MERGE.plusSeconds(60))); // gold rate: 750 points

        f.merges.apply(Fixture.unmerged("u1", S, M, 7, MERGE.plusSeconds(120)));

        assertEquals(3_000, points(M));
        assertEquals(3_750, points(S));
        assertNull(f.invariantViolation());
        assertEquals(1, f.sql("select count(*) from mb_points_lot where customer_id = " + M + " and remaining = 3000"));
        // the survivor's growth is its own orders again: ¥3,000 + ¥500
        assertEquals(3_500, f.sql("select growth from mb_member where customer_id = " + S));
        assertEquals(3_000, f.sql("select growth from mb_member where customer_id = " + M));
    }

    @Test
    void shouldMoveADebtAndGiveItBackWhenNegativeBalancesAreAllowed() throws Exception {
        f.settings.set(Settings.DEFAULTS.withNegativeBalance(true));
        f.orders.apply(Fixture.paid("pm", M, "om", 10_000, JAN)); // 100 points
        f.ledger.redeem(M, 100, "r", "op", null);
        f.orders.apply(Fixture.refunded("rm", M, "om", "rf", 10_000, 10_000, JAN.plusSeconds(60))); // -100: a debt
        f.orders.apply(Fixture.paid("ps", S, "os", 50_000, FEB)); // 500 points
        assertEquals(-100, points(M));

        f.merges.apply(Fixture.merged("m1", S, M, 7, MERGE));
        assertEquals(400, points(S));
        assertEquals(0, points(M));
        assertNull(f.invariantViolation());

        f.merges.apply(Fixture.unmerged("u1", S, M, 7, MERGE.plusSeconds(60)));
        assertEquals(500, points(S));
        assertEquals(-100, points(M));
        assertNull(f.invariantViolation());
    }

    @Test
    void shouldCreditAnOrderOfTheMergedCustomerDeliveredAfterTheMergeToTheSurvivor() throws Exception {
        twoSilverMembers();
        f.merges.apply(Fixture.merged("m1", S, M, 7, MERGE));

        f.orders.apply(Fixture.paid("late", M, "o-late", 10_000, MERGE.plusSeconds(60)));

        assertEquals(0, points(M));
        assertEquals(S, (int) f.sql("select customer_id from mb_order_fact where order_id = 'o-late'"));
        assertNull(f.invariantViolation());
    }

    @Test
    void shouldMoveCouponsOfACustomerWithoutPointsAndIgnoreACustomerWithNothing() throws Exception {
        CouponTemplate t = f.amountOff(10);
        String code = f.coupons.issue(t.id(), M, null, "op").coupon().code();
        assertEquals(Outcome.NOTHING, f.merges.apply(Fixture.merged("m0", S, 99, 6, MERGE)));

        assertEquals(Outcome.MERGED, f.merges.apply(Fixture.merged("m1", S, M, 7, MERGE)));

        Coupons.CouponWithTemplate moved = f.coupons.byCode(code).orElseThrow();
        assertEquals(S, moved.coupon().customerId());
        assertNull(f.invariantViolation());
        f.merges.apply(Fixture.unmerged("u1", S, M, 7, MERGE));
        assertEquals(M, f.coupons.byCode(code).orElseThrow().coupon().customerId());
    }

    @Test
    void shouldRefuseAnEventWithoutTheFieldsNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.merges.apply(
                new org.siyu.api.events.Event(0, "bad", "customer.merged", "identity", S, MERGE,
                        "{\"survivor\":10,\"mergeId\":3}")));
        assertTrue(e.getMessage().contains("'merged'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> f.merges.apply(Fixture.merged("same", S, S, 3, MERGE)));
        assertTrue(e.getMessage().contains("'merged'"), e.getMessage());
    }
}
