package org.siyu.kernel.identity.internal.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.identity.Merge;
import org.siyu.kernel.identity.internal.Fixtures;
import org.siyu.kernel.identity.internal.OneId;
import org.siyu.kernel.identity.internal.RecordingBus;
import org.siyu.kernel.identity.internal.store.IdentityEntities;
import org.siyu.support.jobs.Jobs;
import org.siyu.testkit.TestPersistenceUnit;

/** The graph check over what OneID stored: which merges were made through keys that are poison now. */
class GraphCheckTest {

    private static TestPersistenceUnit unit;
    private OneId oneId;

    @BeforeAll
    static void open() {
        unit = TestPersistenceUnit.of(new IdentityEntities()); // PostgreSQL with -Dsiyu.test.postgres
    }

    @AfterAll
    static void close() {
        unit.close();
    }

    @BeforeEach
    void empty() throws Exception {
        Fixtures.empty(unit);
        oneId = new OneId(unit, new RecordingBus(), Fixtures.channels(), Fixtures.config(3, 5));
    }

    private int resolve(String... identities) {
        return oneId.resolve(List.of(identities), Map.of()).customerId();
    }

    private GraphCheck.Result check() {
        return checked().result();
    }

    private GraphCheck.Checked checked() {
        return unit.inTransaction(em -> GraphCheck.run(em, 3, Jobs.NO_PROGRESS));
    }

    @Test
    void shouldFindNothingWhereNoKeyIsPoison() {
        int a = resolve("phone:13800000000", "wecom:a");
        int b = resolve("wecom:b");
        resolve("wecom:b", "phone:13800000000");

        GraphCheck.Result result = check();

        assertEquals(1, result.claimedKeys());
        assertEquals(1, result.merges());
        assertEquals(0, result.mergesThroughPoison());
        assertEquals(List.of(), result.suspects());
        assertEquals(0, result.poisonRebuilt());
        assertEquals(0, result.apartNow());
        assertTrue(oneId.customer(b).orElseThrow().mergedInto() == a);
    }

    @Test
    void shouldListTheMergesMadeThroughAKeyBeforeItTurnedPoison() {
        // the shop's phone first joins the shop's customer to another through a unionid, so its link was brought
        // by a merge: the rebuild must find its original holder through brought_by_merge
        int z = resolve("wechat:oUnionZ", "tmall:z");
        int shop = resolve("phone:13900000000", "wecom:shop");
        resolve("wecom:shop", "wechat:oUnionZ");
        int[] visitor = new int[4];
        for (int i = 1; i <= 3; i++) {
            visitor[i] = resolve("wecom:visitor" + i);
            resolve("wecom:visitor" + i, "phone:13900000000");
        }
        List<Merge> merges = oneId.merges(z);
        Set<Integer> mergedIntoZ = merges.stream().map(Merge::merged).collect(Collectors.toSet());
        assertEquals(Set.of(shop, visitor[1], visitor[2]), mergedIntoZ);

        GraphCheck.Result result = check();

        assertEquals(3, result.merges());
        assertEquals(2, result.mergesThroughPoison());
        assertEquals(1, result.customersAffected());
        assertEquals(1, result.poisonNow());
        assertEquals(1, result.poisonRebuilt());
        assertEquals(List.of(), result.newlyPoison());
        assertEquals(List.of(visitor[2], visitor[1]), result.suspects().stream().map(GraphCheck.SuspectMerge::merged)
                .toList());
        GraphCheck.SuspectMerge suspect = result.suspects().getFirst();
        assertEquals(z, suspect.survivor());
        assertEquals(z, suspect.customerNow());
        assertEquals("shared-phone", suspect.rule());
        assertEquals(List.of("phone:+86139****0000"), suspect.poisonKeys());
        assertEquals(0, result.unresolved());

        // an operator undoes one: it is no longer listed, and the rebuild joins nothing that is apart now
        oneId.undoMerge(suspect.mergeId(), "alice");
        GraphCheck.Result after = check();
        assertEquals(1, after.mergesThroughPoison());
        assertEquals(visitor[1], after.suspects().getFirst().merged());
        assertEquals(0, after.apartNow());
    }

