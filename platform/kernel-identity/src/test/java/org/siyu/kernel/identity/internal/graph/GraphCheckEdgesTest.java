package org.siyu.kernel.identity.internal.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.kernel.identity.internal.Fixtures;
import org.siyu.kernel.identity.internal.OneId;
import org.siyu.kernel.identity.internal.RecordingBus;
import org.siyu.kernel.identity.internal.store.IdentityEntities;
import org.siyu.support.jobs.Jobs;
import org.siyu.testkit.TestPersistenceUnit;

/**
 * What the graph check must not list, and what carrying out its lists must not break: the cases a review of ADR 0015
 * raised. Each would have an operator undo, split or join something that is right.
 */
class GraphCheckEdgesTest {

    private static final String SHOP_PHONE = "phone:13900000000";

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

    private GraphCheck.Checked checked() {
        return unit.inTransaction(em -> GraphCheck.run(em, 3, Jobs.NO_PROGRESS));
    }

    /** Three visitors present the phone with a contact of their own: two merges, then it is poison. */
    private void poison(String phone) {
        for (int i = 1; i <= 3; i++) {
            resolve("wecom:v" + i + phone);
            resolve("wecom:v" + i + phone, phone);
        }
    }

    @Test
    void shouldKeepAMergeMadeThroughACustomersOwnContactWhenAnotherKeyOfTheCallTurnsPoison() {
        int x = resolve("wecom:x", SHOP_PHONE);
        int y = resolve("wechat:oY");
        // x's own WeCom contact with the shop's phone and y's unionid: y merges into x; x was there through its contact
        assertEquals(x, resolve("wecom:x", SHOP_PHONE, "wechat:oY"));
        poison(SHOP_PHONE);

        GraphCheck.Result result = checked().result();

        assertTrue(result.suspects().stream().noneMatch(m -> m.merged() == y), result.suspects().toString());
    }

    @Test
    void shouldLeaveAnOperatorsSeparationAloneAndListNoSplitAcrossIt() {
        int a = resolve("wecom:a");
        int b = resolve("wechat:oB");
        resolve("wecom:a", "wechat:oB");
        oneId.undoMerge(oneId.merges(a).getFirst().id(), "alice");
        assertEquals(b, resolve("wechat:oB", "tmall:b")); // b again: a link group on b, through b's unionid

        GraphCheck.Result result = checked().result();

        assertEquals(List.of(), result.splits());
        assertEquals(List.of(), result.joins());
        assertEquals(1, result.apartNow());
    }

    @Test
    void shouldStillUndoAMergeWhoseIdentitiesWereSplitOffFirst() {
        int c = resolve("wechat:oC", "wecom:c");
        int d = resolve(SHOP_PHONE, "wecom:d");
        resolve(SHOP_PHONE, "tmall:guest");                 // a guest through d's phone: a link group on d
        resolve("wecom:d", "wechat:oC");                    // d merges into c through c's unionid
        assertEquals(c, oneId.customer(d).orElseThrow().mergedInto());
        poison(SHOP_PHONE);
        GraphCheck.Checked checked = checked();
        GraphCheck.Split split = checked.splits().stream().filter(s -> s.from() == c).findFirst().orElseThrow();

        int guest = oneId.split(split, "alice");            // the operator splits before undoing
        for (GraphCheck.SuspectMerge merge : checked.result().suspects()) {
            oneId.undoMerge(merge.mergeId(), "alice");
        }

        assertEquals(guest, oneId.find("tmall:guest").orElseThrow(), "the split stays");
    }

    @Test
    void shouldNotUndoItsOwnSplitOnTheNextCheck() {
        int shop = resolve(SHOP_PHONE, "wecom:shop");
        assertEquals(shop, resolve(SHOP_PHONE, "wechat:oX"));      // x through the shop's phone: a link group
        assertEquals(shop, resolve("wechat:oX", "wecom:x"));       // x again: a customer of x's own, merged in
        poison(SHOP_PHONE);
        for (GraphCheck.SuspectMerge merge : checked().result().suspects()) {
            oneId.undoMerge(merge.mergeId(), "alice");
        }
        GraphCheck.Checked second = checked();
        int x = oneId.find("wecom:x").orElseThrow();
        GraphCheck.Split split = second.splits().stream().filter(s -> s.from() == shop).findFirst().orElseThrow();
        assertEquals(x, split.to());
        assertEquals(x, oneId.split(split, "alice"));

        GraphCheck.Result third = checked().result();

        assertEquals(List.of(), third.suspects());
        assertEquals(List.of(), third.splits());
        assertEquals(List.of(), third.joins());
        assertEquals(x, oneId.find("wechat:oX").orElseThrow());
    }

    @Test
    void shouldCarryOutWholeListsAsJobsAndCheckAgainAfterEach() throws Exception {
        GraphChecks checks = new GraphChecks(unit, new Jobs(null), () -> 3, oneId);
        int shop = resolve(SHOP_PHONE, "wecom:shop");
        resolve(SHOP_PHONE, "tmall:guest");                 // a guest through the shop's phone: a split
        resolve("phone:13700000009", SHOP_PHONE);           // x: a customer of her own, merged into the shop
        resolve("phone:13700000009", "wecom:x");            // x again: another, merged through her phone
        poison(SHOP_PHONE);
        checks.start("alice", "check").orElseThrow().done().get(30, java.util.concurrent.TimeUnit.SECONDS);
        GraphCheck.Result first = checks.last().orElseThrow();
        assertTrue(first.suspects().size() >= 3, first.suspects().toString());

        String undone = checks.carryOut(GraphChecks.Action.UNDO_MERGES, first.checkedAt(), "alice", "undo")
                .orElseThrow().done().get(30, java.util.concurrent.TimeUnit.SECONDS);

        assertTrue(undone.startsWith(first.suspects().size() + " merges undone; checked again: "), undone);
        GraphCheck.Result second = checks.last().orElseThrow();
        assertEquals(List.of(), second.suspects());
        assertEquals(1, second.splits().size());
        assertEquals(1, second.joins().size());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> checks.carryOut(GraphChecks.Action.SPLITS, first.checkedAt(), "alice", "stale"));

        checks.carryOut(GraphChecks.Action.SPLITS, second.checkedAt(), "alice", "split").orElseThrow().done()
                .get(30, java.util.concurrent.TimeUnit.SECONDS);
        GraphCheck.Result third = checks.last().orElseThrow();
        String joined = checks.carryOut(GraphChecks.Action.JOINS, third.checkedAt(), "alice", "join").orElseThrow()
                .done().get(30, java.util.concurrent.TimeUnit.SECONDS);

        assertTrue(joined.startsWith("1 joins carried out; checked again: 0 merges"), joined);
        GraphCheck.Result last = checks.last().orElseThrow();
        assertEquals(List.of(), last.splits());
        assertEquals(List.of(), last.joins());
        int x = oneId.find("phone:13700000009").orElseThrow();
        assertEquals(x, oneId.find("wecom:x").orElseThrow());
        int guest = oneId.find("tmall:guest").orElseThrow();
        assertTrue(guest != shop && guest != x);
    }
}
