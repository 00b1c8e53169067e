package org.siyu.commerce.internal.ui;

import com.vaadin.flow.component.Component;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.siyu.api.i18n.Text;
import org.siyu.api.tags.TagService;
import org.siyu.api.ui.ViewContext;
import org.siyu.api.ui.ViewContribution;
import org.siyu.commerce.internal.CommercePermissions;
import org.siyu.commerce.internal.orders.Orders;
import org.siyu.commerce.internal.scope.Scopes;

/** The navigator node "Commerce › Orders" (交易云 › 订单). Tagging is optional: without it, no segment filter. */
@org.osgi.service.component.annotations.Component
public class OrdersView implements ViewContribution {

    private final Orders orders;
    private final Scopes scopes;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TagService tags;

    @Activate
    public OrdersView(@Reference Orders orders, @Reference Scopes scopes) {
        this.orders = orders;
        this.scopes = scopes;
    }

    @Override
    public String id() {
        return "commerce.orders";
    }

    @Override
    public Text title() {
        return Text.of("Orders", "订单");
    }

    @Override
    public Text group() {
        return CommerceUi.GROUP;
    }

    @Override
    public String icon() {
        return "CART";
    }

    @Override
    public String permission() {
        return CommercePermissions.VIEW;
    }

    @Override
    public Component createView(ViewContext context) {
        return new OrdersPanel(orders, scopes.of(context.user().username()), () -> tags, context);
    }
}
