/**
 * Roles, the permissions that bundles declare, and the signed-in user as a contribution sees it.
 *
 * <p>Every admin account has one {@link org.siyu.api.security.Role}. A bundle declares the permissions its
 * views and commands need through a {@link org.siyu.api.security.PermissionProvider}; each permission names
 * the least role that holds it. The shell hides what a user may not use and the server refuses it too.
 */
@Export
@Version("1.0.0")
package org.siyu.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
