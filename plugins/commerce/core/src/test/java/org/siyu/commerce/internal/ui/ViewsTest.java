package org.siyu.commerce.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.commerce.CommerceException;
import org.siyu.api.commerce.Order;
import org.siyu.api.commerce.OrderStatus;
import org.siyu.api.commerce.Product;
import org.siyu.commerce.internal.FakeOrg;
import org.siyu.commerce.internal.FakeTags;
import org.siyu.commerce.internal.Fixture;
import org.siyu.commerce.internal.aftersale.AfterSales;
import org.siyu.commerce.internal.catalogue.Movement;
import org.siyu.commerce.internal.orders.HistoryEntry;
import org.siyu.commerce.internal.scope.Scopes;
import org.siyu.testkit.FakeContext;

/**
 * The views on the server side, as the browser drives them: a refusal of the service lands under the field the user
 * typed into (labelled in the user's language) and changes nothing; the next good value clears the mark.
 */
class ViewsTest {

    private static Fixture f;
    private static AfterSales afterSales;

    @BeforeAll
    static void open() {
        f = new Fixture();
        afterSales = new AfterSales(f.unit, f.orders, f.clock);
    }

    @AfterAll
    static void close() {
        f.close();
    }

    @BeforeEach
    void empty() throws Exception {
        f.reset();
    }

    @Test
    void inventoryRefusalsShouldLandUnderTheirFieldsAndChangeNothing() {
        f.product("冻干猫粮", "CAT-1", 5990, 10);
        InventoryPanel panel = new InventoryPanel(f.catalogue, new FakeContext(Locale.ENGLISH));
        Grid<?> levels = find(panel, "commerce-inventory-grid", Grid.class);
        select(levels, f.catalogue.level("CAT-1"));
        assertTrue(text(panel, "commerce-inventory-selected").endsWith("on hand 10, reserved 0, available 10"));

        set(panel, "commerce-inventory-delta", -50);
        set(panel, "commerce-inventory-reason", "盘点");
        click(panel, "commerce-inventory-adjust");
        assertTrue(error(panel, "commerce-inventory-delta").startsWith("Units (+ in, − out): cannot take 50 of CAT-1:"
                + " 10 on hand"), error(panel, "commerce-inventory-delta"));

        set(panel, "commerce-inventory-delta", null);
        click(panel, "commerce-inventory-adjust");
        assertEquals("Units (+ in, − out): give a whole number of units, such as 12 or -3",
                error(panel, "commerce-inventory-delta"));

        set(panel, "commerce-inventory-delta", 5);
        set(panel, "commerce-inventory-reason", " ");
        click(panel, "commerce-inventory-adjust");
        assertEquals("Reason: is required", error(panel, "commerce-inventory-reason"));
        assertNull(error(panel, "commerce-inventory-delta"), "a good number is not marked");
        assertEquals(10, f.catalogue.level("CAT-1").onHand());
        assertEquals(1, f.catalogue.movements("CAT-1", 10).size(), "a refusal wrote to the ledger");

        set(panel, "commerce-inventory-reason", "供应商到货");
        click(panel, "commerce-inventory-adjust");
        assertNull(error(panel, "commerce-inventory-reason"));
        assertEquals(15, f.catalogue.level("CAT-1").onHand());
        Movement last = f.catalogue.movements("CAT-1", 10).getFirst();
        assertEquals(Movement.Kind.ADJUST, last.kind());
        assertEquals("供应商到货", last.reason());
        assertEquals("admin", last.actor());
        assertTrue(text(panel, "commerce-inventory-selected").endsWith("on hand 15, reserved 0, available 15"));
    }

