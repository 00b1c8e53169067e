package org.siyu.kernel.org.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.events.Event;
import org.siyu.api.org.DataScope;
import org.siyu.api.org.OrgUnit;
import org.siyu.api.org.OrgUnit.Kind;
import org.siyu.api.org.Staff;

/** The service on the real migrations: the seeded root, the tree's rules, staff, account links and data scopes. */
class OrgServiceTest {

    private final OrgFixture fixture = new OrgFixture();
    private final Org org = fixture.org;

    @AfterEach
    void close() {
        fixture.close();
    }

    private void refused(String message, Runnable change) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, change::run);
        assertEquals(message, e.getMessage());
    }

    @Test
    void shouldSeedTheRootUnit() {
        assertEquals(List.of(new OrgUnit("hq", null, "总部", Kind.HQ)), org.units());
        assertEquals(DataScope.ALL, org.scope("anyone"));
    }

    @Test
    void shouldListParentsBeforeChildren() {
        fixture.withStores();
        List<String> ids = org.units().stream().map(OrgUnit::id).toList();
        assertEquals(List.of("hq", "east", "south", "sh-jingan", "sh-xuhui", "gz-tianhe"), ids);
        assertEquals(List.of("sh-jingan", "sh-xuhui"), org.children("east"));
    }

    @Test
    void shouldRefuseBlankIdsAndNamesNamingTheField() {
        refused("field 'id': is blank", () -> org.saveUnit(new OrgUnit(" ", "hq", "x", Kind.REGION), "admin"));
        refused("field 'name': is blank", () -> org.saveUnit(new OrgUnit("north", "hq", "", Kind.REGION), "admin"));
        refused("field 'id': 'a b' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit "
                + "(e.g. sh-jingan)", () -> org.saveUnit(new OrgUnit("a b", "hq", "x", Kind.REGION), "admin"));
        refused("field 'actor': is required: who makes the change (recorded in the audit trail)",
                () -> org.saveUnit(new OrgUnit("north", "hq", "华北", Kind.REGION), " "));
        assertEquals(1, org.units().size());
    }

    @Test
    void shouldRefuseAnUnknownParent() {
        refused("field 'parentId': there is no unit 'nowhere'",
                () -> org.saveUnit(new OrgUnit("north", "nowhere", "华北", Kind.REGION), "admin"));
    }

    @Test
    void shouldRefuseACycle() {
        fixture.withStores();
        org.saveUnit(new OrgUnit("east-a", "east", "华东一区", Kind.REGION), "admin");
        refused("field 'parentId': 'east-a' is below 'east': a unit cannot move below itself",
                () -> org.saveUnit(new OrgUnit("east", "east-a", "华东大区", Kind.REGION), "admin"));
        refused("field 'parentId': a unit cannot be its own parent",
                () -> org.saveUnit(new OrgUnit("east", "east", "华东大区", Kind.REGION), "admin"));
        refused("field 'kind': HQ is the root's kind; a unit with a parent is a REGION or a STORE",
                () -> org.saveUnit(new OrgUnit("hq", "east", "总部", Kind.HQ), "admin"));
        refused("field 'parentId': 'east' is below 'hq': a unit cannot move below itself",
                () -> org.saveUnit(new OrgUnit("hq", "east", "总部", Kind.REGION), "admin"));
        assertEquals("hq", org.unit("east").orElseThrow().parentId());
    }

    @Test
    void shouldRefuseAStoreUnderAStore() {
        fixture.withStores();
        refused("field 'parentId': 'sh-jingan' is a STORE; a STORE cannot be below a store (stores are the leaves: "
                        + "their staff own customers)",
                () -> org.saveUnit(new OrgUnit("sh-jingan-2", "sh-jingan", "静安二店", Kind.STORE), "admin"));
        refused("field 'parentId': 'sh-jingan' is a STORE; a REGION cannot be below a store (stores are the leaves: "
                        + "their staff own customers)",
                () -> org.saveUnit(new OrgUnit("x", "sh-jingan", "x", Kind.REGION), "admin"));
        refused("field 'kind': 'east' has units below it ('sh-jingan'); a STORE cannot",
                () -> org.saveUnit(new OrgUnit("east", "hq", "华东大区", Kind.STORE), "admin"));
    }

    @Test
    void shouldKeepOneRootOfKindHq() {
        refused("field 'parentId': is required: only the root unit 'hq' has no parent",
                () -> org.saveUnit(new OrgUnit("hq2", null, "第二总部", Kind.HQ), "admin"));
        refused("field 'kind': the root unit is HQ, not REGION",
                () -> org.saveUnit(new OrgUnit("hq", null, "总部", Kind.REGION), "admin"));
        org.saveUnit(new OrgUnit("hq", null, "毛孩食堂总部", Kind.HQ), "admin");
        assertEquals("毛孩食堂总部", org.unit("hq").orElseThrow().name());
    }

    @Test
    void shouldMoveAStoreToAnotherRegion() {
        fixture.withStores();
        org.saveUnit(new OrgUnit("sh-xuhui", "south", "上海徐汇店", Kind.STORE), "admin");
        assertEquals(Set.of("south", "gz-tianhe", "sh-xuhui"), org.scopeOf("south").unitIds());
        assertEquals(Set.of("g2", "g3"), org.scopeOf("south").staffIds());
    }

    @Test
    void shouldRefuseStaffOfAnUnknownUnitOrATakenAccount() {
        fixture.withStores();
        refused("field 'unitId': there is no unit 'sh-nowhere'",
                () -> org.saveStaff(new Staff("g9", "赵敏", "sh-nowhere", null, true), "admin"));
        refused("field 'name': is blank", () -> org.saveStaff(new Staff("g9", " ", "sh-jingan", null, true), "admin"));
        refused("field 'id': is blank", () -> org.saveStaff(new Staff("", "赵敏", "sh-jingan", null, true), "admin"));
        refused("field 'account': 'wangfang' is already the account of staff member 'g1'",
                () -> org.saveStaff(new Staff("g9", "赵敏", "sh-jingan", "wangfang", true), "admin"));
        assertTrue(org.staffMember("g9").isEmpty());
    }

    @Test
    void shouldListStaffOfAUnitAndBelow() {
        fixture.withStores();
        assertEquals(List.of("m1", "g1", "g2"), org.staff("east", true).stream().map(Staff::id).toList());
        assertEquals(List.of("m1"), org.staff("east", false).stream().map(Staff::id).toList());
        assertEquals(List.of("g1", "g2", "g3", "m1"), org.staff(null, true).stream().map(Staff::id).toList());
        assertEquals(List.of(), org.staff("nowhere", true));
    }

    @Test
    void shouldScopeARegionToItsStoresStaff() {
        fixture.withStores();
        org.linkAccount("east-manager", "east", "admin");
        DataScope scope = org.scope("east-manager");
        assertFalse(scope.unrestricted());
        assertEquals(Set.of("east", "sh-jingan", "sh-xuhui"), scope.unitIds());
        assertEquals(Set.of("m1", "g1", "g2"), scope.staffIds());
        assertTrue(scope.allowsOwner("g1"));
        assertTrue(scope.allowsOwner("g2"));
        assertFalse(scope.allowsOwner("g3"));
        assertFalse(scope.allowsOwner(null)); // a customer nobody owns belongs to no store
    }

    @Test
    void shouldScopeAStoreToItsOwnStaff() {
        fixture.withStores();
        org.linkAccount("wangfang", "sh-jingan", "admin");
        DataScope scope = org.scope("wangfang");
        assertEquals(Set.of("sh-jingan"), scope.unitIds());
        assertEquals(Set.of("g1"), scope.staffIds());
        assertFalse(scope.allowsOwner("g2"));
        assertFalse(scope.allowsOwner("m1"));
    }

    @Test
    void shouldLeaveHqAndUnlinkedAccountsUnrestricted() {
        fixture.withStores();
        org.linkAccount("boss", "hq", "admin");
        assertEquals(DataScope.ALL, org.scope("boss"));
        assertEquals(DataScope.ALL, org.scope("nobody-linked"));
        org.linkAccount("east-manager", "east", "admin");
        org.linkAccount("east-manager", null, "admin");
        assertEquals(DataScope.ALL, org.scope("east-manager"));
        assertTrue(org.accountUnit("east-manager").isEmpty());
        assertEquals("hq", org.accountUnit("boss").orElseThrow());
    }

    @Test
    void shouldSeeNewStaffInTheScopeAfterCommit() {
        fixture.withStores();
        org.linkAccount("east-manager", "east", "admin");
        assertFalse(org.scope("east-manager").allowsOwner("g9"));
        org.saveStaff(new Staff("g9", "赵敏", "sh-xuhui", null, true), "admin");
        assertTrue(org.scope("east-manager").allowsOwner("g9"));
    }

    @Test
    void shouldRefuseLinksToUnknownUnits() {
        refused("field 'unitId': there is no unit 'nowhere'", () -> org.linkAccount("bob", "nowhere", "admin"));
        refused("field 'account': is blank", () -> org.linkAccount(" ", "hq", "admin"));
        refused("field 'unitId': is blank; give a unit id, or null to unlink the account",
                () -> org.linkAccount("bob", "", "admin"));
        assertTrue(org.accountUnit("bob").isEmpty());
    }

    @Test
    void shouldJoinTheCallersTransactionAndShowOnlyCommittedState() {
        RuntimeException boom = assertThrows(RuntimeException.class, () -> fixture.unit.inTransaction(em -> {
            org.saveUnit(new OrgUnit("north", "hq", "华北大区", Kind.REGION), "admin");
            // the same transaction sees its unit when it adds a store and staff to it...
            org.saveUnit(new OrgUnit("bj-chaoyang", "north", "北京朝阳店", Kind.STORE), "admin");
            org.saveStaff(new Staff("g7", "陈静", "bj-chaoyang", null, true), "admin");
            // ...but readers see committed state only
            assertTrue(org.unit("north").isEmpty());
            throw new IllegalStateException("boom");
        }));
        assertEquals("boom", boom.getMessage());
        assertTrue(org.unit("north").isEmpty());
        assertTrue(org.staffMember("g7").isEmpty());

        fixture.unit.inTransaction(em -> {
            org.saveUnit(new OrgUnit("north", "hq", "华北大区", Kind.REGION), "admin");
            org.saveUnit(new OrgUnit("bj-chaoyang", "north", "北京朝阳店", Kind.STORE), "admin");
            return org.saveStaff(new Staff("g7", "陈静", "bj-chaoyang", null, true), "admin");
        });
        assertEquals("北京朝阳店", org.unit("bj-chaoyang").orElseThrow().name());
        assertEquals(Set.of("g7"), org.scopeOf("north").staffIds());
    }

    @Test
    void shouldRecordChangesWithTheActorAndNothingForAnUnchangedSave() {
        fixture.bus.published.clear();
        org.saveUnit(new OrgUnit("north", "hq", "华北大区", Kind.REGION), "alice");
        org.saveUnit(new OrgUnit("north", "hq", "华北大区", Kind.REGION), "alice");
        org.saveStaff(new Staff("g1", "王芳", "north", null, true), "bob");
        org.linkAccount("carol", "north", "alice");
        List<Event> events = fixture.bus.published;
        assertEquals(List.of("org.unit.saved", "org.staff.saved", "org.account.linked"),
                events.stream().map(Event::type).toList());
        assertTrue(events.get(0).data().contains("\"actor\":\"alice\""), events.get(0).data());
        assertTrue(events.get(0).data().contains("\"before\":null"), events.get(0).data());
        assertTrue(events.get(1).data().contains("\"actor\":\"bob\""), events.get(1).data());
        assertTrue(events.get(2).data().contains("\"target\":\"carol\""), events.get(2).data());
        assertEquals(null, events.get(0).subject());
    }

    @Test
    void shouldLoadWhatAnotherInstanceCommitted() {
        fixture.withStores();
        org.linkAccount("east-manager", "east", "admin");
        Org restarted = new Org(fixture.unit, null, Clock.systemUTC());
        try {
            assertEquals(org.units(), restarted.units());
            assertEquals(org.scope("east-manager"), restarted.scope("east-manager"));
        } finally {
            restarted.deactivate();
        }
    }
}
