package org.siyu.kernel.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.events.Event;
import org.siyu.api.identity.Customer;
import org.siyu.api.identity.Merge;
import org.siyu.api.identity.Resolution;
import org.siyu.kernel.identity.internal.store.IdentityEntities;
import org.siyu.testkit.TestPersistenceUnit;

/** OneID against the real migration in H2: creating, linking, merging and its rules. */
class OneIdTest {

    private static TestPersistenceUnit unit;

    private final RecordingBus bus = new RecordingBus();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
    private OneId oneId;

    @BeforeAll
    static void open() {
        unit = TestPersistenceUnit.inMemory(new IdentityEntities());
    }

    @AfterAll
    static void close() {
        unit.close();
    }

    @BeforeEach
    void empty() throws Exception {
        Fixtures.empty(unit);
        oneId = new OneId(unit, bus, Fixtures.channels(), Fixtures.config(3, 5), clock);
    }

    private Resolution resolve(String... identities) {
        return oneId.resolve(List.of(identities), Map.of());
    }

    private List<String> identitiesOf(int customer) {
        return oneId.customer(customer).orElseThrow().identities().stream().sorted().toList();
    }

    @Test
    void shouldCreateACustomerWithAttributionAndAnnounceIt() {
        Resolution r = oneId.resolve(List.of("wecom:wmE1", "phone:138 0000 0000"),
                Map.of("name", "小王", "campaign", "double-11", "owner", "guide-7"));

        assertTrue(r.created());
        assertEquals(List.of(), r.merged());
        Customer c = oneId.customer(r.customerId()).orElseThrow();
        assertEquals(List.of("phone:+8613800000000", "wecom:wmE1"), c.identities()); // by link time, then name
        assertEquals(Map.of("name", "小王"), c.traits());
        assertEquals("wecom", c.firstChannel());
        assertEquals("double-11", c.campaign());
        assertEquals("guide-7", c.owner());
        assertEquals(0, c.mergedInto());
        assertEquals(clock.instant(), c.createdAt());
        assertEquals(1, oneId.count());
        assertEquals(OptionalInt.of(r.customerId()), oneId.find("phone:+86 138-0000-0000"));

        Event created = bus.ofType("customer.created").getFirst();
        assertEquals(r.customerId(), created.subject());
        assertEquals("identity", created.source());
        assertEquals("{\"identities\":[\"wecom:wmE1\",\"phone:+8613800000000\"],\"channel\":\"wecom\"}", created.data());
    }

    @Test
    void shouldLinkNewIdentitiesToTheCustomerOfTheKnownOne() {
        int id = resolve("wecom:wmE1").customerId();

        Resolution r = resolve("wecom:wmE1", "tmall:小王的店");

        assertEquals(new Resolution(id, false, List.of()), r);
        assertEquals(List.of("tmall:小王的店", "wecom:wmE1"), identitiesOf(id));
        assertEquals(1, bus.ofType("customer.created").size());
    }

    @Test
    void shouldAnswerAKnownCustomerWithoutWriting() {
        int id = resolve("wecom:wmE1", "mini:o1").customerId();
        bus.clear();

        assertEquals(new Resolution(id, false, List.of()), resolve("mini:o1", "wecom:wmE1"));
        assertEquals(List.of(), bus.events());
    }

    @Test
    void shouldMergeTwoCustomersThatShareAUnionid() {
        int a = resolve("mini:o1", "wechat:o6_bmasdasdsad6_2sgVt7hMZOPfL").customerId();
        int b = resolve("wecom:wmE2").customerId();

        Resolution r = resolve("wecom:wmE2", "wechat:o6_bmasdasdsad6_2sgVt7hMZOPfL");

        assertEquals(new Resolution(a, false, List.of(b)), r);
        assertEquals(List.of("mini:o1", "wechat:o6_bmasdasdsad6_2sgVt7hMZOPfL", "wecom:wmE2"), identitiesOf(a));
        assertEquals(List.of(), identitiesOf(b));
        assertEquals(a, oneId.customer(b).orElseThrow().mergedInto());
        assertEquals(OptionalInt.of(a), oneId.find("wecom:wmE2"));
        assertEquals(1, oneId.count());

        Merge merge = oneId.merges(a).getFirst();
        assertEquals(a, merge.survivor());
        assertEquals(b, merge.merged());
        assertEquals("shared-wechat", merge.rule());
        assertEquals("wechat:o6_b****OPfL", merge.evidence());
        assertEquals("oneid", merge.actor());
        assertFalse(merge.undone());
        assertEquals(List.of(merge), oneId.merges(b));

        Event merged = bus.ofType("customer.merged").getFirst();
        assertEquals(a, merged.subject());
        assertEquals("{\"survivor\":" + a + ",\"merged\":" + b + ",\"mergeId\":" + merge.id()
                + ",\"rule\":\"shared-wechat\"}", merged.data());
    }

