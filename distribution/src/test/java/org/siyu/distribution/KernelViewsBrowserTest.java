package org.siyu.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The kernel's working views in a real Chromium against one real node, each as an admin uses it: the CSV import
 * (upload, guessed mapping, a dry run that names the bad row, the import as a job, the customers there afterwards),
 * org units and staff (a region, a store below it with a refused code first, a guide), and saved segments (count,
 * save, export as a job with its download). What the views claim is checked through REST as well.
 */
class KernelViewsBrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path home;
    static TestHost node;
    static String token;

    Browser browser;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed (./siyu test installs them)");
        node = TestHost.start(home);
        token = node.token("admin", TestHost.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @AfterEach
    void closeBrowser(TestInfo info) throws Exception {
        if (browser != null) {
            browser.screenshot(Path.of("target", "screenshots", info.getTestMethod().orElseThrow().getName() + ".png"));
            browser.close();
            browser = null;
        }
    }

    @Test
    void aCsvImportShouldShowTheBadRowInTheDryRunAndImportTheRestAsAJob() throws Exception {
        Path csv = home.resolve("browser-import.csv");
        Files.writeString(csv, """
                手机号,姓名,客户标签
                139 0000 1111,林一,浏览器导入
                13900002222,林二,浏览器导入
                not-a-phone,坏行,浏览器导入
                """, StandardCharsets.UTF_8);
        openView("imports.customers", "import-view");

        WebElement input = browser.query(browser.await("import-upload", 5_000), "input[type=file]");
        assertNotNull(input, "the upload has no file input");
        input.sendKeys(csv.toAbsolutePath().toString());
        String file = awaitText("import-file", t -> t.contains("browser-import.csv") && t.contains("3 columns"));
        assertTrue(file.contains("UTF-8"), file);

        // The mapping guessed from the header: phone, name, tags.
        String phone = selectedLabel("import-target-0");
        assertTrue(phone.toLowerCase(java.util.Locale.ROOT).contains("phone"), phone);
        assertEquals("Name", selectedLabel("import-target-1"));

        browser.click(browser.byId("import-dry-run"));
        String report = awaitText("import-report", t -> t.startsWith("3 rows"));
        assertTrue(report.startsWith("3 rows: 2 ok, 1 with errors; 2 new customers"), report);
        WebElement errors = browser.byId("import-errors");
        String errorRows = Browser.awaitValue(10_000, () -> {
            String t = cellTexts(errors);
            return t.contains("坏行") || t.contains("not-a-phone") || t.contains("4") && t.contains("phone") ? t : null;
        });
        assertNotNull(errorRows, "the dry run's error grid: " + cellTexts(errors));
        assertTrue(errorRows.contains("手机号"), "the error names the column: " + errorRows);
        assertTrue(browser.visible("import-errors-download"), "no download of the errors");

        browser.click(browser.byId("import-start"));
        WebElement history = browser.await("import-history", 5_000);
        String done = Browser.awaitValue(60_000, () -> {
            String t = cellTexts(history);
            return t.contains("browser-import.csv") && t.contains("done") ? t : null;
        });
        assertNotNull(done, "the import did not finish: " + cellTexts(history));

        // The two good rows are customers now (resolving them creates nobody), and only they carry the tag. Resolve,
        // not GET /identities/phone:+86…: the API decodes that path twice and its '+' turns into a space.
        for (String identity : new String[] {"phone:13900001111", "phone:13900002222"}) {
            JsonNode known = ok(post("/api/v1/identities/resolve", "{\"identities\":[\"" + identity + "\"]}"));
            assertFalse(known.get("created").asBoolean(), "the import did not create " + identity + ": " + known);
        }
        assertEquals("2", ok(get("/api/v1/segments/count?expr=" + enc("tag:浏览器导入"))).get("count").asString());
    }

    @Test
    void orgUnitsAndStaffShouldBeCreatedAndARefusedCodeMarkedOnItsField() throws Exception {
        openView("org.units", "org-view");
        browser.click(Objects.requireNonNull(browser.withText("vaadin-details-summary", "Unit"), "no Unit form"));
        browser.click(browser.await("org-unit-new", 5_000));
        // Below the root by default, as a region
        type("org-unit-id", "east");
        type("org-unit-name", "华东大区");
        browser.click(browser.byId("org-unit-save"));
        awaitText("org-status", t -> t.equals("Saved unit 华东大区 (east)"));

        // A store below it: a code with a space is refused, under the field, and nothing is saved.
        browser.click(browser.byId("org-unit-new"));
        type("org-unit-id", "bad code!");
        type("org-unit-name", "静安店");
        browser.click(browser.byId("org-unit-save"));
        awaitText("org-status", t -> t.contains("'bad code!' must be 1-64 letters"));
        assertEquals("true", String.valueOf(browser.script("return arguments[0].invalid;", browser.byId("org-unit-id"))));
        String shown = String.valueOf(browser.script("return arguments[0].errorMessage;", browser.byId("org-unit-id")));
        assertTrue(shown.contains("'bad code!' must be 1-64 letters"), shown);
        type("org-unit-id", "sh-jingan");
        browser.click(browser.byId("org-unit-save"));
        awaitText("org-status", t -> t.equals("Saved unit 静安店 (sh-jingan)"));
        assertEquals("false", String.valueOf(browser.script("return arguments[0].invalid;", browser.byId("org-unit-id"))));

        // A guide in the store.
        browser.click(Objects.requireNonNull(browser.withText("vaadin-details-summary", "Staff member"), "no staff form"));
        browser.click(browser.await("org-staff-new", 5_000));
        type("org-staff-id", "g-001");
        type("org-staff-name", "导购小王");
        choose("org-staff-unit", "sh-jingan", "静安店 (sh-jingan)");
        browser.click(browser.byId("org-staff-save"));
        awaitText("org-status", t -> t.equals("Saved staff member 导购小王 (g-001)"));

        JsonNode units = ok(get("/api/v1/org/units"));
        JsonNode store = null;
        for (JsonNode u : units) {
            if ("sh-jingan".equals(u.get("id").asString())) {
                store = u;
            }
        }
        assertNotNull(store, units.toString());
        assertEquals("east", store.get("parentId").asString(), store.toString());
        assertEquals("STORE", store.get("kind").asString(), store.toString());
        JsonNode staff = ok(get("/api/v1/org/staff?unit=east"));
        assertTrue(staff.toString().contains("\"g-001\"") && staff.toString().contains("\"sh-jingan\""), staff.toString());
        assertFalse(units.toString().contains("bad code"), units.toString());
    }

    @Test
    void aSavedSegmentShouldShowItsCountAndExportAsAJob() throws Exception {
        java.util.List<Integer> catLovers = new java.util.ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            JsonNode c = ok(post("/api/v1/identities/resolve", "{\"identities\":[\"wecom:segment-" + i + "\"]}"));
            if (i < 3) {
                catLovers.add(c.get("customerId").asInt());
            }
            ok(post("/api/v1/customers/" + c.get("customerId").asInt() + "/tags",
                    i < 3 ? "{\"tags\":[\"浏览器分群\",\"爱猫\"]}" : "{\"tags\":[\"浏览器分群\"]}"));
        }
        openView("tagging.segments", "segments-view");
        type("segment-expression", "tag:浏览器分群 AND tag:爱猫");
        awaitText("segment-count", t -> t.startsWith("2 customers"));
        type("segment-name", "爱猫的浏览器客户");
        browser.click(browser.byId("segment-save"));
        WebElement grid = browser.await("segments-grid", 5_000);
        String rows = Browser.awaitValue(10_000, () -> {
            String t = cellTexts(grid);
            return t.contains("爱猫的浏览器客户") ? t : null;
        });
        assertNotNull(rows, "the saved segment is not listed: " + cellTexts(grid));
        assertTrue(rows.contains("爱猫的浏览器客户 | tag:浏览器分群 AND tag:爱猫 | 2"), rows);
        assertEquals("", browser.byId("segment-save-error").getText());

        browser.click(browser.byId("segment-export"));
        WebElement download = browser.await("segment-download", 30_000);
        String status = browser.byId("segment-export-status").getText();
        assertTrue(download.getText().startsWith("Download "), download.getText());
        assertTrue(status.startsWith("2 customers"), "the export's summary: " + status);
        // The file behind the link, fetched in the page's session: a header and the two customers.
        String exported = String.valueOf(browser.driver.executeAsyncScript(
                "fetch(arguments[0].href).then(r => r.text()).then(arguments[1], e => arguments[1]('failed: ' + e));",
                download));
        java.util.List<String> lines = exported.strip().lines().toList();
        assertEquals(3, lines.size(), exported);
        for (int id : catLovers) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(id + ",")), id + " is not in the export: " + exported);
        }
        JsonNode saved = ok(get("/api/v1/segments"));
        assertTrue(saved.toString().contains("爱猫的浏览器客户"), saved.toString());
    }

    private void openView(String viewId, String rootId) throws InterruptedException {
        browser = new Browser();
        browser.open(node.url("/view/" + viewId));
        WebElement form = browser.await("login-form", 30_000);
        browser.query(form, "input[name=username]").sendKeys("admin");
        WebElement password = browser.query(form, "input[name=password]");
        password.sendKeys(TestHost.ADMIN_PASSWORD);
        password.sendKeys(Keys.ENTER);
        browser.await(rootId, 30_000);
    }

    /** Replaces a text field's value by typing, as a person would, and leaves the field. */
    private void type(String fieldId, String text) {
        WebElement input = browser.query(browser.byId(fieldId), "input");
        assertNotNull(input, "#" + fieldId + " has no input");
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        input.sendKeys(Keys.BACK_SPACE);
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
    }

    /** Types into a combo box and takes the item shown as {@code label}. */
    private void choose(String comboId, String typed, String label) throws InterruptedException {
        WebElement input = browser.query(browser.byId(comboId), "input");
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        input.sendKeys(typed);
        WebElement option = Browser.awaitValue(10_000, () -> browser.withText("vaadin-combo-box-item", label));
        assertNotNull(option, "#" + comboId + " offers no " + label);
        option.click();
    }

    private String selectedLabel(String selectId) throws InterruptedException {
        WebElement select = browser.await(selectId, 10_000);
        return Objects.toString(browser.script("""
                const s = arguments[0];
                const v = s.querySelector('vaadin-select-value-button, [slot=value]') || s;
                return v.textContent.trim();""", select));
    }

    private String awaitText(String id, java.util.function.Predicate<String> wanted) throws InterruptedException {
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

    private String cellTexts(WebElement grid) {
        return Objects.toString(browser.script("""
                return [...arguments[0].querySelectorAll('vaadin-grid-cell-content')]
                    .map(c => c.textContent.trim()).filter(t => t).join(' | ');""", grid));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
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
