package org.siyu.commerce.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.siyu.api.i18n.Text;
import org.siyu.api.security.Permission;
import org.siyu.api.security.PermissionProvider;
import org.siyu.api.security.Role;

/**
 * Viewers read the catalogue, inventory and orders (orders only within their data scope); operators change them.
 */
@Component
public class CommercePermissions implements PermissionProvider {

    /** Read products, stock and orders: the views, the editors, the inspector section, GET in the REST API. */
    public static final String VIEW = "commerce.view";
    /** Create and change products and SKUs, adjust stock. */
    public static final String CATALOGUE = "commerce.catalogue.manage";
    /** Create orders, pay, ship, complete, cancel, refund them, handle after-sales requests. */
    public static final String ORDERS = "commerce.orders.manage";

    @Override
    public List<Permission> permissions() {
        return List.of(
                new Permission(VIEW, Text.of("See products, stock and orders", "查看商品、库存和订单"), Role.VIEWER),
                new Permission(CATALOGUE, Text.of("Manage products, SKUs and stock", "管理商品、SKU 和库存"),
                        Role.OPERATOR),
                new Permission(ORDERS, Text.of("Manage orders, payments, refunds and after-sales",
                        "管理订单、支付、退款和售后"), Role.OPERATOR));
    }
}
