package org.siyu.commerce.internal.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.siyu.api.commerce.Product;
import org.siyu.api.commerce.Sku;
import org.siyu.api.ui.ViewContext;
import org.siyu.commerce.internal.CommercePermissions;
import org.siyu.commerce.internal.Errors;
import org.siyu.commerce.internal.Money;
import org.siyu.commerce.internal.catalogue.Catalogue;
import org.siyu.commerce.internal.catalogue.ProductInput;

/**
 * One product: its name, description, images and on-sale flag, and its SKUs. Selecting a SKU fills the SKU form,
 * which changes it (name, price, attributes) or, with a new code, adds one. Stock moves in the inventory view, with a
 * reason.
 */
class ProductEditor extends Composite<VerticalLayout> {

    private final Catalogue catalogue;
    private final long productId;
    private final ViewContext context;
    private final Locale locale;
    private final H3 heading = new H3();
    private final TextField name = new TextField();
    private final TextArea description = new TextArea();
    private final TextArea images = new TextArea();
    private final Checkbox onSale = new Checkbox();
    private final Grid<Sku> skus = new Grid<>();
    private final TextField code = new TextField();
    private final TextField skuName = new TextField();
    private final TextField price = new TextField();
    private final IntegerField stock = new IntegerField();
    private final TextField attributes = new TextField();
    private final FieldErrors productErrors = new FieldErrors();
    private final FieldErrors skuErrors = new FieldErrors();

    ProductEditor(Catalogue catalogue, long productId, ViewContext context) {
        this.catalogue = catalogue;
        this.productId = productId;
        this.context = context;
        this.locale = context.locale();
        boolean canEdit = context.user().isPermitted(CommercePermissions.CATALOGUE);

        name.setLabel(t("Name", "名称"));
        description.setLabel(t("Description", "描述"));
        images.setLabel(t("Image URLs, one per line", "图片地址，每行一个"));
        onSale.setLabel(t("On sale", "在售"));
        Button save = new Button(t("Save product", "保存商品"), e -> saveProduct());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setEnabled(canEdit);
        FormLayout form = new FormLayout(name, onSale, description, images);
        form.setColspan(description, 2);
        form.setColspan(images, 2);

        skus.addColumn(Sku::code).setHeader(t("Code", "编码")).setAutoWidth(true);
        skus.addColumn(Sku::name).setHeader(t("Name", "名称")).setFlexGrow(1);
        skus.addColumn(s -> Money.yuan(s.priceFen())).setHeader(t("Price", "价格")).setAutoWidth(true);
        skus.addColumn(s -> attributesText(s.attributes())).setHeader(t("Attributes", "属性")).setFlexGrow(1);
        skus.addColumn(Sku::stock).setHeader(t("On hand", "库存")).setAutoWidth(true);
        skus.addColumn(s -> catalogue.available(s.code())).setHeader(t("Available", "可售")).setAutoWidth(true);
        skus.setAllRowsVisible(true);
        skus.asSingleSelect().addValueChangeListener(e -> fill(e.getValue()));

        code.setLabel(t("SKU code", "SKU 编码"));
        skuName.setLabel(t("SKU name", "SKU 名称"));
        price.setLabel(t("Price (yuan)", "价格（元）"));
        stock.setLabel(t("Initial stock (new SKU)", "初始库存（新 SKU）"));
        attributes.setLabel(t("Attributes: name=value; …", "属性：名称=值；…"));
        attributes.setPlaceholder("规格=1.5kg; 口味=鸡肉");
        Button saveSku = new Button(t("Save SKU", "保存 SKU"), e -> saveSku());
        saveSku.setEnabled(canEdit);
        FormLayout skuForm = new FormLayout(code, skuName, price, stock, attributes);

        heading.setId(id("heading"));
        name.setId(id("name"));
        description.setId(id("description"));
        images.setId(id("images"));
        onSale.setId(id("on-sale"));
        save.setId(id("save"));
        skus.setId(id("skus"));
        code.setId(id("sku-code"));
        skuName.setId(id("sku-name"));
        price.setId(id("sku-price"));
        stock.setId(id("sku-stock"));
        attributes.setId(id("sku-attributes"));
        saveSku.setId(id("sku-save"));
        productErrors.add("name", name).add("description", description).add("imageUrls", images);
        skuErrors.add("code", code).add("name", skuName).add("priceFen", price).add("stock", stock)
                .add("attributes", attributes);

        VerticalLayout root = getContent();
        // Ids carry the product: two product editors can be open in one page.
        root.setId("commerce-product-editor-" + productId);
        root.add(heading, form, new HorizontalLayout(save), new H4(t("SKUs", "SKU")), skus, skuForm,
                new HorizontalLayout(saveSku));
        load();
    }

    private String id(String part) {
        return "commerce-product-" + productId + "-" + part;
    }

    private String t(String en, String zh) {
        return CommerceUi.t(locale, en, zh);
    }

    private void load() {
        Product p = catalogue.product(productId).orElse(null);
        if (p == null) {
            heading.setText(t("This product no longer exists.", "该商品已不存在。"));
            return;
        }
        heading.setText(p.name());
        name.setValue(p.name());
        description.setValue(p.description());
        images.setValue(String.join("\n", p.imageUrls()));
        onSale.setValue(p.onSale());
        skus.setItems(p.skus());
    }

    private void fill(Sku sku) {
        if (sku == null) {
            return;
        }
        code.setValue(sku.code());
        skuName.setValue(sku.name());
        price.setValue(Money.yuan(sku.priceFen()).substring(1));
        stock.clear();
        attributes.setValue(attributesText(sku.attributes()));
    }

    private void saveProduct() {
        List<String> urls = Arrays.stream(images.getValue().split("\n")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        if (CommerceUi.attempt(context, productErrors, () -> catalogue.update(productId, new ProductInput(name.getValue(),
                description.getValue(), urls, onSale.getValue(), null), context.user().username()))) {
            context.notify(t("Product saved", "商品已保存"));
            load();
        }
    }

    private void saveSku() {
        boolean exists = catalogue.sku(code.getValue().strip()).isPresent();
        if (CommerceUi.attempt(context, skuErrors, () -> {
            ProductInput.SkuInput in = new ProductInput.SkuInput(code.getValue().strip(), skuName.getValue(),
                    CommerceUi.fen(price.getValue(), "priceFen"), stock.getValue(),
                    parseAttributes(attributes.getValue()));
            if (exists) {
                if (catalogue.sku(in.code()).orElseThrow().productId() != productId) {
                    throw Errors.conflict("code", t("SKU code " + in.code() + " belongs to another product",
                            "SKU 编码 " + in.code() + " 属于其他商品"));
                }
                catalogue.updateSku(in.code(), in, context.user().username());
            } else {
                catalogue.addSku(productId, in, context.user().username());
            }
        })) {
            context.notify(exists ? t("SKU saved", "SKU 已保存") : t("SKU added", "SKU 已添加"));
            load();
        }
    }

    static String attributesText(Map<String, String> attributes) {
        return attributes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    /** {@code 规格=1.5kg; 口味=鸡肉} (full-width ；and ＝ too) in order. */
    static Map<String, String> parseAttributes(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : text.replace('；', ';').replace('＝', '=').split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw Errors.invalid("attributes", "'" + pair.strip() + "' is not name=value");
            }
            map.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return map;
    }
}
