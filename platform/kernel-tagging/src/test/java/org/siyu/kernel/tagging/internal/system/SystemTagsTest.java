package org.siyu.kernel.tagging.internal.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.events.Event;
import org.siyu.api.identity.Customer;
import org.siyu.api.jobs.JobProgress;
import org.siyu.api.tags.TagAssignment;
import org.siyu.kernel.tagging.internal.FakeEventBus;
import org.siyu.kernel.tagging.internal.FakeIdentity;
import org.siyu.kernel.tagging.internal.MutableClock;
import org.siyu.kernel.tagging.internal.Tagging;
import org.siyu.kernel.tagging.internal.TaggingEntities;
import org.siyu.support.jobs.Jobs;
import org.siyu.testkit.TestPersistenceUnit;

/**
 * The facts subscriber and the re-evaluation on the real migrations (H2, or PostgreSQL with
 * -Dsiyu.test.postgres): facts from event times, idempotency, tags at now, only differences written.
 */
class SystemTagsTest {

    private static final Instant NOW = Instant.parse("2026-11-03T04:00:00Z");

    private final TestPersistenceUnit unit = TestPersistenceUnit.of(new TaggingEntities());
    private final FakeEventBus bus = new FakeEventBus();
    private final MutableClock clock = new MutableClock(NOW);
    private final Tagging tagging = new Tagging(unit, bus, clock);
    private final FakeIdentity identity = new FakeIdentity();
    private final SystemTags systemTags = new SystemTags(tagging, new Jobs(null), Settings.DEFAULTS, clock, identity);
    private final FactsSubscriber facts = new FactsSubscriber(tagging, systemTags);
    private int ids;

    @AfterEach
    void close() {
        tagging.deactivate();
        unit.close();
    }

    private static Instant ago(long days) {
        return NOW.minus(Duration.ofDays(days));
    }

    private Event event(String type, int customer, Instant time, String data) {
        return new Event(0, "e-" + ++ids, type, "test", customer, time, data);
    }

    private Event created(int customer, Instant time, String... identities) {
        return event("customer.created", customer, time, "{\"identities\":["
                + java.util.Arrays.stream(identities).map(i -> "\"" + i + "\"").collect(Collectors.joining(","))
                + "],\"channel\":\"" + identities[0].substring(0, identities[0].indexOf(':')) + "\"}");
    }

    private Event paid(int customer, Instant time, String yuan) {
        return event("order.paid", customer, time, "{\"orderId\":\"o-" + ids + "\",\"total\":" + yuan + "}");
    }

    /** The system tags the customer holds, by name. */
    private Set<String> system(int customer) {
        return tagging.tags(customer).stream().filter(a -> a.source().equals("system")).map(TagAssignment::tag)
                .collect(Collectors.toSet());
    }

    private Object[] factsRow(int customer) {
        return unit.inTransaction(em -> (Object[]) em.createNativeQuery("select created_at, last_activity_at,"
                        + " last_order_at, orders_total, channels, owner from tagging_customer_facts where customer_id = :c")
                .setParameter("c", customer).getSingleResult());
    }

    @Test
    void shouldKeepFactsFromEventTimesAndTagAtNow() {
        facts.onEvent(created(1, ago(200), "wecom:wm-1", "tmall:t-1"));
        assertEquals(Set.of("lifecycle.churned", "reach.reachable"), system(1), "created 200 days ago, nothing since");

        Event order = paid(1, ago(10), "129.90");
        facts.onEvent(order);
        Object[] row = factsRow(1);
        assertEquals(ago(200), org.siyu.kernel.tagging.internal.Times.instant(row[0]));
        assertEquals(ago(10), org.siyu.kernel.tagging.internal.Times.instant(row[2]), "the event's time, not now");
        assertEquals(1, ((Number) row[3]).intValue());
        assertEquals("tmall,wecom", row[4]);
        assertEquals(Set.of("lifecycle.active", "reach.reachable", "rfm.R5", "rfm.F1", "rfm.M1", "rfm.general-develop"),
                system(1));
        TagAssignment active = tagging.tags(1).stream().filter(a -> a.tag().equals("lifecycle.active")).findFirst()
                .orElseThrow();
        assertEquals("last activity 2026-10-24 (order.paid), 10 days ago ≤ 90", active.evidence());
        assertTrue(bus.ofType("tag.assigned").stream().anyMatch(e -> e.subject() == 1
                && e.data().contains("\"tag\":\"lifecycle.active\"") && e.data().contains("\"source\":\"system\"")));
        assertTrue(bus.ofType("tag.removed").stream().anyMatch(e -> e.data().contains("lifecycle.churned")));
    }

