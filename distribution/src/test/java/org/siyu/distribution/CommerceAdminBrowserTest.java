package org.siyu.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import tools.jackson.databind.JsonNode;

/**
 * The commerce plugin's admin views in a real Chromium against a real node that runs commerce as the distribution
 * ships it (a feature offered to the new home): a product with two SKUs made in the catalogue and its editor (a bad
 * price refused under its field), stock adjusted with a reason in the inventory view (a bad quantity and a missing
 * reason refused under their fields), orders placed through REST found in the orders list by status, channel and a
 * segment, one of them paid, shipped (a missing tracking number refused under its field) and partly refunded in its
 * editor with the timeline listing each step, the customer's recent orders in the inspector, and the views in
 * Chinese. What the views claim is checked through REST.
 */
class CommerceAdminBrowserTest {

    private static final String SKU_SMALL = "BR-CAT-15";
    private static final String SKU_LARGE = "BR-CAT-30";

    @TempDir
    static Path home;
    static TestHost node;
    static AdminPage rest;
    static int vip;
    static int other;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed (./siyu test installs them)");
        node = TestHost.start(home);
        rest = new AdminPage(null, node, node.token("admin", TestHost.ADMIN_PASSWORD));
        // commerce is a feature: it comes up after the platform; OneID and tagging with the platform
        assertTrue(TestHost.await(60_000, () -> {
            try {
                return rest.get("/api/v1/products").statusCode() == 200
                        && rest.post("/api/v1/identities/resolve", "{\"identities\":[\"wechat:warmup\"]}").statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        }), "commerce or OneID did not come up");
        vip = rest.customer("phone:+8613900002001", "林小满");
        other = rest.customer("phone:+8613900002002", "周一鸣");
        rest.ok(rest.post("/api/v1/customers/" + vip + "/tags", "{\"tags\":[\"VIP\"]}"));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void anOperatorShouldSellThroughTheCommerceViews() throws Exception {
        try (Browser browser = new Browser()) {
            AdminPage page = new AdminPage(browser, node, rest.token);
            try {
                page.signIn("commerce.products", "commerce-products");
                long productId = catalogue(page);
                inventory(page);
                long[] orders = placeOrders();
                ordersList(page, orders);
                orderEditor(page, orders[0]);
                inspector(page, orders[0]);
                chinese(page);
            } finally {
                browser.screenshot(Path.of("target", "screenshots", "commerce-admin.png"));
            }
        }
    }

    /** New product with its first SKU in the dialog; a second SKU and a price change in the product editor. */
    private long catalogue(AdminPage page) throws Exception {
        Browser browser = page.browser;
        page.click("commerce-products-new");
        page.type("commerce-product-new-name", "浏览器冻干猫粮");
        page.type("commerce-product-new-code", SKU_SMALL);
        page.type("commerce-product-new-price", "59.9");
        page.type("commerce-product-new-stock", "20");
        page.click("commerce-product-new-create");

        WebElement editor = Browser.awaitValue(20_000, () -> {
            WebElement e = browser.query(null, "[id^='commerce-product-editor-']");
            return e != null && e.isDisplayed() ? e : null;
        });
        assertNotNull(editor, "the new product did not open in its editor");
        long productId = Long.parseLong(editor.getAttribute("id").substring("commerce-product-editor-".length()));
        browser.await("tab-editor:commerce.product:" + productId, 5_000);
        String p = "commerce-product-" + productId + "-";
        page.awaitText(p + "heading", "浏览器冻干猫粮"::equals);

        // A second SKU, with attributes in their order.
        page.type(p + "sku-code", SKU_LARGE);
        page.type(p + "sku-name", "3kg 装");
        page.type(p + "sku-price", "99");
        page.type(p + "sku-stock", "10");
        page.type(p + "sku-attributes", "规格=3kg; 口味=鸡肉");
        page.click(p + "sku-save");
        String row = page.awaitRow(p + "skus", r -> r.contains(SKU_LARGE));
        assertTrue(row.contains("规格=3kg; 口味=鸡肉"), row);

        // The first SKU's price: a bad amount is refused under the price, then 49.90 is taken.
        page.clickCell(p + "skus", SKU_SMALL);
        page.awaitValue(p + "sku-code", SKU_SMALL::equals);
        assertEquals("59.90", page.value(p + "sku-price"));
        page.type(p + "sku-price", "4x.9");
        page.click(p + "sku-save");
        String error = page.awaitError(p + "sku-price");
        assertTrue(error.startsWith("Price (yuan): '4x.9' is not an amount in yuan"), error);
        page.type(p + "sku-price", "49.9");
        page.click(p + "sku-save");
        page.awaitRow(p + "skus", r -> r.contains("¥49.90"));
        assertFalse(page.invalid(p + "sku-price"), "the price is still marked invalid");

        JsonNode product = page.ok(page.get("/api/v1/products/" + productId));
        assertEquals(2, product.get("skus").size(), product.toString());
        for (JsonNode sku : product.get("skus")) {
            if (sku.get("code").asString().equals(SKU_SMALL)) {
                assertEquals(4990, sku.get("priceFen").asLong(), sku.toString());
                assertEquals(20, sku.get("stock").asInt(), sku.toString());
            } else {
                assertEquals(9900, sku.get("priceFen").asLong(), sku.toString());
                assertEquals("3kg 装", sku.get("name").asString(), sku.toString());
                assertEquals("{\"规格\":\"3kg\",\"口味\":\"鸡肉\"}", sku.get("attributes").toString(), sku.toString());
            }
        }
        return productId;
    }

    /** Five more on hand of the small SKU, with a reason; too many out and no reason are refused under the fields. */
    private void inventory(AdminPage page) throws Exception {
        Browser browser = page.browser;
        page.click("nav-commerce.inventory");
        browser.await("commerce-inventory", 15_000);
        WebElement search = browser.query(browser.byId("commerce-inventory-search"), "input");
        search.sendKeys(SKU_SMALL);
        String grid = "commerce-inventory-grid";
        WebElement row = Browser.awaitValue(10_000, () ->
                page.rows(grid).stream().noneMatch(r -> r.contains(SKU_LARGE)) ? page.cell(grid, SKU_SMALL) : null);
        assertNotNull(row, "the search did not find " + SKU_SMALL + " alone: " + page.rows(grid));
        browser.click(row);
        page.awaitText("commerce-inventory-selected", t -> t.startsWith(SKU_SMALL) && t.contains("on hand 20"));

        page.type("commerce-inventory-delta", "-500");
        page.type("commerce-inventory-reason", "盘点");
        page.click("commerce-inventory-adjust");
        String tooMany = page.awaitError("commerce-inventory-delta");
        assertTrue(tooMany.startsWith("Units (+ in, − out): cannot take 500 of " + SKU_SMALL + ": 20 on hand"), tooMany);

        page.type("commerce-inventory-delta", "5");
        page.type("commerce-inventory-reason", "");
        page.click("commerce-inventory-adjust");
        assertEquals("Reason: is required", page.awaitError("commerce-inventory-reason"));
        assertFalse(page.invalid("commerce-inventory-delta"), "the units are still marked after a good value");

        page.type("commerce-inventory-reason", "供应商到货");
        page.click("commerce-inventory-adjust");
        page.awaitText("commerce-inventory-selected", t -> t.contains("on hand 25"));
        assertFalse(page.invalid("commerce-inventory-reason"));
        page.awaitRow("commerce-inventory-ledger", r -> r.contains("Adjustment | +5 | 0 | 25 / 0 | 供应商到货 | admin"));
        page.awaitRow("commerce-inventory-ledger", r -> r.contains("Initial | +20 | 0 | 20 / 0"));
        page.awaitRow(grid, r -> r.contains(SKU_SMALL + " | 浏览器冻干猫粮 | 25 | 0 | 25"));
    }

    /**
     * Through REST, as a mini-program would: A (VIP, mini, 2 small, awaiting payment), B (another customer, mini),
     * C (VIP, store), D (VIP, mini, paid). The list filtered by awaiting payment, mini and tag:VIP shows A alone.
     */
    private static long[] placeOrders() throws Exception {
        long a = order(vip, "mini", SKU_SMALL, 2);
        long b = order(other, "mini", SKU_SMALL, 1);
        long c = order(vip, "store", SKU_LARGE, 1);
        long d = order(vip, "mini", SKU_LARGE, 1);
        rest.ok(rest.post("/api/v1/orders/" + d + "/pay", "{\"gateway\":\"manual\"}"));
        return new long[] {a, b, c, d};
    }

    private void ordersList(AdminPage page, long[] orders) throws Exception {
        Browser browser = page.browser;
        page.click("nav-commerce.orders");
        browser.await("commerce-orders", 15_000);
        String grid = "commerce-orders-grid";
        browser.await(grid, 10_000);
        page.awaitText("commerce-orders-count", "4 orders"::equals);
        assertEquals(ids(orders[3], orders[2], orders[1], orders[0]), page.awaitFirstColumn(grid, 4), "newest first");
        page.awaitRow(grid, r -> r.contains("林小满 (" + vip + ") | mini"));

        // Awaiting payment: D (paid) goes.
        WebElement status = browser.byId("commerce-orders-status");
        browser.click(browser.query(status, "input"));
        WebElement item = Browser.awaitValue(10_000, () -> browser.withText("vaadin-multi-select-combo-box-item",
                "Awaiting payment"));
        assertNotNull(item, "the status filter offers no 'Awaiting payment'");
        item.click();
        browser.query(status, "input").sendKeys(Keys.ESCAPE);
        page.awaitText("commerce-orders-count", "3 orders"::equals);
        assertEquals(ids(orders[2], orders[1], orders[0]), page.awaitFirstColumn(grid, 3));

        // Channel mini: C (store) goes.
        page.type("commerce-orders-channel", "mini");
        page.awaitText("commerce-orders-count", "2 orders"::equals);
        assertEquals(ids(orders[1], orders[0]), page.awaitFirstColumn(grid, 2));

        // A segment: a syntax error shows under the field and keeps the list; tag:VIP leaves A.
        page.type("commerce-orders-segment", "tag:VIP AND");
        String problem = page.awaitText("commerce-orders-error", t -> t.contains("position"));
        assertTrue(problem.contains("ended at position 11"), problem);
        assertEquals("2 orders", browser.byId("commerce-orders-count").getText());
        page.type("commerce-orders-segment", "tag:VIP");
        page.awaitText("commerce-orders-count", "1 order"::equals);
        assertFalse(browser.visible("commerce-orders-error"), "the error stayed after a good expression");
        assertEquals(ids(orders[0]), page.awaitFirstColumn(grid, 1));
        JsonNode listed = page.ok(page.get("/api/v1/orders?status=CREATED&channel=mini&segment=tag%3AVIP"));
        assertEquals(1, listed.get("total").asInt(), listed.toString());
        assertEquals(orders[0], listed.get("items").get(0).get("id").asLong(), listed.toString());

        // A click selects (the inspector shows the order), a double click opens it.
        page.clickCell(grid, String.valueOf(orders[0]));
        page.awaitText("inspector-label", ("Order " + orders[0])::equals);
        new Actions(browser.driver).doubleClick(page.cell(grid, String.valueOf(orders[0]))).perform();
        browser.await("commerce-order-editor-" + orders[0], 20_000);
        browser.await("tab-editor:commerce.order:" + orders[0], 5_000);
    }

    /** Pay (manual), ship (a blank tracking number refused first), refund ¥20 of ¥99.80; the timeline has each step. */
    private void orderEditor(AdminPage page, long order) throws Exception {
        Browser browser = page.browser;
        String o = "commerce-order-" + order + "-";
        page.awaitText(o + "heading", ("Order " + order + " · Awaiting payment")::equals);
        String summary = browser.byId(o + "summary").getText();
        assertTrue(summary.contains("Customer 林小满 (" + vip + ") · mini") && summary.contains("payable ¥99.80"), summary);
        assertEquals("Manual (marked paid by an operator)", page.comboText(o + "gateway"));
        page.click(o + "pay");
        page.awaitText(o + "heading", t -> t.endsWith("· Paid"));
        assertTrue(browser.byId(o + "summary").getText().contains("paid ¥99.80 (manual)"));

        page.type(o + "carrier", "顺丰速运");
        page.click(o + "ship");
        assertEquals("Tracking number: is required", page.awaitError(o + "tracking"));
        assertTrue(browser.byId(o + "heading").getText().endsWith("· Paid"), "shipped without a tracking number");
        page.type(o + "tracking", "SF1234567890");
        page.click(o + "ship");
        page.awaitText(o + "heading", t -> t.endsWith("· Shipped"));

        page.type(o + "refund-amount", "20");
        page.type(o + "refund-reason", "少发一包试吃装");
        page.click(o + "refund");
        page.awaitText(o + "summary", t -> t.contains("refunded ¥20.00"));
        assertTrue(browser.byId(o + "heading").getText().endsWith("· Shipped"), "a partial refund keeps the status");

        page.awaitRow(o + "timeline", r -> r.contains("Refunded"));
        String steps = String.join(" | ", page.rows(o + "timeline"));
        int created = steps.indexOf("Created | Awaiting payment");
        int paid = steps.indexOf("Paid | Paid | manual ¥99.80");
        int shipped = steps.indexOf("Shipped | Shipped | 顺丰速运 SF1234567890 | admin");
        int refunded = steps.indexOf("Refunded | Shipped");
        assertTrue(created >= 0 && created < paid && paid < shipped && shipped < refunded, steps);
        assertTrue(steps.contains("少发一包试吃装"), steps);

        JsonNode saved = page.ok(page.get("/api/v1/orders/" + order));
        assertEquals("SHIPPED", saved.get("status").asString(), saved.toString());
        assertEquals(9980, saved.get("paidFen").asLong(), saved.toString());
        assertEquals(2000, saved.get("refundedFen").asLong(), saved.toString());
        assertEquals("SF1234567890", saved.get("trackingNo").asString(), saved.toString());
        List<String> actions = new ArrayList<>();
        saved.get("history").forEach(h -> actions.add(h.get("action").asString() + " by " + h.get("actor").asString()));
        assertEquals(List.of("created by admin", "paid by admin", "shipped by admin", "refunded by admin"), actions);
        // 25 on hand, A sold 2 when paid, B still holds 1
        JsonNode small = page.ok(page.get("/api/v1/products?q=" + SKU_SMALL)).get("items").get(0).get("skus");
        for (JsonNode sku : small) {
            if (sku.get("code").asString().equals(SKU_SMALL)) {
                assertEquals(23, sku.get("stock").asInt(), sku.toString());
                assertEquals(22, sku.get("available").asInt(), sku.toString());
            }
        }
    }

    /** The VIP customer selected in the customer list: the inspector lists the order, shipped, ¥99.80. */
    private void inspector(AdminPage page, long order) throws Exception {
        Browser browser = page.browser;
        page.click("nav-identity.customers");
        browser.await("customers-grid", 15_000);
        page.clickCell("customers-grid", "林小满");
        WebElement link = browser.await("commerce-customer-order-" + order, 15_000);
        assertEquals("#" + order + " · Shipped · ¥99.80", link.getText());
        String section = browser.byId("commerce-customer-orders").getText();
        assertTrue(section.contains(" · mini"), section);
        // A shipped (¥99.80 − ¥20 refunded), C awaiting payment, D paid ¥99: net paid ¥178.80
        assertEquals("Last 3: net paid ¥178.80", browser.byId("commerce-customer-orders-total").getText());
        assertNotNull(browser.withText("h4", "Recent orders"), "the inspector has no 'Recent orders' section");
    }

    /** 中文 once: the page reloads in Chinese; the orders view's title and filter labels are Chinese. */
    private void chinese(AdminPage page) throws Exception {
        Browser browser = page.browser;
        page.chinese(b -> {
            WebElement nav = b.byId("nav-commerce.orders");
            return nav != null && nav.getText().contains("订单");
        });
        page.click("nav-commerce.orders");
        browser.await("commerce-orders", 15_000);
        page.awaitText("commerce-orders-count", "4 个订单"::equals);
        assertEquals("客户分群", page.label("commerce-orders-segment"));
        assertEquals("渠道", page.label("commerce-orders-channel"));
        page.awaitRow("commerce-orders-grid", r -> r.contains("已发货"));
        WebElement tab = browser.byId("tab-view:commerce.orders");
        assertNotNull(tab);
        assertTrue(tab.getText().contains("订单"), tab.getText());
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private static long order(int customer, String channel, String sku, int quantity) throws Exception {
        HttpResponse<String> r = rest.post("/api/v1/orders", "{\"customerId\":" + customer + ",\"channel\":\"" + channel
                + "\",\"lines\":[{\"skuCode\":\"" + sku + "\",\"quantity\":" + quantity + "}]}");
        assertEquals(201, r.statusCode(), r.body());
        return AdminPage.JSON.readTree(r.body()).get("id").asLong();
    }

    private static List<String> ids(long... ids) {
        List<String> out = new ArrayList<>();
        for (long id : ids) {
            out.add(String.valueOf(id));
        }
        return out;
    }
}
