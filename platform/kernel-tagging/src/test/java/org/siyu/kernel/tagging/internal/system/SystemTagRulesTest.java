package org.siyu.kernel.tagging.internal.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules at their boundaries, with the default settings (new < 30 d, active ≤ 90 d, churned > 180 d, …). */
class SystemTagRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-03T04:00:00Z");
    private static final Settings S = Settings.DEFAULTS;

    private static Instant ago(long days) {
        return NOW.minus(Duration.ofDays(days));
    }

    /** A customer created {@code createdDaysAgo} ago, last active {@code activeDaysAgo} ago (-1: never). */
    private static Facts customer(long createdDaysAgo, long activeDaysAgo) {
        return new Facts(1, true, ago(createdDaysAgo), activeDaysAgo < 0 ? null : ago(activeDaysAgo),
                "content.read", null, null, null, null, 0, Set.of(), null, null, null, List.of());
    }

    private static Facts withOrders(Facts f, String owner, long... daysAgo) {
        List<Facts.Order> orders = new ArrayList<>();
        Instant last = null;
        for (long d : daysAgo) {
            orders.add(new Facts.Order(ago(d), 10_000));
            last = last == null || ago(d).isAfter(last) ? ago(d) : last;
        }
        return new Facts(f.customer(), true, f.createdAt(), f.lastActivityAt(), f.lastActivity(), f.lastEngagedAt(),
                f.lastEngaged(), null, last, daysAgo.length, f.channels(), owner, null, null, orders);
    }

    private static Set<String> tags(Facts f) {
        return SystemTagRules.evaluate(f, S, NOW).keySet();
    }

    private static String lifecycle(Facts f) {
        return tags(f).stream().filter(t -> t.startsWith("lifecycle.")).reduce((a, b) -> a + "," + b).orElse("-");
    }

    private static String reach(Facts f) {
        return tags(f).stream().filter(t -> t.startsWith("reach.")).reduce((a, b) -> a + "," + b).orElse("-");
    }

    @Test
    void shouldCallACustomerNewForFewerThanThirtyDaysAndAtMostOneOrder() {
        assertEquals("lifecycle.new", lifecycle(customer(29, 29)));
        assertEquals("lifecycle.active", lifecycle(customer(30, 30)), "30 days is no longer new");
        assertEquals("lifecycle.new", lifecycle(withOrders(customer(10, 5), null, 5)));
        assertEquals("lifecycle.active", lifecycle(withOrders(customer(10, 5), null, 5, 3)), "two orders: not new");
    }

    @Test
    void shouldMoveFromActiveToDormantToChurnedAtTheBoundaries() {
        assertEquals("lifecycle.active", lifecycle(customer(400, 90)));
        assertEquals("lifecycle.dormant", lifecycle(customer(400, 91)));
        assertEquals("lifecycle.dormant", lifecycle(customer(400, 180)));
        assertEquals("lifecycle.churned", lifecycle(customer(400, 181)));
        assertEquals("lifecycle.churned", lifecycle(customer(400, -1)), "created long ago, never active");
    }

    @Test
    void shouldNameTheRuleAndTheFactsInTheEvidence() {
        Map<String, String> tags = SystemTagRules.evaluate(
                customer(400, 94), S, Instant.parse("2026-11-03T04:00:00Z"));
        assertEquals("last activity 2026-08-01 (content.read), 94 days ago > 90 and ≤ 180",
                tags.get("lifecycle.dormant"));
    }

    @Test
    void shouldGiveExactlyOneLifecycleTagAndNoneToACustomerMergedAway() {
        for (long days : new long[] {0, 1, 29, 30, 89, 90, 91, 179, 180, 181, 1000}) {
            assertEquals(1, tags(customer(days, days)).stream().filter(t -> t.startsWith("lifecycle.")).count());
        }
        Facts merged = new Facts(1, false, ago(5), ago(1), "order.paid", null, null, null, null, 0,
                Set.of("wecom"), "g1", null, null, List.of());
        assertEquals(Set.of(), tags(merged));
        assertEquals(Set.of(), tags(Facts.none(2, true)), "nothing known: no tag");
    }

    @Test
    void shouldGiveTheHighestReachLevelThatApplies() {
        Facts reachable = new Facts(1, true, ago(100), ago(50), null, null, null, null, null, 0,
                Set.of("wecom", "tmall"), null, null, null, List.of());
        assertEquals("reach.reachable", reach(reachable));
        assertEquals("-", reach(new Facts(1, true, ago(100), ago(50), null, null, null, null, null, 0,
                Set.of("tmall", "wechat"), null, null, null, List.of())), "tmall and unionid are not contactable");

        Facts engaged = new Facts(1, true, ago(100), ago(30), null, ago(30), "live.watched", null, null, 0,
                Set.of("wecom"), null, null, null, List.of());
        assertEquals("reach.engaged", reach(engaged));
        assertEquals("reach.reachable", reach(new Facts(1, true, ago(100), ago(31), null, ago(31), "live.watched",
                null, null, 0, Set.of("wecom"), null, null, null, List.of())), "31 days: no longer engaged");

        assertEquals("reach.owned", reach(withOrders(engaged, "guide-7", 300, 10)));
        assertEquals("reach.engaged", reach(withOrders(engaged, null, 300, 10)), "a repeat buyer without a guide");
        assertEquals("reach.engaged", reach(withOrders(engaged, "guide-7", 366, 10)), "the first order left the year");
        Facts member = new Facts(1, true, ago(100), ago(30), null, null, null, null, null, 0, Set.of(), "guide-7",
                true, ago(60), List.of());
        assertEquals("reach.owned", reach(member));
        assertEquals("active member since 2026-09-04; owner guide-7",
                SystemTagRules.evaluate(member, S, NOW).get("reach.owned"));
    }

    @Test
    void shouldBucketRecencyFrequencyAndMonetaryAndNameTheSegment() {
        // last order 30 days ago (R5), 2 orders (F2), 2 × 100 yuan = 200 yuan (M2: ≥ 200)
        Map<String, String> tags = SystemTagRules.evaluate(withOrders(customer(400, 30), null, 30, 200), S, NOW);
        assertTrue(tags.keySet().containsAll(Set.of("rfm.R5", "rfm.F2", "rfm.M2", "rfm.general-develop")),
                tags.toString());
        assertEquals("R5: last paid order 2026-10-04, 30 days ago ≤ 30", tags.get("rfm.R5"));
        assertEquals("M2: 200.00 yuan in 365 days ≥ 200.00", tags.get("rfm.M2"));

        Set<String> r4 = SystemTagRules.evaluate(withOrders(customer(400, 31), null, 31), S, NOW).keySet();
        assertTrue(r4.containsAll(Set.of("rfm.R4", "rfm.F1", "rfm.M1", "rfm.general-develop")), r4.toString());
        Set<String> r1 = SystemTagRules.evaluate(withOrders(customer(400, 181), null, 181), S, NOW).keySet();
        assertTrue(r1.contains("rfm.R1") && r1.contains("rfm.general-winback"), r1.toString());

        // 8 orders of 100 yuan in the last 60 days: R5 F5 M3 (800 yuan ≥ 500) → every score high
        long[] eight = {1, 5, 10, 15, 20, 30, 40, 60};
        Set<String> value = SystemTagRules.evaluate(withOrders(customer(400, 1), null, eight), S, NOW).keySet();
        assertTrue(value.containsAll(Set.of("rfm.R5", "rfm.F5", "rfm.M3", "rfm.important-value")), value.toString());
        // the same orders, the last 120 days ago: R2 (low), F5, M3 → 重要保持客户
        long[] old = {120, 125, 130, 135, 140, 145, 150, 160};
        Set<String> retain = SystemTagRules.evaluate(withOrders(customer(400, 120), null, old), S, NOW).keySet();
        assertTrue(retain.containsAll(Set.of("rfm.R2", "rfm.F5", "rfm.M3", "rfm.important-retain")),
                retain.toString());
        assertEquals(Set.of(), SystemTagRules.evaluate(customer(400, 1), S, NOW).keySet().stream()
                .filter(t -> t.startsWith("rfm.")).collect(java.util.stream.Collectors.toSet()), "no order: no RFM");
    }

    @Test
    void shouldRefuseSettingsThatCannotWorkNamingTheAttribute() {
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class, () -> new Settings(30, 1, 90,
                90, S.activityTypes(), S.orderTypes(), S.reachableChannels(), S.engagementTypes(), 30, 2, 365, true,
                S.recency(), S.frequency(), S.monetary(), 365, 3, 60, 24, 500));
        assertTrue(order.getMessage().startsWith("churnedDays:"), order.getMessage());
        IllegalArgumentException ascending = assertThrows(IllegalArgumentException.class, () -> new Settings(30, 1,
                90, 180, S.activityTypes(), S.orderTypes(), S.reachableChannels(), S.engagementTypes(), 30, 2, 365,
                true, new long[] {30, 20, 90, 180}, S.frequency(), S.monetary(), 365, 3, 60, 24, 500));
        assertTrue(ascending.getMessage().startsWith("rfmRecencyDays:"), ascending.getMessage());
    }

    @Test
    void shouldMatchConfiguredEventTypes() {
        TypeSet types = TypeSet.parse(" order.* , content.read,,");
        assertTrue(types.matches("order.paid"));
        assertTrue(types.matches("content.read"));
        assertEquals(false, types.matches("content.readx"));
        assertEquals(false, types.matches("orders.paid"));
    }
}
