package org.siyu.demo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.siyu.testkit.RecordingProgress;
import org.siyu.testkit.TestPersistenceUnit;

/** The demo's coupons through an in-memory membership service: who gets which, who uses them, and a resume. */
class DemoCouponsTest {

    private static final DemoPlan.Settings SMALL = new DemoPlan.Settings(99, 1_500, Instant.parse("2026-11-20T08:00:00Z"));

    private final List<TestPersistenceUnit> units = new ArrayList<>();

    @AfterEach
    void close() {
        units.forEach(TestPersistenceUnit::close);
    }

    private SqlFakes fakes() throws SQLException {
        TestPersistenceUnit unit = TestPersistenceUnit.of(new DemoEntities());
        units.add(unit);
        return new SqlFakes(unit);
    }

    private static Seeder seeder(SqlFakes f, MembershipFake membership) {
        return new Seeder(f.unit, f.identity, f.bus, () -> f.tags, () -> null, () -> null, () -> membership,
                Clock.systemUTC());
    }

    /** Issue key → order number it was used on ("" if unused): what a seed did, without the random codes. */
    private static Map<String, String> uses(MembershipFake m) {
        return m.coupons.values().stream().collect(Collectors.toMap(c -> c.key, c -> c.order == null ? "" : c.order,
                (a, b) -> a, TreeMap::new));
    }

    @Test
    void shouldGiveEveryPersonAWelcomeCouponAndUseARealisticShareOnLaterOrdersWithoutChangingThePlan()
            throws Exception {
        SqlFakes plain = fakes();
        seeder(plain, null).run(SMALL, new RecordingProgress(), () -> false);
        SqlFakes f = fakes();
        MembershipFake m = new MembershipFake(SMALL.endsAt());

        String summary = seeder(f, m).run(SMALL, new RecordingProgress(), () -> false);

        DemoPlan plan = DemoPlan.of(SMALL);
        assertEquals(List.of(DemoCoupons.MEMBER_DAY, DemoCoupons.REPURCHASE, DemoCoupons.WELCOME),
                m.templates().stream().map(t -> t.name()).toList());
        Map<String, List<MembershipFake.Coupon>> byTemplate = m.coupons.values().stream()
                .collect(Collectors.groupingBy(c -> c.template.name()));
        List<MembershipFake.Coupon> welcome = byTemplate.get(DemoCoupons.WELCOME);
        assertEquals(plan.persons().size(), welcome.size(), "one welcome coupon per person");
        for (MembershipFake.Coupon c : welcome) {
            int person = Integer.parseInt(c.key.substring("demo:welcome:".length()));
            assertEquals(plan.persons().get(person).firstTouch(), c.from, "issued at the first touch");
        }
        // buyers with an order of ¥99+ within 30 days, about half of whom use it: a realistic share, not all or none
        long usedWelcome = welcome.stream().filter(c -> c.order != null).count();
        assertTrue(usedWelcome > welcome.size() / 20 && usedWelcome < welcome.size() / 2, usedWelcome + " used");
        // a repurchase coupon an hour after the first order, for every buyer whose first order was not in the last hour
        long buyers = plan.persons().stream().map(p -> DemoCoupons.orders(DemoEvents.of(SMALL, p)))
                .filter(o -> !o.isEmpty() && !o.getFirst().at().plusSeconds(3_600).isAfter(SMALL.endsAt())).count();
        assertEquals(buyers, byTemplate.get(DemoCoupons.REPURCHASE).size(), "a repurchase coupon per buyer");
        long usedRepurchase = byTemplate.get(DemoCoupons.REPURCHASE).stream().filter(c -> c.order != null).count();
        assertTrue(usedRepurchase > 0 && usedRepurchase < buyers / 2, usedRepurchase + " repurchase coupons used");
        long memberDay = byTemplate.get(DemoCoupons.MEMBER_DAY).size();
        assertTrue(memberDay > 0 && memberDay <= DemoCoupons.MEMBER_DAY_STOCK, memberDay + " member-day coupons");
        // used on the person's own orders, by number, each order at most one coupon of a kind
        Set<String> orderNumbers = plan.persons().stream().flatMap(p -> DemoEvents.of(SMALL, p).events().stream())
                .filter(e -> e.type().equals("order.paid")).map(e -> (String) e.data().get("orderId"))
                .collect(Collectors.toSet());
        m.coupons.values().stream().filter(c -> c.order != null)
                .forEach(c -> assertTrue(orderNumbers.contains(c.order), c.order));
        assertTrue(summary.contains(m.coupons.size() + " coupons issued"), summary);
        // most buyers gave a birthday, spread over the year, and nobody who never bought
        long buyersAtAll = plan.persons().stream().filter(p -> !DemoCoupons.orders(DemoEvents.of(SMALL, p)).isEmpty())
                .count();
        assertTrue(m.birthdays.size() > buyersAtAll * 4 / 10 && m.birthdays.size() < buyersAtAll * 8 / 10,
                m.birthdays.size() + " birthdays of " + buyersAtAll + " buyers");
        assertTrue(m.birthdays.values().stream().map(java.time.MonthDay::getMonth).distinct().count() >= 6,
                "birthdays spread over the year");
        // the plan's events are those of a seed without membership
        assertEquals(ids(plain), ids(f));
        assertEquals(plain.count("fake_customer"), f.count("fake_customer"));
    }

    @Test
    void shouldIssueAndUseTheSameCouponsAfterACrashAndTheSameOnEveryRun() throws Exception {
        SqlFakes clean = fakes();
        MembershipFake first = new MembershipFake(SMALL.endsAt());
        seeder(clean, first).run(SMALL, new RecordingProgress(), () -> false);

        SqlFakes crashed = fakes();
        crashed.failOnPublish = 3; // batch 3 dies after its coupons went to the (non-transactional) fake
        MembershipFake second = new MembershipFake(SMALL.endsAt());
        assertThrows(IllegalStateException.class,
                () -> seeder(crashed, second).run(SMALL, new RecordingProgress(), () -> false));
        seeder(crashed, second).run(SMALL, new RecordingProgress(), () -> false);

        // the batch written again issued nothing twice (issue keys) and used nothing twice (coupon and order)
        assertEquals(uses(first), uses(second));
        assertEquals(3, second.templates.size(), "templates are not created again on resume");
        int calls = second.issueCalls;
        seeder(crashed, second).run(SMALL, new RecordingProgress(), () -> false);
        assertEquals(calls, second.issueCalls, "a finished seed issues nothing");
    }

    private static Set<String> ids(SqlFakes f) throws SQLException {
        Set<String> ids = new TreeSet<>();
        try (var c = f.unit.connect(); var s = c.createStatement(); var rs = s.executeQuery("SELECT id FROM fake_event")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
