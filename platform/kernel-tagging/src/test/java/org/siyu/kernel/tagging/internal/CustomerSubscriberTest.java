package org.siyu.kernel.tagging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.PrimitiveIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.events.Event;
import org.siyu.testkit.TestPersistenceUnit;

/** The universe of NOT: every customer created and not merged away, tagged or not. */
class CustomerSubscriberTest {

    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

    private final TestPersistenceUnit unit = TestPersistenceUnit.of(new TaggingEntities());
    private final FakeEventBus bus = new FakeEventBus();
    private final Tagging tagging = new Tagging(unit, bus, Clock.fixed(T0, ZoneOffset.UTC));
    private final CustomerSubscriber customers = new CustomerSubscriber(tagging);
    private final MergeSubscriber merges = new MergeSubscriber(tagging);

    @BeforeEach
    void unsubscribedExists() {
        tagging.assign(1, "unsubscribed", "manual", "alice");
    }

    @AfterEach
    void close() {
        tagging.deactivate();
        unit.close();
    }

    private static Event created(String id, int customer) {
        return new Event(1, id, "customer.created", "identity", customer, T0,
                "{\"identities\":[\"phone:1\"],\"channel\":\"wecom\"}");
    }

    private static Event merged(String id, int survivor, int mergedId) {
        return new Event(1, id, "customer.merged", "identity", survivor, T0,
                "{\"survivor\":" + survivor + ",\"merged\":" + mergedId + ",\"mergeId\":" + mergeId(survivor, mergedId)
                        + ",\"rule\":\"shared-unionid\"}");
    }

    private static Event unmerged(String id, int survivor, int mergedId) {
        return new Event(1, id, "customer.unmerged", "identity", survivor, T0,
                "{\"survivor\":" + survivor + ",\"merged\":" + mergedId + ",\"mergeId\":" + mergeId(survivor, mergedId) + "}");
    }

    private static long mergeId(int survivor, int mergedId) {
        return survivor * 1000L + mergedId;
    }

    private static List<Integer> list(PrimitiveIterator.OfInt it) {
        List<Integer> ids = new ArrayList<>();
        it.forEachRemaining((int i) -> ids.add(i));
        return ids;
    }

    private List<Integer> notUnsubscribed() {
        return list(tagging.members("NOT tag:unsubscribed"));
    }

    @Test
    void shouldCountACreatedCustomerWithoutTagsInNot() {
        assertEquals(0, tagging.count("NOT tag:unsubscribed"));
        customers.onEvent(created("c-2", 2));
        customers.onEvent(created("c-3", 3));

        assertEquals(2, tagging.count("NOT tag:unsubscribed"));
        assertEquals(List.of(2, 3), notUnsubscribed());
        assertEquals(0, tagging.count("tag:unsubscribed AND NOT tag:unsubscribed"));
        assertEquals(3, tagging.count("tag:unsubscribed OR NOT tag:unsubscribed"));
        assertEquals(2, tagging.count("NOT tag:unsubscribed AND NOT tag:reach.owned"), "the chunked evaluator");
        assertEquals(1, tagging.list().stream().filter(t -> t.name().equals("unsubscribed")).findFirst()
                .orElseThrow().customers(), "tag counts do not change");
    }

    @Test
    void shouldLeaveAMergedAwayCustomerOutAndBringItBackOnUndo() {
        customers.onEvent(created("c-2", 2));
        customers.onEvent(created("c-3", 3));

        customers.onEvent(merged("m-1", 2, 3));
        assertEquals(List.of(2), notUnsubscribed());
        assertEquals(1, tagging.count("NOT tag:unsubscribed AND NOT tag:reach.owned"));

        customers.onEvent(unmerged("u-1", 2, 3));
        assertEquals(List.of(2, 3), notUnsubscribed());

        tagging.awaitReconciled();
        assertEquals(List.of(2, 3), notUnsubscribed(), "the re-read agrees");
    }

    @Test
    void shouldApplyARepeatedEventOnceAndNotReviveAMergedCustomerOnALateCreation() {
        customers.onEvent(created("c-3", 3));
        customers.onEvent(merged("m-1", 2, 3));
        customers.onEvent(unmerged("u-1", 2, 3));
        customers.onEvent(merged("m-1", 2, 3));    // a redelivery of the merge after its undo changes nothing
        assertEquals(List.of(3), notUnsubscribed());

        customers.onEvent(merged("m-2", 2, 4));    // merged before its creation arrives (another subject)
        customers.onEvent(created("c-4", 4));
        assertEquals(List.of(3), notUnsubscribed(), "creation does not undo a merge");
    }

