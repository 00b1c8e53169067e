package org.siyu.kernel.imports.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.siyu.api.i18n.Text;
import org.siyu.api.security.Permission;
import org.siyu.api.security.PermissionProvider;
import org.siyu.api.security.Role;

/** The permission of the import: it creates customers and tags them, so operators and admins hold it. */
@Component
public class ImportPermissions implements PermissionProvider {

    /** Upload, dry-run and start imports, see their history and errors, save mappings: the view and the REST resource. */
    public static final String RUN = "imports.run";

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission(RUN, Text.of("Import customers from CSV files", "从 CSV 文件导入客户"),
                Role.OPERATOR));
    }
}
