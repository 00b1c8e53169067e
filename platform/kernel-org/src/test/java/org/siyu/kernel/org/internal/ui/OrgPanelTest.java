package org.siyu.kernel.org.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.org.OrgUnit;
import org.siyu.api.org.Staff;
import org.siyu.kernel.org.internal.OrgFixture;

/** The view on the server side: the tree, the staff of a selection, the forms, errors under the field, read-only. */
class OrgPanelTest {

    private final OrgFixture fixture = new OrgFixture().withStores();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void shouldShowTheTreeAndTheStaffOfTheSelectedUnitAndBelow() {
        OrgPanel panel = new OrgPanel(fixture.org, Locale.SIMPLIFIED_CHINESE, "boss", true);
        var tree = panel.unitGrid().getTreeData();
        assertEquals(List.of("hq"), tree.getRootItems().stream().map(OrgUnit::id).toList());
        OrgUnit east = fixture.org.unit("east").orElseThrow();
        assertEquals(List.of("sh-jingan", "sh-xuhui"), tree.getChildren(east).stream().map(OrgUnit::id).toList());
        assertEquals(4, panel.staffShown().size()); // nothing selected: everyone
        panel.unitGrid().select(east);
        assertEquals(List.of("m1", "g1", "g2"), panel.staffShown().stream().map(Staff::id).toList());
        assertTrue(panel.formsShown());
        assertFalse(panel.unitForm().parentChoices().contains("sh-jingan")); // nothing goes below a store
    }

    @Test
    void shouldAddAStoreFromTheForm() {
        OrgPanel panel = new OrgPanel(fixture.org, Locale.SIMPLIFIED_CHINESE, "boss", true);
        panel.unitForm().fill("hz-xihu", "杭州西湖店", "east", OrgUnit.Kind.STORE);
        panel.unitForm().save();
        assertEquals("已保存组织 杭州西湖店 (hz-xihu)", panel.statusText());
        assertEquals("east", fixture.org.unit("hz-xihu").orElseThrow().parentId());
        OrgUnit east = fixture.org.unit("east").orElseThrow();
        assertTrue(panel.unitGrid().getTreeData().getChildren(east).stream().anyMatch(u -> u.id().equals("hz-xihu")));
    }

    @Test
    void shouldShowARefusalUnderTheFieldItNames() {
        OrgPanel panel = new OrgPanel(fixture.org, Locale.ENGLISH, "boss", true);
        panel.unitForm().fill("x", "X", "sh-jingan", OrgUnit.Kind.STORE);
        panel.unitForm().save();
        assertTrue(panel.unitForm().error("parentId").startsWith("field 'parentId': 'sh-jingan' is a STORE"));
        assertNull(panel.unitForm().error("name"));
        assertTrue(fixture.org.unit("x").isEmpty());

        panel.staffForm().fill("g9", "", "sh-jingan", null, true);
        panel.staffForm().save();
        assertEquals("field 'name': is blank", panel.staffForm().error("name"));
        assertEquals("field 'name': is blank", panel.statusText());
    }

    @Test
    void shouldSaveStaffAndLinkAnAccount() {
        OrgPanel panel = new OrgPanel(fixture.org, Locale.ENGLISH, "boss", true);
        panel.staffForm().fill("g9", "赵敏", "sh-xuhui", "zhaomin", true);
        panel.staffForm().save();
        assertEquals(new Staff("g9", "赵敏", "sh-xuhui", "zhaomin", true), fixture.org.staffMember("g9").orElseThrow());
        panel.accountForm().fill("zhaomin", "sh-xuhui");
        panel.accountForm().save();
        assertEquals("Linked zhaomin → sh-xuhui", panel.statusText());
        assertTrue(fixture.org.scope("zhaomin").allowsOwner("g9"));
        panel.accountForm().fill("zhaomin", "nowhere");
        panel.accountForm().save();
        assertEquals("field 'unitId': there is no unit 'nowhere'", panel.accountForm().error("unitId"));
    }

    @Test
    void shouldBeReadOnlyForViewers() {
        OrgPanel panel = new OrgPanel(fixture.org, Locale.ENGLISH, "viewer1", false);
        assertFalse(panel.formsShown());
        assertEquals(6, panel.unitGrid().getTreeData().getRootItems().size()
                + panel.unitGrid().getTreeData().getChildren(fixture.org.unit("hq").orElseThrow()).size()
                + panel.unitGrid().getTreeData().getChildren(fixture.org.unit("east").orElseThrow()).size()
                + panel.unitGrid().getTreeData().getChildren(fixture.org.unit("south").orElseThrow()).size());
    }
}