    @Test
    void shouldMergeByAVerifiedPhoneWrittenAnotherWay() {
        int a = resolve("tmall:t1", "phone:13800000000").customerId();
        int b = resolve("jd:jd_pin_1").customerId();

        Resolution r = resolve("jd:jd_pin_1", "phone:+86 138-0000-0000");

        assertEquals(new Resolution(a, false, List.of(b)), r);
        Merge merge = oneId.merges(a).getFirst();
        assertEquals("shared-phone", merge.rule());
        assertEquals("phone:+86138****0000", merge.evidence());
    }

    @Test
    void shouldMergeIntoTheLowestIdWhicheverCustomerHoldsTheKey() {
        int a = resolve("tmall:t1").customerId();
        int b = resolve("wechat:oUnion0002").customerId();

        Resolution r = resolve("wechat:oUnion0002", "tmall:t1");

        assertEquals(new Resolution(a, false, List.of(b)), r);
        assertEquals(List.of("tmall:t1", "wechat:oUnion0002"), identitiesOf(a));
    }

    @Test
    void shouldMergeThreeCustomersInOneResolution() {
        int a = resolve("phone:13800000000").customerId();
        int b = resolve("wechat:oUnion0003").customerId();
        int c = resolve("wecom:wmE3").customerId();

        Resolution r = resolve("wecom:wmE3", "phone:13800000000", "wechat:oUnion0003", "douyin:dy1");

        assertEquals(new Resolution(a, false, List.of(b, c)), r);
        assertEquals(List.of("douyin:dy1", "phone:+8613800000000", "wechat:oUnion0003", "wecom:wmE3"), identitiesOf(a));
        assertEquals(1, oneId.count());
        assertEquals(2, bus.ofType("customer.merged").size());
        assertEquals(List.of("shared-phone", "shared-wechat"), oneId.merges(a).stream().map(Merge::rule).toList());
    }

    @Test
    void shouldNotMergeCustomersThatShareNoMergeKey() {
        int a = resolve("wecom:wmE4").customerId();
        int b = resolve("tmall:t4").customerId();

        Resolution r = resolve("tmall:t4", "wecom:wmE4", "jd:j4");

        assertEquals(new Resolution(b, false, List.of()), r);
        assertEquals(List.of("wecom:wmE4"), identitiesOf(a));
        assertEquals(List.of("jd:j4", "tmall:t4"), identitiesOf(b));
        assertEquals(2, oneId.count());
    }

    @Test
    void shouldNotMergeThroughANewMergeKey() {
        int a = resolve("wecom:wmE5").customerId();
        int b = resolve("tmall:t5").customerId();

        Resolution r = resolve("wecom:wmE5", "tmall:t5", "wechat:oUnion0005");

        assertEquals(new Resolution(a, false, List.of()), r);
        assertEquals(OptionalInt.of(a), oneId.find("wechat:oUnion0005"));
        // the next time the unionid shows up with b's identity, it is a shared key
        assertEquals(new Resolution(a, false, List.of(b)), resolve("tmall:t5", "wechat:oUnion0005"));
    }

    @Test
    void shouldStopMergingThroughAnIdentityClaimedByTooManyCustomers() {
        int holder = resolve("phone:13900000000", "wecom:shop").customerId();
        int[] c = new int[5];
        for (int i = 1; i <= 4; i++) {
            c[i] = resolve("wecom:visitor" + i).customerId();
        }

        // threshold 3: the holder and two more customers may merge through the phone
        assertEquals(List.of(c[1]), resolve("wecom:visitor1", "phone:13900000000").merged());
        assertEquals(List.of(c[2]), resolve("wecom:visitor2", "phone:13900000000").merged());
        Outcome third = oneId.resolveReporting(List.of("wecom:visitor3", "phone:13900000000"), Map.of());

        assertEquals(new Resolution(c[3], false, List.of()), third.resolution());
        assertEquals(List.of("phone:+86139****0000"), third.poison());
        assertEquals(List.of("wecom:visitor3"), identitiesOf(c[3]));
        assertEquals(OptionalInt.of(holder), oneId.find("phone:13900000000"));
        Event poisoned = bus.ofType("identity.poisoned").getFirst();
        assertEquals(holder, poisoned.subject());
        assertEquals("{\"identity\":\"phone:+86139****0000\",\"claims\":4}", poisoned.data());

        // once poison, always poison; and it brings no new identity to its holder
        assertEquals(new Resolution(c[4], false, List.of()), resolve("wecom:visitor4", "phone:13900000000"));
        Resolution fresh = resolve("phone:13900000000", "wecom:visitor5");
        assertTrue(fresh.created());
        assertEquals(List.of("wecom:visitor5"), identitiesOf(fresh.customerId()));
        // alone, it still finds its holder
        assertEquals(new Resolution(holder, false, List.of()), resolve("phone:13900000000"));
        assertEquals(1, bus.ofType("identity.poisoned").size());
    }

