package org.siyu.commerce.internal.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PrimitiveIterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.siyu.api.commerce.Order;
import org.siyu.api.commerce.OrderStatus;
import org.siyu.api.tags.TagService;
import org.siyu.api.ui.ViewContext;
import org.siyu.commerce.internal.orders.OrderFilter;
import org.siyu.commerce.internal.orders.OrderRow;
import org.siyu.commerce.internal.orders.Orders;
import org.siyu.commerce.internal.scope.Scope;

/**
 * The orders list: a lazy grid (the grid asks for the visible page only) filtered by status, channel, a date range and
 * a segment expression, within the user's data scope. A click selects (the inspector shows the order), a double click
 * or Enter opens the order's editor.
 */
class OrdersPanel extends Composite<VerticalLayout> {

    private final Orders orders;
    private final Scope scope;
    private final Supplier<TagService> tags;
    private final ViewContext context;
    private final Locale locale;
    private final MultiSelectComboBox<OrderStatus> statuses = new MultiSelectComboBox<>();
    private final TextField channel = new TextField();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final TextField segment = new TextField();
    private final Div error = new Div();
    private final Span count = new Span();
    private final Grid<OrderRow> grid = new Grid<>();
    private volatile OrderFilter filter = OrderFilter.ALL;
    /** Names of the customers on the pages fetched so far (OneID's, read once per page). */
    private final Map<Integer, String> names = new ConcurrentHashMap<>();

    OrdersPanel(Orders orders, Scope scope, Supplier<TagService> tags, ViewContext context) {
        this.orders = orders;
        this.scope = scope;
        this.tags = tags;
        this.context = context;
        this.locale = context.locale();

        statuses.setId("commerce-orders-status");
        statuses.setLabel(t("Status", "状态"));
        statuses.setItems(OrderStatus.values());
        statuses.setItemLabelGenerator(s -> CommerceUi.status(s, locale));
        statuses.addValueChangeListener(e -> apply());
        channel.setId("commerce-orders-channel");
        channel.setLabel(t("Channel", "渠道"));
        channel.setPlaceholder("mini, tmall, store…");
        channel.setValueChangeMode(ValueChangeMode.LAZY);
        channel.addValueChangeListener(e -> apply());
        from.setId("commerce-orders-from");
        to.setId("commerce-orders-to");
        from.setLabel(t("From", "开始日期"));
        to.setLabel(t("To", "结束日期"));
        from.addValueChangeListener(e -> apply());
        to.addValueChangeListener(e -> apply());
        segment.setId("commerce-orders-segment");
        segment.setLabel(t("Customer segment", "客户分群"));
        segment.setPlaceholder("tag:VIP AND NOT tag:\"lifecycle.churned\"");
        segment.setClearButtonVisible(true);
        segment.setValueChangeMode(ValueChangeMode.LAZY);
        segment.setValueChangeTimeout(400);
        segment.addValueChangeListener(e -> apply());
        if (tags.get() == null) {
            segment.setEnabled(false);
            segment.setHelperText(t("Tagging is not running: no segment filter", "标签服务未运行：无法按分群筛选"));
        }
        error.setId("commerce-orders-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)");
        error.setVisible(false);
        count.setId("commerce-orders-count");
        Button refresh = new Button(t("Refresh", "刷新"), VaadinIcon.REFRESH.create(), e -> apply());
        refresh.setId("commerce-orders-refresh");

        grid.setId("commerce-orders-grid");
        grid.addColumn(OrderRow::id).setHeader(t("Order", "订单号")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> CommerceUi.time(r.order().createdAt(), locale)).setHeader(t("Placed", "下单时间"))
                .setAutoWidth(true);
        grid.addColumn(r -> customer(r.order().customerId())).setHeader(t("Customer", "客户")).setAutoWidth(true);
        grid.addColumn(r -> r.order().channel()).setHeader(t("Channel", "渠道")).setAutoWidth(true);
        grid.addColumn(r -> CommerceUi.status(r.order().status(), locale)).setHeader(t("Status", "状态"))
                .setAutoWidth(true);
        grid.addColumn(r -> r.order().lines().stream().map(l -> l.title() + " ×" + l.quantity())
                .collect(Collectors.joining(", "))).setHeader(t("Items", "商品")).setFlexGrow(1);
        grid.addColumn(r -> CommerceUi.money(r.order().payableFen())).setHeader(t("Payable", "应付")).setAutoWidth(true);
        grid.addColumn(r -> r.order().refundedFen() == 0 ? "" : CommerceUi.money(r.order().refundedFen()))
                .setHeader(t("Refunded", "已退款")).setAutoWidth(true);
        // Identified by order id: an order re-read after it was paid is the same row and stays selected.
        grid.setItems(new CallbackDataProvider<OrderRow, Void>(
                q -> page(q.getOffset(), q.getLimit()).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, orders.search(filter, 0, 1).total()), OrderRow::id));
        grid.asSingleSelect().addValueChangeListener(e -> context.select(e.getValue() == null ? null
                : CommerceUi.selection(e.getValue().order(), locale)));
        grid.addItemDoubleClickListener(e -> open(e.getItem()));
        Shortcuts.addShortcutListener(grid, () -> open(grid.asSingleSelect().getValue()), Key.ENTER).listenOn(grid);