    @Test
    void shouldCountAChannelLinkedLater() {
        facts.onEvent(created(4, ago(5), "tmall:t-4"));
        assertTrue(!system(4).contains("reach.reachable"), "a Tmall nick reaches nobody: " + system(4));
        // OneID links a WeCom contact to the existing customer
        facts.onEvent(event("customer.updated", 4, ago(1), "{\"identities\":[\"wecom:wm-4\"],\"traits\":[]}"));
        assertEquals("tmall,wecom", factsRow(4)[4]);
        assertTrue(system(4).contains("reach.reachable"), system(4).toString());
        // a traits-only update names no identity: nothing to do
        facts.onEvent(event("customer.updated", 4, ago(0), "{\"identities\":[],\"traits\":[\"city\"]}"));
        assertEquals("tmall,wecom", factsRow(4)[4]);
    }

    @Test
    void shouldApplyARepeatedEventOnce() {
        facts.onEvent(created(2, ago(100), "phone:+8613800000000"));
        Event order = paid(2, ago(5), "50");
        facts.onEvent(order);
        int events = bus.ofType("tag.assigned").size() + bus.ofType("tag.removed").size();
        facts.onEvent(order);
        facts.onEvent(order);
        assertEquals(1, ((Number) factsRow(2)[3]).intValue(), "one order");
        Number orders = unit.inTransaction(em -> (Number) em.createNativeQuery(
                "select count(*) from tagging_customer_order where customer_id = 2").getSingleResult());
        assertEquals(1, orders.intValue());
        assertEquals(events, bus.ofType("tag.assigned").size() + bus.ofType("tag.removed").size(),
                "nothing published again");
    }

    @Test
    void shouldMakeARepeatBuyerWithAGuideOwnedAndForgetTheOwnerWhenCleared() {
        facts.onEvent(created(3, ago(300), "wecom:wm-3"));
        facts.onEvent(paid(3, ago(200), "300"));
        facts.onEvent(paid(3, ago(20), "300"));
        assertTrue(system(3).contains("reach.reachable"), "repeat buyer without a guide");
        facts.onEvent(event("customer.owner.changed", 3, ago(1), "{\"owner\":\"guide-7\",\"previous\":null}"));
        assertTrue(system(3).contains("reach.owned"), system(3).toString());
        assertEquals(1, system(3).stream().filter(t -> t.startsWith("reach.")).count());
        facts.onEvent(event("customer.owner.changed", 3, NOW, "{\"owner\":null,\"previous\":\"guide-7\"}"));
        assertTrue(system(3).contains("reach.reachable"), system(3).toString());
    }

    @Test
    void shouldCountEngagementAndIgnoreEventsItDoesNotUse() {
        facts.onEvent(created(4, ago(120), "mini:o-4"));
        facts.onEvent(event("live.watched", 4, ago(3), "{}"));
        assertEquals(Set.of("lifecycle.active", "reach.engaged"), system(4));
        int seen = unit.inTransaction(em -> ((Number) em.createNativeQuery(
                "select count(*) from tagging_event_seen where subscriber = 'tagging.facts'").getSingleResult()).intValue());
        facts.onEvent(event("tag.assigned", 4, NOW, "{}"));
        facts.onEvent(event("content.read", 0, NOW, "{}"));
        int after = unit.inTransaction(em -> ((Number) em.createNativeQuery(
                "select count(*) from tagging_event_seen where subscriber = 'tagging.facts'").getSingleResult()).intValue());
        assertEquals(seen, after, "ignored without a transaction");
    }

    @Test
    void shouldFoldAMergedCustomersFactsIntoTheSurvivorAndGiveThemBack() {
        facts.onEvent(created(5, ago(400), "wecom:wm-5"));
        facts.onEvent(created(6, ago(10), "phone:+8613900000000"));
        facts.onEvent(paid(6, ago(9), "99"));
        assertTrue(system(5).contains("lifecycle.churned"));
        facts.onEvent(new Event(0, "m-1", "customer.merged", "identity", 5, ago(1),
                "{\"survivor\":5,\"merged\":6,\"mergeId\":77,\"rule\":\"shared-phone\"}"));
        assertTrue(system(5).contains("lifecycle.active"), system(5).toString());
        assertEquals("phone,wecom", factsRow(5)[4]);
        assertEquals(Set.of(), system(6), "merged away: no system tag");

        facts.onEvent(new Event(0, "u-1", "customer.unmerged", "identity", 5, NOW,
                "{\"survivor\":5,\"merged\":6,\"mergeId\":77}"));
        assertEquals(0, ((Number) factsRow(5)[3]).intValue(), "the copied order left the survivor");
        assertTrue(system(6).contains("lifecycle.new"), system(6).toString());
    }