    @Test
    void shouldCountAnotherPersonsNewIdentitiesWithASharedKeyAsAClaim() {
        int holder = resolve("phone:13900000000", "wecom:shop").customerId();

        // the shop's phone with a new WeCom contact: the holder has one already, so this is someone else
        Resolution first = resolve("phone:13900000000", "wecom:visitor1");
        Resolution second = resolve("phone:13900000000", "wecom:visitor2");

        assertEquals(holder, first.customerId());
        assertFalse(first.created());
        assertEquals(1, first.merged().size());
        Merge merge = oneId.merges(holder).stream().filter(m -> m.merged() == first.merged().getFirst())
                .findFirst().orElseThrow();
        assertEquals("shared-phone", merge.rule());
        assertEquals(List.of("phone:+8613900000000", "wecom:shop", "wecom:visitor1", "wecom:visitor2"),
                identitiesOf(holder));
        assertEquals(2, bus.ofType("customer.merged").size());

        // the fourth claimant: the phone is poison and the visitor keeps a customer of its own
        Outcome third = oneId.resolveReporting(List.of("phone:13900000000", "wecom:visitor3"), Map.of());
        assertTrue(third.resolution().created());
        assertEquals(List.of(), third.resolution().merged());
        assertEquals(List.of("phone:+86139****0000"), third.poison());
        assertEquals(List.of("wecom:visitor3"), identitiesOf(third.resolution().customerId()));
        assertEquals(OptionalInt.of(holder), oneId.find("phone:13900000000"));
        assertEquals("{\"identity\":\"phone:+86139****0000\",\"claims\":4}",
                bus.ofType("identity.poisoned").getFirst().data());
        // merges through it are undoable like any other
        oneId.undoMerge(merge.id(), "alice");
        assertEquals(List.of("wecom:visitor1"), identitiesOf(first.merged().getFirst()));
    }

    @Test
    void shouldStillLinkAPersonsNewChannelThroughTheirPhone() {
        int a = resolve("phone:13800000000", "wecom:wmA").customerId();

        assertEquals(new Resolution(a, false, List.of()), resolve("phone:13800000000", "mini:oA", "tmall:tA"));
        assertEquals(new Resolution(a, false, List.of()), resolve("phone:13800000000", "wechat:oUnionA"));
        assertEquals(List.of("mini:oA", "phone:+8613800000000", "tmall:tA", "wechat:oUnionA", "wecom:wmA"),
                identitiesOf(a));
        assertEquals(List.of(), bus.ofType("customer.merged"));
        // a known non-merge identity says who it is: no claim even with a second contact of a known channel
        assertEquals(new Resolution(a, false, List.of()), resolve("wecom:wmA", "phone:13800000000", "mini:oA2"));
        assertEquals(1, bus.ofType("customer.created").size());
    }

    @Test
    void shouldAnswerAKnownRecordWithAnotherCustomersPoisonKeyFromTheIndex() {
        int holder = resolve("phone:13900000000", "wecom:shop").customerId();
        int[] c = new int[4];
        for (int i = 1; i <= 3; i++) {
            c[i] = resolve("wecom:visitor" + i).customerId();
            resolve("wecom:visitor" + i, "phone:13900000000");
        }
        assertEquals(1, bus.ofType("identity.poisoned").size());
        bus.clear();

        Outcome known = oneId.resolveReporting(List.of("wecom:visitor3", "phone:13900000000"), Map.of());

        assertEquals(new Resolution(c[3], false, List.of()), known.resolution());
        assertEquals(List.of("phone:+86139****0000"), known.poison());
        assertEquals(List.of(), bus.events());
        // only poison keys: their holder, as the write path answers
        assertEquals(new Resolution(holder, false, List.of()), resolve("phone:13900000000"));
        // the poison keys are loaded with the index
        OneId restarted = new OneId(unit, bus, Fixtures.channels(), Fixtures.config(3, 5), clock);
        assertEquals(c[3], restarted.index().customerOfAll(List.of(
                new org.siyu.kernel.identity.internal.channel.Identity("wecom", "visitor3", false),
                new org.siyu.kernel.identity.internal.channel.Identity("phone", "+8613900000000", true))));
        assertEquals(List.of(), bus.events());
    }

