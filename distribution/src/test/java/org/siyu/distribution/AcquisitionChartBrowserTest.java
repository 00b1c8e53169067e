package org.siyu.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The acquisition view (获客成本) in a real Chromium: the SDK's {@code Chart} drawn by the shell with Apache ECharts
 * ("no data" first, then bars of cost per owned customer by channel), a cost recorded through the form (a refusal
 * names its field first), and the chart re-titled in Chinese after a language switch.
 */
class AcquisitionChartBrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String VIEW = "identity.acquisition";
    private static final String TITLE_EN = "Cost per owned customer by channel";
    private static final String TITLE_ZH = "各渠道每位已拥有客户成本";

    @TempDir
    static Path home;
    static TestHost node;
    static String token;

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

    @Test
    void theCostReportShouldDrawItsChartAndFollowTheLanguage() throws Exception {
        try (Browser browser = new Browser()) {
            try {
                browser.open(node.url("/view/" + VIEW));
                signIn(browser);
                browser.await("acquisition-view", 30_000);

                // Nothing recorded, nobody acquired: the chart says so instead of drawing empty axes.
                WebElement chart = browser.await("acquisition-chart", 10_000);
                String noData = Browser.awaitValue(10_000, () -> {
                    Object text = browser.script("const n = arguments[0].shadowRoot.querySelector('.no-data');"
                            + "return n && !n.hidden ? n.textContent : null;", chart);
                    return text == null ? null : text.toString();
                });
                assertNotNull(noData, "the empty chart shows no 'no data' state");
                assertTrue(noData.contains("No data") && noData.contains(TITLE_EN), noData);

                seed();

                // A refusal names its field; then 300 yuan for WeCom today through the form.
                browser.click(browser.await("acquisition-record", 5_000));
                String refusal = Browser.awaitValue(10_000, () -> {
                    String t = browser.byId("acquisition-error").getText();
                    return t.isBlank() ? null : t;
                });
                assertNotNull(refusal, "recording without a cost shows no error");
                assertTrue(refusal.contains("field 'costFen'"), refusal);
                choose(browser, "acquisition-channel", "wecom");
                WebElement cost = browser.query(browser.byId("acquisition-cost"), "input");
                cost.sendKeys("300");
                cost.sendKeys(Keys.TAB);
                browser.click(browser.byId("acquisition-record"));
                Browser.awaitValue(10_000, () -> browser.byId("acquisition-error").getText().isBlank() ? true : null);

                // The report and its chart: tmall ¥50 over 1 owned, WeCom ¥300 over 2 owned.
                Map<String, Object> drawn = awaitOption(browser, List.of(5_000L, 15_000L));
                assertEquals(List.of("tmall", "wecom"), drawn.get("categories"), drawn.toString());
                assertEquals(TITLE_EN, drawn.get("title"), drawn.toString());
                assertEquals("Cost per owned customer", drawn.get("series"), drawn.toString());
                assertRendered(browser, chart, TITLE_EN, "Cost per owned customer");
                String grid = browser.byId("acquisition-report").getText();
                assertTrue(grid.contains("¥300.00") && grid.contains("¥150.00"), grid);

                // The chart follows its container: a narrower view redraws the SVG narrower.
                long wide = svgWidth(browser, chart);
                browser.script("arguments[0].style.width = '400px';", chart);
                Long narrow = Browser.awaitValue(10_000, () -> {
                    long w = svgWidth(browser, chart);
                    return w > 0 && w <= 400 ? w : null;
                });
                assertNotNull(narrow, "the chart did not follow its container: still " + svgWidth(browser, chart)
                        + " px wide (was " + wide + ")");
                assertTrue(wide > 400, "the chart was " + wide + " px wide in a wide view");

                // 中文: the page reloads in Chinese and the chart is re-titled.
                WebElement language = browser.await("language-switch", 5_000);
                browser.click(language);
                WebElement zh = Browser.awaitValue(10_000, () -> browser.withText("vaadin-select-item", "中文"));
                assertNotNull(zh, "the language menu has no 中文 item");
                zh.click();
                WebElement chartZh = Browser.awaitValue(30_000, () -> {
                    WebElement c = browser.byId("acquisition-chart");
                    Object title = c == null ? null : browser.script(
                            "const o = arguments[0].option; return o && o.title && o.title[0] ? o.title[0].text : null;", c);
                    return TITLE_ZH.equals(title) ? c : null;
                });
                assertNotNull(chartZh, "the chart was not re-titled in Chinese");
                assertRendered(browser, chartZh, TITLE_ZH, "每位已拥有客户成本");
            } finally {
                browser.screenshot(Path.of("target", "screenshots", "acquisition-chart.png"));
            }
        }
    }

    /** Five customers first seen through WeCom (two owned) and tmall (one owned), and ¥50 of tmall cost today. */
    private static void seed() throws Exception {
        for (String identity : List.of("wecom:chart-w1", "wecom:chart-w2", "wecom:chart-w3", "tmall:chart-t1",
                "tmall:chart-t2")) {
            JsonNode r = ok(post("/api/v1/identities/resolve", "{\"identities\":[\"" + identity + "\"]}"));
            if (List.of("wecom:chart-w1", "wecom:chart-w2", "tmall:chart-t1").contains(identity)) {
                ok(post("/api/v1/customers/" + r.get("customerId").asInt() + "/tags", "{\"tags\":[\"reach.owned\"]}"));
            }
        }
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        ok(post("/api/v1/acquisition/costs", "{\"channel\":\"tmall\",\"day\":\"" + today + "\",\"costFen\":5000}"));
        JsonNode report = ok(get("/api/v1/acquisition/report?from=" + today + "&to=" + today));
        assertTrue(report.toString().contains("\"ownedCustomers\":2"), "the seed did not make two owned WeCom "
                + "customers: " + report);
    }

    /** Waits until the chart draws {@code values} and returns what it drew: categories, title, series name. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> awaitOption(Browser browser, List<Long> values) throws InterruptedException {
        Map<String, Object> drawn = Browser.awaitValue(15_000, () -> {
            Map<String, Object> o = (Map<String, Object>) browser.script("""
                    const c = arguments[0];
                    const o = c && c.hasAttribute('rendered') ? c.option : null;
                    if (!o) return null;
                    return {categories: o.xAxis[0].data, title: o.title[0].text, series: o.series[0].name,
                            values: o.series[0].data.map(v => v === '-' ? null : v)};""", browser.byId("acquisition-chart"));
            return o != null && values.equals(o.get("values")) ? o : null;
        });
        assertNotNull(drawn, "the chart did not draw " + values + "; spec: "
                + browser.script("return arguments[0].spec && JSON.stringify(arguments[0].spec);", browser.byId("acquisition-chart")));
        return drawn;
    }

    /** ECharts drew an SVG of some size whose texts include the title and the legend's series name. */
    private static void assertRendered(Browser browser, WebElement chart, String title, String series)
            throws InterruptedException {
        String texts = Browser.awaitValue(10_000, () -> {
            Object t = browser.script("""
                    const svg = arguments[0].shadowRoot.querySelector('.chart svg');
                    if (!svg) return null;
                    return [...svg.querySelectorAll('text')].map(e => e.textContent).join(' | ');""", chart);
            return t != null && t.toString().contains(title) && t.toString().contains(series) ? t.toString() : null;
        });
        assertNotNull(texts, "the chart's SVG lacks '" + title + "' or '" + series + "': " + browser.script(
                "const s = arguments[0].shadowRoot.querySelector('.chart svg'); return s ? s.outerHTML.slice(0, 2000) : 'no svg';",
                chart));
        assertTrue(svgWidth(browser, chart) > 100, "the chart's SVG has no width");
        long height = ((Number) browser.script(
                "return arguments[0].shadowRoot.querySelector('.chart svg').getBoundingClientRect().height;", chart))
                .longValue();
        assertTrue(height > 100, "the chart's SVG is " + height + " px high");
        assertEquals(2L, ((Number) browser.script("return arguments[0].shadowRoot.querySelectorAll('.chart path').length > 1 "
                + "? 2 : 0;", chart)).longValue(), "no shapes drawn");
    }

    private static long svgWidth(Browser browser, WebElement chart) {
        Object w = browser.script("const s = arguments[0].shadowRoot.querySelector('.chart svg');"
                + "return s ? Math.round(s.getBoundingClientRect().width) : 0;", chart);
        return ((Number) w).longValue();
    }

    /** Types into a combo box and takes the item with that text. */
    private static void choose(Browser browser, String comboId, String item) throws InterruptedException {
        WebElement input = browser.query(browser.byId(comboId), "input");
        input.sendKeys(item);
        WebElement option = Browser.awaitValue(10_000, () -> browser.withText("vaadin-combo-box-item", item));
        assertNotNull(option, "the combo box offers no " + item);
        option.click();
    }

    private static void signIn(Browser browser) throws InterruptedException {
        WebElement form = browser.await("login-form", 30_000);
        WebElement username = browser.query(form, "input[name=username]");
        WebElement password = browser.query(form, "input[name=password]");
        username.sendKeys("admin");
        password.sendKeys(TestHost.ADMIN_PASSWORD);
        password.sendKeys(Keys.ENTER);
    }

    private static JsonNode ok(HttpResponse<String> r) {
        assertTrue(r.statusCode() == 200, r.statusCode() + " " + r.uri() + " " + r.body());
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
