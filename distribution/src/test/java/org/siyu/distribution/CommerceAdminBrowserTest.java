package org.siyu.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SKU_SMALL = "BR-CAT-15";
    private static final String SKU_LARGE = "BR-CAT-30";

    @TempDir
    static Path home;
    static TestHost node;
    static String token;
    static int vip;
    static int other;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed (./siyu test installs them)");
        node = TestHost.start(home);
        token = node.token("admin", TestHost.ADMIN_PASSWORD);
        // commerce is a feature: it comes up after the platform; OneID and tagging with the platform
        assertTrue(TestHost.await(60_000, () -> {
            try {
                return get("/api/v1/products").statusCode() == 200
                        && post("/api/v1/identities/resolve", "{\"identities\":[\"wechat:warmup\"]}").statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        }), "commerce or OneID did not come up");
        vip = ok(post("/api/v1/identities/resolve",
                "{\"identities\":[\"phone:+8613900002001\"],\"traits\":{\"name\":\"林小满\"}}")).get("customerId").asInt();
        other = ok(post("/api/v1/identities/resolve",
                "{\"identities\":[\"phone:+8613900002002\"],\"traits\":{\"name\":\"周一鸣\"}}")).get("customerId").asInt();
        ok(post("/api/v1/customers/" + vip + "/tags", "{\"tags\":[\"VIP\"]}"));
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
            try {
                browser.open(node.url("/view/commerce.products"));
                WebElement form = browser.await("login-form", 30_000);
                browser.query(form, "input[name=username]").sendKeys("admin");
                WebElement password = browser.query(form, "input[name=password]");
                password.sendKeys(TestHost.ADMIN_PASSWORD);
                password.sendKeys(Keys.ENTER);
                browser.await("commerce-products", 30_000);
                long productId = catalogue(browser);
                inventory(browser);
                long[] orders = placeOrders();
                ordersList(browser, orders);
                orderEditor(browser, orders[0]);
                inspector(browser, orders[0]);
                chinese(browser);
            } finally {
                browser.screenshot(Path.of("target", "screenshots", "commerce-admin.png"));
            }
        }
    }

    /** New product with its first SKU in the dialog; a second SKU and a price change in the product editor. */
    private long catalogue(Browser browser) throws Exception {
        browser.click(browser.await("commerce-products-new", 10_000));
        type(browser, "commerce-product-new-name", "浏览器冻干猫粮");
        type(browser, "commerce-product-new-code", SKU_SMALL);
        type(browser, "commerce-product-new-price", "59.9");
        type(browser, "commerce-product-new-stock", "20");
        browser.click(browser.byId("commerce-product-new-create"));

        WebElement editor = Browser.awaitValue(20_000, () -> {
            WebElement e = browser.query(null, "[id^='commerce-product-editor-']");
            return e != null && e.isDisplayed() ? e : null;
        });
        assertNotNull(editor, "the new product did not open in its editor");
        long productId = Long.parseLong(editor.getAttribute("id").substring("commerce-product-editor-".length()));
        browser.await("tab-editor:commerce.product:" + productId, 5_000);
        String p = "commerce-product-" + productId + "-";
        awaitText(browser, p + "heading", "浏览器冻干猫粮"::equals);

        // A second SKU, with attributes in their order.
        type(browser, p + "sku-code", SKU_LARGE);
        type(browser, p + "sku-name", "3kg 装");
        type(browser, p + "sku-price", "99");
        type(browser, p + "sku-stock", "10");
        type(browser, p + "sku-attributes", "规格=3kg; 口味=鸡肉");
        browser.click(browser.byId(p + "sku-save"));
        WebElement skus = browser.byId(p + "skus");
        String rows = Browser.awaitValue(10_000, () -> {
            String t = cellTexts(browser, skus);
            return t.contains(SKU_LARGE) ? t : null;
        });
        assertNotNull(rows, "the new SKU is not listed: " + cellTexts(browser, skus));
        assertTrue(rows.contains("规格=3kg; 口味=鸡肉"), rows);

        // The first SKU's price: a bad amount is refused under the price, then 49.90 is taken.
        browser.click(Objects.requireNonNull(cell(browser, skus, SKU_SMALL), "no row of " + SKU_SMALL));
        awaitValue(browser, p + "sku-code", SKU_SMALL::equals);
        assertEquals("59.90", value(browser, p + "sku-price"));
        type(browser, p + "sku-price", "4x.9");
        browser.click(browser.byId(p + "sku-save"));
        String error = awaitError(browser, p + "sku-price");
        assertTrue(error.startsWith("Price (yuan): '4x.9' is not an amount in yuan"), error);
        type(browser, p + "sku-price", "49.9");
        browser.click(browser.byId(p + "sku-save"));
        assertNotNull(Browser.awaitValue(10_000, () -> cellTexts(browser, skus).contains("¥49.90") ? true : null),
                "the new price is not shown: " + cellTexts(browser, skus));
        assertFalse(invalid(browser, p + "sku-price"), "the price is still marked invalid");

        JsonNode product = ok(get("/api/v1/products/" + productId));
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
    private void inventory(Browser browser) throws Exception {
        browser.click(browser.await("nav-commerce.inventory", 10_000));
        browser.await("commerce-inventory", 15_000);
        WebElement search = browser.query(browser.byId("commerce-inventory-search"), "input");
        search.sendKeys(SKU_SMALL);
        WebElement grid = browser.byId("commerce-inventory-grid");
        WebElement row = Browser.awaitValue(10_000, () -> {
            String t = cellTexts(browser, grid);
            return t.contains(SKU_SMALL) && !t.contains(SKU_LARGE) ? cell(browser, grid, SKU_SMALL) : null;
        });
        assertNotNull(row, "the search did not find " + SKU_SMALL + " alone: " + cellTexts(browser, grid));
        browser.click(row);
        awaitText(browser, "commerce-inventory-selected", t -> t.startsWith(SKU_SMALL) && t.contains("on hand 20"));

        type(browser, "commerce-inventory-delta", "-500");
        type(browser, "commerce-inventory-reason", "盘点");
        browser.click(browser.byId("commerce-inventory-adjust"));
        String tooMany = awaitError(browser, "commerce-inventory-delta");
        assertTrue(tooMany.startsWith("Units (+ in, − out): cannot take 500 of " + SKU_SMALL + ": 20 on hand"), tooMany);

        type(browser, "commerce-inventory-delta", "5");
        type(browser, "commerce-inventory-reason", "");
        browser.click(browser.byId("commerce-inventory-adjust"));
        assertEquals("Reason: is required", awaitError(browser, "commerce-inventory-reason"));
        assertFalse(invalid(browser, "commerce-inventory-delta"), "the units are still marked after a good value");

        type(browser, "commerce-inventory-reason", "供应商到货");
        browser.click(browser.byId("commerce-inventory-adjust"));
        awaitText(browser, "commerce-inventory-selected", t -> t.contains("on hand 25"));
        assertFalse(invalid(browser, "commerce-inventory-reason"));
        WebElement ledger = browser.byId("commerce-inventory-ledger");
        String moves = Browser.awaitValue(10_000, () -> {
            String t = cellTexts(browser, ledger);
            return t.contains("供应商到货") ? t : null;
        });
        assertNotNull(moves, "the ledger: " + cellTexts(browser, ledger));
        assertTrue(moves.contains("Adjustment | +5 | 0 | 25 / 0 | 供应商到货 | admin"), moves);
        assertTrue(moves.contains("Initial | +20 | 0 | 20 / 0"), moves);
        assertNotNull(Browser.awaitValue(10_000, () -> cellTexts(browser, grid).contains(SKU_SMALL + " | 浏览器冻干猫粮 | 25 | 0 | 25")
                ? true : null), "the level row did not follow: " + cellTexts(browser, grid));
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
        ok(post("/api/v1/orders/" + d + "/pay", "{\"gateway\":\"manual\"}"));
        return new long[] {a, b, c, d};
    }

    private void ordersList(Browser browser, long[] orders) throws Exception {
        browser.click(browser.await("nav-commerce.orders", 10_000));
        browser.await("commerce-orders", 15_000);
        WebElement grid = browser.await("commerce-orders-grid", 10_000);
        awaitText(browser, "commerce-orders-count", "4 orders"::equals);
        assertEquals(ids(orders[3], orders[2], orders[1], orders[0]), awaitRows(browser, grid, 4), "newest first");
        assertNotNull(Browser.awaitValue(10_000, () -> cellTexts(browser, grid).contains("林小满 (" + vip + ") | mini")
                ? true : null), "the customer's name is not listed: " + cellTexts(browser, grid));

        // Awaiting payment: D (paid) goes.
        WebElement status = browser.byId("commerce-orders-status");
        browser.click(browser.query(status, "input"));
        WebElement item = Browser.awaitValue(10_000, () -> browser.withText("vaadin-multi-select-combo-box-item",
                "Awaiting payment"));
        assertNotNull(item, "the status filter offers no 'Awaiting payment'");
        item.click();
        browser.query(status, "input").sendKeys(Keys.ESCAPE);
        awaitText(browser, "commerce-orders-count", "3 orders"::equals);
        assertEquals(ids(orders[2], orders[1], orders[0]), awaitRows(browser, grid, 3));

        // Channel mini: C (store) goes.
        type(browser, "commerce-orders-channel", "mini");
        awaitText(browser, "commerce-orders-count", "2 orders"::equals);
        assertEquals(ids(orders[1], orders[0]), awaitRows(browser, grid, 2));

        // A segment: a syntax error shows under the field and keeps the list; tag:VIP leaves A.
        type(browser, "commerce-orders-segment", "tag:VIP AND");
        String problem = awaitText(browser, "commerce-orders-error", t -> t.contains("position"));
        assertTrue(problem.contains("ended at position 11"), problem);
        assertEquals("2 orders", browser.byId("commerce-orders-count").getText());
        type(browser, "commerce-orders-segment", "tag:VIP");
        awaitText(browser, "commerce-orders-count", "1 order"::equals);
        assertFalse(browser.visible("commerce-orders-error"), "the error stayed after a good expression");
        assertEquals(ids(orders[0]), awaitRows(browser, grid, 1));
        JsonNode rest = ok(get("/api/v1/orders?status=CREATED&channel=mini&segment=tag%3AVIP"));
        assertEquals(1, rest.get("total").asInt(), rest.toString());
        assertEquals(orders[0], rest.get("items").get(0).get("id").asLong(), rest.toString());

        // A click selects (the inspector shows the order), a double click opens it.
        WebElement cell = Objects.requireNonNull(cell(browser, grid, String.valueOf(orders[0])));
        browser.click(cell);
        awaitText(browser, "inspector-label", ("Order " + orders[0])::equals);
        new Actions(browser.driver).doubleClick(cell(browser, grid, String.valueOf(orders[0]))).perform();
        browser.await("commerce-order-editor-" + orders[0], 20_000);
        browser.await("tab-editor:commerce.order:" + orders[0], 5_000);
    }

    /** Pay (manual), ship (a blank tracking number refused first), refund ¥20 of ¥99.80; the timeline has each step. */
    private void orderEditor(Browser browser, long order) throws Exception {
        String o = "commerce-order-" + order + "-";
        awaitText(browser, o + "heading", ("Order " + order + " · Awaiting payment")::equals);
        String summary = browser.byId(o + "summary").getText();
        assertTrue(summary.contains("Customer 林小满 (" + vip + ") · mini") && summary.contains("payable ¥99.80"), summary);
        assertEquals("Manual (marked paid by an operator)", comboText(browser, o + "gateway"));
        browser.click(browser.byId(o + "pay"));
        awaitText(browser, o + "heading", t -> t.endsWith("· Paid"));
        assertTrue(browser.byId(o + "summary").getText().contains("paid ¥99.80 (manual)"));

        type(browser, o + "carrier", "顺丰速运");
        browser.click(browser.await(o + "ship", 5_000));
        assertEquals("Tracking number: is required", awaitError(browser, o + "tracking"));
        assertTrue(browser.byId(o + "heading").getText().endsWith("· Paid"), "shipped without a tracking number");
        type(browser, o + "tracking", "SF1234567890");
        browser.click(browser.byId(o + "ship"));
        awaitText(browser, o + "heading", t -> t.endsWith("· Shipped"));

        type(browser, o + "refund-amount", "20");
        type(browser, o + "refund-reason", "少发一包试吃装");
        browser.click(browser.byId(o + "refund"));
        awaitText(browser, o + "summary", t -> t.contains("refunded ¥20.00"));
        assertTrue(browser.byId(o + "heading").getText().endsWith("· Shipped"), "a partial refund keeps the status");

        WebElement timeline = browser.byId(o + "timeline");
        String steps = Browser.awaitValue(10_000, () -> {
            String t = cellTexts(browser, timeline);
            return t.contains("Refunded") ? t : null;
        });
        assertNotNull(steps, "the timeline: " + cellTexts(browser, timeline));
        int created = steps.indexOf("Created | Awaiting payment");
        int paid = steps.indexOf("Paid | Paid | manual ¥99.80");
        int shipped = steps.indexOf("Shipped | Shipped | 顺丰速运 SF1234567890 | admin");
        int refunded = steps.indexOf("Refunded | Shipped");
        assertTrue(created >= 0 && created < paid && paid < shipped && shipped < refunded, steps);
        assertTrue(steps.contains("少发一包试吃装"), steps);

        JsonNode rest = ok(get("/api/v1/orders/" + order));
        assertEquals("SHIPPED", rest.get("status").asString(), rest.toString());
        assertEquals(9980, rest.get("paidFen").asLong(), rest.toString());
        assertEquals(2000, rest.get("refundedFen").asLong(), rest.toString());
        assertEquals("SF1234567890", rest.get("trackingNo").asString(), rest.toString());
        List<String> actions = new ArrayList<>();
        rest.get("history").forEach(h -> actions.add(h.get("action").asString() + " by " + h.get("actor").asString()));
        assertEquals(List.of("created by admin", "paid by admin", "shipped by admin", "refunded by admin"), actions);
        // 25 on hand, A sold 2 when paid, B still holds 1
        JsonNode small = ok(get("/api/v1/products?q=" + SKU_SMALL)).get("items").get(0).get("skus");
        for (JsonNode sku : small) {
            if (sku.get("code").asString().equals(SKU_SMALL)) {
                assertEquals(23, sku.get("stock").asInt(), sku.toString());
                assertEquals(22, sku.get("available").asInt(), sku.toString());
            }
        }
    }

    /** The VIP customer selected in the customer list: the inspector lists the order, shipped, ¥99.80. */
    private void inspector(Browser browser, long order) throws Exception {
        browser.click(browser.await("nav-identity.customers", 10_000));
        WebElement grid = browser.await("customers-grid", 15_000);
        WebElement name = Browser.awaitValue(15_000, () -> cell(browser, grid, "林小满"));
        assertNotNull(name, "林小满 is not in the customer list: " + cellTexts(browser, grid));
        browser.click(name);
        WebElement link = browser.await("commerce-customer-order-" + order, 15_000);
        assertEquals("#" + order + " · Shipped · ¥99.80", link.getText());
        String section = browser.byId("commerce-customer-orders").getText();
        assertTrue(section.contains(" · mini"), section);
        // A shipped (¥99.80 − ¥20 refunded), C awaiting payment, D paid ¥99: net paid ¥178.80
        assertEquals("Last 3: net paid ¥178.80", browser.byId("commerce-customer-orders-total").getText());
        assertNotNull(browser.withText("h4", "Recent orders"), "the inspector has no 'Recent orders' section");
    }

    /** 中文 once: the page reloads in Chinese; the orders view's title and filter labels are Chinese. */
    private void chinese(Browser browser) throws Exception {
        browser.click(browser.await("language-switch", 5_000));
        WebElement zh = Browser.awaitValue(10_000, () -> browser.withText("vaadin-select-item", "中文"));
        assertNotNull(zh, "the language menu has no 中文 item");
        zh.click();
        WebElement nav = Browser.awaitValue(30_000, () -> {
            WebElement e = browser.byId("nav-commerce.orders");
            return e != null && e.getText().contains("订单") ? e : null;
        });
        assertNotNull(nav, "the navigator did not show 订单");
        browser.click(nav);
        browser.await("commerce-orders", 15_000);
        awaitText(browser, "commerce-orders-count", "4 个订单"::equals);
        assertEquals("客户分群", browser.script("return arguments[0].label;", browser.byId("commerce-orders-segment")));
        assertEquals("渠道", browser.script("return arguments[0].label;", browser.byId("commerce-orders-channel")));
        WebElement grid = browser.byId("commerce-orders-grid");
        assertNotNull(Browser.awaitValue(10_000, () -> cellTexts(browser, grid).contains("已发货") ? true : null),
                "statuses are not Chinese: " + cellTexts(browser, grid));
        WebElement tab = browser.byId("tab-view:commerce.orders");
        assertNotNull(tab);
        assertTrue(tab.getText().contains("订单"), tab.getText());
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private static long order(int customer, String channel, String sku, int quantity) throws Exception {
        HttpResponse<String> r = post("/api/v1/orders", "{\"customerId\":" + customer + ",\"channel\":\"" + channel
                + "\",\"lines\":[{\"skuCode\":\"" + sku + "\",\"quantity\":" + quantity + "}]}");
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("id").asLong();
    }

    private static List<String> ids(long... ids) {
        List<String> out = new ArrayList<>();
        for (long id : ids) {
            out.add(String.valueOf(id));
        }
        return out;
    }

    /** Replaces a field's value by typing, as a person would, and leaves the field. */
    private static void type(Browser browser, String fieldId, String text) throws InterruptedException {
        WebElement field = browser.await(fieldId, 10_000);
        WebElement input = browser.query(field, "input, textarea");
        assertNotNull(input, "#" + fieldId + " has no input");
        browser.script("arguments[0].scrollIntoView({block: 'center'});", input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        input.sendKeys(Keys.BACK_SPACE);
        if (!text.isEmpty()) {
            input.sendKeys(text);
        }
        input.sendKeys(Keys.TAB);
    }

    private static String value(Browser browser, String fieldId) {
        return String.valueOf(browser.script("return arguments[0].value;", browser.byId(fieldId)));
    }

    private static void awaitValue(Browser browser, String fieldId, Predicate<String> wanted) throws InterruptedException {
        if (Browser.awaitValue(10_000, () -> wanted.test(value(browser, fieldId)) ? true : null) == null) {
            throw new AssertionError("#" + fieldId + " holds: " + value(browser, fieldId));
        }
    }

    private static boolean invalid(Browser browser, String fieldId) {
        return Boolean.TRUE.equals(browser.script("return arguments[0].invalid;", browser.byId(fieldId)));
    }

    /** The error shown under a field once it is marked invalid. */
    private static String awaitError(Browser browser, String fieldId) throws InterruptedException {
        String error = Browser.awaitValue(10_000, () -> invalid(browser, fieldId)
                ? (String) browser.script("return arguments[0].errorMessage;", browser.byId(fieldId)) : null);
        if (error == null) {
            throw new AssertionError("#" + fieldId + " was not marked invalid");
        }
        return error;
    }

    private static String comboText(Browser browser, String id) {
        return String.valueOf(browser.script("return arguments[0].querySelector('input').value;", browser.byId(id)));
    }

    private static String awaitText(Browser browser, String id, Predicate<String> wanted) throws InterruptedException {
        String seen = Browser.awaitValue(20_000, () -> {
            WebElement e = browser.byId(id);
            return e != null && wanted.test(e.getText()) ? e.getText() : null;
        });
        if (seen == null) {
            WebElement e = browser.byId(id);
            throw new AssertionError("#" + id + " shows: " + (e == null ? "(missing)" : e.getText()));
        }
        return seen;
    }

    /**
     * The cell contents of the rows the grid shows, top to bottom. Vaadin's grid reuses row elements and keeps the
     * contents of rows past its size, hidden: those are skipped.
     */
    private static final String VISIBLE_ROWS = """
            function visibleRows(grid) {
              return [...grid.shadowRoot.querySelectorAll('tbody#items > tr')]
                  .filter(row => !row.hidden && row.index < grid.size)
                  .sort((a, b) => a.index - b.index)
                  .map(row => [...row.querySelectorAll('td slot')]
                      .map(slot => slot.assignedElements()[0]).filter(c => c));
            }
            """;

    /** The shown cell whose text is exactly {@code text}, or null. */
    @SuppressWarnings("unchecked")
    private static WebElement cell(Browser browser, WebElement grid, String text) {
        for (List<WebElement> row : (List<List<WebElement>>) browser.script(VISIBLE_ROWS
                + "return visibleRows(arguments[0]);", grid)) {
            for (WebElement c : row) {
                if (c.getText().strip().equals(text)) {
                    return c;
                }
            }
        }
        return null;
    }

    /** The texts of the shown rows' cells, empty ones left out, joined by {@code " | "}. */
    private static String cellTexts(Browser browser, WebElement grid) {
        return Objects.toString(browser.script(VISIBLE_ROWS + """
                return visibleRows(arguments[0]).flat().map(c => c.textContent.trim()).filter(t => t).join(' | ');""",
                grid));
    }

    /** The first column of the rows the grid shows, top to bottom, once there are {@code expected} of them. */
    private static List<String> awaitRows(Browser browser, WebElement grid, int expected) throws InterruptedException {
        List<String> rows = Browser.awaitValue(15_000, () -> {
            List<String> r = firstColumn(browser, grid);
            return r.size() == expected ? r : null;
        });
        return rows == null ? firstColumn(browser, grid) : rows;
    }

    @SuppressWarnings("unchecked")
    private static List<String> firstColumn(Browser browser, WebElement grid) {
        List<String> cells = (List<String>) browser.script("""
                const grid = arguments[0];
                const rows = [...grid.shadowRoot.querySelectorAll('tbody#items > tr')]
                    .filter(row => !row.hidden && row.index < grid.size)
                    .sort((a, b) => a.index - b.index);
                return rows.map(row => {
                  const slot = row.querySelector('td slot');
                  const content = slot ? slot.assignedElements()[0] : null;
                  return content ? content.textContent.trim() : '';
                });""", grid);
        return cells.stream().anyMatch(String::isEmpty) ? List.of() : cells;
    }

    private static JsonNode ok(HttpResponse<String> r) {
        assertTrue(r.statusCode() == 200 || r.statusCode() == 201, r.statusCode() + " " + r.uri() + " " + r.body());
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return node.send(node.request(path).header("Authorization", "Bearer " + token).GET());
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return node.send(node.request(path).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)));
    }
}
