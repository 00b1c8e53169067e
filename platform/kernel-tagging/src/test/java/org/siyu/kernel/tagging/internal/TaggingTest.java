package org.siyu.kernel.tagging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.PrimitiveIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.events.Event;
import org.siyu.api.tags.SegmentSyntaxException;
import org.siyu.api.tags.TagAssignment;
import org.siyu.api.tags.TagInfo;
import org.siyu.testkit.TestPersistenceUnit;

class TaggingTest {

    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

    private final TestPersistenceUnit unit = TestPersistenceUnit.of(new TaggingEntities());
    private final FakeEventBus bus = new FakeEventBus();
    private final Tagging tagging = new Tagging(unit, bus, Clock.fixed(T0, ZoneOffset.UTC));

    @AfterEach
    void close() {
        tagging.deactivate();
        unit.close();
    }

    private static List<Integer> list(PrimitiveIterator.OfInt it) {
        List<Integer> ids = new ArrayList<>();
        it.forEachRemaining((int i) -> ids.add(i));
        return ids;
    }

    @Test
    void shouldStartWithTheSeededSystemTagsAndNoCustomers() {
        List<TagInfo> tags = tagging.list();
        assertTrue(tags.contains(new TagInfo("lifecycle.new", "lifecycle", true, 0)), tags.toString());
        assertTrue(tags.contains(new TagInfo("reach.owned", "reach", true, 0)), tags.toString());
        assertTrue(tags.contains(new TagInfo("rfm.important-value", "rfm", true, 0)), tags.toString());
        assertEquals(7 + 15 + 8, tags.size(), "lifecycle and reach; R, F, M 1-5; the eight RFM segments");
        assertEquals("新客", tagging.tag("lifecycle.new").orElseThrow().title("zh"));
        assertEquals(0, tagging.count("NOT tag:reach.owned"));
    }

    @Test
    void shouldAssignATagAndTellWhy() {
        assertTrue(tagging.assign(42, "VIP", "manual", "alice"));
        assertTrue(tagging.assign(42, "reach.owned", "system", "evt-1"));

        List<TagAssignment> why = tagging.tags(42);
        assertEquals(List.of(
                new TagAssignment("VIP", "default", "manual", "alice", T0),
                new TagAssignment("reach.owned", "reach", "system", "evt-1", T0)), why);
        assertEquals(1, tagging.count("tag:VIP"));
        assertTrue(tagging.list().contains(new TagInfo("VIP", "default", false, 1)));
    }

    @Test
    void shouldKeepEverySourceOfATagAndChangeNothingForARepeat() {
        assertTrue(tagging.assign(7, "猫主人", "import", "pets.csv row 3"));
        assertFalse(tagging.assign(7, "猫主人", "rule:5", "evt-9"), "not new: the customer had it");
        assertFalse(tagging.assign(7, "猫主人", "import", "pets.csv row 3"), "same source: nothing");

        assertEquals(List.of("import", "rule:5"), tagging.tags(7).stream().map(TagAssignment::source).sorted().toList());
        assertEquals(1, tagging.count("tag:猫主人"));
        assertEquals(2, bus.ofType("tag.assigned").size(), "one event per new assignment");
    }

    @Test
    void shouldPublishTagEventsAboutTheCustomer() {
        tagging.assign(42, "VIP", "manual", "alice");
        tagging.unassign(42, "VIP", "bob");

        Event assigned = bus.ofType("tag.assigned").getFirst();
        assertEquals(42, assigned.subject());
        assertEquals("tagging", assigned.source());
        assertEquals("{\"tag\":\"VIP\",\"group\":\"default\",\"source\":\"manual\",\"evidence\":\"alice\",\"first\":true}",
                assigned.data());
        Event removed = bus.ofType("tag.removed").getFirst();
        assertEquals(42, removed.subject());
        assertEquals("{\"tag\":\"VIP\",\"group\":\"default\",\"sources\":[\"manual\"],\"actor\":\"bob\"}", removed.data());
    }

    @Test
    void shouldUnassignEverySource() {
        tagging.assign(1, "VIP", "manual", "alice");
        tagging.assign(1, "VIP", "import", "vip.csv row 1");
        tagging.assign(2, "VIP", "manual", "alice");

        assertTrue(tagging.unassign(1, "VIP", "bob"));
        assertFalse(tagging.unassign(1, "VIP", "bob"), "no longer has it");
        assertFalse(tagging.unassign(1, "never-created", "bob"));

        assertEquals(List.of(), tagging.tags(1));
        assertEquals(List.of(2), list(tagging.members("tag:VIP")));
        assertEquals(1, tagging.count("tag:VIP"));
    }

