package org.siyu.commerce.internal.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import org.siyu.api.commerce.Adjustment;
import org.siyu.api.commerce.Order;
import org.siyu.api.commerce.OrderLine;
import org.siyu.api.commerce.OrderStatus;
import org.siyu.api.commerce.PaymentGateway;
import org.siyu.api.ui.ViewContext;
import org.siyu.commerce.internal.CommercePermissions;
import org.siyu.commerce.internal.Errors;
import org.siyu.commerce.internal.Money;
import org.siyu.commerce.internal.aftersale.AfterSale;
import org.siyu.commerce.internal.aftersale.AfterSales;
import org.siyu.commerce.internal.orders.HistoryEntry;
import org.siyu.commerce.internal.orders.OrderRow;
import org.siyu.commerce.internal.orders.Orders;

/**
 * One order: its lines and discounts, payment, shipping, refunds, after-sales and timeline. Each action shows only
 * in the states where it applies and needs {@code commerce.orders.manage}; after each, everything is read again.
 */
class OrderEditor extends Composite<VerticalLayout> {

    private final Orders orders;
    private final AfterSales afterSales;
    private final long orderId;
    private final ViewContext context;
    private final Locale locale;
    private final boolean canAct;
    private final H3 heading = new H3();
    private final Span summary = new Span();
    private final Grid<OrderLine> lines = new Grid<>();
    private final Grid<Adjustment> adjustments = new Grid<>();
    private final HorizontalLayout payForm = new HorizontalLayout();
    private final ComboBox<PaymentGateway> gateway = new ComboBox<>();
    private final HorizontalLayout shipForm = new HorizontalLayout();
    private final TextField carrier = new TextField();
    private final TextField tracking = new TextField();
    private final HorizontalLayout doneForm = new HorizontalLayout();
    private final HorizontalLayout cancelForm = new HorizontalLayout();
    private final TextField cancelReason = new TextField();
    private final HorizontalLayout refundForm = new HorizontalLayout();
    private final TextField refundAmount = new TextField();
    private final TextField refundReason = new TextField();
    private final Grid<AfterSale> requests = new Grid<>();
    private final FormLayout requestForm = new FormLayout();
    private final ComboBox<AfterSale.Kind> kind = new ComboBox<>();
    private final TextField requestSku = new TextField();
    private final IntegerField requestQuantity = new IntegerField();
    private final TextField requestAmount = new TextField();
    private final TextField requestReason = new TextField();
    private final TextField requestReplacement = new TextField();
    private final TextField decisionNote = new TextField();
    private final Grid<HistoryEntry> timeline = new Grid<>();
    private final FieldErrors payErrors = new FieldErrors();
    private final FieldErrors shipErrors = new FieldErrors();
    private final FieldErrors cancelErrors = new FieldErrors();
    private final FieldErrors refundErrors = new FieldErrors();
    private final FieldErrors requestErrors = new FieldErrors();
    private final FieldErrors decisionErrors = new FieldErrors();
    private final HorizontalLayout decide = new HorizontalLayout();

