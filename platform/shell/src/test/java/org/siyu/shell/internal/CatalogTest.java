package org.siyu.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.siyu.api.security.Role;
import org.siyu.api.ui.Perspective;
import org.siyu.shell.backend.ContributionRegistry;
import org.siyu.shell.internal.builtin.BuiltInViews;

class CatalogTest {

    private final ContributionRegistry registry = Fixtures.notesRegistry();
    private final Catalog catalog = new Catalog(registry, () -> BuiltInViews.entries(null));

    private static List<String> ids(List<ViewEntry> views) {
        return views.stream().map(ViewEntry::id).toList();
    }

    @Test
    void brokenContributionsAreSkipped() {
        assertEquals(List.of("platform.plugins", "platform.audit", "platform.config", "platform.jobs",
                "platform.search", "notes.list", "notes.stats", "notes.secret"), ids(catalog.views()));
    }

    @Test
    void navigatorShowsThePerspectiveAndWhatTheRoleMayOpen() {
        assertEquals(List.of("notes.list"), ids(catalog.navigator(Role.VIEWER, Perspective.OPERATIONS, Locale.ENGLISH)));
        assertEquals(List.of("notes.list"), ids(catalog.navigator(Role.OPERATOR, Perspective.OPERATIONS, Locale.ENGLISH)));
        // the undeclared permission is admin-only
        assertEquals(List.of("notes.list", "notes.secret"),
                ids(catalog.navigator(Role.ADMIN, Perspective.OPERATIONS, Locale.ENGLISH)));
        assertEquals(List.of("notes.stats"), ids(catalog.navigator(Role.VIEWER, Perspective.ANALYTICS, Locale.ENGLISH)));
    }

    @Test
    void developerPerspectiveHoldsThePlatformViewsByRole() {
        assertEquals(List.of(), ids(catalog.navigator(Role.VIEWER, Perspective.DEVELOPER, Locale.ENGLISH)));
        // operators watch jobs and the index; sorted by title within the group
        assertEquals(List.of("platform.jobs", "platform.plugins", "platform.search"),
                ids(catalog.navigator(Role.OPERATOR, Perspective.DEVELOPER, Locale.ENGLISH)));
        assertEquals(List.of("platform.audit", "platform.config", "platform.jobs", "platform.plugins",
                "platform.search"),
                ids(catalog.navigator(Role.ADMIN, Perspective.DEVELOPER, Locale.ENGLISH)));
        Map<String, List<ViewEntry>> zh = Catalog.grouped(
                catalog.navigator(Role.ADMIN, Perspective.DEVELOPER, Locale.CHINA), Locale.CHINA);
        assertEquals(List.of("平台"), List.copyOf(zh.keySet()));
    }

    @Test
    void commandsAreFilteredByRole() {
        assertEquals(List.of(), catalog.permittedCommands(Role.VIEWER));
        assertEquals(List.of("notes.new"), catalog.permittedCommands(Role.OPERATOR).stream().map(CommandEntry::id).toList());
        assertEquals(List.of("notes.new", "notes.reindex"),
                catalog.permittedCommands(Role.ADMIN).stream().map(CommandEntry::id).toList());
    }

    @Test
    void accessKnowsTheShellsOwnPermissions() {
        Access access = catalog.access();
        assertTrue(access.isPermitted(Role.VIEWER, null));
        assertTrue(access.isPermitted(Role.VIEWER, ""));
        assertFalse(access.isPermitted(null, null));
        assertFalse(access.isPermitted(Role.VIEWER, Access.PLUGINS_VIEW));
        assertTrue(access.isPermitted(Role.OPERATOR, Access.PLUGINS_VIEW));
        assertFalse(access.isPermitted(Role.OPERATOR, Access.PLUGINS_MANAGE));
        assertTrue(access.isPermitted(Role.ADMIN, Access.PLUGINS_MANAGE));
        assertFalse(access.isPermitted(Role.OPERATOR, Access.CONFIG_EDIT));
        assertTrue(access.isPermitted(Role.VIEWER, "notes.read"));
        assertFalse(access.isPermitted(Role.VIEWER, "notes.edit"));
        assertFalse(access.isPermitted(Role.OPERATOR, "notes.undeclared"));
        assertTrue(access.isPermitted(Role.ADMIN, "notes.undeclared"));
    }

    @Test
    void removalIsSeenAtOnce() {
        registry.remove(org.siyu.api.ui.ViewContribution.class, 2);
        assertEquals(List.of(), ids(catalog.navigator(Role.VIEWER, Perspective.OPERATIONS, Locale.ENGLISH)));
        assertTrue(catalog.view("notes.list").isEmpty());
    }
}