    @Test
    void shouldUndoNestedMergesExactlyAndAnnounceIt() {
        int a = resolve("phone:13700000000", "wecom:a").customerId();
        int b = resolve("wechat:oUnionB", "mini:b").customerId();
        int c = resolve("tmall:c").customerId();
        assertEquals(List.of(c), resolve("tmall:c", "wechat:oUnionB").merged());      // c into b
        assertEquals(List.of(b), resolve("wechat:oUnionB", "phone:13700000000").merged()); // b into a
        long intoB = oneId.merges(c).getFirst().id();
        long intoA = oneId.merges(b).getFirst().id();
        assertEquals(List.of("mini:b", "phone:+8613700000000", "tmall:c", "wechat:oUnionB", "wecom:a"), identitiesOf(a));

        IllegalStateException later = assertThrows(IllegalStateException.class, () -> oneId.undoMerge(intoB, "ops"));
        assertTrue(later.getMessage().contains("undo that merge first"), later.getMessage());

        oneId.undoMerge(intoA, "ops");

        assertEquals(List.of("phone:+8613700000000", "wecom:a"), identitiesOf(a));
        assertEquals(List.of("mini:b", "tmall:c", "wechat:oUnionB"), identitiesOf(b));
        assertEquals(0, oneId.customer(b).orElseThrow().mergedInto());
        assertEquals(b, oneId.customer(c).orElseThrow().mergedInto());
        assertEquals(2, oneId.count());
        assertEquals(OptionalInt.of(b), oneId.find("tmall:c"));
        Event unmerged = bus.ofType("customer.unmerged").getFirst();
        assertEquals(a, unmerged.subject());
        assertEquals("{\"survivor\":" + a + ",\"merged\":" + b + ",\"mergeId\":" + intoA + "}", unmerged.data());
        assertTrue(oneId.merges(a).getFirst().undone());

        oneId.undoMerge(intoB, "ops");

        assertEquals(List.of("mini:b", "wechat:oUnionB"), identitiesOf(b));
        assertEquals(List.of("tmall:c"), identitiesOf(c));
        assertEquals(3, oneId.count());
        assertIndexMatchesDatabase();

        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> oneId.undoMerge(intoA, "ops"));
        assertTrue(twice.getMessage().contains("already undone"), twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> oneId.undoMerge(999_999, "ops"));
    }

    @Test
    void shouldNotMergeAgainWhatAnOperatorSeparated() {
        int a = resolve("phone:13600000000").customerId();
        int b = resolve("wecom:b6").customerId();
        resolve("wecom:b6", "phone:13600000000");
        oneId.undoMerge(oneId.merges(a).getFirst().id(), "ops");

        Resolution again = resolve("wecom:b6", "phone:13600000000");

        assertEquals(List.of(), again.merged());
        assertEquals(2, oneId.count());
        assertEquals(List.of("wecom:b6"), identitiesOf(b));
    }

    @Test
    void shouldKeepTraitsCurrentAndAttributionFirstTouch() {
        int id = oneId.resolve(List.of("wecom:t1"), Map.of("name", "A", "campaign", "c1")).customerId();

        oneId.resolve(List.of("wecom:t1"), Map.of("name", "B", "city", "上海", "campaign", "c2", "owner", "g1"));

        Customer c = oneId.customer(id).orElseThrow();
        assertEquals(Map.of("name", "B", "city", "上海"), c.traits());
        assertEquals("c1", c.campaign());
        assertEquals("g1", c.owner());
    }

    @Test
    void shouldShowAMergedCustomersTraitsWhereTheSurvivorHasNone() {
        int a = oneId.resolve(List.of("phone:13500000000"), Map.of("name", "A")).customerId();
        oneId.resolve(List.of("wecom:t2"), Map.of("name", "B", "city", "杭州"));

        oneId.resolve(List.of("wecom:t2", "phone:13500000000"), Map.of());

        assertEquals(Map.of("name", "A", "city", "杭州"), oneId.customer(a).orElseThrow().traits());
    }

    @Test
    void shouldRefuseBadInputNamingIt() {
        assertEquals("at least one identity is required",
                assertThrows(IllegalArgumentException.class, () -> oneId.resolve(List.of(), Map.of())).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> resolve("wecom:ok", "nocolon"))
                .getMessage().contains("'nocolon'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> resolve("fax:123"))
                .getMessage().contains("unknown channel 'fax'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> resolve("phone:12345"))
                .getMessage().startsWith("identity 'phone:12345' is refused"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> oneId.resolve(List.of("wecom:x"), Map.of("name", " "))).getMessage().contains("'name'"));
        assertEquals(0, oneId.count());
    }

    @Test
    void shouldLoadTheIndexWhenActivated() {
        int a = resolve("wecom:i1", "mini:i2").customerId();

        OneId restarted = new OneId(unit, bus, Fixtures.channels(), Fixtures.config(3, 5), clock);

        assertEquals(2, restarted.indexed());
        assertEquals(a, restarted.indexed("mini:i2"));
        assertEquals(new Resolution(a, false, List.of()), restarted.resolve(List.of("wecom:i1"), Map.of()));
    }

    private void assertIndexMatchesDatabase() {
        IndexCheck.assertMatches(unit, oneId);
    }
}
