package org.siyu.commerce.internal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.commerce.Order;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.InspectorSection;
import org.siyu.api.ui.Selection;
import org.siyu.api.ui.ViewContext;
import org.siyu.commerce.internal.CommercePermissions;
import org.siyu.commerce.internal.orders.Orders;

/**
 * "Recent orders" (最近订单) in the inspector when a customer is selected: the last orders with status and amount,
 * each a link to its editor. The customer list already keeps to the user's data scope; users without
 * {@code commerce.view} see a line saying so.
 */
@org.osgi.service.component.annotations.Component
public class CustomerOrdersSection implements InspectorSection {

    static final int SHOWN = 8;

    private final Orders orders;

    @Activate
    public CustomerOrdersSection(@Reference Orders orders) {
        this.orders = orders;
    }

    @Override
    public Text title() {
        return Text.of("Recent orders", "最近订单");
    }

    /** Only compares the type: called for every selection of every session. */
    @Override
    public boolean appliesTo(Selection selection) {
        return "customer".equals(selection.type());
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public Component create(Selection selection, ViewContext context) {
        Locale locale = context.locale();
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.setSpacing(false);
        box.setId("commerce-customer-orders");
        if (!context.user().isPermitted(CommercePermissions.VIEW)) {
            box.add(new Span(CommerceUi.t(locale, "You may not see orders.", "您无权查看订单。")));
            return box;
        }
        int customerId;
        try {
            customerId = Integer.parseInt(selection.id());
        } catch (NumberFormatException e) {
            return box;
        }
        List<Order> recent = orders.orders(customerId, SHOWN);
        if (recent.isEmpty()) {
            box.add(new Span(CommerceUi.t(locale, "No orders yet.", "暂无订单。")));
            return box;
        }
        long paid = recent.stream().mapToLong(o -> o.paidFen() - o.refundedFen()).sum();
        Span total = new Span(CommerceUi.t(locale, "Last " + recent.size() + ": net paid ", "最近 " + recent.size()
                + " 单：实付 ") + CommerceUi.money(paid));
        total.setId("commerce-customer-orders-total");
        box.add(total);
        // The inspector is narrow: the link says which order and how it stands, the line below when and where.
        for (Order o : recent) {
            Button link = new Button("#" + o.id() + " · " + CommerceUi.status(o.status(), locale) + " · "
                    + CommerceUi.money(o.payableFen()),
                    e -> context.openEditor(CommerceUi.ORDER_TYPE, String.valueOf(o.id())));
            link.setId("commerce-customer-order-" + o.id());
            link.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            Span when = new Span(CommerceUi.time(o.createdAt(), locale) + " · " + o.channel());
            when.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-xs)")
                    .set("margin-bottom", "var(--lumo-space-xs)");
            box.add(link, when);
        }
        return box;
    }
}
