package org.siyu.kernel.tagging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.events.Event;
import org.siyu.api.tags.TagAssignment;
import org.siyu.testkit.TestPersistenceUnit;

class MergeSubscriberTest {

    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

    private final TestPersistenceUnit unit = TestPersistenceUnit.of(new TaggingEntities());
    private final Tagging tagging = new Tagging(unit, new FakeEventBus(), Clock.fixed(T0, ZoneOffset.UTC));
    private final MergeSubscriber merges = new MergeSubscriber(tagging);

    private static final int SURVIVOR = 10;
    private static final int MERGED = 20;

    @BeforeEach
    void tagBoth() {
        tagging.assign(SURVIVOR, "VIP", "manual", "alice");
        tagging.assign(SURVIVOR, "猫主人", "import", "pets.csv row 1");
        tagging.assign(MERGED, "猫主人", "import", "pets.csv row 2");   // the survivor has it from the same source
        tagging.assign(MERGED, "猫主人", "rule:1", "evt-7");            // and from another
        tagging.assign(MERGED, "狗主人", "manual", "bob");
    }

    @AfterEach
    void close() {
        tagging.deactivate();
        unit.close();
    }

    private static Event event(String id, String type, String data) {
        return new Event(1, id, type, "identity", SURVIVOR, T0, data);
    }

    private static Event merged(String id) {
        return event(id, "customer.merged", "{\"survivor\":10,\"merged\":20,\"mergeId\":77,\"rule\":\"shared-unionid\"}");
    }

    private static Event unmerged(String id) {
        return event(id, "customer.unmerged", "{\"survivor\":10,\"merged\":20,\"mergeId\":77}");
    }

    private List<TagAssignment> tags(int customer) {
        return tagging.tags(customer).stream()
                .sorted(Comparator.comparing(TagAssignment::tag).thenComparing(TagAssignment::source)).toList();
    }

    @Test
    void shouldMoveTheMergedCustomersTagsToTheSurvivorWithTheirWhy() {
        merges.onEvent(merged("m-1"));

        assertEquals(List.of(), tagging.tags(MERGED));
        assertEquals(List.of(
                new TagAssignment("VIP", "default", "manual", "alice", T0),
                new TagAssignment("狗主人", "default", "manual", "bob", T0),
                new TagAssignment("猫主人", "default", "import", "pets.csv row 1", T0),
                new TagAssignment("猫主人", "default", "rule:1", "evt-7", T0)), tags(SURVIVOR));
        assertEquals(1, tagging.count("tag:狗主人"));
        assertEquals(1, tagging.count("tag:猫主人"));
        assertEquals(1, tagging.count("tag:VIP OR tag:狗主人 OR tag:猫主人"), "only the survivor is left");
    }

    @Test
    void shouldRestoreExactlyWhatTheMergeMovedWhenItIsUndone() {
        List<TagAssignment> survivorBefore = tags(SURVIVOR);
        List<TagAssignment> mergedBefore = tags(MERGED);

        merges.onEvent(merged("m-1"));
        merges.onEvent(unmerged("u-1"));

        assertEquals(survivorBefore, tags(SURVIVOR));
        assertEquals(mergedBefore, tags(MERGED));
        assertEquals(2, tagging.count("tag:猫主人"));
        assertEquals(1, tagging.count("tag:狗主人 AND NOT tag:VIP"));
    }

    @Test
    void shouldApplyARepeatedEventOnce() {
        merges.onEvent(merged("m-1"));
        merges.onEvent(unmerged("u-1"));
        merges.onEvent(merged("m-1"));   // a redelivery of the merge after its undo must not merge again
        merges.onEvent(unmerged("u-1"));

        assertEquals(3, tags(MERGED).size());
        assertEquals(2, tagging.count("tag:猫主人"));
    }

    @Test
    void shouldIgnoreOtherCustomerEventsAndRefuseAMalformedOne() {
        merges.onEvent(event("c-1", "customer.created", "{}"));
        assertEquals(3, tags(MERGED).size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> merges.onEvent(event("m-2", "customer.merged", "{\"survivor\":10}")));
        assertEquals("customer.merged: field 'merged' is missing or not a whole number", e.getMessage());
    }
}
