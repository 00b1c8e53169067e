package org.siyu.membership.internal.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.events.Event;
import org.siyu.membership.internal.Fixture;
import org.siyu.membership.internal.MembershipException;
import org.siyu.membership.internal.Settings;
import org.siyu.membership.internal.model.LedgerEntry;
import org.siyu.membership.internal.orders.OrderEvents.Outcome;
import org.siyu.membership.internal.tiers.TierTags;

class PointsLedgerTest {

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

    @Test
    void shouldEarnAtTheTierRateOnTheEventTimeWithALotThatExpiresAtTheEndOfTheMonthAYearLater() throws Exception {
        Instant paidAt = Instant.parse("2026-01-20T03:00:00Z");
        f.clock.set(Instant.parse("2026-03-01T00:00:00Z")); // delivered much later: the event's time counts

        assertEquals(Outcome.EARNED, f.orders.apply(Fixture.paid("e1", 7, "o1", 12_345, paidAt)));

        assertEquals(123, f.ledger.balance(7).points()); // ¥123.45 at 100 points per ¥100, rounded down
        assertEquals(paidAt.toString(), f.unit.inTransaction(em -> em.createQuery(
                "select e.happenedAt from LedgerEntry e", Instant.class).getSingleResult()).toString());
        // Earned in January 2026 (Asia/Shanghai): usable through 2027-01-31, gone at 2027-02-01 00:00 +08:00.
        PointsLedger.Balance balance = f.ledger.balance(7);
        assertEquals(Instant.parse("2027-01-31T16:00:00Z"), balance.nextExpiry());
        assertEquals(123, balance.expiringPoints());
        Event earned = f.bus.ofType("points.earned").getFirst();
        assertEquals(7, earned.subject());
        assertEquals(paidAt, earned.time());
        assertTrue(earned.data().contains("\"orderId\":\"o1\""), earned.data());
        assertTrue(earned.data().contains("\"cause\":\"e1\""), earned.data());
        assertNull(f.invariantViolation());
    }

    @Test
    void shouldEarnOnceWhenTheSameOrderIsPaidTwiceUnderTheSameOrAnotherEventId() throws Exception {
        assertEquals(Outcome.EARNED, f.orders.apply(Fixture.paid("e1", 7, "o1", 50_000, Fixture.T0)));
        assertEquals(Outcome.DUPLICATE, f.orders.apply(Fixture.paid("e1", 7, "o1", 50_000, Fixture.T0)));
        assertEquals(Outcome.DUPLICATE, f.orders.apply(Fixture.paid("import:o1", 7, "o1", 50_000, Fixture.T0)));

        assertEquals(500, f.ledger.balance(7).points());
        assertEquals(1, f.sql("select count(*) from mb_points_ledger"));
        assertEquals(1, f.sql("select count(*) from mb_order_fact"));
        assertEquals(1, f.bus.ofType("points.earned").size());
    }

    @Test
    void shouldClawBackInProportionToTheRefundAndAllOfItOnAFullRefund() throws Exception {
        f.orders.apply(Fixture.paid("p", 7, "o1", 99_900, Fixture.T0)); // 999 points
        Instant later = Fixture.T0.plus(Duration.ofDays(3));

        assertEquals(Outcome.REFUNDED, f.orders.apply(Fixture.refunded("r1", 7, "o1", "rf1", 33_300, 33_300, later)));
        assertEquals(999 - 333, f.ledger.balance(7).points()); // 999 × 333/999
        // the same refund again under another event id: its refund id makes it count once
        assertEquals(Outcome.DUPLICATE, f.orders.apply(Fixture.refunded("r1-again", 7, "o1", "rf1", 33_300, 33_300, later)));
        assertEquals(666, f.ledger.balance(7).points());

        f.orders.apply(Fixture.refunded("r2", 7, "o1", "rf2", 66_600, 99_900, later));
        assertEquals(0, f.ledger.balance(7).points());
        List<Long> clawed = f.unit.inTransaction(em -> em.createQuery("select e.points from LedgerEntry e where "
                + "e.kind = :k order by e.id", Long.class).setParameter("k", LedgerEntry.Kind.CLAWBACK).getResultList());
        assertEquals(List.of(-333L, -666L), clawed);
        assertEquals(0, f.sql("select growth from mb_member where customer_id = 7"));
        assertEquals(2, f.bus.ofType("points.clawback").size());
        assertEquals(later, f.bus.ofType("points.clawback").getFirst().time());
        assertNull(f.invariantViolation());
    }

    @Test
    void shouldIgnoreARefundOfAnOrderItNeverSawPaid() throws Exception {
        assertEquals(Outcome.UNKNOWN_ORDER, f.orders.apply(Fixture.refunded("r", 7, "nope", "x", 100, 100, Fixture.T0)));
        assertEquals(0, f.sql("select count(*) from mb_points_ledger"));
    }