    @Test
    void shouldReEvaluateEveryoneAsTimePassesChangingOnlyWhatDiffers() {
        facts.onEvent(created(7, ago(20), "wecom:wm-7"));   // new, reachable
        facts.onEvent(created(8, ago(400), "tmall:t-8"));  // churned
        facts.onEvent(paid(8, ago(60), "100"));            // active, R4 F1 M1
        unit.inTransaction(em -> em.createNativeQuery("insert into tagging_customer (customer_id, active)"
                + " values (9, TRUE)").executeUpdate());   // known, no facts, no OneID: nothing to say
        bus.clear();

        org.siyu.testkit.RecordingProgress progress = new org.siyu.testkit.RecordingProgress();
        SystemTags.Outcome same = systemTags.recomputeAll(progress);
        assertEquals(0, same.changes(), "nothing changed: nothing written");
        assertEquals(List.of(), bus.ofType("tag.assigned"));
        assertEquals(3, same.customers());
        assertEquals(3, progress.total());
        assertEquals(3, progress.done());

        clock.advance(Duration.ofDays(40));
        SystemTags.Outcome later = systemTags.recomputeAll(new org.siyu.testkit.RecordingProgress());
        // 7 is 60 days old: new → active. 8's order is 100 days old: active → dormant, R4 → R2, so its RFM segment
        // goes from general-develop (R high) to general-winback (all low); F1 and M1 stay.
        assertEquals(Set.of("lifecycle.active", "reach.reachable"), system(7));
        assertEquals(Set.of("lifecycle.dormant", "rfm.R2", "rfm.F1", "rfm.M1", "rfm.general-winback"), system(8));
        Map<String, Long> removed = bus.ofType("tag.removed").stream()
                .collect(Collectors.groupingBy(e -> e.subject() + ":" + e.data().replaceAll(".*\"tag\":\"([^\"]+)\".*",
                        "$1"), Collectors.counting()));
        assertEquals(Set.of("7:lifecycle.new", "8:lifecycle.active", "8:rfm.R4", "8:rfm.general-develop"),
                removed.keySet());
        assertEquals(8, later.changes(), "4 removed, 4 assigned");
        assertEquals(4, bus.ofType("tag.assigned").size());
    }

    @Test
    void shouldRefreshChannelsAndOwnersFromOneIdAtReEvaluation() {
        facts.onEvent(created(10, ago(100), "tmall:t-10"));
        facts.onEvent(paid(10, ago(50), "10"));
        facts.onEvent(paid(10, ago(40), "10"));
        assertTrue(system(10).stream().noneMatch(t -> t.startsWith("reach.")), "tmall is not reachable, no guide");
        identity.put(new Customer(10, List.of("tmall:t-10", "wecom:wm-10"), Map.of("name", "张三"), ago(100),
                "tmall", null, "guide-2", 0));
        SystemTags.Outcome outcome = systemTags.recomputeAll(new org.siyu.testkit.RecordingProgress());
        assertEquals(1, outcome.refreshed());
        assertTrue(system(10).contains("reach.owned"), system(10).toString());
        assertEquals("guide-2", factsRow(10)[5]);
        assertEquals(1, systemTags.recomputeAll(new org.siyu.testkit.RecordingProgress()).customers());
        assertEquals(0, systemTags.recomputeAll(new org.siyu.testkit.RecordingProgress()).refreshed(), "already equal: not written again");
    }

    @Test
    void shouldNotCallACustomerNewWhoseHistoryArrivedAfterItWasCreated() {
        // OneID creates the customer today; its orders of last spring arrive afterwards (an import, the demo seed).
        facts.onEvent(created(11, ago(0), "wecom:wm-11"));
        assertTrue(system(11).contains("lifecycle.new"), system(11).toString());
        facts.onEvent(paid(11, ago(200), "99"));
        assertTrue(system(11).contains("lifecycle.churned"), "first seen 200 days ago: " + system(11));
        Object firstSeen = factsRow(11)[0];
        assertEquals(ago(200), firstSeen instanceof Instant i ? i : firstSeen instanceof java.time.OffsetDateTime o
                ? o.toInstant() : ((java.sql.Timestamp) firstSeen).toInstant());

        // Re-evaluation reads OneID's (later) creation time: it must not make the customer new again.
        identity.put(new Customer(11, List.of("wecom:wm-11"), Map.of(), ago(0), "wecom", null, null, 0));
        systemTags.recomputeAll(new org.siyu.testkit.RecordingProgress());
        assertTrue(system(11).contains("lifecycle.churned"), system(11).toString());
        assertEquals(0, systemTags.recomputeAll(new org.siyu.testkit.RecordingProgress()).refreshed(), "an earlier first-seen is not a difference");
    }
}
