package org.siyu.api.security;

import org.osgi.annotation.versioning.ProviderType;

/** The signed-in admin user, as contributions see it. */
@ProviderType
public interface User {

    /** The account name. */
    String username();

    /** The account's role. */
    Role role();

    /**
     * Whether this user holds {@code permission}. {@code null} means "any signed-in user" and is always
     * granted; an undeclared permission is granted to admins only.
     */
    boolean isPermitted(String permission);
}