    @Test
    void shouldRedeemAndExpireOldestLotsFirst() throws Exception {
        f.orders.apply(Fixture.paid("a", 7, "jan", 10_000, Instant.parse("2026-01-10T04:00:00Z"))); // 100
        f.orders.apply(Fixture.paid("b", 7, "feb", 5_000, Instant.parse("2026-02-10T04:00:00Z")));  // 50
        f.orders.apply(Fixture.paid("c", 7, "mar", 3_000, Instant.parse("2026-03-10T04:00:00Z")));  // 30

        LedgerEntry redeemed = f.ledger.redeem(7, 120, "req-1", "operator1", "gift");
        assertEquals(-120, redeemed.points());
        assertEquals(60, redeemed.balanceAfter());
        // 100 of January's lot of 100, 20 of February's lot of 50
        assertEquals(List.of(List.of(100L, 100L), List.of(20L, 50L)), usesOf(redeemed.id()));
        // retried with the same request id: the same row, nothing more taken
        assertEquals(redeemed.id(), f.ledger.redeem(7, 120, "req-1", "operator1", "gift").id());
        assertEquals(60, f.ledger.balance(7).points());

        // January's lot (used up) expires at 2027-02-01, February's remaining 30 at 2027-03-01
        PointsLedger.Balance balance = f.ledger.balance(7);
        assertEquals(Instant.parse("2027-02-28T16:00:00Z"), balance.nextExpiry());
        assertEquals(30, balance.expiringPoints());
        f.clock.set(Instant.parse("2027-03-05T00:00:00Z"));
        assertEquals(30, f.ledger.expireAll(100, n -> { }));
        assertEquals(30, f.ledger.balance(7).points());
        assertEquals(0, f.ledger.expireAll(100, n -> { })); // nothing twice
        Event expired = f.bus.ofType("points.expired").getFirst();
        assertEquals(Instant.parse("2027-02-28T16:00:00Z"), expired.time());
        assertTrue(expired.data().contains("\"points\":-30"), expired.data());
        assertNull(f.invariantViolation());
    }

    @Test
    void shouldExpireDueLotsBeforeARedemptionTakesFromThem() throws Exception {
        f.orders.apply(Fixture.paid("a", 7, "o1", 10_000, Instant.parse("2025-01-10T04:00:00Z"))); // 100, expired
        f.orders.apply(Fixture.paid("b", 7, "o2", 5_000, Instant.parse("2026-03-10T04:00:00Z")));  // 50
        MembershipException refused = assertThrows(MembershipException.class, () -> f.ledger.redeem(7, 60, null, "op", ""));
        assertEquals("points", refused.field());
        assertEquals(MembershipException.Reason.CONFLICT, refused.reason());
        // the refusal rolled back the expiry it started; the job does it for real
        assertEquals(150, f.ledger.balance(7).points());
        f.ledger.redeem(7, 50, null, "op", "");
        assertEquals(0, f.ledger.balance(7).points());
        assertEquals(-100, f.sql("select points from mb_points_ledger where kind = 'EXPIRE'"));
        assertNull(f.invariantViolation());
    }

    @Test
    void shouldNeverGoNegativeOnAClawBackButRecordTheShortfall() throws Exception {
        f.orders.apply(Fixture.paid("p", 7, "o1", 10_000, Fixture.T0)); // 100
        f.ledger.redeem(7, 80, null, "op", "");
        f.orders.apply(Fixture.refunded("r", 7, "o1", "rf", 10_000, 10_000, Fixture.T0.plusSeconds(60)));

        assertEquals(0, f.ledger.balance(7).points());
        assertEquals(80, f.sql("select shortfall from mb_points_ledger where kind = 'CLAWBACK'"));
        assertEquals(-20, f.sql("select points from mb_points_ledger where kind = 'CLAWBACK'"));
        assertNull(f.invariantViolation());
    }

    @Test
    void shouldOverdrawOnAClawBackOnlyWhenTheRulesAllowItAndRepayFromLaterEarnings() throws Exception {
        f.settings.set(Settings.DEFAULTS.withNegativeBalance(true));
        f.orders.apply(Fixture.paid("p", 7, "o1", 10_000, Fixture.T0)); // 100
        f.ledger.redeem(7, 80, null, "op", "");
        f.orders.apply(Fixture.refunded("r", 7, "o1", "rf", 10_000, 10_000, Fixture.T0.plusSeconds(60)));
        assertEquals(-80, f.ledger.balance(7).points());
        assertThrows(MembershipException.class, () -> f.ledger.redeem(7, 1, null, "op", ""));

        f.orders.apply(Fixture.paid("p2", 7, "o2", 5_000, Fixture.T0.plusSeconds(120))); // 50: still -30
        assertEquals(-30, f.ledger.balance(7).points());
        f.orders.apply(Fixture.paid("p3", 7, "o3", 10_000, Fixture.T0.plusSeconds(180))); // 100: 70
        assertEquals(70, f.ledger.balance(7).points());
        assertEquals(70, f.sql("select sum(remaining) from mb_points_lot where customer_id = 7"));
        assertNull(f.invariantViolation());
    }

