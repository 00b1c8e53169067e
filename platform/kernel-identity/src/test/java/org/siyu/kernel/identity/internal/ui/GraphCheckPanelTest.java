package org.siyu.kernel.identity.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.security.Role;
import org.siyu.kernel.identity.internal.Fixtures;
import org.siyu.kernel.identity.internal.IdentityPermissions;
import org.siyu.kernel.identity.internal.OneId;
import org.siyu.kernel.identity.internal.RecordingBus;
import org.siyu.kernel.identity.internal.graph.GraphCheck;
import org.siyu.kernel.identity.internal.graph.GraphChecks;
import org.siyu.kernel.identity.internal.store.IdentityEntities;
import org.siyu.support.jobs.Jobs;
import org.siyu.testkit.FakeContext;
import org.siyu.testkit.TestPersistenceUnit;

/** The graph check's view over the real OneID: a check run from it, what it lists, and undoing from it. */
class GraphCheckPanelTest {

    private static TestPersistenceUnit unit;
    private OneId oneId;
    private GraphChecks checks;
    private int z;
    private int[] visitor;

    @BeforeAll
    static void open() {
        unit = TestPersistenceUnit.inMemory(new IdentityEntities());
    }

    @AfterAll
    static void close() {
        unit.close();
    }

    @BeforeEach
    void aShopPhoneThatTurnedPoison() throws Exception {
        Fixtures.empty(unit);
        oneId = new OneId(unit, new RecordingBus(), Fixtures.channels(), Fixtures.config(3, 5));
        checks = new GraphChecks(unit, new Jobs(), oneId::poisonThreshold, oneId);
        // as in GraphCheckTest: the shop's phone merges two visitors into the shop's customer before the third
        // visitor's claim makes it poison
        z = resolve("wechat:oUnionZ", "tmall:z");
        resolve("phone:13900000000", "wecom:shop");
        resolve("wecom:shop", "wechat:oUnionZ");
        visitor = new int[4];
        for (int i = 1; i <= 3; i++) {
            visitor[i] = resolve("wecom:visitor" + i);
            resolve("wecom:visitor" + i, "phone:13900000000");
        }
    }

    private int resolve(String... identities) {
        return oneId.resolve(List.of(identities), Map.of()).customerId();
    }