    OrderEditor(Orders orders, AfterSales afterSales, long orderId, ViewContext context) {
        this.orders = orders;
        this.afterSales = afterSales;
        this.orderId = orderId;
        this.context = context;
        this.locale = context.locale();
        this.canAct = context.user().isPermitted(CommercePermissions.ORDERS);

        lines.addColumn(OrderLine::skuCode).setHeader("SKU").setAutoWidth(true);
        lines.addColumn(OrderLine::title).setHeader(t("Item", "商品")).setFlexGrow(1);
        lines.addColumn(OrderLine::quantity).setHeader(t("Qty", "数量")).setAutoWidth(true);
        lines.addColumn(l -> Money.yuan(l.unitPriceFen())).setHeader(t("Unit price", "单价")).setAutoWidth(true);
        lines.addColumn(l -> Money.yuan(l.amountFen())).setHeader(t("Amount", "金额")).setAutoWidth(true);
        lines.setAllRowsVisible(true);
        adjustments.addColumn(Adjustment::label).setHeader(t("Discount", "优惠")).setFlexGrow(1);
        adjustments.addColumn(Adjustment::source).setHeader(t("From", "来源")).setAutoWidth(true);
        adjustments.addColumn(a -> a.code() == null ? "" : a.code()).setHeader(t("Coupon", "券码")).setAutoWidth(true);
        adjustments.addColumn(a -> "-" + Money.yuan(a.amountFen())).setHeader(t("Amount", "金额")).setAutoWidth(true);
        adjustments.setAllRowsVisible(true);

        gateway.setLabel(t("Gateway", "支付渠道"));
        gateway.setItemLabelGenerator(g -> g.title().get(locale));
        payForm.add(gateway, button("pay", t("Mark paid / charge", "收款"), payErrors, this::pay));
        carrier.setLabel(t("Carrier", "承运商"));
        tracking.setLabel(t("Tracking number", "运单号"));
        shipForm.add(carrier, tracking, button("ship", t("Ship", "发货"), shipErrors, this::ship));
        doneForm.add(button("complete", t("Complete", "确认完成"), new FieldErrors(),
                () -> orders.complete(orderId, user())));
        cancelReason.setLabel(t("Cancel reason", "取消原因"));
        cancelForm.add(cancelReason, button("cancel", t("Cancel order", "取消订单"), cancelErrors,
                () -> orders.cancel(orderId, cancelReason.getValue(), user())));
        refundAmount.setLabel(t("Refund (yuan, empty = all)", "退款金额（元，留空为全部）"));
        refundReason.setLabel(t("Reason", "原因"));
        refundForm.add(refundAmount, refundReason, button("refund", t("Refund", "退款"), refundErrors, this::refund));
        for (HorizontalLayout form : new HorizontalLayout[] {payForm, shipForm, doneForm, cancelForm, refundForm}) {
            form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        }

        requests.addColumn(AfterSale::id).setHeader("#").setAutoWidth(true);
        requests.addColumn(a -> kind(a.kind())).setHeader(t("Kind", "类型")).setAutoWidth(true);
        requests.addColumn(a -> status(a.status())).setHeader(t("Status", "状态")).setAutoWidth(true);
        requests.addColumn(a -> a.skuCode() == null ? "" : a.skuCode() + " ×" + a.quantity()
                + (a.replacementSku() == null ? "" : " → " + a.replacementSku())).setHeader("SKU").setAutoWidth(true);
        requests.addColumn(a -> a.amountFen() == 0 ? "" : Money.yuan(a.amountFen())).setHeader(t("Amount", "金额"))
                .setAutoWidth(true);
        requests.addColumn(AfterSale::reason).setHeader(t("Reason", "原因")).setFlexGrow(1);
        requests.addColumn(AfterSale::note).setHeader(t("Note", "备注")).setFlexGrow(1);
        requests.setAllRowsVisible(true);
        decisionNote.setLabel(t("Note for the selected request", "对所选申请的备注"));
        decide.add(decisionNote,
                button("approve", t("Approve", "同意"), decisionErrors,
                        () -> afterSales.approve(selected().id(), decisionNote.getValue(), user())),
                button("reject", t("Reject", "拒绝"), decisionErrors,
                        () -> afterSales.reject(selected().id(), decisionNote.getValue(), user())),
                button("after-sale-complete", t("Complete", "完成"), decisionErrors,
                        () -> afterSales.complete(selected().id(), decisionNote.getValue(), user())));
        decide.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        kind.setLabel(t("Request", "申请类型"));
        kind.setItems(AfterSale.Kind.values());
        kind.setItemLabelGenerator(this::kind);
        requestSku.setLabel("SKU");
        requestQuantity.setLabel(t("Units", "件数"));
        requestAmount.setLabel(t("Refund (yuan)", "退款金额（元）"));
        requestReason.setLabel(t("Customer's reason", "客户原因"));
        requestReplacement.setLabel(t("Exchange for SKU (empty = same)", "换成 SKU（留空为同款）"));
        requestForm.add(kind, requestSku, requestQuantity, requestReplacement, requestAmount, requestReason,
                button("request", t("Open request", "提交售后"), requestErrors, this::openRequest));

        timeline.addColumn(h -> CommerceUi.time(h.at(), locale)).setHeader(t("When", "时间")).setAutoWidth(true);
        timeline.addColumn(h -> action(h.action())).setHeader(t("What", "事项")).setAutoWidth(true);
        timeline.addColumn(h -> CommerceUi.status(h.to(), locale)).setHeader(t("Status after", "之后状态"))
                .setAutoWidth(true);
        timeline.addColumn(HistoryEntry::detail).setHeader(t("Detail", "详情")).setFlexGrow(1);
        timeline.addColumn(HistoryEntry::actor).setHeader(t("By", "操作人")).setAutoWidth(true);
        timeline.setAllRowsVisible(true);

        heading.setId(id("heading"));
        summary.setId(id("summary"));
        lines.setId(id("lines"));
        adjustments.setId(id("adjustments"));
        gateway.setId(id("gateway"));
        carrier.setId(id("carrier"));
        tracking.setId(id("tracking"));
        cancelReason.setId(id("cancel-reason"));
        refundAmount.setId(id("refund-amount"));
        refundReason.setId(id("refund-reason"));
        requests.setId(id("after-sales"));
        decisionNote.setId(id("decision-note"));
        kind.setId(id("request-kind"));
        requestSku.setId(id("request-sku"));
        requestQuantity.setId(id("request-quantity"));
        requestReplacement.setId(id("request-replacement"));
        requestAmount.setId(id("request-amount"));
        requestReason.setId(id("request-reason"));
        timeline.setId(id("timeline"));
        payErrors.add("gateway", gateway);
        shipErrors.add("carrier", carrier).add("trackingNo", tracking);
        cancelErrors.add("reason", cancelReason);
        refundErrors.add("amountFen", refundAmount).add("reason", refundReason);
        requestErrors.add("kind", kind).add("skuCode", requestSku).add("quantity", requestQuantity)
                .add("replacementSku", requestReplacement).add("amountFen", requestAmount).add("reason", requestReason);
        decisionErrors.add("note", decisionNote);

        VerticalLayout root = getContent();
        // Ids carry the order: several order editors can be open in one page.
        root.setId("commerce-order-editor-" + orderId);
        root.add(heading, summary, lines, adjustments, new H4(t("Payment and delivery", "支付与发货")), payForm, shipForm,
                doneForm, cancelForm, refundForm, new H4(t("After-sales", "售后")), requests, decide, requestForm,
                new H4(t("Timeline", "时间线")), timeline);
        load();
    }

