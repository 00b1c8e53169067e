package org.siyu.commerce.imports.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.siyu.api.i18n.Text;
import org.siyu.api.security.Permission;
import org.siyu.api.security.PermissionProvider;
import org.siyu.api.security.Role;

/** The import's permission: it records orders and creates customers, so operators and admins hold it. */
@Component
public class ImportPermissions implements PermissionProvider {

    /** Upload, dry-run and start order imports, see their history and errors, edit the sources' mappings. */
    public static final String RUN = "commerce.imports.run";

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission(RUN, Text.of("Import marketplace orders from CSV files",
                "从 CSV 文件导入电商平台订单"), Role.OPERATOR));
    }
}