    private static Stream<Component> all(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(GraphCheckPanelTest::all));
    }

    private static <C extends Component> C byId(Component root, String id, Class<C> type) {
        return type.cast(all(root).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst()
                .orElseThrow(() -> new AssertionError("no component " + id)));
    }

    private static String text(Component root, String id) {
        return ((HasText) byId(root, id, Component.class)).getText();
    }

    @SuppressWarnings("unchecked")
    private static List<GraphCheck.SuspectMerge> listed(Component root) {
        Grid<GraphCheck.SuspectMerge> grid = byId(root, "graph-check-suspects", Grid.class);
        return grid.getListDataView().getItems().toList();
    }

    /** Runs a check from the panel and waits for it, as the Jobs view would show it ending. */
    private void runCheck(GraphCheckPanel panel) throws Exception {
        byId(panel, "graph-check-run", Button.class).click();
        checks.current().orElseThrow().done().get(30, TimeUnit.SECONDS);
        panel.render(); // what the panel's UI access does when the job ends
    }

    @Test
    void shouldRunTheCheckListTheMergesThroughPoisonAndUndoThemFromTheView() throws Exception {
        FakeContext alice = Sessions.of(Locale.ENGLISH, "alice", Role.OPERATOR);
        GraphCheckPanel panel = new GraphCheckPanel(checks, oneId, alice);
        assertEquals("No check since the node started.", text(panel, "graph-check-status"));
        assertEquals(List.of(), listed(panel));

        runCheck(panel);

        assertTrue(text(panel, "graph-check-status").startsWith("Last check: "), text(panel, "graph-check-status"));
        String summary = text(panel, "graph-check-summary");
        assertTrue(summary.startsWith("2 merges through keys that are poison now, in 1 customer\n"), summary);
        assertTrue(summary.contains("Poison keys: 1 in the rebuild, 1 flagged online"), summary);
        List<GraphCheck.SuspectMerge> listed = listed(panel);
        assertEquals(List.of(visitor[2], visitor[1]), listed.stream().map(GraphCheck.SuspectMerge::merged).toList(),
                "newest first");
        assertEquals(List.of("phone:+86139****0000"), listed.getFirst().poisonKeys());
        assertEquals(z, listed.getFirst().survivor());

        // the newest is undone from the view: the visitor is its own customer again
        long newest = listed.getFirst().mergeId();
        panel.undo(newest);
        assertEquals(List.of("Merge " + newest + " undone"), alice.notes());
        assertEquals(0, oneId.customer(visitor[2]).orElseThrow().mergedInto());
        assertTrue(text(panel, "graph-check-summary").contains("1 undone, 0 split and 0 joined here since; run the check again"));
        // undoing it twice is refused with OneID's reason, not an exception
        panel.undo(newest);
        assertTrue(alice.notes().get(1).contains("already undone"), alice.notes().toString());

        runCheck(panel);
        assertEquals(List.of(visitor[1]), listed(panel).stream().map(GraphCheck.SuspectMerge::merged).toList());
        assertFalse(text(panel, "graph-check-summary").contains("undone here"), "a new result starts afresh");
    }

    @SuppressWarnings("unchecked")
    private static List<GraphCheck.SuspectLinks> splits(Component root) {
        Grid<GraphCheck.SuspectLinks> grid = byId(root, "graph-check-splits", Grid.class);
        return grid.getListDataView().getItems().toList();
    }

    @Test
    void shouldListIdentitiesLinkedThroughAPoisonKeyAndSplitThemOffFromTheView() throws Exception {
        // another shop phone: a visitor gives it with a JD account of their own before it turns poison
        int shop = resolve("phone:13700000000", "wecom:shop2");
        resolve("phone:13700000000", "jd:visitor");
        for (int i = 4; i <= 6; i++) {
            resolve("wecom:visitor" + i);
            resolve("wecom:visitor" + i, "phone:13700000000");
        }
        FakeContext li = Sessions.of(Locale.SIMPLIFIED_CHINESE, "li", Role.OPERATOR);
        GraphCheckPanel panel = new GraphCheckPanel(checks, oneId, li);
        runCheck(panel);

        assertTrue(text(panel, "graph-check-summary").contains("经由此类标识关联的身份 1 个，需拆分 1 处"),
                text(panel, "graph-check-summary"));
        List<GraphCheck.SuspectLinks> listed = splits(panel);
        assertEquals(1, listed.size());
        assertEquals(shop, listed.getFirst().customerNow());
        assertEquals(List.of("phone:+86137****0000"), listed.getFirst().poisonKeys());

        panel.split(listed.getFirst().ref());
        int visitor = oneId.find("jd:visitor").orElseThrow();
        assertTrue(visitor != shop);
        assertEquals(List.of("已拆分至客户 " + visitor), li.notes());
        // the same split again is refused with OneID's reason, not an exception
        panel.split(listed.getFirst().ref());
        assertTrue(li.notes().get(1).contains("no longer with customer " + shop), li.notes().toString());

        runCheck(panel);
        assertEquals(List.of(), splits(panel));
    }

    @Test
    void shouldListAPersonLeftInTwoCustomersAndJoinThemFromTheView() throws Exception {
        // x gives another shop's phone with her own, then comes back with a WeCom contact: two customers of hers, both
        // merged into the shop before its phone turns poison
        int shop = resolve("phone:13600000000", "wecom:shop3");
        resolve("phone:13700000009", "phone:13600000000");
        resolve("phone:13700000009", "wecom:x");
        for (int i = 7; i <= 9; i++) {
            resolve("wecom:visitor" + i);
            resolve("wecom:visitor" + i, "phone:13600000000");
        }
        FakeContext alice = Sessions.of(Locale.ENGLISH, "alice", Role.OPERATOR);
        GraphCheckPanel panel = new GraphCheckPanel(checks, oneId, alice);
        runCheck(panel);
        for (GraphCheck.SuspectMerge merge : listed(panel)) {
            panel.undo(merge.mergeId());
        }
        int phone = oneId.find("phone:13700000009").orElseThrow();
        assertTrue(phone != shop && phone != oneId.find("wecom:x").orElseThrow(), "the undos left x in two customers");

        runCheck(panel);
        assertTrue(text(panel, "graph-check-summary").contains("1 rebuilt customers are several customers now: join them"),
                text(panel, "graph-check-summary"));
        @SuppressWarnings("unchecked")
        Grid<GraphCheck.SuspectApart> grid = byId(panel, "graph-check-joins", Grid.class);
        GraphCheck.SuspectApart join = grid.getListDataView().getItems().toList().getFirst();
        assertEquals(phone, join.customers().getFirst());
        panel.join(join.ref());
        assertEquals("Joined into customer " + phone, alice.notes().getLast());
        assertEquals(phone, oneId.find("wecom:x").orElseThrow());
        assertTrue(text(panel, "graph-check-summary").contains("1 joined here since"), text(panel, "graph-check-summary"));
    }

    @Test
    void shouldUndoAllListedMergesAsAJobAndShowWhatIsLeft() throws Exception {
        FakeContext alice = Sessions.of(Locale.ENGLISH, "alice", Role.OPERATOR);
        GraphCheckPanel panel = new GraphCheckPanel(checks, oneId, alice);
        assertFalse(byId(panel, "graph-check-undo-all", Button.class).isEnabled(), "nothing listed yet");
        runCheck(panel);
        Button undoAll = byId(panel, "graph-check-undo-all", Button.class);
        assertEquals("Undo all merges (2)", undoAll.getText());
        assertTrue(undoAll.isEnabled());

        panel.undo(listed(panel).getFirst().mergeId());
        assertEquals("Undo all merges (1)", undoAll.getText(), "one is left to undo");
        panel.carryOut(GraphChecks.Action.UNDO_MERGES);
        checks.current().orElseThrow().done().get(30, TimeUnit.SECONDS);
        panel.render();

        assertEquals(List.of(), listed(panel), "the job ran the check again: nothing left to undo");
        assertEquals("Undo all merges (0)", undoAll.getText());
        assertFalse(undoAll.isEnabled());
        assertEquals(0, oneId.customer(visitor[1]).orElseThrow().mergedInto());
        assertEquals(0, oneId.customer(visitor[2]).orElseThrow().mergedInto());
    }

    @Test
    void shouldSpeakChineseAndSayWhenACheckIsRunningAlready() throws Exception {
        FakeContext li = Sessions.of(Locale.SIMPLIFIED_CHINESE, "li", Role.OPERATOR);
        GraphCheckPanel panel = new GraphCheckPanel(checks, oneId, li);
        assertEquals("节点启动以来尚未检查。", text(panel, "graph-check-status"));
        runCheck(panel);
        assertTrue(text(panel, "graph-check-summary").startsWith("经由现已毒化的标识进行的合并 2 次，涉及 1 个客户"),
                text(panel, "graph-check-summary"));

        // a second start while one runs: the check is not started twice
        GraphChecks busy = new GraphChecks(unit, new Jobs(), () -> {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 3;
        }, oneId);
        GraphCheckPanel first = new GraphCheckPanel(busy, oneId, li);
        first.start();
        GraphCheckPanel second = new GraphCheckPanel(busy, oneId, li);
        assertFalse(byId(second, "graph-check-run", Button.class).isEnabled(), "the button waits for the running check");
        second.start();
        assertEquals("已有身份图谱检查在运行。", li.notes().getLast());
        busy.current().orElseThrow().done().get(30, TimeUnit.SECONDS);
    }

    @Test
    void shouldBeTheOperatorsView() {
        GraphCheckView view = new GraphCheckView(checks, oneId);
        assertEquals(IdentityPermissions.EDIT, view.permission());
        assertEquals("身份图谱检查", view.title().get(Locale.SIMPLIFIED_CHINESE));
    }
}
