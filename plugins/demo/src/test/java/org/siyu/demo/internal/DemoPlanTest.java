package org.siyu.demo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.siyu.api.events.Event;

/** The generator: the same seed gives the same brand; the brand looks like one (measured, with bounds). */
class DemoPlanTest {

    private static final Instant END = Instant.parse("2026-11-20T08:00:00Z");
    private static final DemoPlan.Settings STANDARD = new DemoPlan.Settings(DemoPlan.Settings.DEFAULT_SEED,
            DemoPlan.Settings.DEFAULT_PERSONS, END);

    private static List<Event> events(DemoPlan plan, int person) {
        return DemoEvents.of(plan.settings(), plan.persons().get(person)).events().stream().map(e -> e.event(42))
                .toList();
    }

    @Test
    void shouldMakeTheSameBrandFromTheSameSeed() {
        DemoPlan a = DemoPlan.of(STANDARD);
        DemoPlan b = DemoPlan.of(STANDARD);
        assertEquals(a.units(), b.units());
        assertEquals(a.staff(), b.staff());
        assertEquals(a.persons(), b.persons());
        assertEquals(a.touches(), b.touches());
        for (int i : new int[] {0, 1, 777, 17_999}) {
            assertEquals(events(a, i), events(b, i));
        }
        DemoPlan other = DemoPlan.of(new DemoPlan.Settings(7, DemoPlan.Settings.DEFAULT_PERSONS, END));
        assertNotEquals(a.persons(), other.persons());
        assertNotEquals(a.touches().getFirst(), other.touches().getFirst());
    }

    @Test
    void shouldNotDependOnHowManyPeopleComeAfter() {
        DemoPlan small = DemoPlan.of(new DemoPlan.Settings(DemoPlan.Settings.DEFAULT_SEED, 500, END));
        DemoPlan big = DemoPlan.of(STANDARD);
        assertEquals(small.persons(), big.persons().subList(0, 500));
    }

    @Test
    void shouldCutTouchesIntoTimeOrderedBatches() {
        DemoPlan plan = DemoPlan.of(STANDARD);
        int touches = plan.touches().size();
        assertEquals((touches + 999) / 1000, plan.batches());
        int firstTouches = 0;
        Instant previous = Instant.MIN;
        for (int b = 1; b <= plan.batches(); b++) {
            DemoPlan.Batch batch = plan.batch(b);
            assertTrue(batch.touches().size() <= DemoPlan.BATCH);
            for (DemoPlan.Touch t : batch.touches()) {
                assertTrue(!t.at().isBefore(previous), "touches in time order");
                previous = t.at();
                assertTrue(t.at().isBefore(END) && t.at().isAfter(END.minus(DemoPlan.WINDOW)), t.toString());
            }
            firstTouches += batch.firstTouched().size();
        }
        assertEquals(plan.persons().size(), firstTouches);
    }

    @Test
    void shouldUseValidIdentitiesAndPhonesThatNoTwoPeopleShare() {
        DemoPlan plan = DemoPlan.of(STANDARD);
        Map<String, Integer> holder = new HashMap<>();
        for (DemoPlan.Touch t : plan.touches()) {
            for (String identity : t.identities()) {
                assertTrue(identity.matches("(wecom|wechat|wechat-mp|mini|tmall|jd|douyin|store-card):[A-Za-z0-9_]{1,40}"
                        + "|phone:\\+861\\d{10}"), identity);
                if (identity.startsWith("phone:+86139")) {
                    continue; // the shop iPads
                }
                Integer before = holder.putIfAbsent(identity, t.person());
                assertTrue(before == null || before == t.person(), identity + " is shared by " + before + " and "
                        + t.person());
            }
        }
    }

