package org.siyu.kernel.identity.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.provider.Query;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.siyu.api.identity.Customer;
import org.siyu.api.identity.ResolveRequest;
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

/** The customer list on the server side: lazy pages, the segment filter, the data scope, selecting and opening. */
class CustomerListPanelTest {

    private static TestPersistenceUnit unit;
    private static OneId oneId;
    private static final FakeTagService TAGS = new FakeTagService();
    private static final FakeOrg ORG = new FakeOrg().staff("g-1", "王导购", "sh-1", true)
            .staff("g-2", "李导购", "bj-1", true).account("sh-manager", "sh-1");
    private static final List<Integer> IDS = new ArrayList<>();

    @BeforeAll
    static void open() {
        unit = TestPersistenceUnit.inMemory(new IdentityEntities());
        oneId = Fixtures.oneId(unit, new RecordingBus(), Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"),
                ZoneOffset.UTC), null);
        List<ResolveRequest> batch = new ArrayList<>();
        for (int i = 0; i < 230; i++) {
            batch.add(new ResolveRequest(List.of("wecom:w" + i), Map.of("name", "客户" + i, "campaign", "c" + (i % 3),
                    "owner", i % 10 == 0 ? "g-1" : "g-2")));
        }
        oneId.resolveAll(batch).forEach(r -> IDS.add(r.customerId()));
        for (int i = 0; i < 230; i += 7) {
            TAGS.assign(IDS.get(i), "VIP", "manual", "alice");
        }
        TAGS.assign(IDS.get(0), "reach.owned", "system", "rule");
        TAGS.assign(IDS.get(1), "reach.engaged", "system", "rule");
    }

    @AfterAll
    static void close() {
        unit.close();
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> page(CustomerListPanel panel, int offset, int limit) {
        DataProvider<Customer, Void> provider = (DataProvider<Customer, Void>) panel.grid().getDataProvider();
        return provider.fetch(new Query<>(offset, limit, List.of(), null, null)).map(Customer::id).toList();
    }

    @SuppressWarnings("unchecked")
    private static int size(CustomerListPanel panel) {
        return ((DataProvider<Customer, Void>) panel.grid().getDataProvider()).size(new Query<>());
    }

    @Test
    void shouldPageLazilyThroughEveryCustomer() {
        CustomerListPanel panel = new CustomerListPanel(new CustomerServices(oneId, TAGS, null, null),
                Sessions.of(Locale.ENGLISH, "admin", Role.ADMIN));
        assertEquals(230, size(panel));
        assertEquals("230 customers", panel.countText());
        assertEquals(IDS.subList(0, 50), page(panel, 0, 50));
        assertEquals(IDS.subList(200, 230), page(panel, 200, 50));
        assertEquals(IDS.subList(63, 64), page(panel, 63, 1));
        assertEquals(List.of(), page(panel, 230, 50));
    }

    @Test
    void shouldFilterBySegmentAndShowTheErrorUnderTheField() {
        CustomerListPanel panel = new CustomerListPanel(new CustomerServices(oneId, TAGS, null, null),
                Sessions.of(Locale.SIMPLIFIED_CHINESE, "admin", Role.ADMIN));
        panel.filterField().setValue("tag:VIP");
        assertEquals("33 位客户", panel.countText());
        assertEquals(33, size(panel));
        assertEquals(List.of(IDS.get(0), IDS.get(7), IDS.get(14)), page(panel, 0, 3));
        assertEquals("", panel.errorText());

        panel.filterField().setValue("tag:nope");
        assertEquals("unknown tag 'nope' at position 4 ('nope')", panel.errorText());
        assertTrue(panel.filterField().isInvalid());
        assertEquals(33, size(panel), "the last good result stays");

        panel.filterField().setValue("");
        assertEquals(230, size(panel));
        assertFalse(panel.filterField().isInvalid());
    }

    @Test
    void shouldShowOnlyTheCustomersOfTheUsersDataScope() {
        CustomerServices services = new CustomerServices(oneId, TAGS, null, ORG);
        CustomerListPanel scoped = new CustomerListPanel(services, Sessions.of(Locale.ENGLISH, "sh-manager",
                Role.OPERATOR));
        assertEquals(23, size(scoped));
        assertEquals("23 customers (in your data scope)", scoped.countText());
        assertEquals(List.of(IDS.get(0), IDS.get(10), IDS.get(20)), page(scoped, 0, 3));
        scoped.filterField().setValue("tag:VIP"); // i % 7 == 0 and i % 10 == 0: 0, 70, 140, 210
        assertEquals(List.of(IDS.get(0), IDS.get(70), IDS.get(140), IDS.get(210)), page(scoped, 0, 50));

        CustomerListPanel everyone = new CustomerListPanel(services, Sessions.of(Locale.ENGLISH, "hq-admin",
                Role.ADMIN));
        assertEquals(230, size(everyone));
    }

    @Test
    void shouldSelectOnClickAndOpenTheEditorOnDoubleClick() {
        FakeContext context = Sessions.of(Locale.ENGLISH, "admin", Role.ADMIN);
        CustomerListPanel panel = new CustomerListPanel(new CustomerServices(oneId, TAGS, null, null), context);
        Customer first = oneId.customer(IDS.getFirst()).orElseThrow();
        panel.grid().select(first);
        assertEquals("customer", context.selected().type());
        assertEquals(String.valueOf(first.id()), context.selected().id());
        assertEquals("客户0", context.selected().label());
        assertEquals("reach.owned", context.selected().properties().get("Level"));
        assertEquals("c0", context.selected().properties().get("Campaign"));
    }

    @Test
    void shouldSayThatFiltersNeedTagging() {
        CustomerListPanel panel = new CustomerListPanel(new CustomerServices(oneId, null, null, null),
                Sessions.of(Locale.ENGLISH, "admin", Role.ADMIN));
        assertFalse(panel.filterField().isEnabled());
        assertEquals("Tagging is not running: segment filters are not available", panel.filterField().getHelperText());
        assertEquals(230, size(panel));
    }
}
