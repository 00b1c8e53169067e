package org.siyu.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * Commerce's two tool views in a real Chromium against a real node that runs them as the distribution ships them.
 * Product codes (一物一码): a batch made as a job, listed ready, its CSV and printable QR sheet fetched from the view's
 * links, a code bound through REST (a second bind refused) and seen bound in the list and the lookup, in English and
 * Chinese. Order import (订单导入): a Tmall-shaped report uploaded, its source and columns guessed, a dry run that
 * names the bad row, the import as a job (its progress in Platform › Jobs) and its result in the history, and the same
 * file again: nothing new. What the views claim is checked through REST.
 */
class CommerceToolsBrowserTest {

    private static final String SKU = "BR-CODE-1";

    @TempDir
    static Path home;
    static TestHost node;
    static AdminPage rest;
    static long productId;

    AdminPage page;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed (./siyu test installs them)");
        node = TestHost.start(home);
        rest = new AdminPage(null, node, node.token("admin", TestHost.ADMIN_PASSWORD));
        // the commerce plugins are features: they come up after the platform
        rest.awaitUp("commerce, its codes or its import", "/api/v1/products", "/api/v1/codes", "/api/v1/order-imports");
        productId = rest.ok(rest.post("/api/v1/products", "{\"name\":\"浏览器冻干猫粮\",\"skus\":[{\"code\":\"" + SKU
                + "\",\"priceFen\":12800,\"stock\":100}]}")).get("id").asLong();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @AfterEach
    void closeBrowser(TestInfo info) throws Exception {
        if (page != null) {
            page.browser.screenshot(Path.of("target", "screenshots", info.getTestMethod().orElseThrow().getName() + ".png"));
            page.browser.close();
            page = null;
        }
    }

    @Test
    void aBatchOfCodesShouldBeMadeExportedAndShowItsBoundCode() throws Exception {
        page = new AdminPage(new Browser(), node, rest.token);
        page.signIn("commerce.codes", "codes-view");
        page.choose("codes-product", "浏览器", "浏览器冻干猫粮");
        page.choose("codes-sku", SKU, SKU);
        page.type("codes-quantity", "30");
        page.type("codes-note", "浏览器批次");
        page.click("codes-create");
        String started = page.awaitNotification(t -> t.startsWith("Batch "));
        String batch = started.replaceAll("Batch (\\d+) started \\(job (\\d+)\\)", "$1");
        String job = started.replaceAll("Batch (\\d+) started \\(job (\\d+)\\)", "$2");
        assertTrue(batch.matches("\\d+") && job.matches("\\d+"), started);

        // Polled while it generates: the row reaches ready with all its codes, none bound.
        String row = page.awaitRow("codes-batches", r -> r.startsWith(batch + " |") && r.contains("ready"));
        assertEquals(batch + " | 浏览器冻干猫粮 · " + SKU + " | ready | 30 / 30 | 0 | admin | 30 codes", row);
        JsonNode made = page.ok(page.get("/api/v1/codes/batches/" + batch));
        assertEquals("READY", made.get("state").asString(), made.toString());
        assertEquals(Long.parseLong(job), made.get("jobId").asLong(), made.toString());

        // The selected batch's CSV and QR sheet, fetched through the view's links in its session.
        page.clickCell("codes-batches", "浏览器冻干猫粮 · " + SKU);
        WebElement csvLink = page.browser.await("codes-csv", 10_000);
        assertEquals("Download codes (CSV)", csvLink.getText());
        List<String> csv = fetch(csvLink).replace("\uFEFF", "").strip().lines().toList();
        assertEquals("serial,code,printed,url,product_id,sku_code", csv.getFirst());
        assertEquals(31, csv.size(), csv.toString());
        String[] first = csv.get(1).split(",");
        assertEquals("1", first[0]);
        assertEquals(String.valueOf(productId), first[4]);
        assertEquals(SKU, first[5]);
        String code = first[1];
        WebElement sheetLink = page.browser.byId("codes-sheet-0");
        assertEquals("QR sheet 1–30", sheetLink.getText());
        String sheet = fetch(sheetLink);
        assertEquals(30, sheet.split("<svg", -1).length - 1, "QR codes on the sheet");
        assertTrue(sheet.contains(first[2]) && sheet.contains("浏览器冻干猫粮"), "the sheet lacks the printed code");

        // Bound through REST, as the brand's scan page does; a second bind is refused.
        JsonNode bound = page.ok(page.post("/api/v1/codes/" + code + "/bind",
                "{\"identities\":[\"phone:+8613900003001\"],\"channel\":\"tmall\"}"));
        int customer = bound.get("customerId").asInt();
        var again = page.post("/api/v1/codes/" + code + "/bind", "{\"identities\":[\"phone:+8613900003002\"]}");
        assertEquals(409, again.statusCode(), again.body());
        assertTrue(again.body().contains("already_bound"), again.body());

        page.click("codes-refresh");
        page.awaitRow("codes-batches", r -> r.equals(batch + " | 浏览器冻干猫粮 · " + SKU + " | ready | 30 / 30 | 1 | admin | 30 codes"));
        page.type("codes-lookup", code.toLowerCase(java.util.Locale.ROOT));
        page.click("codes-find");
        String found = page.awaitText("codes-found", t -> t.startsWith(first[2]));
        assertTrue(found.startsWith(first[2] + ": batch " + batch + " #1, bound to customer " + customer + " on "), found);
        assertTrue(found.matches(".* on \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} \\(tmall\\)"), found);

        page.chinese(b -> {
            var nav = b.byId("nav-commerce.codes");
            return nav != null && nav.getText().contains("一物一码");
        });
        page.awaitRow("codes-batches", r -> r.equals(batch + " | 浏览器冻干猫粮 · " + SKU + " | 已完成 | 30 / 30 | 1 | admin | 30 codes"));
        page.type("codes-lookup", first[2]);
        page.click("codes-find");
        String zh = page.awaitText("codes-found", t -> t.startsWith(first[2] + "："));
        assertTrue(zh.startsWith(first[2] + "：批次 " + batch + " 第 1 个，已于 ") && zh.contains("绑定到客户 " + customer), zh);
    }

