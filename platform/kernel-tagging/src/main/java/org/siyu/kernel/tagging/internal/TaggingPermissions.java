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

    /** Save, change and delete segments; create tags and set their titles; recompute the system tags. */
    public static final String EDIT = "tagging.edit";

    /** Export a segment's customers to CSV (names and owners leave the system). */
    public static final String EXPORT = "tagging.export";

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission(VIEW, Text.of("See tags and count segments", "查看标签和分群人数"), Role.VIEWER),
                new Permission(EDIT, Text.of("Save segments, create and rename tags, recompute system tags",
                        "保存分群、创建和重命名标签、重新计算系统标签"), Role.OPERATOR),
                new Permission(EXPORT, Text.of("Export a segment's customers to CSV", "导出分群客户（CSV）"),
                        Role.OPERATOR));
    }
}