        HorizontalLayout bar = new HorizontalLayout(statuses, channel, from, to, segment, refresh);
        bar.setWidthFull();
        // Six filters do not fit beside the navigator and the inspector: they wrap instead of scrolling the view.
        bar.setWrap(true);
        segment.setMinWidth("18em");
        bar.expand(segment);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        VerticalLayout root = getContent();
        root.setId("commerce-orders");
        root.setSizeFull();
        root.add(bar, error, count);
        root.addAndExpand(grid);
        addAttachListener(e -> apply());
    }

    private String t(String en, String zh) {
        return CommerceUi.t(locale, en, zh);
    }

    private List<OrderRow> page(int offset, int limit) {
        List<OrderRow> rows = orders.search(filter, offset, limit).rows();
        names.putAll(orders.customerNames(rows.stream().mapToInt(r -> r.order().customerId()).distinct().toArray()));
        return rows;
    }

    private String customer(int id) {
        String name = names.get(id);
        return name == null ? String.valueOf(id) : name + " (" + id + ")";
    }

    private void open(OrderRow row) {
        if (row != null) {
            context.openEditor(CommerceUi.ORDER_TYPE, String.valueOf(row.id()));
        }
    }

    /** Builds the filter from the fields; a bad segment shows its error under the field and keeps the last list. */
    void apply() {
        if (scope.closed()) {
            showError(scope.problem().get(locale));
            filter = OrderFilter.ALL.within(new int[0]);
            grid.getDataProvider().refreshAll();
            return;
        }
        if (from.getValue() != null && to.getValue() != null && from.getValue().isAfter(to.getValue())) {
            showError(t("The start date is after the end date", "开始日期晚于结束日期"));
            return;
        }
        ZoneId zone = ZoneId.systemDefault();
        String ch = channel.getValue() == null || channel.getValue().isBlank() ? null : channel.getValue().strip();
        OrderFilter next = new OrderFilter(statuses.getValue(), ch,
                from.getValue() == null ? null : from.getValue().atStartOfDay(zone).toInstant(),
                to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(zone).toInstant(), null, null)
                .within(scope.customers());
        String expression = segment.getValue() == null ? "" : segment.getValue().strip();
        TagService tagService = tags.get();
        if (!expression.isEmpty() && tagService != null) {
            try {
                next = next.within(members(tagService.members(expression)));
            } catch (IllegalArgumentException e) { // SegmentSyntaxException names the position and token
                segment.setInvalid(true);
                showError(e.getMessage());
                return;
            }
        }
        segment.setInvalid(false);
        error.setVisible(false);
        filter = next;
        names.clear(); // names change too; the refresh below reads the shown page's again
        long total = orders.search(filter, 0, 1).total();
        count.setText(total + (total == 1 ? t(" order", " 个订单") : t(" orders", " 个订单"))
                + (scope.unrestricted() ? "" : t(" (in your data scope)", "（您的数据范围内）")));
        grid.getDataProvider().refreshAll();
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private static int[] members(PrimitiveIterator.OfInt it) {
        int[] out = new int[1024];
        int n = 0;
        while (it.hasNext()) {
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = it.nextInt();
        }
        return Arrays.copyOf(out, n);
    }

    String countText() {
        return count.getText();
    }

    List<Order> shown() {
        return orders.search(filter, 0, 100).rows().stream().map(OrderRow::order).toList();
    }
}