    @Test
    void aTmallReportShouldBeDryRunImportedAsAJobAndReimportedWithNothingNew() throws Exception {
        Path csv = home.resolve("browser-tmall.csv");
        // rows 3–4: one order of two items; row 5: an amount that is not one
        Files.writeString(csv, """
                订单编号,买家会员名,买家实际支付金额,订单状态,收货人姓名,联系手机,订单创建时间,订单付款时间,宝贝标题,宝贝总数量,商家编码,退款金额
                BR1001,浏览器买家甲,128.00,交易成功,王小明,13900004001,2026-11-11 10:00:00,2026-11-11 10:00:30,浏览器冻干猫粮,1,BR-CODE-1,0.00
                BR1002,浏览器买家乙,259.00,买家已付款，等待卖家发货,李四,13900004002,2026-11-11 11:00:00,2026-11-11 11:00:10,浏览器冻干猫粮,1,BR-CODE-1,
                BR1002,浏览器买家乙,259.00,买家已付款，等待卖家发货,李四,13900004002,2026-11-11 11:00:00,2026-11-11 11:00:10,磨牙棒 6支装,2,,
                BR1003,浏览器买家丙,12八.00,交易成功,赵六,13900004003,2026-11-12 09:00:00,2026-11-12 09:00:05,猫砂 6L,1,,
                """, StandardCharsets.UTF_8);
        page = new AdminPage(new Browser(), node, rest.token);
        page.signIn("commerce.order-import", "order-import-view");

        upload(csv);
        String dry = dryRun();
        assertEquals("4 rows, 3 orders: 2 ok (2 new, 0 already recorded, 1 with several items), 1 rejected; "
                + "2 new customers, 0 existing; 0 masked phones ignored", dry);
        String error = page.awaitRow("order-import-errors", r -> r.startsWith("5 |"));
        assertTrue(error.startsWith("5 | 买家实际支付金额 | 12八.00 | "), error);

        page.click("order-import-start");
        String started = page.awaitNotification(t -> t.startsWith("Import "));
        String importId = started.replaceAll("Import (\\d+) started \\(job (\\d+)\\)", "$1");
        String job = started.replaceAll("Import (\\d+) started \\(job (\\d+)\\)", "$2");
        String done = page.awaitRow("order-import-history", r -> r.startsWith(importId + " |") && r.contains("| done |"));
        assertEquals(importId + " | tmall | browser-tmall.csv | done | 3 / 3 | 2 | 0 | 1 | 2 | job " + job
                + " | 2 orders recorded, 0 already recorded, 1 rejected", done);
        page.clickCell("order-import-history", "browser-tmall.csv");
        assertTrue(page.awaitRow("order-import-history-errors", r -> r.startsWith("5 |")).contains("买家实际支付金额"));
        JsonNode orders = page.ok(page.get("/api/v1/orders?channel=tmall"));
        assertEquals(2, orders.get("total").asInt(), orders.toString());

        // The same report again, downloaded twice from the seller back end: both orders recorded before, nothing new.
        Path again = Files.copy(csv, home.resolve("browser-tmall (1).csv"));
        upload(again);
        assertEquals("4 rows, 3 orders: 2 ok (0 new, 2 already recorded, 1 with several items), 1 rejected; "
                + "0 new customers, 0 existing; 0 masked phones ignored", dryRun()); // recorded orders are not looked up
        page.click("order-import-start");
        String second = page.awaitNotification(t -> t.startsWith("Import ") && !t.startsWith("Import " + importId + " "))
                .replaceAll("Import (\\d+) started.*", "$1");
        String rerun = page.awaitRow("order-import-history", r -> r.startsWith(second + " |") && r.contains("| done |"));
        assertTrue(rerun.startsWith(second + " | tmall | browser-tmall (1).csv | done | 3 / 3 | 0 | 2 | 1 | 0 |")
                && rerun.endsWith("0 orders recorded, 2 already recorded, 1 rejected"), rerun);
        assertEquals(2, page.ok(page.get("/api/v1/orders?channel=tmall")).get("total").asInt());

        // The first import's job: succeeded, 3 of 3 orders.
        page.openFromPalette("platform.jobs", "jobs-view");
        Object state = Browser.awaitValue(20_000, () -> {
            WebElement e = page.browser.byId("job-state-" + job);
            return e == null ? null : e.getAttribute("data-state");
        });
        assertEquals("SUCCEEDED", state, "job " + job);
        String jobRow = page.awaitRow("jobs-grid", r -> r.contains("commerce.orders.import") && r.contains("3 / 3"));
        assertNotNull(jobRow);

        page.open("commerce.order-import", "order-import-view");
        page.chinese(b -> {
            var nav = b.byId("nav-commerce.order-import");
            return nav != null && nav.getText().contains("订单导入");
        });
        page.awaitRow("order-import-history", r -> r.startsWith(importId + " | tmall | browser-tmall.csv | 已完成 | 3 / 3"));
        assertEquals("平台", page.label("order-import-source"));
    }

