package org.siyu.launcher.internal.rest;

import org.siyu.api.security.Role;
import org.siyu.api.security.User;
import org.siyu.shell.backend.ContributionRegistry;

/** The user behind a bearer token, with the permissions bundles declare. */
record ApiUser(String username, Role role, ContributionRegistry registry) implements User {

    @Override
    public boolean isPermitted(String permission) {
        return registry.isPermitted(role, permission);
    }
}