    @Test
    void shouldLookLikeABrandWhenOneIdResolvesIt() {
        DemoPlan plan = DemoPlan.of(STANDARD);
        MiniOneId oneId = new MiniOneId();
        for (int b = 1; b <= plan.batches(); b++) {
            oneId.resolveAll(plan.batch(b).touches().stream().map(DemoPlan.Touch::request).toList());
        }
        int persons = plan.persons().size();
        double merged = (double) oneId.merges / persons;
        System.out.printf("demo: %d people, %d identity sets, %d customers created, %d merges (%.1f %%), %d live, "
                        + "%d poison keys%n", persons, plan.touches().size(), oneId.created, oneId.merges, merged * 100,
                oneId.count(), oneId.poison.size());
        assertTrue(merged > 0.05 && merged < 0.15, "share of people merged by OneID: " + merged);
        // the three shop iPads: merged a few times, then flagged
        assertEquals(3, oneId.poison.size(), oneId.poison.toString());
        assertTrue(oneId.poison.stream().allMatch(p -> p.startsWith("phone:+86139")), oneId.poison.toString());
        assertTrue(oneId.count() > 19_000 && oneId.count() < 21_000, "live customers " + oneId.count());

        long owned = plan.persons().stream().filter(p -> p.owner() != null).count();
        assertTrue(Math.abs(owned / (double) persons - 0.60) < 0.05, "owned " + owned);
        assertTrue(plan.persons().stream().filter(p -> p.owner() != null)
                .allMatch(p -> p.owner().startsWith(storeOf(p.city()))), "guides work in the customer's city");

        Map<String, Long> tags = plan.persons().stream().flatMap(p -> p.tags().stream())
                .collect(Collectors.groupingBy(t -> t, Collectors.counting()));
        assertShare(tags.get("猫主人"), persons, 0.60, 0.05);
        assertShare(tags.get("狗主人"), persons, 0.45, 0.05);
        assertShare(tags.get("unsubscribed"), persons, 0.04, 0.01);
        long vip = plan.persons().stream()
                .filter(p -> DemoEvents.of(plan.settings(), p).tags().contains("VIP")).count();
        assertTrue(vip > persons * 0.03 && vip < persons * 0.20, "VIP " + vip);

        Map<String, Long> surnames = plan.persons().stream()
                .collect(Collectors.groupingBy(p -> p.name().substring(0, 1), Collectors.counting()));
        assertShare(surnames.get("王"), persons, 71.0 / 843, 0.01);
        assertShare(surnames.get("陈"), persons, 45.0 / 843, 0.01);
    }

    @Test
    void shouldSpreadEventsOverSixMonthsAfterTheFirstTouch() {
        DemoPlan plan = DemoPlan.of(STANDARD);
        long total = 0;
        long orders = 0;
        for (DemoPlan.Person p : plan.persons()) {
            DemoEvents.History h = DemoEvents.of(plan.settings(), p);
            total += h.events().size();
            for (DemoEvents.Planned e : h.events()) {
                assertTrue(!e.time().isBefore(p.firstTouch()) && e.time().isBefore(END), e.toString());
                if (e.type().equals("order.paid")) {
                    orders++;
                    assertTrue(((Number) e.data().get("amountFen")).longValue() > 0);
                    assertTrue(p.channels().contains((String) e.data().get("channel")), e.toString());
                }
            }
        }
        System.out.printf("demo: %d events, %d orders%n", total, orders);
        assertTrue(total > 100_000 && total < 160_000, "events " + total);
        assertTrue(orders > 22_000 && orders < 35_000, "orders " + orders);
        Event paid = events(plan, 3).stream().filter(e -> e.type().equals("order.paid")).findFirst()
                .orElseGet(() -> events(plan, 4).stream().filter(e -> e.type().equals("order.paid")).findFirst()
                        .orElseThrow());
        assertTrue(paid.data().matches("\\{\"orderId\":\"MH\\d{8}\\d{8}\",\"amountFen\":\\d+,\"channel\":\"[a-z-]+\","
                + "\"items\":\\[\\{\"sku\":\"MH-.*"), paid.data());
        assertEquals("demo", paid.source());
        assertEquals(42, paid.subject());
    }

    private static String storeOf(String city) {
        return Places.storesIn(city).stream().map(Places.Store::id).filter(id -> true).findFirst()
                .map(id -> id.substring(0, id.indexOf('-') + 1)).orElse("none");
    }

    private static void assertShare(Long count, int of, double expected, double tolerance) {
        double share = count == null ? 0 : count / (double) of;
        assertTrue(Math.abs(share - expected) < tolerance, "share " + share + ", expected " + expected);
    }
}