    private String t(String en, String zh) {
        return CommerceUi.t(locale, en, zh);
    }

    private String user() {
        return context.user().username();
    }

    private String id(String part) {
        return "commerce-order-" + orderId + "-" + part;
    }

    private Button button(String idPart, String text, FieldErrors errors, Runnable action) {
        Button b = new Button(text, e -> {
            if (CommerceUi.attempt(context, errors, action)) {
                load();
            }
        });
        b.setId(id(idPart));
        b.addThemeVariants(ButtonVariant.PRIMARY);
        b.setEnabled(canAct);
        return b;
    }

    private AfterSale selected() {
        AfterSale a = requests.asSingleSelect().getValue();
        if (a == null) {
            throw new IllegalArgumentException(t("Select a request first", "请先选择一个售后申请"));
        }
        return a;
    }

    private void load() {
        OrderRow row = orders.row(orderId).orElse(null);
        if (row == null) {
            heading.setText(t("This order no longer exists.", "该订单已不存在。"));
            return;
        }
        Order o = row.order();
        heading.setText(t("Order ", "订单 ") + o.id() + " · " + CommerceUi.status(o.status(), locale));
        String name = orders.customerNames(new int[] {o.customerId()}).get(o.customerId());
        summary.setText(t("Customer ", "客户 ") + (name == null ? "" + o.customerId() : name + " (" + o.customerId() + ")")
                + " · " + o.channel()
                + (o.externalId() == null ? "" : " " + o.externalId()) + " · " + t("total ", "合计 ")
                + Money.yuan(o.totalFen()) + " · " + t("payable ", "应付 ") + Money.yuan(o.payableFen())
                + (o.paidFen() > 0 ? " · " + t("paid ", "已付 ") + Money.yuan(o.paidFen()) + " (" + o.gateway() + ")" : "")
                + (o.refundedFen() > 0 ? " · " + t("refunded ", "已退 ") + Money.yuan(o.refundedFen()) : "")
                + (o.carrier() == null ? "" : " · " + o.carrier() + " " + o.trackingNo()));
        lines.setItems(o.lines());
        adjustments.setItems(o.adjustments());
        adjustments.setVisible(!o.adjustments().isEmpty());
        gateway.setItems(orders.gateways());
        gateway.setValue(orders.gateways().getFirst());
        payForm.setVisible(o.status() == OrderStatus.CREATED);
        cancelForm.setVisible(o.status() == OrderStatus.CREATED);
        shipForm.setVisible(o.status() == OrderStatus.PAID);
        doneForm.setVisible(o.status() == OrderStatus.PAID || o.status() == OrderStatus.SHIPPED);
        refundForm.setVisible(o.refundableFen() > 0 && o.gateway() != null);
        List<AfterSale> afterSaleRequests = afterSales.ofOrder(orderId);
        requests.setItems(afterSaleRequests);
        requests.setVisible(!afterSaleRequests.isEmpty());
        decide.setVisible(canAct && !afterSaleRequests.isEmpty());
        requestForm.setVisible(canAct && o.refundableFen() > 0 && o.status() != OrderStatus.CREATED);
        timeline.setItems(orders.history(orderId));
        context.select(CommerceUi.selection(o, locale));
    }

