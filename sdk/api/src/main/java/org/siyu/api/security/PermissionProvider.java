package org.siyu.api.security;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Declares the permissions of a bundle. Register an implementation as an OSGi service; the platform adds
 * the permissions while the service is registered. A contribution that names a permission nobody declared
 * is treated as admin-only.
 */
@ConsumerType
public interface PermissionProvider {

    /** The permissions this bundle declares; never {@code null}. */
    List<Permission> permissions();
}