    @Test
    void shouldCountCustomersTheRebuildJoinsButAnOperatorSeparated() {
        int a = resolve("phone:13700000000");
        resolve("wecom:b");
        resolve("wecom:b", "phone:13700000000");
        long merge = oneId.merges(a).getFirst().id();
        oneId.undoMerge(merge, "alice");

        GraphCheck.Result result = check();

        assertEquals(0, result.merges());
        assertEquals(0, result.mergesThroughPoison());
        assertEquals(1, result.apartNow());
    }

    @Test
    void shouldRunAsAJobAndKeepTheLastResult() throws Exception {
        GraphChecks checks = new GraphChecks(unit, new Jobs(null), () -> 3, oneId);
        resolve("phone:13900000000", "wecom:shop");
        for (int i = 1; i <= 4; i++) {
            resolve("phone:13900000000", "wecom:visitor" + i);
        }

        var run = checks.start("alice", "Identity graph check").orElseThrow();
        String summary = run.done().get(30, java.util.concurrent.TimeUnit.SECONDS);

        assertEquals("2 merges through keys that are poison now (1 customers), 0 identities linked through them "
                + "(0 link groups), 1 poison keys in the rebuild (1 flagged), 1 claimed keys, 2 merges checked",
                summary);
        assertEquals(2, checks.last().orElseThrow().mergesThroughPoison());
        assertEquals("alice", checks.current().orElseThrow().actor());
    }

    /** Makes the shop's phone poison: three visitors present it with a contact of their own (two merges, then poison). */
    private int[] poisonTheShopPhone() {
        int[] visitor = new int[4];
        for (int i = 1; i <= 3; i++) {
            visitor[i] = resolve("wecom:visitor" + i);
            resolve("wecom:visitor" + i, SHOP_PHONE);
        }
        return visitor;
    }

    private static final String SHOP_PHONE = "phone:13900000000";
    /** As OneID stores it. */
    private static final String SHOP_KEY = "phone:+8613900000000";

    private String linkColumn(String identity, String column) {
        return unit.inTransaction(em -> (String) em.createNativeQuery("select " + column
                + " from identity_link where identity = ?1").setParameter(1, identity).getSingleResult());
    }

    @Test
    void shouldListAMergeWhoseCustomerWasInTheCallOnlyThroughAKeyThatIsPoisonNow() {
        // a visitor gave the shop's phone first; then a customer presents it with her own phone: both claim both keys
        int customer = resolve("phone:13700000001", "mini:her");
        int visitor = resolve("phone:13700000002", SHOP_PHONE);
        assertEquals(customer, resolve("phone:13700000001", SHOP_PHONE));
        assertEquals(customer, oneId.customer(visitor).orElseThrow().mergedInto());
        poisonTheShopPhone();

        GraphCheck.Result result = check();

        // the visitor claimed her phone only because it held the shop's phone in that call: that claim joins nothing
        GraphCheck.SuspectMerge merge = result.suspects().stream().filter(m -> m.merged() == visitor).findFirst()
                .orElseThrow(() -> new AssertionError(result.suspects().toString()));
        assertEquals(customer, merge.survivor());
        assertEquals(List.of("phone:+86139****0000"), merge.poisonKeys());
        assertEquals(1, result.poisonRebuilt(), "her claim of the shop's phone counts: she presented it");
        oneId.undoMerge(merge.mergeId(), "alice");
        assertEquals(visitor, oneId.find("phone:13700000002").orElseThrow());
        assertEquals(customer, oneId.find("phone:13700000001").orElseThrow());
    }

