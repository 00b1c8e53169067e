package org.siyu.kernel.identity.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.siyu.api.rest.RestException;
import org.siyu.api.security.Role;
import org.siyu.testkit.FakeOrg;
import org.siyu.kernel.identity.internal.Fixtures;
import org.siyu.kernel.identity.internal.OneId;
import org.siyu.kernel.identity.internal.RecordingBus;
import org.siyu.kernel.identity.internal.store.IdentityEntities;
import org.siyu.testkit.FakeRestRequest;
import org.siyu.testkit.TestPersistenceUnit;

/** {@code GET /customers/<id>} and the paths below it answer 404 for a customer outside the user's data scope. */
class ScopeTest {

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
    void shouldHideCustomersOutsideTheScopeLikeCustomersThatDoNotExist() throws Exception {
        FakeOrg org = new FakeOrg().staff("g-1", "王导购", "sh-1", true).staff("g-2", "李导购", "bj-1", true)
                .account("sh-manager", "sh-1");
        OneId oneId = Fixtures.oneId(unit, new RecordingBus(), Clock.systemUTC(), org);
        int mine = oneId.resolve(List.of("wecom:m"), Map.of("owner", "g-1")).customerId();
        int theirs = oneId.resolve(List.of("wecom:t"), Map.of("owner", "g-2")).customerId();
        int nobodys = oneId.resolve(List.of("wecom:n"), Map.of()).customerId();
        CustomersResource resource = new CustomersResource(oneId, unit, null, org);

        FakeRestRequest ok = FakeRestRequest.get(String.valueOf(mine)).as("sh-manager", Role.OPERATOR);
        assertEquals(mine, ((CustomersResource.CustomerView) resource.handle(ok, ok)).id());
        for (int hidden : new int[] {theirs, nobodys}) {
            for (String path : List.of(hidden + "", hidden + "/merges")) {
                FakeRestRequest call = FakeRestRequest.of("GET", path).as("sh-manager", Role.OPERATOR);
                RestException e = assertThrows(RestException.class, () -> resource.handle(call, call));
                assertEquals(404, e.status());
                assertEquals("there is no customer " + hidden, e.detail());
            }
        }
        FakeRestRequest missing = FakeRestRequest.get("777777").as("sh-manager", Role.OPERATOR);
        assertEquals("there is no customer 777777",
                assertThrows(RestException.class, () -> resource.handle(missing, missing)).detail());

        FakeRestRequest hq = FakeRestRequest.get(String.valueOf(theirs)).as("hq-admin", Role.ADMIN);
        assertEquals(theirs, ((CustomersResource.CustomerView) resource.handle(hq, hq)).id());
    }
}
