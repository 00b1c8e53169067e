package org.siyu.kernel.org.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.org.OrgUnit;
import org.siyu.api.org.Staff;
import org.siyu.api.rest.RestException;
import org.siyu.api.security.Role;
import org.siyu.kernel.org.internal.OrgFixture;
import org.siyu.kernel.org.internal.OrgPermissions;
import org.siyu.testkit.FakeRestRequest;

/** /api/v1/org over the real service and migrations. */
class OrgResourceTest {

    private final OrgFixture fixture = new OrgFixture().withStores();
    private final OrgResource resource = new OrgResource(fixture.org);

    @AfterEach
    void close() {
        fixture.close();
    }

    private static FakeRestRequest admin(String method, String path) {
        return FakeRestRequest.of(method, path).as("boss", Role.ADMIN);
    }

    /** An operator: views, does not administer the organisation. */
    private static FakeRestRequest operator(String method, String path) {
        return FakeRestRequest.of(method, path).as(Role.OPERATOR)
                .permitting(p -> p == null || OrgPermissions.VIEW.equals(p));
    }

    private RestException refused(FakeRestRequest call) {
        return assertThrows(RestException.class, () -> resource.handle(call, call));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldListUnitsParentsFirst() throws Exception {
        FakeRestRequest call = operator("GET", "units");
        List<OrgUnit> units = (List<OrgUnit>) resource.handle(call, call);
        assertEquals(List.of("hq", "east", "south", "sh-jingan", "sh-xuhui", "gz-tianhe"),
                units.stream().map(OrgUnit::id).toList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldListStaffOfAUnitAndBelow() throws Exception {
        FakeRestRequest call = operator("GET", "staff").query("unit", "east");
        List<Staff> staff = (List<Staff>) resource.handle(call, call);
        assertEquals(List.of("m1", "g1", "g2"), staff.stream().map(Staff::id).toList());
        RestException e = refused(operator("GET", "staff").query("unit", "nowhere"));
        assertEquals(404, e.status());
        assertEquals("query parameter 'unit': there is no unit 'nowhere'", e.detail());
    }

    @Test
    void shouldCreateThenUpdateAUnit() throws Exception {
        FakeRestRequest create = admin("PUT", "units/cd-chunxi")
                .json(Map.of("parentId", "hq", "name", "成都春熙路店", "kind", "store"));
        assertEquals(new OrgUnit("cd-chunxi", "hq", "成都春熙路店", OrgUnit.Kind.STORE), resource.handle(create, create));
        assertEquals(201, create.status());
        FakeRestRequest move = admin("PUT", "units/cd-chunxi")
                .json(Map.of("parentId", "south", "name", "成都春熙路店", "kind", "STORE"));
        resource.handle(move, move);
        assertEquals(200, move.status());
        assertEquals("south", fixture.org.unit("cd-chunxi").orElseThrow().parentId());
    }

    @Test
    void shouldNameTheFieldOfABadUnit() {
        RestException unknownParent = refused(admin("PUT", "units/x")
                .json(Map.of("parentId", "nowhere", "name", "X", "kind", "REGION")));
        assertEquals(400, unknownParent.status());
        assertEquals("bad request", unknownParent.error());
        assertEquals("field 'parentId': there is no unit 'nowhere'", unknownParent.detail());

        assertEquals("field 'kind': 'SHOP' is not a kind; give HQ, REGION or STORE",
                refused(admin("PUT", "units/x").json(Map.of("parentId", "hq", "name", "X", "kind", "SHOP"))).detail());
        assertEquals("field 'name' is required",
                refused(admin("PUT", "units/x").json(Map.of("parentId", "hq", "kind", "STORE"))).detail());
        assertEquals("field 'name': is blank",
                refused(admin("PUT", "units/x").json(Map.of("parentId", "hq", "name", " ", "kind", "STORE"))).detail());
        assertEquals("field 'parentId': 'sh-jingan' is a STORE; a STORE cannot be below a store (stores are the "
                        + "leaves: their staff own customers)",
                refused(admin("PUT", "units/x").json(Map.of("parentId", "sh-jingan", "name", "X", "kind", "STORE")))
                        .detail());
        assertTrue(fixture.org.unit("x").isEmpty());
    }

    @Test
    void shouldSaveStaffAndNameTheFieldOfBadStaff() throws Exception {
        FakeRestRequest put = admin("PUT", "staff/g9")
                .json(Map.of("name", "赵敏", "unitId", "sh-xuhui", "account", "zhaomin"));
        assertEquals(new Staff("g9", "赵敏", "sh-xuhui", "zhaomin", true), resource.handle(put, put));
        assertEquals(201, put.status());
        assertEquals("field 'unitId': there is no unit 'sh-nowhere'",
                refused(admin("PUT", "staff/g10").json(Map.of("name", "周杰", "unitId", "sh-nowhere"))).detail());
        assertEquals("field 'account': 'zhaomin' is already the account of staff member 'g9'",
                refused(admin("PUT", "staff/g10").json(Map.of("name", "周杰", "unitId", "sh-xuhui",
                        "account", "zhaomin"))).detail());
        assertEquals("field 'unitId' is required: the org unit the member works in",
                refused(admin("PUT", "staff/g10").json(Map.of("name", "周杰"))).detail());
    }

    @Test
    void shouldLinkAndUnlinkAnAccount() throws Exception {
        FakeRestRequest link = admin("PUT", "accounts/east-manager").json(Map.of("unitId", "east"));
        OrgResource.AccountAnswer linked = (OrgResource.AccountAnswer) resource.handle(link, link);
        assertEquals("east", linked.unitId());
        assertFalse(linked.unrestricted());
        assertEquals(List.of("east", "sh-jingan", "sh-xuhui"), linked.units());
        assertEquals(3, linked.staff());

        Map<String, Object> unlinkBody = new HashMap<>();
        unlinkBody.put("unitId", null);
        FakeRestRequest unlink = admin("PUT", "accounts/east-manager").json(unlinkBody);
        OrgResource.AccountAnswer unlinked = (OrgResource.AccountAnswer) resource.handle(unlink, unlink);
        assertNull(unlinked.unitId());
        assertTrue(unlinked.unrestricted());

        assertEquals("field 'unitId': there is no unit 'nowhere'",
                refused(admin("PUT", "accounts/bob").json(Map.of("unitId", "nowhere"))).detail());
    }

    @Test
    void shouldLetOnlyAdminsChangeTheOrganisation() {
        RestException e = refused(operator("PUT", "units/x").json(Map.of("parentId", "hq", "name", "X", "kind", "STORE")));
        assertEquals(403, e.status());
        assertEquals("this needs the permission org.admin; operator1 does not hold it", e.detail());
        RestException viewer = refused(FakeRestRequest.of("GET", "units").as(Role.VIEWER).permitting(p -> p == null));
        assertEquals(403, viewer.status());
        assertTrue(fixture.org.unit("x").isEmpty());
    }

    @Test
    void shouldAnswerUnknownPathsAndMethods() {
        assertEquals(404, refused(admin("GET", "teams")).status());
        assertEquals(404, refused(admin("GET", "accounts")).status());
        assertEquals(404, refused(admin("GET", "units/nowhere")).status());
        RestException post = refused(admin("POST", "units"));
        assertEquals(405, post.status());
        assertEquals("POST is not supported on /api/v1/org/units; use GET", post.detail());
        assertEquals(400, refused(admin("PUT", "units/x")).status()); // no body
    }
}