    @Test
    void shouldLeaveBitmapsAndRowsAsTheyWereWhenTheCallersTransactionRollsBack() {
        tagging.assign(1, "VIP", "manual", "alice");

        RuntimeException failure = assertThrows(RuntimeException.class, () -> unit.inTransaction(em -> {
            tagging.assign(2, "VIP", "manual", "alice");      // joins the caller's transaction
            tagging.assign(3, "新标签", "manual", "alice");     // creates a tag in it
            tagging.unassign(1, "VIP", "alice");
            assertEquals(1, tagging.count("tag:VIP"), "nothing is visible before the commit");
            throw new IllegalStateException("the caller fails after tagging");
        }));
        assertEquals("the caller fails after tagging", failure.getMessage());

        assertEquals(List.of(1), list(tagging.members("tag:VIP")));
        assertThrows(SegmentSyntaxException.class, () -> tagging.count("tag:新标签"), "the tag was rolled back too");
        assertEquals(1, tagging.tags(1).size());
        assertEquals(List.of(), tagging.tags(2));
        tagging.awaitReconciled();
        assertEquals(List.of(1), list(tagging.members("tag:VIP")), "the re-read after the rollback agrees");
    }

    @Test
    void shouldApplyTheChangesOfTheCallersTransactionWhenItCommits() {
        unit.inTransaction(em -> {
            tagging.assign(2, "VIP", "manual", "alice");
            tagging.assign(3, "VIP", "manual", "alice");
            tagging.unassign(2, "VIP", "alice");
            tagging.assign(2, "VIP", "import", "x.csv row 2");
            assertEquals(0, tagging.count("tag:reach.owned OR NOT tag:reach.owned"), "not before the commit");
            return null;
        });
        assertEquals(List.of(2, 3), list(tagging.members("tag:VIP")));
    }

    @Test
    void shouldRebuildTheBitmapsFromTheDatabase() {
        tagging.assign(1, "VIP", "manual", "alice");
        tagging.assign(2, "VIP", "manual", "alice");
        tagging.assign(2, "猫主人", "manual", "alice");
        tagging.assign(3, "猫主人", "manual", "alice");

        Tagging restarted = new Tagging(unit, bus, Clock.systemUTC());
        try {
            assertEquals(List.of(2), list(restarted.members("tag:VIP AND tag:猫主人")));
            assertEquals(3, restarted.count("tag:VIP OR tag:猫主人"));
            assertEquals(List.of(1), list(restarted.members("NOT tag:猫主人")));
        } finally {
            restarted.deactivate();
        }
    }

    @Test
    void shouldCountAndListMembersOfAnExpression() {
        tagging.assign(1, "VIP 会员", "manual", "a");
        tagging.assign(1, "猫主人", "manual", "a");
        tagging.assign(2, "VIP 会员", "manual", "a");
        tagging.assign(2, "狗主人", "manual", "a");
        tagging.assign(3, "猫主人", "manual", "a");
        tagging.assign(3, "unsubscribed", "manual", "a");

        String expr = "tag:\"VIP 会员\" AND (tag:猫主人 OR tag:狗主人) AND NOT tag:unsubscribed";
        assertEquals(2, tagging.count(expr));
        assertEquals(List.of(1, 2), list(tagging.members(expr)));
        assertEquals(List.of(3), list(tagging.members("NOT tag:\"VIP 会员\"")));
    }

    @Test
    void shouldNameAnUnknownTagInAnExpression() {
        tagging.assign(1, "猫主人", "manual", "a");
        SegmentSyntaxException e = assertThrows(SegmentSyntaxException.class, () -> tagging.count("tag:猫主人 OR tag:狗主人"));
        assertEquals("unknown tag '狗主人' at position 15 ('狗主人')", e.getMessage());
        SegmentSyntaxException caseOnly = assertThrows(SegmentSyntaxException.class, () -> tagging.count("tag:VIP"));
        assertEquals(4, caseOnly.position());
        tagging.assign(1, "vip", "manual", "a");
        assertTrue(assertThrows(SegmentSyntaxException.class, () -> tagging.count("tag:VIP")).getMessage()
                .contains("did you mean 'vip'?"));
    }

    @Test
    void shouldRefuseBadInputNamingTheField() {
        assertEquals("tag: the name is blank",
                assertThrows(IllegalArgumentException.class, () -> tagging.assign(1, " ", "manual", "a")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> tagging.assign(1, "x".repeat(65), "manual", "a")).getMessage().contains("longer than 64"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> tagging.assign(1, "VIP", "by hand", "a")).getMessage().startsWith("source: 'by hand' must be"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> tagging.assign(0, "VIP", "manual", "a")).getMessage().startsWith("customerId"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> tagging.unassign(1, "VIP", " ")).getMessage().startsWith("actor"));
        assertTrue(tagging.assign(1, "  VIP  ", "plugin:org.siyu.live", null), "names are stripped");
        assertEquals("VIP", tagging.tags(1).getFirst().tag());
    }

    @Test
    void shouldRepairTheBitmapsFromTheDatabaseAfterACommit() {
        tagging.assign(5, "VIP", "manual", "a");
        // a change made behind the index's back (another node, SQL by hand) ...
        unit.inTransaction(em -> em.createNativeQuery("delete from tagging_assignment where customer_id = 5")
                .executeUpdate());
        assertEquals(1, tagging.count("tag:VIP"));
        // ... is picked up when the customer's tags are next touched
        tagging.assign(5, "猫主人", "manual", "a");
        tagging.awaitReconciled();
        assertEquals(0, tagging.count("tag:VIP"));
        assertEquals(1, tagging.count("tag:猫主人"));
    }
}
