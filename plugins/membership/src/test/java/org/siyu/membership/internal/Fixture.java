package org.siyu.membership.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.siyu.api.events.Event;
import org.siyu.membership.internal.birthdays.BirthdayGifts;
import org.siyu.membership.internal.coupons.Coupons;
import org.siyu.membership.internal.coupons.IssueRuns;
import org.siyu.membership.internal.coupons.MembershipAdjuster;
import org.siyu.support.jobs.Jobs;
import org.siyu.membership.internal.model.CouponTemplate;
import org.siyu.membership.internal.model.TemplateValues;
import org.siyu.membership.internal.orders.OrderEvents;
import org.siyu.membership.internal.points.PointsLedger;
import org.siyu.membership.internal.tiers.TierTags;
import org.siyu.membership.internal.tiers.Tiers;
import org.siyu.testkit.TestPersistenceUnit;

/**
 * Membership's services wired as DS wires them, over the real migrations (H2, or PostgreSQL with
 * -Dsiyu.test.postgres), with a bus that publishes on commit, tags in memory and a clock the test moves.
 */
public final class Fixture implements AutoCloseable {

    public static final Instant T0 = Instant.parse("2026-03-15T02:00:00Z");

    public final TestPersistenceUnit unit = TestPersistenceUnit.of(new MembershipEntities());
    public final TransactionalBus bus = new TransactionalBus(unit);
    public final FakeTags tagService = new FakeTags();
    public final TierTags tags = new TierTags(tagService);
    public final SettingsSource settings = new SettingsSource(Settings.DEFAULTS);
    public final MutableClock clock = new MutableClock(T0);
    public final Tiers tiers = new Tiers(unit, bus, tags, settings, clock);
    public final PointsLedger ledger = new PointsLedger(unit, tiers, bus, settings, clock);
    public final OrderEvents orders = new OrderEvents(unit, tiers, ledger, clock);
    public final Coupons coupons = new Coupons(unit, bus, clock);
    public final Jobs jobs = new Jobs(null);
    public final IssueRuns runs = new IssueRuns(unit, coupons, jobs, tagService, clock);
    public final MembershipAdjuster adjuster = new MembershipAdjuster(unit, coupons);
    public final FakeIdentity identity = new FakeIdentity();
    public final BirthdayGifts birthdays = new BirthdayGifts(unit, tiers, coupons, settings, clock);
    public final MemberCards cards = new MemberCards(unit, tiers, ledger, coupons, birthdays, identity);
    public final org.siyu.membership.internal.merges.Merges merges =
            new org.siyu.membership.internal.merges.Merges(unit, tiers, ledger, clock);
    public final MembershipApi api = new MembershipApi(unit, coupons, cards, birthdays);

    /** Empties every table but the tiers; restores the default settings and clock. */
    public void reset() throws SQLException {
        unit.execute("update mb_tier set birthday_template_id = null");
        unit.deleteAll("mb_birthday", "mb_points_use", "mb_points_lot", "mb_points_ledger", "mb_member", "mb_order_fact", "mb_seen",
                "mb_coupon", "mb_issue_run", "mb_coupon_template", "mb_merge_move");
        bus.clear();
        settings.set(Settings.DEFAULTS);
        clock.set(T0);
        tagService.failFor = c -> false;
        tagService.clear();
    }

    public static Event paid(String eventId, int customer, String orderId, long amountFen, Instant at) {
        return new Event(0, eventId, "order.paid", "commerce", customer, at,
                "{\"orderId\":\"" + orderId + "\",\"channel\":\"mini\",\"amountFen\":" + amountFen + "}");
    }

    public static Event refunded(String eventId, int customer, String orderId, String refundId, long amountFen,
            long refundedFen, Instant at) {
        return new Event(0, eventId, "order.refunded", "commerce", customer, at, "{\"orderId\":\"" + orderId
                + "\",\"refundId\":\"" + refundId + "\",\"amountFen\":" + amountFen + ",\"refundedFen\":" + refundedFen
                + ",\"full\":false}");
    }

    public static Event merged(String eventId, int survivor, int merged, long mergeId, Instant at) {
        return new Event(0, eventId, "customer.merged", "identity", survivor, at, "{\"survivor\":" + survivor
                + ",\"merged\":" + merged + ",\"mergeId\":" + mergeId + ",\"rule\":\"shared-phone\"}");
    }

    public static Event unmerged(String eventId, int survivor, int merged, long mergeId, Instant at) {
        return new Event(0, eventId, "customer.unmerged", "identity", survivor, at, "{\"survivor\":" + survivor
                + ",\"merged\":" + merged + ",\"mergeId\":" + mergeId + "}");
    }

    /** 满¥199减¥30, valid 30 days after issue, {@code stock} coupons. */
    public CouponTemplate amountOff(long stock) {
        return coupons.create(new TemplateValues("满199减30", CouponTemplate.Kind.AMOUNT_OFF, 3_000, 0, null, 19_900,
                null, null, 30, stock), "operator1");
    }

    public long sql(String query) throws SQLException {
        return unit.queryLong(query);
    }

    /**
     * Checks, for every member, balance == sum(ledger) == the last row's balance_after, lots == max(0, balance) and no
     * lot outside 0..points; returns the first violation or null. One query on one connection: it runs after every
     * step of the random sequence.
     */
    public String invariantViolation() throws SQLException {
        String query = "select m.customer_id, m.points, "
                + "(select coalesce(sum(l.points), 0) from mb_points_ledger l where l.customer_id = m.customer_id), "
                + "(select coalesce(sum(o.remaining), 0) from mb_points_lot o where o.customer_id = m.customer_id), "
                + "(select count(*) from mb_points_lot o where o.customer_id = m.customer_id "
                + "   and (o.remaining < 0 or o.remaining > o.points)), "
                + "(select coalesce(max(l.balance_after), 0) from mb_points_ledger l where l.id = "
                + "   (select max(l2.id) from mb_points_ledger l2 where l2.customer_id = m.customer_id)) "
                + "from mb_member m order by m.customer_id";
        try (Connection c = unit.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                long balance = rs.getLong(2);
                long ledger = rs.getLong(3);
                long lots = rs.getLong(4);
                long badLots = rs.getLong(5);
                long lastBalance = rs.getLong(6);
                if (balance != ledger || lots != Math.max(0, balance) || badLots != 0 || lastBalance != balance) {
                    return "customer " + rs.getInt(1) + ": balance " + balance + ", ledger " + ledger + ", lots " + lots
                            + ", bad lots " + badLots + ", last balance_after " + lastBalance;
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        unit.close();
    }
}
