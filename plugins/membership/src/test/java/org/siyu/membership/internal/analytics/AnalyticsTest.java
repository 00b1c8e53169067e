package org.siyu.membership.internal.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.events.Event;
import org.siyu.membership.internal.Fixture;
import org.siyu.membership.internal.Settings;

/** The analytics on a small known data set, fed through the real order events into mb_order_fact. */
class AnalyticsTest {

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
    void load() throws Exception {
        f.reset();
        // c1: Jan, 15 days later, March. c2: Jan, 36 days later. c3: 2026-02-01 01:00 in Shanghai (31 Jan in UTC).
        // c4: a fully refunded order (does not count), then Feb 10 and 120 days later. c5: one order, part refunded.
        paid(1, "o1", 10_000, "2026-01-05T02:00:00Z", "tmall");
        paid(1, "o2", 5_000, "2026-01-20T02:00:00Z", "tmall");
        paid(1, "o3", 8_000, "2026-03-02T02:00:00Z", "mini");
        paid(2, "o4", 20_000, "2026-01-10T02:00:00Z", "tmall");
        paid(2, "o5", 3_000, "2026-02-15T02:00:00Z", "tmall");
        paid(3, "o6", 9_900, "2026-01-31T17:00:00Z", "wecom");
        paid(4, "o7", 5_000, "2026-02-03T02:00:00Z", "jd");
        refund(4, "o7", 5_000, "2026-02-04T02:00:00Z");
        paid(4, "o8", 7_000, "2026-02-10T02:00:00Z", "jd");
        paid(4, "o9", 7_000, "2026-06-10T02:00:00Z", "jd");
        paid(5, "o10", 4_000, "2026-02-20T02:00:00Z", "store");
        refund(5, "o10", 1_000, "2026-02-21T02:00:00Z");
        f.identity.add(1, "tmall").add(2, "tmall").add(3, "wecom").add(4, "jd"); // 5 is unknown to OneID
        f.clock.set(Instant.parse("2026-07-15T00:00:00Z"));
    }

    private static void paid(int customer, String order, long fen, String at, String channel) {
        f.orders.apply(new Event(0, "paid-" + order, "order.paid", "commerce", customer, Instant.parse(at),
                "{\"orderId\":\"" + order + "\",\"channel\":\"" + channel + "\",\"amountFen\":" + fen + "}"));
    }

    private static void refund(int customer, String order, long fen, String at) {
        f.orders.apply(new Event(0, "refund-" + order, "order.refunded", "commerce", customer, Instant.parse(at),
                "{\"orderId\":\"" + order + "\",\"amountFen\":" + fen + "}"));
    }

    private MembershipAnalytics.Report report() {
        return new MembershipAnalytics(f.unit, f.settings, f.identity, f.clock).report();
    }

    @Test
    void shouldComputeRepurchaseByCohortMonth() {
        Analytics.Cohorts cohorts = report().cohorts();
        assertEquals(List.of("2026-01", "2026-02"), cohorts.cohorts());
        assertEquals(List.of(2, 3), cohorts.sizes());
        assertEquals(List.of(2, 1), cohorts.repeated());
        assertEquals(List.of(1.0, 1.0 / 3), cohorts.rates());
        // January: c1 again in January (M+0) and March (M+2), c2 in February (M+1); months after July not begun
        assertEquals(Arrays.asList(0.5, 0.5, 0.5, 0.0, 0.0, 0.0, 0.0, null, null, null, null, null),
                cohorts.matrix().get(0));
        // February: c4 again in June (M+4)
        assertEquals(Arrays.asList(0.0, 0.0, 0.0, 0.0, 1.0 / 3, 0.0, null, null, null, null, null, null),
                cohorts.matrix().get(1));
    }

    @Test
    void shouldCountDaysToTheSecondOrder() {
        Map<String, Integer> histogram = report().secondOrder();
        assertEquals(List.of("0–7", "8–14", "15–30", "31–60", "61–90", "91–180", "181–365", ">365"),
                new ArrayList<>(histogram.keySet()));
        assertEquals(List.of(0, 0, 1, 1, 0, 1, 0, 0), new ArrayList<>(histogram.values()));
    }

    @Test
    void shouldComputeLtvByAcquisitionChannel() {
        MembershipAnalytics.Report report = report();
        assertFalse(report.channelsFromOrders());
        assertEquals(List.of(new Analytics.Ltv("tmall", 2, 46_000), new Analytics.Ltv("jd", 1, 14_000),
                new Analytics.Ltv("wecom", 1, 9_900), new Analytics.Ltv("store", 1, 3_000)), report.ltv());
        assertEquals(23_000, report.ltv().getFirst().averageFen());
        MembershipAnalytics.Report withoutOneId = new MembershipAnalytics(f.unit, f.settings, null, f.clock).report();
        assertTrue(withoutOneId.channelsFromOrders());
    }

    @Test
    void shouldReportThePointsLiabilityByMonthOfExpiry() {
        Analytics.Liability liability = report().liability();
        // points: c1 100+50+80, c2 200+30, c3 99, c4 0 (clawed) + 70 + 70, c5 40 - 10 clawed
        assertEquals(230 + 230 + 99 + 140 + 30, liability.outstanding());
        assertEquals(liability.outstanding(), liability.valueFen()); // 100 points = ¥1
        // usable through the month a year after earning: c3's order was on 1 February in Shanghai
        assertEquals(Map.of("2027-01", 100L + 50 + 200, "2027-02", 30L + 99 + 70 + 30, "2027-03", 80L, "2027-06", 70L),
                liability.byMonth());
        assertEquals(List.of("2027-01", "2027-02", "2027-03", "2027-06"), new ArrayList<>(liability.byMonth().keySet()));
        assertEquals(Settings.DEFAULTS.valuePer100PointsFen(), 100);
    }
}
