package org.siyu.kernel.identity.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.security.Role;
import org.siyu.kernel.identity.internal.CustomerServices;
import org.siyu.kernel.identity.internal.FakeTagService;
import org.siyu.kernel.identity.internal.Fixtures;
import org.siyu.kernel.identity.internal.OneId;
import org.siyu.kernel.identity.internal.RecordingBus;
import org.siyu.kernel.identity.internal.store.IdentityEntities;
import org.siyu.testkit.FakeContext;
import org.siyu.testkit.FakeOrg;
import org.siyu.testkit.TestPersistenceUnit;

/** The customer editor over the real OneID: what it shows, what it changes, and what it says without other bundles. */
class CustomerEditorTest {

    private static TestPersistenceUnit unit;

    private final RecordingBus bus = new RecordingBus();
    private final FakeTagService tags = new FakeTagService();
    private OneId oneId;
    private int survivor;
    private int merged;

    @BeforeAll
    static void open() {
        unit = TestPersistenceUnit.inMemory(new IdentityEntities());
    }

    @AfterAll
    static void close() {
        unit.close();
    }

    @BeforeEach
    void customers() throws Exception {
        Fixtures.empty(unit);
        oneId = Fixtures.oneId(unit, bus, Clock.systemUTC(), null);
        survivor = oneId.resolve(List.of("wecom:wmA", "phone:13800001234"), Map.of("name", "小王", "owner", "g-1",
                "campaign", "double-11")).customerId();
        merged = oneId.resolve(List.of("tmall:t"), Map.of("city", "上海")).customerId();
        oneId.resolve(List.of("tmall:t", "phone:13800001234"), Map.of());
        tags.assign(survivor, "复购", "rule:复购客户", "evt-123");
        tags.assign(survivor, "reach.owned", "system", "reach-rule");
    }

    private static Stream<Component> all(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(CustomerEditorTest::all));
    }

    private static Optional<Component> byId(Component root, String id) {
        return all(root).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst();
    }

    private static String text(Component root, String id) {
        Component c = byId(root, id).orElseThrow(() -> new AssertionError("no component " + id));
        return all(c).filter(HasText.class::isInstance).map(x -> ((HasText) x).getText())
                .filter(t -> !t.isEmpty()).collect(Collectors.joining("\n"));
    }

    @Test
    void shouldShowTheCustomerWithMaskedPhonesTagsWhyAndMerges() {
        FakeContext context = Sessions.of(Locale.ENGLISH, "alice", Role.OPERATOR);
        CustomerEditor editor = new CustomerEditor(new CustomerServices(oneId, tags, bus, null), survivor, context);
        assertEquals("小王", text(editor, "customer-title"));
        assertTrue(text(editor, "customer-header").contains("first channel wecom · campaign double-11"));
        assertEquals("phone:+86138****1234\nwecom:wmA\ntmall:t", text(editor, "customer-identities")); // by link time, then name
        assertEquals("name: 小王\ncity: 上海", text(editor, "customer-traits"));
        String tagText = text(editor, "customer-tags");
        assertTrue(tagText.contains("复购 — rule 复购客户 from event evt-123 · "), tagText);
        assertTrue(tagText.contains("reach.owned — system: reach-rule"), tagText);
        assertTrue(text(editor, "customer-levels").contains("Level: reach.owned"));
        assertTrue(text(editor, "customer-merges").contains("customer " + merged + " merged into this one · shared-phone"
                + " · phone:+86138****1234 · oneid"), text(editor, "customer-merges"));
        assertTrue(byId(editor, "customer-timeline").isPresent());
        assertTrue(text(editor, "customer-owner").contains("Owner: g-1"));
    }

    @Test
    void shouldAddTagsAssignOwnersAndUndoMergesForOperators() {
        FakeContext context = Sessions.of(Locale.ENGLISH, "alice", Role.OPERATOR);
        FakeOrg org = new FakeOrg().staff("g-1", "王导购", "sh-1", true).staff("g-2", "李导购", "sh-1", true);
        oneId = Fixtures.oneId(unit, bus, Clock.systemUTC(), org);
        CustomerEditor editor = new CustomerEditor(new CustomerServices(oneId, tags, bus, org), survivor, context);
        ((TextField) byId(editor, "customer-tag-name").orElseThrow()).setValue("VIP");
        ((Button) byId(editor, "customer-tag-add").orElseThrow()).click();
        assertTrue(text(editor, "customer-tags").contains("VIP — manual by alice"), text(editor, "customer-tags"));

        @SuppressWarnings("unchecked")
        var picker = (com.vaadin.flow.component.combobox.ComboBox<org.siyu.api.org.Staff>)
                byId(editor, "customer-owner-picker").orElseThrow();
        picker.setValue(org.staffMember("g-2").orElseThrow());
        ((Button) byId(editor, "customer-owner-assign").orElseThrow()).click();
        assertEquals("g-2", oneId.customer(survivor).orElseThrow().owner());
        assertTrue(text(editor, "customer-owner").contains("Owner: 李导购 (g-2)"), text(editor, "customer-owner"));

        long mergeId = oneId.merges(survivor).getFirst().id();
        editor.undo(mergeId); // what the confirm dialog's confirm button does
        assertEquals(0, oneId.customer(merged).orElseThrow().mergedInto());
        assertTrue(text(editor, "customer-merges").contains("undone"));
        assertFalse(byId(editor, "customer-merge-undo-" + mergeId).isPresent());
        editor.undo(mergeId);
        assertEquals(List.of("merge " + mergeId + " was already undone at "),
                context.notes().stream().map(n -> n.substring(0, n.indexOf(" at ") + 4)).toList());
    }

    @Test
    void shouldSayWhatIsNotAvailableAndOfferNoChangesToViewers() {
        FakeContext context = Sessions.of(Locale.SIMPLIFIED_CHINESE, "viewer1", Role.VIEWER);
        CustomerEditor editor = new CustomerEditor(new CustomerServices(oneId, null, null, null), survivor, context);
        assertEquals("标签服务不可用（插件 org.siyu.kernel.tagging）。", text(editor, "customer-tags-unavailable"));
        assertEquals("事件总线不可用：无法显示时间线。", text(editor, "customer-timeline-unavailable"));
        assertTrue(byId(editor, "customer-owner-no-org").isPresent());
        assertFalse(byId(editor, "customer-tag-add").isPresent());
        assertFalse(byId(editor, "customer-owner-assign").isPresent());
    }

    @Test
    void shouldRefuseCustomersOutsideTheDataScopeWithoutSayingWhy() {
        FakeOrg org = new FakeOrg().staff("g-1", "王导购", "sh-1", true).staff("g-2", "李导购", "bj-1", true)
                .account("bj-manager", "bj-1");
        FakeContext context = Sessions.of(Locale.ENGLISH, "bj-manager", Role.OPERATOR);
        CustomerEditor editor = new CustomerEditor(new CustomerServices(oneId, tags, bus, org), survivor, context);
        assertEquals("Customer " + survivor + " does not exist or is not in your data scope.",
                text(editor, "customer-missing"));
        assertFalse(byId(editor, "customer-title").isPresent());

        CustomerEditors editors = new CustomerEditors(new CustomerServices(oneId, tags, bus, org));
        assertEquals("customer", editors.type());
        assertEquals("客户 " + survivor, editors.title(String.valueOf(survivor), Locale.CHINESE));
        assertThrows(NoSuchElementException.class, () -> editors.createEditor("999999", context));
        assertThrows(NoSuchElementException.class, () -> editors.createEditor("x", context));
    }
}
