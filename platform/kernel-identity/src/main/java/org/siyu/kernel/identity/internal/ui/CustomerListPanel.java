package org.siyu.kernel.identity.internal.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.text.NumberFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.siyu.api.i18n.Text;
import org.siyu.api.identity.Customer;
import org.siyu.api.org.OrgService;
import org.siyu.api.org.Staff;
import org.siyu.api.tags.SegmentSyntaxException;
import org.siyu.api.ui.ViewContext;
import org.siyu.kernel.identity.internal.CustomerServices;
import org.siyu.kernel.identity.internal.IdSet;

/**
 * The customer list: a lazy grid over the ids a segment expression and the user's data scope select. The grid asks
 * for the visible page only; the page's customers are read with one batch call. A click selects (the inspector shows
 * the customer), a double click or Enter opens the customer's editor.
 */
class CustomerListPanel extends Composite<VerticalLayout> {

    /** Pause in typing, in milliseconds, after which the filter is applied. */
    static final int LAZY_MILLIS = 400;

    private final CustomerQuery query;
    private final CustomerServices services;
    private final ViewContext context;
    private final Locale locale;
    private final NumberFormat numbers;
    private final TextField filter = new TextField();
    private final Div error = new Div();
    private final Span count = new Span();
    private final Grid<Customer> grid = new Grid<>();
    private volatile IdSet ids = IdSet.EMPTY;
    private volatile CustomerQuery.Levels levels = CustomerQuery.Levels.NONE;
    private Map<String, String> staffNames = Map.of();

    CustomerListPanel(CustomerServices services, ViewContext context) {
        this.services = services;
        this.context = context;
        this.locale = context.locale();
        this.numbers = NumberFormat.getIntegerInstance(locale == null ? Locale.ENGLISH : locale);
        this.query = new CustomerQuery(services, services.scope(context.user().username()));

        filter.setId("customers-filter");
        filter.setLabel(Text.of("Segment", "分群筛选").get(locale));
        filter.setPlaceholder("tag:VIP AND NOT tag:\"reach.owned\"");
        filter.setWidthFull();
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setValueChangeTimeout(LAZY_MILLIS);
        filter.addValueChangeListener(e -> apply(e.getValue()));
        if (services.tags() == null) {
            filter.setEnabled(false);
            filter.setHelperText(Text.of("Tagging is not running: segment filters are not available",
                    "标签服务未运行：无法按分群筛选").get(locale));
        }
        error.setId("customers-filter-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)");
        error.setVisible(false);
        count.setId("customers-count");

        Button refresh = new Button(Text.of("Refresh", "刷新").get(locale), VaadinIcon.REFRESH.create(),
                e -> apply(filter.getValue()));
        refresh.setId("customers-refresh");

        grid.setId("customers-grid");
        grid.addColumn(Customer::id).setHeader("ID").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> CustomerUi.title(c, locale)).setHeader(Text.of("Name", "姓名").get(locale)).setFlexGrow(1);
        grid.addColumn(Customer::firstChannel).setHeader(Text.of("First channel", "首次渠道").get(locale)).setAutoWidth(true);
        grid.addColumn(Customer::campaign).setHeader(Text.of("Campaign", "活动").get(locale)).setAutoWidth(true);
        grid.addColumn(c -> ownerName(c.owner())).setHeader(Text.of("Owner", "归属导购").get(locale)).setAutoWidth(true);
        grid.addColumn(c -> CustomerUi.time(c.createdAt(), locale)).setHeader(Text.of("Created", "创建时间").get(locale))
                .setAutoWidth(true);
        grid.addColumn(c -> levels.of(c.id())).setHeader(Text.of("Level", "流量产权").get(locale)).setAutoWidth(true);
        grid.setItems(DataProvider.fromCallbacks(
                q -> query.page(ids, q.getOffset(), q.getLimit()).stream(),
                q -> ids.size()));
        grid.asSingleSelect().addValueChangeListener(e -> context.select(e.getValue() == null ? null
                : CustomerUi.selection(e.getValue(), levels.of(e.getValue().id()), locale)));
        grid.addItemDoubleClickListener(e -> open(e.getItem()));
        Shortcuts.addShortcutListener(grid, () -> open(grid.asSingleSelect().getValue()), Key.ENTER).listenOn(grid);

        HorizontalLayout bar = new HorizontalLayout(filter, refresh);
        bar.setWidthFull();
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.expand(filter);
        VerticalLayout root = getContent();
        root.setId("customers-list");
        root.setSizeFull();
        root.add(bar, error, count);
        root.addAndExpand(grid);
        apply("");
    }

    private void open(Customer customer) {
        if (customer != null) {
            context.openEditor(CustomerUi.TYPE, String.valueOf(customer.id()));
        }
    }

    /** Applies the filter: the count and the grid follow, or the error is shown under the field. */
    void apply(String expression) {
        try {
            IdSet selected = query.ids(expression);
            ids = selected;
            levels = query.levels();
            staffNames = staffNames();
            filter.setInvalid(false);
            error.setVisible(false);
            error.setText("");
            count.setText(Text.of(numbers.format(selected.size()) + " customers",
                    numbers.format(selected.size()) + " 位客户").get(locale)
                    + (query.scope().unrestricted() ? "" : Text.of(" (in your data scope)", "（您的数据范围内）").get(locale)));
            grid.getDataProvider().refreshAll();
        } catch (SegmentSyntaxException | IllegalStateException e) {
            filter.setInvalid(true);
            error.setText(e.getMessage());
            error.setVisible(true);
        }
    }

    private Map<String, String> staffNames() {
        OrgService org = services.org();
        if (org == null) {
            return Map.of();
        }
        Map<String, String> names = new HashMap<>();
        for (Staff s : org.staff(null, true)) {
            names.put(s.id(), s.name());
        }
        return names;
    }

    private String ownerName(String owner) {
        if (owner == null) {
            return "";
        }
        String name = staffNames.get(owner);
        return name == null ? owner : name + " (" + owner + ")";
    }

    String countText() {
        return count.getText();
    }

    String errorText() {
        return error.isVisible() ? error.getText() : "";
    }

    TextField filterField() {
        return filter;
    }

    Grid<Customer> grid() {
        return grid;
    }
}
