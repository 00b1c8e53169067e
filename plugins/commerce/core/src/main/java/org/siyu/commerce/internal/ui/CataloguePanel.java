package org.siyu.commerce.internal.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.siyu.api.commerce.Product;
import org.siyu.api.commerce.Sku;
import org.siyu.api.ui.ViewContext;
import org.siyu.commerce.internal.CommercePermissions;
import org.siyu.commerce.internal.Money;
import org.siyu.commerce.internal.catalogue.Catalogue;
import org.siyu.commerce.internal.catalogue.ProductInput;
import org.siyu.commerce.internal.search.ProductSearch;

/**
 * The product catalogue: a lazy grid searched by name or SKU code; a double click opens the product's editor, "New
 * product" asks for a name and the first SKU and opens the new product.
 */
class CataloguePanel extends Composite<VerticalLayout> {

    private final Catalogue catalogue;
    private final ViewContext context;
    private final Locale locale;
    private final TextField search = new TextField();
    private final Grid<Product> grid = new Grid<>();

    CataloguePanel(Catalogue catalogue, ViewContext context) {
        this.catalogue = catalogue;
        this.context = context;
        this.locale = context.locale();

        search.setId("commerce-products-search");
        search.setPlaceholder(CommerceUi.t(locale, "Name or SKU code", "名称或 SKU 编码"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        Button create = new Button(CommerceUi.t(locale, "New product", "新建商品"), VaadinIcon.PLUS.create(),
                e -> newProduct());
        create.setId("commerce-products-new");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.setEnabled(context.user().isPermitted(CommercePermissions.CATALOGUE));

        grid.setId("commerce-products-grid");
        grid.addColumn(Product::id).setHeader("ID").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Product::name).setHeader(CommerceUi.t(locale, "Name", "名称")).setFlexGrow(1);
        grid.addColumn(p -> p.skus().stream().map(Sku::code).reduce((a, b) -> a + ", " + b).orElse(""))
                .setHeader("SKU").setFlexGrow(1);
        grid.addColumn(CataloguePanel::prices).setHeader(CommerceUi.t(locale, "Price", "价格")).setAutoWidth(true);
        grid.addColumn(p -> p.skus().stream().mapToInt(Sku::stock).sum())
                .setHeader(CommerceUi.t(locale, "On hand", "库存")).setAutoWidth(true);
        grid.addColumn(p -> p.onSale() ? CommerceUi.t(locale, "On sale", "在售") : CommerceUi.t(locale, "Off sale", "下架"))
                .setHeader(CommerceUi.t(locale, "Status", "状态")).setAutoWidth(true);
        // Identified by id: a product re-read after a change is the same row, so the selection survives a refresh.
        grid.setItems(new CallbackDataProvider<Product, Void>(
                q -> catalogue.find(search.getValue(), q.getOffset(), q.getLimit()).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, catalogue.count(search.getValue())), Product::id));
        grid.addItemDoubleClickListener(e -> open(e.getItem()));

        HorizontalLayout bar = new HorizontalLayout(search, create);
        bar.setWidthFull();
        bar.expand(search);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        VerticalLayout root = getContent();
        root.setId("commerce-products");
        root.setSizeFull();
        root.add(bar);
        root.addAndExpand(grid);
        addAttachListener(e -> grid.getDataProvider().refreshAll());
    }

    private void open(Product product) {
        context.openEditor(ProductSearch.TYPE, String.valueOf(product.id()));
    }

    static String prices(Product p) {
        long min = p.skus().stream().mapToLong(Sku::priceFen).min().orElse(0);
        long max = p.skus().stream().mapToLong(Sku::priceFen).max().orElse(0);
        return p.skus().isEmpty() ? "" : min == max ? Money.yuan(min) : Money.yuan(min) + "–" + Money.yuan(max);
    }

    private void newProduct() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(CommerceUi.t(locale, "New product", "新建商品"));
        TextField name = new TextField(CommerceUi.t(locale, "Name", "名称"));
        TextField code = new TextField(CommerceUi.t(locale, "First SKU code", "首个 SKU 编码"));
        TextField price = new TextField(CommerceUi.t(locale, "Price (yuan)", "价格（元）"));
        IntegerField stock = new IntegerField(CommerceUi.t(locale, "Stock", "库存"));
        stock.setValue(0);
        name.setId("commerce-product-new-name");
        code.setId("commerce-product-new-code");
        price.setId("commerce-product-new-price");
        stock.setId("commerce-product-new-stock");
        FieldErrors errors = new FieldErrors().add("name", name).add("code", code).add("priceFen", price)
                .add("stock", stock);
        FormLayout form = new FormLayout(name, code, price, stock);
        dialog.add(form);
        Button save = new Button(CommerceUi.t(locale, "Create", "创建"), e -> CommerceUi.attempt(context, errors, () -> {
            long fen = CommerceUi.fen(price.getValue(), "priceFen");
            Product p = catalogue.create(new ProductInput(name.getValue(), "", List.of(), true,
                    List.of(new ProductInput.SkuInput(code.getValue(), null, fen, stock.getValue(), Map.of()))),
                    context.user().username());
            dialog.close();
            grid.getDataProvider().refreshAll();
            open(p);
        }));
        save.setId("commerce-product-new-create");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button(CommerceUi.t(locale, "Cancel", "取消"), e -> dialog.close()), save);
        dialog.open();
    }
}