    @Test
    void shouldLeaveNoPointsNoFactAndNoEventWhenTheTransactionFails() throws Exception {
        f.tagService.failFor = c -> c == 9; // the tier tag is written in the same transaction and fails
        assertThrows(IllegalStateException.class, () -> f.orders.apply(Fixture.paid("e9", 9, "o9", 10_000, Fixture.T0)));

        assertEquals(0, f.sql("select count(*) from mb_points_ledger"));
        assertEquals(0, f.sql("select count(*) from mb_order_fact"));
        assertEquals(0, f.sql("select count(*) from mb_seen"));
        assertTrue(f.bus.all().isEmpty(), f.bus.all().toString());

        f.tagService.failFor = c -> false; // the bus delivers it again: now it counts
        assertEquals(Outcome.EARNED, f.orders.apply(Fixture.paid("e9", 9, "o9", 10_000, Fixture.T0)));
        assertEquals(100, f.ledger.balance(9).points());
        assertEquals(TierTags.tagOf("普通会员"), f.tagService.tags(9).getFirst().tag());
    }

    @Test
    void shouldKeepTheBalanceEqualToTheLedgerThroughARandomSequence() throws Exception {
        for (boolean negative : new boolean[] {false, true}) {
            f.reset();
            f.settings.set(Settings.DEFAULTS.withNegativeBalance(negative));
            Random random = new Random(negative ? 42 : 7);
            List<String[]> paidOrders = new ArrayList<>(); // orderId, customer, amount, refunded so far
            int orders = 0;
            for (int step = 0; step < 300; step++) {
                int customer = 1 + random.nextInt(4);
                int op = random.nextInt(10);
                Instant at = f.clock.instant();
                if (op < 4) {
                    String id = "o" + ++orders;
                    long amount = 100 + random.nextInt(200_000);
                    f.orders.apply(Fixture.paid("paid-" + id, customer, id, amount, at));
                    if (random.nextInt(5) == 0) { // redelivery and re-announcement
                        f.orders.apply(Fixture.paid("paid-" + id, customer, id, amount, at));
                        f.orders.apply(Fixture.paid("other-" + id, customer, id, amount, at));
                    }
                    paidOrders.add(new String[] {id, String.valueOf(customer), String.valueOf(amount), "0"});
                } else if (op < 6 && !paidOrders.isEmpty()) {
                    String[] o = paidOrders.get(random.nextInt(paidOrders.size()));
                    long amount = Long.parseLong(o[2]);
                    long done = Long.parseLong(o[3]);
                    if (done < amount) {
                        long part = 1 + random.nextInt((int) (amount - done));
                        o[3] = String.valueOf(done + part);
                        f.orders.apply(Fixture.refunded("ref-" + o[0] + "-" + step, Integer.parseInt(o[1]), o[0],
                                "rf" + step, part, done + part, at));
                    }
                } else if (op < 8) {
                    long balance = f.ledger.balance(customer).points();
                    long want = 1 + random.nextInt(400);
                    try {
                        f.ledger.redeem(customer, want, random.nextBoolean() ? "r" + step : null, "op", "");
                        assertTrue(want <= balance, "redeemed " + want + " of " + balance);
                    } catch (MembershipException e) {
                        assertEquals("points", e.field());
                    }
                } else if (op == 8) {
                    f.clock.advance(Duration.ofDays(1 + random.nextInt(60)));
                } else {
                    f.ledger.expireAll(2, n -> { });
                }
                String violation = f.invariantViolation();
                assertNull(violation, "step " + step + " (negative allowed: " + negative + "): " + violation);
                if (!negative) {
                    assertEquals(0, f.sql("select count(*) from mb_member where points < 0"), "step " + step);
                }
            }
            assertTrue(f.sql("select count(*) from mb_points_ledger where kind = 'EXPIRE'") > 0, "the run expired lots");
            assertTrue(f.sql("select count(*) from mb_points_ledger where kind = 'CLAWBACK'") > 0, "the run clawed back");
        }
    }

    private static List<List<Long>> usesOf(long ledgerId) {
        return f.unit.inTransaction(em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select u.points, l.points from mb_points_use u join mb_points_lot l "
                    + "on l.id = u.lot_id where u.ledger_id = :id order by l.earned_at").setParameter("id", ledgerId)
                    .getResultList();
            return rows.stream().map(r -> List.of(((Number) r[0]).longValue(), ((Number) r[1]).longValue())).toList();
        });
    }
}
