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

    private static final Map<String, Role> BUILT_IN = Map.of(
            PLUGINS_VIEW, Role.OPERATOR,
            PLUGINS_MANAGE, Role.ADMIN,
            AUDIT_VIEW, Role.ADMIN,
            CONFIG_EDIT, Role.ADMIN);

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
