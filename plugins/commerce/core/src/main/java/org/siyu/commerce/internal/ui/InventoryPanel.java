package org.siyu.commerce.internal.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.Locale;
import org.siyu.api.ui.ViewContext;
import org.siyu.commerce.internal.CommercePermissions;
import org.siyu.commerce.internal.Errors;
import org.siyu.commerce.internal.catalogue.Catalogue;
import org.siyu.commerce.internal.catalogue.Movement;
import org.siyu.commerce.internal.catalogue.StockLevel;

/**
 * Stock per SKU (on hand, reserved by unpaid orders, available) in a lazy grid; the selected SKU shows its ledger and
 * can be adjusted by a number of units with a reason, which the ledger keeps.
 */
class InventoryPanel extends Composite<VerticalLayout> {

    private final Catalogue catalogue;
    private final ViewContext context;
    private final Locale locale;
    private final TextField search = new TextField();
    private final Grid<StockLevel> levels = new Grid<>();
    private final Grid<Movement> ledger = new Grid<>();
    private final H4 selected = new H4();
    private final IntegerField delta = new IntegerField();
    private final TextField reason = new TextField();
    private final Button adjust = new Button();
    private final FieldErrors errors = new FieldErrors();

    InventoryPanel(Catalogue catalogue, ViewContext context) {
        this.catalogue = catalogue;
        this.context = context;
        this.locale = context.locale();

        search.setId("commerce-inventory-search");
        search.setPlaceholder(t("SKU code, SKU or product name", "SKU 编码、SKU 或商品名称"));
        search.setClearButtonVisible(true);
        search.setWidthFull();
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> levels.getDataProvider().refreshAll());

        levels.setId("commerce-inventory-grid");
        levels.addColumn(StockLevel::skuCode).setHeader("SKU").setAutoWidth(true);
        levels.addColumn(l -> l.productName() + (l.skuName().equals(l.skuCode()) ? "" : " · " + l.skuName()))
                .setHeader(t("Product", "商品")).setFlexGrow(1);
        levels.addColumn(StockLevel::onHand).setHeader(t("On hand", "在库")).setAutoWidth(true);
        levels.addColumn(StockLevel::reserved).setHeader(t("Reserved", "已预占")).setAutoWidth(true);
        levels.addColumn(StockLevel::available).setHeader(t("Available", "可售")).setAutoWidth(true);
        // Identified by SKU code: the level re-read after an adjustment is the same row and stays selected.
        levels.setItems(new CallbackDataProvider<StockLevel, Void>(
                q -> catalogue.levels(search.getValue(), q.getOffset(), q.getLimit()).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, catalogue.countLevels(search.getValue())),
                StockLevel::skuCode));
        levels.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));

        ledger.setId("commerce-inventory-ledger");
        ledger.addColumn(m -> CommerceUi.time(m.at(), locale)).setHeader(t("When", "时间")).setAutoWidth(true);
        ledger.addColumn(m -> kind(m.kind())).setHeader(t("What", "类型")).setAutoWidth(true);
        ledger.addColumn(m -> signed(m.onHandDelta())).setHeader(t("On hand ±", "在库变化")).setAutoWidth(true);
        ledger.addColumn(m -> signed(m.reservedDelta())).setHeader(t("Reserved ±", "预占变化")).setAutoWidth(true);
        ledger.addColumn(m -> m.onHandAfter() + " / " + m.reservedAfter())
                .setHeader(t("After (on hand / reserved)", "之后（在库/预占）")).setAutoWidth(true);
        ledger.addColumn(Movement::reason).setHeader(t("Reason", "原因")).setFlexGrow(1);
        ledger.addColumn(Movement::actor).setHeader(t("By", "操作人")).setAutoWidth(true);

        delta.setId("commerce-inventory-delta");
        reason.setId("commerce-inventory-reason");
        selected.setId("commerce-inventory-selected");
        errors.add("delta", delta).add("reason", reason);
        delta.setLabel(t("Units (+ in, − out)", "数量（+入库，−出库）"));
        delta.setStepButtonsVisible(true);
        reason.setLabel(t("Reason", "原因"));
        reason.setPlaceholder(t("stocktake, damaged, delivery…", "盘点、损坏、到货……"));
        adjust.setText(t("Adjust", "调整"));
        adjust.setId("commerce-inventory-adjust");
        adjust.addThemeVariants(ButtonVariant.PRIMARY);
        adjust.addClickListener(e -> adjust());
        boolean canEdit = context.user().isPermitted(CommercePermissions.CATALOGUE);
        HorizontalLayout form = new HorizontalLayout(delta, reason, adjust);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setVisible(false);
        form.setEnabled(canEdit);
        adjust.setEnabled(canEdit);
        selected.setVisible(false);

        VerticalLayout root = getContent();
        root.setId("commerce-inventory");
        root.setSizeFull();
        root.add(search);
        root.addAndExpand(levels);
        root.add(selected, form, ledger);
        // The levels and the selected SKU's ledger share the height.
        levels.setMinHeight("10em");
        ledger.setMinHeight("12em");
        root.setFlexGrow(1, levels, ledger);
        ledger.setVisible(false);
        addAttachListener(e -> levels.getDataProvider().refreshAll());
        levels.asSingleSelect().addValueChangeListener(e -> form.setVisible(e.getValue() != null));
    }

    private String t(String en, String zh) {
        return CommerceUi.t(locale, en, zh);
    }

    private void show(StockLevel level) {
        errors.clear();
        selected.setVisible(level != null);
        ledger.setVisible(level != null);
        if (level == null) {
            ledger.setItems(List.of());
            return;
        }
        selected.setText(level.skuCode() + " · " + level.productName() + " — " + t("on hand ", "在库 ")
                + level.onHand() + t(", reserved ", "，预占 ") + level.reserved() + t(", available ", "，可售 ")
                + level.available());
        ledger.setItems(catalogue.movements(level.skuCode(), 200));
        // The ledger was first drawn hidden and empty: its column widths follow the rows only when asked.
        ledger.recalculateColumnWidths();
    }

    private void adjust() {
        StockLevel level = levels.asSingleSelect().getValue();
        if (level == null) {
            return;
        }
        if (CommerceUi.attempt(context, errors, () -> {
            if (delta.getValue() == null) { // empty, or not a whole number
                throw Errors.invalid("delta", t("give a whole number of units, such as 12 or -3",
                        "请填写整数件数，如 12 或 -3"));
            }
            catalogue.adjust(level.skuCode(), delta.getValue(), reason.getValue(), context.user().username());
        })) {
            delta.clear();
            reason.clear();
            levels.getDataProvider().refreshAll();
            show(catalogue.level(level.skuCode()));
        }
    }

    private String kind(Movement.Kind kind) {
        return switch (kind) {
            case INITIAL -> t("Initial", "初始");
            case ADJUST -> t("Adjustment", "调整");
            case RESERVE -> t("Reserved by order", "订单预占");
            case RELEASE -> t("Released", "释放");
            case SELL -> t("Sold", "售出");
            case RETURN -> t("Returned", "退回");
            case EXCHANGE -> t("Exchange sent", "换货发出");
        };
    }

    private static String signed(int n) {
        return n > 0 ? "+" + n : String.valueOf(n);
    }
}
