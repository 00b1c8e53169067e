package org.siyu.commerce.codes.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.siyu.api.i18n.Text;
import org.siyu.api.security.Permission;
import org.siyu.api.security.PermissionProvider;
import org.siyu.api.security.Role;

/** The permissions of one item, one code. */
@Component
public class CodePermissions implements PermissionProvider {

    /** See batches and look codes up. */
    public static final String VIEW = "commerce.codes.view";
    /** Create batches and export them for printing. */
    public static final String MANAGE = "commerce.codes.manage";
    /** Bind a code to a customer: what the scan page's back end (an API token of an operator) calls. */
    public static final String BIND = "commerce.codes.bind";

    @Override
    public List<Permission> permissions() {
        return List.of(
                new Permission(VIEW, Text.of("See product code batches and look codes up", "查看一物一码批次并查询码"),
                        Role.VIEWER),
                new Permission(MANAGE, Text.of("Create product code batches and export them for printing",
                        "创建一物一码批次并导出印刷"), Role.OPERATOR),
                new Permission(BIND, Text.of("Bind product codes to customers (scan registration)",
                        "将商品码绑定到客户（扫码登记）"), Role.OPERATOR));
    }
}
