package org.siyu.kernel.identity.internal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.siyu.kernel.identity.internal.CustomerServices;
import org.siyu.testkit.FakeOrg;
import org.siyu.kernel.identity.internal.Fixtures;
import org.siyu.kernel.identity.internal.OneId;
import org.siyu.kernel.identity.internal.RecordingBus;
import org.siyu.kernel.identity.internal.store.IdentityEntities;
import org.siyu.testkit.TestPersistenceUnit;

/** Search hits of customers follow the data scope, as the list, the editor and REST do. */
class CustomerSearchFilterTest {

    private static TestPersistenceUnit unit;

    @BeforeAll
    static void open() {
        unit = TestPersistenceUnit.inMemory(new IdentityEntities());
    }

    @AfterAll
    static void close() {
        unit.close();
    }

    @Test
    void shouldShowAStoreManagerOnlyTheStoresCustomersAndNobodyMergedAway() {
        FakeOrg org = new FakeOrg().staff("g-1", "王导购", "sh-1", true).staff("g-2", "李导购", "bj-1", true)
                .account("sh-manager", "sh-1");
        OneId oneId = Fixtures.oneId(unit, new RecordingBus(), Clock.systemUTC(), org);
        int mine = oneId.resolve(List.of("wecom:fm"), Map.of("owner", "g-1")).customerId();
        int theirs = oneId.resolve(List.of("wecom:ft"), Map.of("owner", "g-2")).customerId();
        int nobodys = oneId.resolve(List.of("wecom:fn"), Map.of()).customerId();
        CustomerSearchFilter filter = new CustomerSearchFilter(new CustomerServices(oneId, null, null, org));

        assertEquals("customer", filter.type());
        assertTrue(filter.visible(String.valueOf(mine), "sh-manager"));
        assertFalse(filter.visible(String.valueOf(theirs), "sh-manager"));
        assertFalse(filter.visible(String.valueOf(nobodys), "sh-manager"), "unowned customers are outside a store's scope");
        assertTrue(filter.visible(String.valueOf(theirs), "admin"), "an account without a unit sees everyone");
        assertFalse(filter.visible("not-a-number", "admin"));
        assertFalse(filter.visible("999999", "admin"), "no such customer");

        // Without the org bundle nobody is scoped.
        CustomerSearchFilter unscoped = new CustomerSearchFilter(new CustomerServices(oneId, null, null, null));
        assertTrue(unscoped.visible(String.valueOf(theirs), "sh-manager"));
    }
}
