package org.siyu.kernel.org.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.siyu.api.i18n.Text;
import org.siyu.api.security.Permission;
import org.siyu.api.security.PermissionProvider;
import org.siyu.api.security.Role;

/** The permissions of the organisation: everybody may look at it, only admins change it (it bounds data scopes). */
@Component
public class OrgPermissions implements PermissionProvider {

    /** See units, staff and account links: the view and the GETs of /api/v1/org. */
    public static final String VIEW = "org.view";
    /** Change units, staff and account links: the forms of the view and the PUTs of /api/v1/org. */
    public static final String ADMIN = "org.admin";

    @Override
    public List<Permission> permissions() {
        return List.of(
                new Permission(VIEW, Text.of("See org units and staff", "查看组织、门店与导购"), Role.VIEWER),
                new Permission(ADMIN, Text.of("Change org units, staff and account scopes", "维护组织、导购和账号数据范围"),
                        Role.ADMIN));
    }
}
