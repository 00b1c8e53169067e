package org.siyu.shell.internal;

import java.util.Map;
import org.siyu.api.security.Role;
import org.siyu.shell.backend.ContributionRegistry;

/**
 * Decides what a role may see and do. The shell's own permissions ({@code platform.*}) are fixed here;
 * every other permission is looked up in the registry (undeclared means admin-only). Used both to hide
 * what a user may not use and, on the server, to refuse it.
 */
public final class Access {

    /** See the Plugins view (the list). */
    public static final String PLUGINS_VIEW = "platform.plugins.view";
    /** Install, start, stop and uninstall plugins. */
    public static final String PLUGINS_MANAGE = "platform.plugins.manage";
    /** Read the audit log. */
    public static final String AUDIT_VIEW = "platform.audit.view";
    /** Read and change configuration. */
    public static final String CONFIG_EDIT = "platform.config.edit";
    /** See the jobs and their progress (the Jobs view, the status bar's indicator). */
    public static final String JOBS_VIEW = "platform.jobs.view";
    /** Cancel a queued or running job, whoever started it. */
    public static final String JOBS_CANCEL = "platform.jobs.cancel";
    /** See the search index's types, counts and sources. */
    public static final String SEARCH_VIEW = "platform.search.view";
    /** Start a rebuild of one type of the search index. */
    public static final String SEARCH_REBUILD = "platform.search.rebuild";

    private static final Map<String, Role> BUILT_IN = Map.of(
            PLUGINS_VIEW, Role.OPERATOR,
            PLUGINS_MANAGE, Role.ADMIN,
            AUDIT_VIEW, Role.ADMIN,
            CONFIG_EDIT, Role.ADMIN,
            JOBS_VIEW, Role.OPERATOR,
            JOBS_CANCEL, Role.OPERATOR,
            SEARCH_VIEW, Role.OPERATOR,
            SEARCH_REBUILD, Role.OPERATOR);

    private final ContributionRegistry registry;

    /** @param registry the contributions' permissions, or {@code null} to treat every foreign one as admin-only */
    public Access(ContributionRegistry registry) {
        this.registry = registry;
    }

    public boolean isPermitted(Role role, String permission) {
        if (role == null) {
            return false;
        }
        if (permission == null || permission.isEmpty()) {
            return true;
        }
        Role builtIn = BUILT_IN.get(permission);
        if (builtIn != null) {
            return role.includes(builtIn);
        }
        if (registry == null) {
            return role == Role.ADMIN;
        }
        try {
            return registry.isPermitted(role, permission);
        } catch (RuntimeException e) {
            return role == Role.ADMIN;
        }
    }
}
