package org.siyu.kernel.tagging.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.siyu.api.i18n.Text;
import org.siyu.api.security.Permission;
import org.siyu.api.security.PermissionProvider;
import org.siyu.api.security.Role;

/** The permissions of tagging. Assigning and removing tags is the customers resource's (kernel-identity). */
@Component
public class TaggingPermissions implements PermissionProvider {

    /** See tags and their counts, count segments: the views and GET /api/v1/tags, /api/v1/segments. */
    public static final String VIEW = "tagging.view";

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission(VIEW, Text.of("See tags and count segments", "查看标签和分群人数"), Role.VIEWER));
    }
}