    @Test
    void inChineseTheFieldIsNamedInChinese() {
        f.product("冻干猫粮", "CAT-1", 5990, 10);
        InventoryPanel panel = new InventoryPanel(f.catalogue, new FakeContext(Locale.SIMPLIFIED_CHINESE));
        select(find(panel, "commerce-inventory-grid", Grid.class), f.catalogue.level("CAT-1"));
        set(panel, "commerce-inventory-delta", 5);
        click(panel, "commerce-inventory-adjust");
        assertEquals("原因: is required", error(panel, "commerce-inventory-reason"));
    }

    @Test
    void theOrderEditorShouldPayShipAndRefundAndRefuseUnderTheFields() {
        f.product("冻干猫粮", "CAT-1", 4990, 10);
        Order order = f.order(1, "CAT-1", 2);
        FakeContext context = new FakeContext(Locale.ENGLISH);
        OrderEditor editor = new OrderEditor(f.orders, afterSales, order.id(), context);
        String o = "commerce-order-" + order.id() + "-";
        assertEquals("Order " + order.id() + " · Awaiting payment", text(editor, o + "heading"));
        assertTrue(text(editor, o + "summary").startsWith("Customer 客户1 (1) · mini · total ¥99.80"),
                text(editor, o + "summary"));
        assertEquals("Order " + order.id(), context.selected().label());

        click(editor, o + "pay");
        assertEquals(OrderStatus.PAID, status(order));

        set(editor, o + "carrier", "顺丰速运");
        click(editor, o + "ship");
        assertEquals("Tracking number: is required", error(editor, o + "tracking"));
        assertEquals(OrderStatus.PAID, status(order), "shipped without a tracking number");
        set(editor, o + "tracking", "SF1234567890");
        click(editor, o + "ship");
        assertNull(error(editor, o + "tracking"));
        assertEquals(OrderStatus.SHIPPED, status(order));

        set(editor, o + "refund-amount", "2o");
        click(editor, o + "refund");
        assertTrue(error(editor, o + "refund-amount").startsWith("Refund (yuan, empty = all): '2o' is not an amount"),
                error(editor, o + "refund-amount"));
        set(editor, o + "refund-amount", "100");
        click(editor, o + "refund");
        assertTrue(error(editor, o + "refund-amount").startsWith("Refund (yuan, empty = all): at most 9980 fen"),
                error(editor, o + "refund-amount"));
        assertEquals(0, f.orders.order(order.id()).orElseThrow().refundedFen());
        set(editor, o + "refund-amount", "20");
        set(editor, o + "refund-reason", "少发一包试吃装");
        click(editor, o + "refund");
        assertNull(error(editor, o + "refund-amount"));
        assertEquals(2000, f.orders.order(order.id()).orElseThrow().refundedFen());
        assertTrue(text(editor, o + "summary").contains("refunded ¥20.00"), text(editor, o + "summary"));
        assertEquals("", value(editor, o + "refund-amount"), "the form is emptied after a refund");

        List<String> steps = f.orders.history(order.id()).stream().map(HistoryEntry::action).toList();
        assertEquals(List.of("created", "paid", "shipped", "refunded"), steps);
        assertEquals(4, find(editor, o + "timeline", Grid.class).getGenericDataView().getItems().count());
    }

    @Test
    void afterSalesRequestsShouldNameTheirFields() {
        f.product("冻干猫粮", "CAT-1", 4990, 10);
        Order order = f.order(1, "CAT-1", 2);
        f.orders.pay(order.id(), "manual", "tester");
        f.orders.ship(order.id(), "顺丰", "SF1", "tester");
        OrderEditor editor = new OrderEditor(f.orders, afterSales, order.id(), new FakeContext(Locale.ENGLISH));
        String o = "commerce-order-" + order.id() + "-";
        set(editor, o + "request-kind", org.siyu.commerce.internal.aftersale.AfterSale.Kind.EXCHANGE);
        set(editor, o + "request-sku", "CAT-1");
        set(editor, o + "request-quantity", 3);
        set(editor, o + "request-reason", "尺寸不对");
        click(editor, o + "request");
        assertTrue(error(editor, o + "request-quantity").startsWith("Units: must be between 1 and 2"),
                error(editor, o + "request-quantity"));
        set(editor, o + "request-quantity", 1);
        set(editor, o + "request-replacement", "NOPE");
        click(editor, o + "request");
        assertEquals("Exchange for SKU (empty = same): there is no SKU NOPE", error(editor, o + "request-replacement"));
        assertTrue(afterSales.ofOrder(order.id()).isEmpty());
        set(editor, o + "request-replacement", "");
        click(editor, o + "request");
        assertEquals(1, afterSales.ofOrder(order.id()).size());
        assertEquals("CAT-1", afterSales.ofOrder(order.id()).getFirst().replacementSku(), "empty means the same SKU");
    }