    private void upload(Path csv) throws InterruptedException {
        WebElement input = page.browser.query(page.browser.await("order-import-upload", 10_000), "input[type=file]");
        assertNotNull(input, "the upload has no file input");
        input.sendKeys(csv.toAbsolutePath().toString());
        String file = Browser.awaitValue(20_000, () -> {
            String t = page.browser.byId("order-import-file").getText();
            return t.startsWith(csv.getFileName().toString()) ? t : null;
        });
        assertNotNull(file, "the upload was not read; upload: " + page.browser.script("const u = arguments[0];"
                + "return JSON.stringify({files: u.files.map(f => f.name + ' ' + f.status + ' ' + f.error),"
                + " max: u.maxFilesReached});", page.browser.byId("order-import-upload")));
        assertEquals(csv.getFileName() + " · UTF-8 · 12 columns", file);
        String source = Browser.awaitValue(10_000, () -> {
            Object v = page.browser.script("const s = arguments[0]; const b = s.querySelector('vaadin-select-value-button');"
                    + "return b ? b.textContent.trim() : null;", page.browser.byId("order-import-source"));
            return v == null || v.toString().isEmpty() ? null : v.toString();
        });
        assertEquals("Tmall / Taobao", source, "the guessed marketplace");
    }

    private String dryRun() throws InterruptedException {
        page.browser.script("arguments[0].textContent = '';", page.browser.byId("order-import-report"));
        page.click("order-import-dry-run");
        return page.awaitText("order-import-report", t -> t.contains(" rows, "));
    }

    /** The file behind a link, fetched in the page's session. */
    private String fetch(WebElement link) {
        return String.valueOf(page.browser.driver.executeAsyncScript(
                "fetch(arguments[0].href).then(r => r.text()).then(arguments[1], e => arguments[1]('failed: ' + e));",
                link));
    }
}