    @Test
    void shouldListAPersonsCustomersThatUndoingLeftApartToJoinAgain() {
        int shop = resolve(SHOP_PHONE, "wecom:shop");
        // x gives the shop's phone with her own: a customer of her own (she brings a second phone), merged into the shop
        assertEquals(shop, resolve("phone:13700000009", SHOP_PHONE));
        // x again with a WeCom contact: the shop has one, so another customer of her own, merged through her phone
        assertEquals(shop, resolve("phone:13700000009", "wecom:x"));
        poisonTheShopPhone();

        GraphCheck.Result first = check();
        for (GraphCheck.SuspectMerge merge : first.suspects()) {
            oneId.undoMerge(merge.mergeId(), "alice");
        }
        int phone = oneId.find("phone:13700000009").orElseThrow();
        int contact = oneId.find("wecom:x").orElseThrow();
        assertTrue(phone != shop && contact != shop && phone != contact, "undoing left x in two customers");

        GraphCheck.Result second = check();
        assertEquals(List.of(new GraphCheck.SuspectApart(0, List.of(phone, contact), "phone:+86137****0009")),
                second.joins());
        assertEquals(0, second.apartNow());
        assertEquals(phone, oneId.join(second.joins().getFirst().customers(), second.joins().getFirst().evidence(),
                "alice"));
        assertEquals(phone, oneId.find("wecom:x").orElseThrow());
        Merge joined = oneId.merges(phone).getFirst();
        assertEquals("graph-check", joined.rule());
        assertEquals("alice", joined.actor());
        assertEquals(List.of(), check().joins());
        // an operator who undoes that join keeps them apart: counted, no longer listed, and a join is refused
        oneId.undoMerge(joined.id(), "alice");
        GraphCheck.Result apart = check();
        assertEquals(List.of(), apart.joins());
        assertEquals(1, apart.apartNow());
        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> oneId.join(List.of(phone, contact), "", "alice"));
        assertTrue(refused.getMessage().contains("separated"), refused.getMessage());
    }

    @Test
    void shouldRecordWhatEachLinkCameThrough() {
        int shop = resolve(SHOP_PHONE, "wecom:shop");
        // a visitor presents the shop's phone with a Tmall nick: linked to the shop, through the phone, no claim
        assertEquals(shop, resolve(SHOP_PHONE, "tmall:x", "jd:x"));
        // a non-merge key ties harder than a merge key presented with it
        assertEquals(shop, resolve(SHOP_PHONE, "wecom:shop", "douyin:shop"));

        assertEquals(null, linkColumn(SHOP_KEY, "linked_via"));
        assertEquals(null, linkColumn("wecom:shop", "linked_with"));
        assertEquals(SHOP_KEY, linkColumn("tmall:x", "linked_via"));
        assertEquals("tmall:x", linkColumn("tmall:x", "linked_with"));
        assertEquals(SHOP_KEY, linkColumn("jd:x", "linked_via"));
        assertEquals("tmall:x", linkColumn("jd:x", "linked_with"));
        assertEquals("wecom:shop", linkColumn("douyin:shop", "linked_via"));
        long claims = unit.inTransaction(em -> em.createQuery("select count(c) from ClaimRow c", Long.class)
                .getSingleResult());
        assertEquals(0, claims);
    }

    @Test
    void shouldListIdentitiesLinkedThroughAKeyThatIsPoisonNowAndSplitThemOff() {
        int shop = resolve(SHOP_PHONE, "wecom:shop");
        resolve(SHOP_PHONE, "tmall:x");          // visitor x, through the shop's phone
        resolve("tmall:x", "jd:x");              // x again, through x's Tmall nick
        resolve("wecom:shop", "douyin:shop");    // the shop itself, through its contact: stays
        poisonTheShopPhone();

        GraphCheck.Checked checked = checked();
        GraphCheck.Result result = checked.result();

        assertEquals(3, result.linkGroups());
        assertEquals(2, result.groupsAstray());
        assertEquals(2, result.identitiesAstray());
        assertEquals(1, result.splits().size());
        GraphCheck.SuspectLinks split = result.splits().getFirst();
        assertEquals(0, split.ref());
        assertEquals(shop, split.customerNow());
        assertEquals(0, split.moveTo(), "x never had a customer of its own: a new one");
        assertEquals(2, split.groups());
        assertEquals(List.of("phone:+86139****0000"), split.poisonKeys());
        assertEquals(List.of("jd:x", "tmall:x"), checked.splits().getFirst().leads()); // one per link group

        RecordingBus bus = new RecordingBus();
        OneId watched = new OneId(unit, bus, Fixtures.channels(), Fixtures.config(3, 5));
        int x = watched.split(checked.splits().getFirst(), "alice");

        assertTrue(x != shop);
        assertEquals(x, watched.find("tmall:x").orElseThrow());
        assertEquals(x, watched.find("jd:x").orElseThrow());
        assertEquals(shop, watched.find("douyin:shop").orElseThrow());
        assertEquals(shop, watched.find(SHOP_PHONE).orElseThrow());
        assertEquals(List.of("customer.created", "customer.split"), bus.events().stream().map(e -> e.type()).toList());
        assertEquals(Integer.valueOf(shop), bus.events().getLast().subject());
        assertTrue(bus.events().getLast().data().contains("\"to\":" + x), bus.events().getLast().data());
        Object[] row = unit.inTransaction(em -> (Object[]) em.createNativeQuery("select from_customer, to_customer, "
                + "created, identities, evidence, actor from identity_split").getSingleResult());
        assertEquals(List.of(shop, x, true, 2, "phone:+86139****0000", "alice"), List.of(
                ((Number) row[0]).intValue(), ((Number) row[1]).intValue(), row[2], ((Number) row[3]).intValue(),
                row[4], row[5]));
        // the resolver's index knows: x resolves to its own customer without SQL
        assertEquals(x, watched.resolve(List.of("tmall:x"), Map.of()).customerId());

        assertEquals(0, check().groupsAstray());
        IllegalStateException again = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> watched.split(checked.splits().getFirst(), "alice"));
        assertTrue(again.getMessage().contains("no longer with customer " + shop), again.getMessage());
    }

    @Test
    void shouldSendIdentitiesBackToTheCustomerTheyCameThroughOnceItsMergeIsUndone() {
        int shop = resolve(SHOP_PHONE, "wecom:shop");
        int m = resolve("wecom:m");
        resolve("wecom:m", SHOP_PHONE);          // m merged into the shop through the phone
        assertEquals(shop, resolve("wecom:m", "tmall:m")); // m again: its Tmall nick linked to the shop, through m's contact
        poisonTheShopPhone();

        GraphCheck.Result before = check();
        assertEquals(0, before.groupsAstray(), "m's nick is with m's identities while the merge stands");
        GraphCheck.SuspectMerge merge = before.suspects().stream().filter(s -> s.merged() == m).findFirst()
                .orElseThrow();
        oneId.undoMerge(merge.mergeId(), "alice");

        GraphCheck.Checked checked = checked();
        GraphCheck.SuspectLinks split = checked.result().splits().getFirst();
        assertEquals(shop, split.customerNow());
        assertEquals(m, split.moveTo());
        assertEquals(List.of(), split.poisonKeys(), "linked through m's own contact, which is not poison");
        assertEquals(m, oneId.split(checked.splits().getFirst(), "alice"));
        assertEquals(m, oneId.find("tmall:m").orElseThrow());
        assertEquals(0, check().groupsAstray());
    }

    @Test
    void shouldRefuseASplitTheDataNoLongerFits() throws Exception {
        GraphChecks checks = new GraphChecks(unit, new Jobs(null), () -> 3, oneId);
        IllegalStateException none = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> checks.split(0, null, "alice"));
        assertTrue(none.getMessage().contains("no graph check has finished"), none.getMessage());
        int other = resolve("wechat:oOther"); // older than the shop: it survives their merge below
        int shop = resolve(SHOP_PHONE, "wecom:shop");
        resolve(SHOP_PHONE, "tmall:x");
        poisonTheShopPhone();
        checks.start("alice", "check").orElseThrow().done().get(30, java.util.concurrent.TimeUnit.SECONDS);
        String at = checks.last().orElseThrow().checkedAt();

        java.util.NoSuchElementException missing = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.NoSuchElementException.class, () -> checks.split(1, at, "alice"));
        assertEquals("the last graph check lists no split 1 (it lists 1)", missing.getMessage());
        IllegalStateException stale = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> checks.split(0, "2020-01-01T00:00:00Z", "alice"));
        assertTrue(stale.getMessage().contains("was run again"), stale.getMessage());
        // the shop merged into another customer since the check: refused, nothing moved
        resolve("wechat:oOther", "wecom:shop");
        assertEquals(other, oneId.customer(shop).orElseThrow().mergedInto());
        IllegalStateException merged = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> checks.split(0, at, "alice"));
        assertTrue(merged.getMessage().contains("has since been merged into customer " + other), merged.getMessage());
        assertEquals(other, oneId.find("tmall:x").orElseThrow());
    }
}