    @Test
    void shouldKeepTheMergedCustomerOutWhicheverSubscriberRunsFirst() {
        tagging.assign(10, "VIP", "manual", "alice");
        tagging.assign(20, "狗主人", "manual", "bob");
        tagging.assign(30, "VIP", "manual", "alice");
        tagging.assign(40, "狗主人", "manual", "bob");
        assertEquals(List.of(10, 20, 30, 40), notUnsubscribed(), "a customer that gets a tag is in the universe");

        customers.onEvent(merged("m-1", 10, 20));      // the universe first: 20 still holds its tag
        assertEquals(List.of(10, 20, 30, 40), notUnsubscribed(), "a tagged customer stays in the universe");
        merges.onEvent(merged("m-1", 10, 20));
        assertEquals(List.of(10, 30, 40), notUnsubscribed());

        merges.onEvent(merged("m-2", 30, 40));         // the tags first
        assertEquals(List.of(10, 30, 40), notUnsubscribed(), "untagged but not merged yet");
        customers.onEvent(merged("m-2", 30, 40));
        assertEquals(List.of(10, 30), notUnsubscribed());
        assertEquals(0, tagging.count("NOT tag:VIP AND NOT tag:unsubscribed"));

        tagging.awaitReconciled();
        assertEquals(List.of(10, 30), notUnsubscribed(), "the re-read agrees");
    }

    @Test
    void shouldKeepATaggedCustomerInTheUniverseWhenItLosesItsTags() {
        tagging.assign(5, "VIP", "manual", "alice");
        tagging.unassign(5, "VIP", "bob");
        assertEquals(List.of(5), notUnsubscribed());
        tagging.awaitReconciled();
        assertEquals(List.of(5), notUnsubscribed());
    }

    @Test
    void shouldLeaveTheUniverseAsItWasWhenTheTransactionRollsBack() {
        customers.onEvent(created("c-2", 2));

        assertThrows(IllegalStateException.class, () -> unit.inTransaction(em -> {
            customers.onEvent(created("c-3", 3));
            customers.onEvent(merged("m-1", 1, 2));
            tagging.assign(4, "VIP", "manual", "alice");
            assertEquals(List.of(2), notUnsubscribed(), "nothing is visible before the commit");
            throw new IllegalStateException("the caller fails");
        }));
        assertEquals(List.of(2), notUnsubscribed());
        tagging.awaitReconciled();
        assertEquals(List.of(2), notUnsubscribed(), "the re-read after the rollback agrees");

        customers.onEvent(created("c-3", 3));          // redelivered: the rollback forgot it was seen
        assertEquals(List.of(2, 3), notUnsubscribed());
    }

    @Test
    void shouldRebuildTheUniverseFromTheDatabase() {
        customers.onEvent(created("c-2", 2));
        customers.onEvent(created("c-3", 3));
        customers.onEvent(merged("m-1", 2, 3));
        tagging.assign(5, "VIP", "manual", "alice");
        tagging.unassign(5, "VIP", "bob");

        Tagging restarted = new Tagging(unit, bus, Clock.systemUTC());
        try {
            assertEquals(List.of(2, 5), list(restarted.members("NOT tag:unsubscribed")));
            assertEquals(3, restarted.count("NOT tag:VIP"));
        } finally {
            restarted.deactivate();
        }
    }

    @Test
    void shouldIgnoreOtherTypesAndRefuseAMalformedEvent() {
        customers.onEvent(new Event(1, "x-1", "customer.updated", "identity", 9, T0, "{}"));
        assertEquals(0, tagging.count("NOT tag:unsubscribed"));
        assertEquals("customer.merged: field 'merged' is missing or not a whole number",
                assertThrows(IllegalArgumentException.class,
                        () -> customers.onEvent(new Event(1, "m-9", "customer.merged", "identity", 2, T0,
                                "{\"survivor\":2}"))).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> customers.onEvent(new Event(1, "c-9", "customer.created", "identity", null, T0, "{}")));
    }
}