    @Test
    void theProductEditorShouldRefuseUnderTheSkuFieldsAndChangeAPrice() {
        Product cat = f.product("冻干猫粮", "CAT-1", 5990, 10);
        f.product("冻干狗粮", "DOG-1", 6990, 10);
        FakeContext context = new FakeContext(Locale.ENGLISH);
        ProductEditor editor = new ProductEditor(f.catalogue, cat.id(), context);
        String p = "commerce-product-" + cat.id() + "-";
        select(find(editor, p + "skus", Grid.class), f.catalogue.sku("CAT-1").orElseThrow());
        assertEquals("59.90", value(editor, p + "sku-price"));

        set(editor, p + "sku-price", "4x.9");
        click(editor, p + "sku-save");
        assertTrue(error(editor, p + "sku-price").startsWith("Price (yuan): '4x.9' is not an amount in yuan"));
        set(editor, p + "sku-price", "49.9");
        set(editor, p + "sku-attributes", "规格=1.5kg; 口味");
        click(editor, p + "sku-save");
        assertNull(error(editor, p + "sku-price"));
        assertEquals("Attributes: name=value; …: '口味' is not name=value", error(editor, p + "sku-attributes"));
        assertEquals(5990, f.catalogue.sku("CAT-1").orElseThrow().priceFen());
        set(editor, p + "sku-attributes", "规格=1.5kg; 口味=鸡肉");
        click(editor, p + "sku-save");
        assertEquals(4990, f.catalogue.sku("CAT-1").orElseThrow().priceFen());
        assertEquals(Map.of("规格", "1.5kg", "口味", "鸡肉"), f.catalogue.sku("CAT-1").orElseThrow().attributes());
        assertEquals(List.of("SKU saved"), context.notes());

        // Another product's code is refused under the code, in the user's words.
        set(editor, p + "sku-code", "DOG-1");
        click(editor, p + "sku-save");
        assertEquals("SKU code: SKU code DOG-1 belongs to another product", error(editor, p + "sku-code"));
        assertEquals(6990, f.catalogue.sku("DOG-1").orElseThrow().priceFen());

        // A bad image URL is refused under the images, by its place in the list.
        set(editor, p + "images", "https://img.example.com/cat.jpg\nftp://img.example.com/cat.jpg");
        click(editor, p + "save");
        assertEquals("Image URLs, one per line: 'ftp://img.example.com/cat.jpg' is not an http(s) URL",
                error(editor, p + "images"));
    }

