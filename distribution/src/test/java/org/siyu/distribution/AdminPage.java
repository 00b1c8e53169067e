package org.siyu.distribution;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the plugin views' browser tests share: signing in, typing into Vaadin fields, reading errors under fields,
 * grid rows, what a {@code <siyu-chart>} drew, switching to Chinese, and REST calls with the admin's token.
 */
final class AdminPage {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final Browser browser;
    final TestHost node;
    final String token;

    AdminPage(Browser browser, TestHost node, String token) {
        this.browser = browser;
        this.node = node;
        this.token = token;
    }

    /** Opens a view's address and signs in as admin; waits for {@code rootId}. */
    void signIn(String viewId, String rootId) throws InterruptedException {
        browser.open(node.url("/view/" + viewId));
        WebElement form = browser.await("login-form", 30_000);
        browser.query(form, "input[name=username]").sendKeys("admin");
        WebElement password = browser.query(form, "input[name=password]");
        password.sendKeys(TestHost.ADMIN_PASSWORD);
        password.sendKeys(Keys.ENTER);
        browser.await(rootId, 30_000);
    }

    /** Opens a view by its address in the signed-in session. */
    void open(String viewId, String rootId) throws InterruptedException {
        browser.open(node.url("/view/" + viewId));
        browser.await(rootId, 30_000);
    }

    /** Opens a view through the command palette (built-in views have no address of their own). */
    void openFromPalette(String viewId, String rootId) throws InterruptedException {
        click("palette-button");
        click("palette-view-" + viewId);
        browser.await(rootId, 30_000);
    }

    /** 中文 from the language menu; the page reloads in Chinese. Waits until {@code probe} holds. */
    void chinese(Predicate<Browser> probe) throws InterruptedException {
        browser.click(browser.await("language-switch", 5_000));
        WebElement zh = Browser.awaitValue(10_000, () -> browser.withText("vaadin-select-item", "中文"));
        assertNotNull(zh, "the language menu has no 中文 item");
        zh.click();
        assertNotNull(Browser.awaitValue(30_000, () -> probe.test(browser) ? true : null),
                "the page did not come back in Chinese");
    }