    private void pay() {
        if (gateway.getValue() == null) {
            throw Errors.invalid("gateway", t("choose one", "请选择支付渠道"));
        }
        orders.pay(orderId, gateway.getValue().id(), user());
    }

    private void ship() {
        orders.ship(orderId, carrier.getValue(), tracking.getValue(), user());
    }

    private void refund() {
        orders.refund(orderId, CommerceUi.optionalFen(refundAmount.getValue(), "amountFen"), refundReason.getValue(),
                user());
        refundAmount.clear();
        refundReason.clear();
    }

    private void openRequest() {
        afterSales.request(orderId, kind.getValue(), requestReason.getValue(),
                requestSku.getValue() == null || requestSku.getValue().isBlank() ? null : requestSku.getValue().strip(),
                requestQuantity.getValue(), requestReplacement.getValue(),
                CommerceUi.optionalFen(requestAmount.getValue(), "amountFen"), user());
    }

    private String kind(AfterSale.Kind k) {
        return switch (k) {
            case RETURN -> t("Return and refund", "退货退款");
            case EXCHANGE -> t("Exchange", "换货");
            case REFUND_ONLY -> t("Refund only", "仅退款");
        };
    }

    private String status(AfterSale.Status s) {
        return switch (s) {
            case REQUESTED -> t("Requested", "待审核");
            case APPROVED -> t("Approved", "已同意");
            case REJECTED -> t("Rejected", "已拒绝");
            case COMPLETED -> t("Completed", "已完成");
        };
    }

    private String action(String action) {
        return switch (action) {
            case "created" -> t("Created", "下单");
            case "paid" -> t("Paid", "支付");
            case "shipped" -> t("Shipped", "发货");
            case "completed" -> t("Completed", "完成");
            case "cancelled" -> t("Cancelled", "取消");
            case "refunded" -> t("Refunded", "退款");
            case "recorded" -> t("Recorded", "导入");
            case "after-sale" -> t("After-sales", "售后");
            default -> action;
        };
    }
}