    @Test
    void theOrdersListShouldFilterAndCountInWords() {
        f.product("冻干猫粮", "CAT-1", 4990, 10);
        Order first = f.order(2, "CAT-1", 1);
        f.order(3, "CAT-1", 1);
        OrdersPanel panel = new OrdersPanel(f.orders, new Scopes(new FakeOrg(), f.identity).of("admin"),
                () -> new FakeTags(Map.of("vip", new int[] {2})), new FakeContext(Locale.ENGLISH));
        panel.apply();
        assertEquals("2 orders", panel.countText());
        set(panel, "commerce-orders-segment", "tag:vip");
        assertEquals("1 order", panel.countText());
        assertEquals(List.of(first.id()), panel.shown().stream().map(Order::id).toList());
        set(panel, "commerce-orders-segment", "vip");
        assertTrue(text(panel, "commerce-orders-error").startsWith("expected tag:"), text(panel, "commerce-orders-error"));
        assertEquals("1 order", panel.countText(), "a bad expression keeps the last list");
        set(panel, "commerce-orders-segment", "");
        set(panel, "commerce-orders-from", java.time.LocalDate.of(2026, 11, 21));
        set(panel, "commerce-orders-to", java.time.LocalDate.of(2026, 11, 20));
        assertEquals("The start date is after the end date", text(panel, "commerce-orders-error"));
        set(panel, "commerce-orders-from", java.time.LocalDate.of(2026, 11, 20));
        assertFalse(find(panel, "commerce-orders-error", Component.class).isVisible());
        assertEquals("2 orders", panel.countText());
    }

    @Test
    void customerNamesShouldComeFromOneIdAndDegradeToIds() {
        assertEquals(Map.of(1, "客户1", 2, "客户2"), f.orders.customerNames(new int[] {1, 2, 999}));
        assertEquals(Map.of(), f.orders.customerNames(new int[0]));
    }

    @Test
    void refusedFieldsShouldMapToTheFormsNames() {
        assertEquals("priceFen", FieldErrors.key("skus[0].priceFen"));
        assertEquals("code", FieldErrors.key("sku.code"));
        assertEquals("attributes", FieldErrors.key("sku.attributes.口味"));
        assertEquals("imageUrls", FieldErrors.key("imageUrls[3]"));
        assertEquals("trackingNo", FieldErrors.key("trackingNo"));
        com.vaadin.flow.component.textfield.TextField tracking = new com.vaadin.flow.component.textfield.TextField();
        tracking.setLabel("运单号");
        FieldErrors errors = new FieldErrors().add("trackingNo", tracking);
        assertFalse(errors.show(new CommerceException(CommerceException.Reason.CONFLICT, "status", "already shipped")),
                "a refusal of no field of the form is not shown under one");
        assertTrue(errors.show(new CommerceException(CommerceException.Reason.INVALID, "trackingNo",
                "trackingNo: is required")));
        assertEquals("运单号: is required", errors.error("trackingNo"));
        errors.clear();
        assertFalse(tracking.isInvalid());
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private static OrderStatus status(Order order) {
        return f.orders.order(order.id()).orElseThrow().status();
    }

    private static <T extends Component> T find(Component root, String id, Class<T> type) {
        Optional<T> found = search(root, id, type);
        assertTrue(found.isPresent(), "no #" + id);
        return found.get();
    }

    private static <T extends Component> Optional<T> search(Component root, String id, Class<T> type) {
        if (id.equals(root.getId().orElse(null)) && type.isInstance(root)) {
            return Optional.of(type.cast(root));
        }
        return root.getChildren().map(c -> search(c, id, type)).flatMap(Optional::stream).findFirst();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void select(Grid grid, Object item) {
        grid.asSingleSelect().setValue(item);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void set(Component root, String id, Object value) {
        HasValue field = find(root, id, Component.class) instanceof HasValue h ? h : null;
        assertNotNull(field, "#" + id + " is not a field");
        if (value == null) {
            field.clear();
        } else {
            field.setValue(value);
        }
    }

    private static String value(Component root, String id) {
        return String.valueOf(((HasValue<?, ?>) find(root, id, Component.class)).getValue());
    }

    private static void click(Component root, String id) {
        find(root, id, Button.class).click();
    }

    private static String text(Component root, String id) {
        return find(root, id, Component.class).getElement().getText();
    }

    /** The error under the field, or null when it is not marked. */
    private static String error(Component root, String id) {
        HasValidation field = (HasValidation) find(root, id, Component.class);
        return field.isInvalid() ? field.getErrorMessage() : null;
    }
}
