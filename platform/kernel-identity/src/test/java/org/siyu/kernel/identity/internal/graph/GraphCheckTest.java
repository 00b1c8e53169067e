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
        GraphChecks checks = new GraphChecks(unit, new Jobs(null), () -> 3);
        resolve("phone:13900000000", "wecom:shop");
        for (int i = 1; i <= 4; i++) {
            resolve("phone:13900000000", "wecom:visitor" + i);
        }

        var run = checks.start("alice", "Identity graph check").orElseThrow();
        String summary = run.done().get(30, java.util.concurrent.TimeUnit.SECONDS);

        assertEquals("2 merges through keys that are poison now (1 customers), 1 poison keys in the rebuild "
                + "(1 flagged), 1 claimed keys, 2 merges checked", summary);
        assertEquals(2, checks.last().orElseThrow().mergesThroughPoison());
        assertEquals("alice", checks.current().orElseThrow().actor());
    }
}
