package org.siyu.kernel.tagging.internal.saved;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;
import org.siyu.kernel.tagging.internal.FakeEventBus;
import org.siyu.kernel.tagging.internal.MutableClock;
import org.siyu.kernel.tagging.internal.Stores;
import org.siyu.kernel.tagging.internal.Tagging;
import org.siyu.kernel.tagging.internal.TaggingEntities;
import org.siyu.testkit.TestPersistenceUnit;

class SavedSegmentsTest {

    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

    private final TestPersistenceUnit unit = TestPersistenceUnit.of(new TaggingEntities());
    private final MutableClock clock = new MutableClock(T0);
    private final Tagging tagging = new Tagging(unit, new FakeEventBus(), clock);
    private final SavedSegments saved = new SavedSegments(tagging, clock);

    @AfterEach
    void close() {
        tagging.deactivate();
        unit.close();
    }

    @Test
    void shouldSaveListWithLiveCountsChangeAndDelete() {
        tagging.assign(1, "猫主人", "manual", "alice");
        tagging.assign(2, "猫主人", "manual", "alice");
        tagging.assign(2, "VIP", "manual", "alice");

        SavedSegment cats = saved.create(new SegmentInput(" 猫主人分群 ", "tag:猫主人", "cat owners"), "alice");
        assertEquals("猫主人分群", cats.name(), "stripped");
        assertEquals("alice", cats.createdBy());
        assertEquals(T0, cats.createdAt());
        SavedSegment vip = saved.create(new SegmentInput("VIP cats", "tag:猫主人 AND tag:VIP", null), "bob");

        List<SavedSegments.Counted> list = saved.list();
        assertEquals(List.of("VIP cats", "猫主人分群"), list.stream().map(c -> c.segment().name()).toList());
        assertEquals(List.of(1L, 2L), list.stream().map(SavedSegments.Counted::count).toList());

        tagging.assign(3, "猫主人", "manual", "alice");
        assertEquals(3, saved.counted(saved.get(cats.id()).orElseThrow()).count(), "counted live");

        clock.advance(java.time.Duration.ofHours(1));
        SavedSegment changed = saved.update(vip.id(), new SegmentInput("VIP", "tag:VIP", "all VIPs"), "carol")
                .orElseThrow();
        assertEquals("VIP", changed.name());
        assertEquals("all VIPs", changed.description());
        assertEquals("bob", changed.createdBy());
        assertEquals(T0.plusSeconds(3600), changed.updatedAt());
        assertTrue(saved.update(999, new SegmentInput("x", "tag:VIP", null), "carol").isEmpty());

        assertTrue(saved.delete(cats.id(), "alice"));
        assertFalse(saved.delete(cats.id(), "alice"));
        assertEquals(List.of("VIP"), saved.list().stream().map(c -> c.segment().name()).toList());
    }

    @Test
    void shouldRefuseBadInputNamingTheField() {
        tagging.assign(1, "VIP", "manual", "alice");
        saved.create(new SegmentInput("VIP", "tag:VIP", null), "alice");

        SegmentFieldException blank = assertThrows(SegmentFieldException.class,
                () -> saved.create(new SegmentInput("  ", "tag:VIP", null), "alice"));
        assertEquals("name: is required", blank.getMessage());
        SegmentFieldException taken = assertThrows(SegmentFieldException.class,
                () -> saved.create(new SegmentInput("VIP", "NOT tag:VIP", null), "alice"));
        assertEquals("name", taken.field());
        assertTrue(taken.conflict());
        SegmentFieldException syntax = assertThrows(SegmentFieldException.class,
                () -> saved.create(new SegmentInput("broken", "tag:VIP AND (tag:VIP", null), "alice"));
        assertEquals("expression: unclosed parenthesis at position 12 ('(')", syntax.getMessage());
        assertFalse(syntax.conflict());
        SegmentFieldException unknown = assertThrows(SegmentFieldException.class,
                () -> saved.create(new SegmentInput("dogs", "tag:狗主人", null), "alice"));
        assertEquals("expression: unknown tag '狗主人' at position 4 ('狗主人')", unknown.getMessage());
        SegmentFieldException empty = assertThrows(SegmentFieldException.class,
                () -> saved.create(new SegmentInput("empty", " ", null), "alice"));
        assertEquals("expression", empty.field());
        SegmentFieldException description = assertThrows(SegmentFieldException.class,
                () -> saved.create(new SegmentInput("long", "tag:VIP", "x".repeat(501)), "alice"));
        assertEquals("description", description.field());
        SegmentFieldException longName = assertThrows(SegmentFieldException.class,
                () -> saved.create(new SegmentInput("n".repeat(101), "tag:VIP", null), "alice"));
        assertEquals("name", longName.field());

        SavedSegment other = saved.create(new SegmentInput("other", "NOT tag:VIP", null), "alice");
        assertTrue(assertThrows(SegmentFieldException.class,
                () -> saved.update(other.id(), new SegmentInput("VIP", "tag:VIP", null), "alice")).conflict(),
                "renaming onto a taken name");
        assertEquals(2, saved.list().size(), "nothing half-saved");
        assertNull(saved.list().getFirst().error());
    }

    @Test
    void shouldCountSavedSegmentsWithinADataScope() {
        Stores.tag(tagging);
        saved.create(new SegmentInput("VIP", "tag:VIP", null), "alice");
        saved.create(new SegmentInput("非猫", "NOT tag:猫主人", null), "alice");
        RoaringBitmap shanghai = Stores.scopes().of(Stores.SH_MANAGER).within();

        assertEquals(List.of(2L, 1L), saved.list(shanghai).stream().map(SavedSegments.Counted::count).toList(),
                "VIP: 1 and 5; not a cat owner: 1 (7 is unknown to tagging, so not counted, as without a scope)");
        assertEquals(List.of(4L, 2L), saved.list().stream().map(SavedSegments.Counted::count).toList());
        assertEquals(List.of(0L, 0L), saved.list(new RoaringBitmap()).stream().map(SavedSegments.Counted::count)
                .toList(), "a closed scope counts nobody");
    }
}
