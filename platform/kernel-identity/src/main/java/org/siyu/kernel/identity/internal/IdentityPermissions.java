package org.siyu.kernel.identity.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.siyu.api.i18n.Text;
import org.siyu.api.security.Permission;
import org.siyu.api.security.PermissionProvider;
import org.siyu.api.security.Role;

/** The permissions of OneID's views and editor. The REST resources check roles (reads: any, writes: operator). */
@Component
public class IdentityPermissions implements PermissionProvider {

    /** See the customer list, open customers, see the acquisition report. */
    public static final String VIEW = "identity.view";

    /** Tag and untag customers, assign owners, undo merges, record acquisition costs. */
    public static final String EDIT = "identity.edit";

    @Override
    public List<Permission> permissions() {
        return List.of(
                new Permission(VIEW, Text.of("See customers and the acquisition report", "查看客户和获客成本"),
                        Role.VIEWER),
                new Permission(EDIT, Text.of("Change customers' tags and owners, undo merges, record acquisition costs",
                        "修改客户标签和归属、撤销合并、录入获客成本"), Role.OPERATOR));
    }
}
