package org.siyu.commerce.internal.ui;

import com.vaadin.flow.component.Component;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.ui.EditorContribution;
import org.siyu.api.ui.ViewContext;
import org.siyu.commerce.internal.CommercePermissions;
import org.siyu.commerce.internal.aftersale.AfterSales;
import org.siyu.commerce.internal.orders.OrderRow;
import org.siyu.commerce.internal.orders.Orders;
import org.siyu.commerce.internal.scope.Scopes;

/**
 * Opens orders ({@code commerce.order}) as editor tabs. An order outside the user's data scope is "no such record",
 * as it is in the REST API.
 */
@org.osgi.service.component.annotations.Component
public class OrderEditors implements EditorContribution {

    private final Orders orders;
    private final AfterSales afterSales;
    private final Scopes scopes;

    @Activate
    public OrderEditors(@Reference Orders orders, @Reference AfterSales afterSales, @Reference Scopes scopes) {
        this.orders = orders;
        this.afterSales = afterSales;
        this.scopes = scopes;
    }

    @Override
    public String type() {
        return CommerceUi.ORDER_TYPE;
    }

    @Override
    public String title(String recordId, Locale locale) {
        return CommerceUi.t(locale, "Order ", "订单 ") + recordId;
    }

    @Override
    public String permission() {
        return CommercePermissions.VIEW;
    }

    @Override
    public Component createEditor(String recordId, ViewContext context) {
        long id = ProductEditors.parse(recordId);
        OrderRow row = orders.row(id).filter(r -> scopes.of(context.user().username()).allows(r.order().customerId()))
                .orElseThrow(() -> new NoSuchElementException("no order " + recordId));
        return new OrderEditor(orders, afterSales, row.id(), context);
    }
}