    /** Replaces a field's value by typing, as a person would, and leaves the field. */
    void type(String fieldId, String text) throws InterruptedException {
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

    void click(String id) throws InterruptedException {
        browser.click(browser.await(id, 10_000));
    }

    /** Types into a combo box and takes the item shown as {@code label}. */
    void choose(String comboId, String typed, String label) throws InterruptedException {
        WebElement input = browser.query(browser.await(comboId, 10_000), "input");
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        input.sendKeys(typed);
        WebElement option = Browser.awaitValue(10_000, () -> browser.withText("vaadin-combo-box-item", label));
        assertNotNull(option, "#" + comboId + " offers no " + label);
        option.click();
    }

    boolean invalid(String fieldId) {
        return Boolean.TRUE.equals(browser.script("return arguments[0].invalid;", browser.byId(fieldId)));
    }

    /** The error shown under a field once it is marked invalid. */
    String awaitError(String fieldId) throws InterruptedException {
        String error = Browser.awaitValue(10_000, () -> invalid(fieldId)
                ? (String) browser.script("return arguments[0].errorMessage;", browser.byId(fieldId)) : null);
        if (error == null) {
            throw new AssertionError("#" + fieldId + " was not marked invalid");
        }
        return error;
    }

    String label(String fieldId) {
        return String.valueOf(browser.script("return arguments[0].label;", browser.byId(fieldId)));
    }

    /** A field's value as the component holds it. */
    String value(String fieldId) {
        return String.valueOf(browser.script("return arguments[0].value;", browser.byId(fieldId)));
    }

    /** Waits until a field's value satisfies {@code wanted}. */
    void awaitValue(String fieldId, Predicate<String> wanted) throws InterruptedException {
        if (Browser.awaitValue(10_000, () -> wanted.test(value(fieldId)) ? true : null) == null) {
            throw new AssertionError("#" + fieldId + " holds: " + value(fieldId));
        }
    }

    /** The text a combo box shows in its input (its selected item's label). */
    String comboText(String comboId) {
        return String.valueOf(browser.script("return arguments[0].querySelector('input').value;", browser.byId(comboId)));
    }

    String awaitText(String id, Predicate<String> wanted) throws InterruptedException {
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
     * The rows the grid shows, top to bottom ({@code shownRows}), and their cell contents ({@code visibleRows}).
     * Vaadin's grid reuses row elements and keeps the contents of rows past its size, hidden: those are skipped.
     */
    private static final String VISIBLE_ROWS = """
            function shownRows(grid) {
              return [...grid.shadowRoot.querySelectorAll('tbody#items > tr')]
                  .filter(row => !row.hidden && row.index < grid.size)
                  .sort((a, b) => a.index - b.index);
            }
            function visibleRows(grid) {
              return shownRows(grid).map(row => [...row.querySelectorAll('td slot')]
                  .map(slot => slot.assignedElements()[0]).filter(c => c));
            }
            """;

    /** The shown cell whose text is exactly {@code text}, or null. */
    @SuppressWarnings("unchecked")
    WebElement cell(String gridId, String text) {
        for (List<WebElement> row : (List<List<WebElement>>) browser.script(VISIBLE_ROWS
                + "return visibleRows(arguments[0]);", browser.byId(gridId))) {
            for (WebElement c : row) {
                if (c.getText().strip().equals(text)) {
                    return c;
                }
            }
        }
        return null;
    }

    /** The shown rows, each its non-empty cell texts joined by {@code " | "}. */
    @SuppressWarnings("unchecked")
    List<String> rows(String gridId) {
        return (List<String>) browser.script(VISIBLE_ROWS + """
                return visibleRows(arguments[0]).map(r => r.map(c => c.textContent.trim()).filter(t => t).join(' | '));""",
                browser.byId(gridId));
    }

    /** The first column of the shown rows, top to bottom; empty while one of those cells has no content yet. */
    @SuppressWarnings("unchecked")
    List<String> firstColumn(String gridId) {
        List<String> cells = (List<String>) browser.script(VISIBLE_ROWS + """
                return shownRows(arguments[0]).map(row => {
                  const slot = row.querySelector('td slot');
                  const content = slot ? slot.assignedElements()[0] : null;
                  return content ? content.textContent.trim() : '';
                });""", browser.byId(gridId));
        return cells.stream().anyMatch(String::isEmpty) ? List.of() : cells;
    }

    /** The first column once the grid shows {@code expected} rows; after 15 s, whatever it shows then. */
    List<String> awaitFirstColumn(String gridId, int expected) throws InterruptedException {
        List<String> rows = Browser.awaitValue(15_000, () -> {
            List<String> r = firstColumn(gridId);
            return r.size() == expected ? r : null;
        });
        return rows == null ? firstColumn(gridId) : rows;
    }

    /** Waits until a shown row satisfies {@code wanted} and returns it. */
    String awaitRow(String gridId, Predicate<String> wanted) throws InterruptedException {
        String row = Browser.awaitValue(20_000, () -> rows(gridId).stream().filter(wanted).findFirst().orElse(null));
        if (row == null) {
            throw new AssertionError("#" + gridId + " has no such row: " + rows(gridId));
        }
        return row;
    }

    /** Clicks the cell with exactly {@code text}, once the grid shows it. */
    void clickCell(String gridId, String text) throws InterruptedException {
        WebElement c = Browser.awaitValue(20_000, () -> cell(gridId, text));
        assertNotNull(c, "#" + gridId + " shows no cell '" + text + "': " + rows(gridId));
        browser.click(c);
    }

    /** The text of the newest Vaadin notification that satisfies {@code wanted}. */
    String awaitNotification(Predicate<String> wanted) throws InterruptedException {
        String text = Browser.awaitValue(15_000, () -> {
            @SuppressWarnings("unchecked")
            List<String> all = (List<String>) browser.script("return [...document.querySelectorAll("
                    + "'vaadin-notification-card')].map(c => c.textContent.trim());");
            return all.stream().filter(wanted).reduce((a, b) -> b).orElse(null);
        });
        assertNotNull(text, "no such notification");
        return text;
    }

    /**
     * What a chart drew once ECharts drew it: its title, axis categories, series and the texts of its SVG.
     * Waits until {@code wanted} holds.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> awaitChart(String id, Predicate<Map<String, Object>> wanted) throws InterruptedException {
        Map<String, Object> drawn = Browser.awaitValue(20_000, () -> {
            Map<String, Object> o = (Map<String, Object>) browser.script("""
                    const c = arguments[0];
                    const o = c && c.hasAttribute('rendered') ? c.option : null;
                    const svg = c && c.shadowRoot.querySelector('.chart svg');
                    if (!o || !svg) return null;
                    const box = svg.getBoundingClientRect();
                    return {
                      title: o.title && o.title[0] ? o.title[0].text : null,
                      x: o.xAxis && o.xAxis[0] ? o.xAxis[0].data : null,
                      y: o.yAxis && o.yAxis[0] ? o.yAxis[0].data || null : null,
                      series: o.series.map(s => s.data.map(v => Array.isArray(v) ? v : (v === '-' ? null : v))),
                      texts: [...svg.querySelectorAll('text')].map(t => t.textContent).join(' | '),
                      shapes: svg.querySelectorAll('path, rect').length,
                      width: Math.round(box.width), height: Math.round(box.height)};""", browser.byId(id));
            return o != null && wanted.test(o) ? o : null;
        });
        if (drawn == null) {
            throw new AssertionError("#" + id + " did not draw as expected; spec: " + browser.script(
                    "const c = arguments[0]; return c && c.spec && JSON.stringify(c.spec);", browser.byId(id)));
        }
        assertTrue(((Number) drawn.get("width")).intValue() > 200 && ((Number) drawn.get("height")).intValue() > 100,
                "#" + id + "'s SVG is " + drawn.get("width") + " × " + drawn.get("height"));
        assertTrue(((Number) drawn.get("shapes")).intValue() > 2, "#" + id + " drew no shapes");
        return drawn;
    }

    // --- REST with the admin's token ----------------------------------------------------------------------------------

    JsonNode ok(HttpResponse<String> r) {
        assertTrue(r.statusCode() / 100 == 2, r.statusCode() + " " + r.uri() + " " + r.body());
        return JSON.readTree(r.body());
    }

    HttpResponse<String> get(String path) throws Exception {
        return node.send(node.request(path).header("Authorization", "Bearer " + token).GET());
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return node.send(node.request(path).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)));
    }

    HttpResponse<String> put(String path, String json) throws Exception {
        return node.send(node.request(path).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(BodyPublishers.ofString(json)));
    }

    /** The customer id OneID gives these identities, with a name. */
    int customer(String identity, String name) throws Exception {
        return ok(post("/api/v1/identities/resolve", "{\"identities\":[\"" + identity + "\"],\"traits\":{\"name\":\""
                + name + "\"}}")).get("customerId").asInt();
    }

    /** Waits up to a minute until every one of {@code paths} answers a GET with 200 (bundles come up after the node). */
    void awaitUp(String what, String... paths) throws InterruptedException {
        assertTrue(TestHost.await(60_000, () -> {
            try {
                for (String path : paths) {
                    if (get(path).statusCode() != 200) {
                        return false;
                    }
                }
                return true;
            } catch (Exception e) {
                return false;
            }
        }), what + " did not come up");
    }

    /** Waits until a GET answers 200 with a body that satisfies {@code wanted}. */
    JsonNode awaitJson(String path, Predicate<JsonNode> wanted) throws InterruptedException {
        JsonNode seen = Browser.awaitValue(30_000, () -> {
            try {
                HttpResponse<String> r = get(path);
                JsonNode body = r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
                return body != null && wanted.test(body) ? body : null;
            } catch (Exception e) {
                return null;
            }
        });
        if (seen == null) {
            throw new AssertionError(path + " did not come to the expected state: " + Objects.toString(lastBody(path)));
        }
        return seen;
    }

    private String lastBody(String path) {
        try {
            return get(path).body();
        } catch (Exception e) {
            return e.toString();
        }
    }
}
