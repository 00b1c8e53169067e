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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
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
 * The customer list and the customer editor as an admin uses them, in a real Chromium against a real node whose
 * customers, tags, a merge and events were written through the REST API: filter the list by a segment, see a
 * syntax error with its position, open a customer from the list and see its masked phone, the why of its tags, its
 * timeline and its merge, undo the merge there and find it undone through REST.
 */
class CustomerAdminBrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Thirty customers; the first is 张伟, who gets a second record through WeChat that is then merged. */
    private static final List<String> NAMES = List.of("张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄丽",
            "周杰", "吴婷", "徐强", "孙悦", "马超", "朱琳", "胡斌", "郭晶", "何平", "高翔", "林欣", "罗军", "郑爽", "梁宇",
            "谢娟", "宋涛", "唐颖", "韩雪", "冯刚", "邓倩", "曹阳", "彭博");
    private static final String PHONE = "phone:+8613800000001";
    private static final String UNIONID = "wechat:oUnionZhangWei0001";
    private static final String SEGMENT = "tag:VIP AND tag:猫主人";
    private static final String BAD_SEGMENT = "tag:VIP AND";

    @TempDir
    static Path home;
    static TestHost node;
    static String token;
    /** Customer ids by position in {@link #NAMES}. */
    static final List<Integer> ids = new ArrayList<>();
    /** 张伟's WeChat-only record, merged into 张伟. */
    static int wechatOnly;
    /** Who has both VIP and 猫主人. */
    static final Set<Integer> catOwningVips = new TreeSet<>();

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed (./siyu test installs them)");
        node = TestHost.start(home);
        token = node.token("admin", TestHost.ADMIN_PASSWORD);
        seed();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    /**
     * Through REST, as a channel and an operator would: 张伟 by phone, then a WeChat-only record, then a call that
     * presents both (a shared merge key, so the WeChat record merges into 张伟), 29 more customers, tags (VIP on the
     * even positions, 猫主人 on every third) and two events about 张伟.
     */
    private static void seed() throws Exception {
        // The identity resource comes up with its bundle: the first resolve is retried until it answers.
        String first = "{\"identities\":[\"" + PHONE + "\"],\"traits\":{\"name\":\"张伟\",\"nickname\":\"伟哥\","
                + "\"remark\":\"老客户，家里两只猫\"}}";
        assertTrue(TestHost.await(60_000, () -> {
            try {
                return post("/api/v1/identities/resolve", first).statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        }), "the identity resource did not come up");
        int zhang = JSON.readTree(post("/api/v1/identities/resolve", "{\"identities\":[\"" + PHONE + "\"]}").body())
                .get("customerId").asInt();
        ids.add(zhang);

        JsonNode wechat = ok(post("/api/v1/identities/resolve",
                "{\"identities\":[\"" + UNIONID + "\"],\"traits\":{\"nickname\":\"微信张伟\"}}"));
        assertTrue(wechat.get("created").asBoolean(), wechat.toString());
        wechatOnly = wechat.get("customerId").asInt();
        assertTrue(wechatOnly != zhang);
        JsonNode both = ok(post("/api/v1/identities/resolve",
                "{\"identities\":[\"" + PHONE + "\",\"" + UNIONID + "\"]}"));
        assertEquals(zhang, both.get("customerId").asInt(), both.toString());
        assertEquals("[" + wechatOnly + "]", both.get("merged").toString(), "the WeChat record merges into 张伟");

        for (int i = 1; i < NAMES.size(); i++) {
            String name = NAMES.get(i);
            JsonNode r = ok(post("/api/v1/identities/resolve", "{\"identities\":[\"phone:1390000%04d\"],\"traits\":"
                    .formatted(i) + "{\"name\":\"" + name + "\",\"nickname\":\"小" + name.substring(1)
                    + "\",\"remark\":\"第 " + i + " 位客户\"}}"));
            assertTrue(r.get("created").asBoolean(), r.toString());
            ids.add(r.get("customerId").asInt());
        }
        for (int i = 0; i < NAMES.size(); i++) {
            List<String> tags = new ArrayList<>();
            if (i % 2 == 0) {
                tags.add("\"VIP\"");
            }
            if (i % 3 == 0) {
                tags.add("\"猫主人\"");
            }
            if (tags.size() == 2) {
                catOwningVips.add(ids.get(i));
            }
            if (!tags.isEmpty()) {
                ok(post("/api/v1/customers/" + ids.get(i) + "/tags", "{\"tags\":" + tags + "}"));
            }
        }
        JsonNode events = ok(post("/api/v1/events", """
                [{"id":"browser-evt-1","type":"order.paid","source":"crm-test","identities":["%s"],
                  "data":{"amountFen":19900,"item":"进口猫粮"}},
                 {"id":"browser-evt-2","type":"coupon.redeemed","source":"crm-test","subject":%d,
                  "data":{"coupon":"双十一满减"}}]""".formatted(PHONE, zhang)));
        assertEquals(2, events.get("accepted").asInt(), events.toString());
    }

    @Test
    void anAdminShouldFilterTheListOpenACustomerAndUndoItsMerge() throws Exception {
        int zhang = ids.get(0);
        assertEquals(5, catOwningVips.size());
        assertEquals(String.valueOf(catOwningVips.size()), segmentCount(SEGMENT).get("count").asString());
        JsonNode merges = ok(get("/api/v1/customers/" + zhang + "/merges"));
        assertEquals(1, merges.size(), merges.toString());
        long mergeId = merges.get(0).get("id").asLong();
        assertFalse(merges.get(0).get("undone").asBoolean(), merges.toString());

        try (Browser browser = new Browser()) {
            try {
                browser.open(node.url("/"));
                signIn(browser);
                browser.await("workbench", 30_000);

                // 1. The Customers view from the navigator: every live customer (the merged record is not one).
                browser.click(browser.await("nav-identity.customers", 15_000));
                browser.await("customers-list", 15_000);
                browser.await("tab-view:identity.customers", 5_000);
                WebElement grid = browser.await("customers-grid", 10_000);
                assertEquals("30 customers", awaitText(browser, "customers-count", "30 customers", 15_000));
                assertEquals(30L, ((Number) browser.script("return arguments[0].size;", grid)).longValue());

                // A segment: the count and the rows follow, and agree with the REST count.
                type(browser, SEGMENT);
                String expectedCount = catOwningVips.size() + " customers";
                assertEquals(expectedCount, awaitText(browser, "customers-count", expectedCount, 15_000));
                assertEquals(expectedCount, segmentCount(SEGMENT).get("count").asString() + " customers",
                        "the list and REST disagree");
                assertFalse(browser.visible("customers-filter-error"), "a good expression shows no error");
                List<String> expectedRows = new ArrayList<>();
                for (int id : catOwningVips) {
                    expectedRows.add(id + " " + NAMES.get(ids.indexOf(id)));
                }
                List<String> rows = Browser.awaitValue(15_000, () -> {
                    List<String> shown = rows(browser, grid);
                    return shown.equals(expectedRows) ? shown : null;
                });
                assertEquals(expectedRows, rows == null ? rows(browser, grid) : rows, "the grid's rows for " + SEGMENT);

                // A syntax error: its text with the position under the field; the last good result stays.
                type(browser, BAD_SEGMENT);
                JsonNode refusal = segmentCount(BAD_SEGMENT);
                String detail = refusal.get("detail").asString();
                assertEquals("expected tag:, NOT or '(' but the expression ended at position 11", detail,
                        refusal.toString());
                WebElement error = browser.await("customers-filter-error", 15_000);
                assertEquals(detail, Browser.awaitValue(10_000,
                        () -> detail.equals(error.getText()) ? error.getText() : null), "the error under the field");
                assertEquals("true", String.valueOf(browser.script("return arguments[0].invalid;",
                        browser.byId("customers-filter"))), "the field is marked invalid");
                assertEquals(expectedCount, browser.byId("customers-count").getText());

                type(browser, SEGMENT);
                browser.awaitGone("customers-filter-error", 15_000);

                // 2. A double click on 张伟's row opens the editor.
                WebElement cell = Browser.awaitValue(10_000, () -> (WebElement) browser.script("""
                        return [...arguments[0].querySelectorAll('vaadin-grid-cell-content')]
                            .find(c => c.textContent.trim() === arguments[1]) || null;""", grid, "张伟"));
                assertNotNull(cell, "张伟 is not in the list");
                browser.script("arguments[0].scrollIntoView({block: 'center'});", cell);
                new Actions(browser.driver).doubleClick(cell).perform();
                WebElement editor = browser.await("customer-editor-" + zhang, 20_000);
                browser.await("tab-editor:customer:" + zhang, 5_000);
                assertEquals("张伟", browser.byId("customer-title").getText());

                String identities = browser.await("customer-identities", 5_000).getText();
                assertTrue(identities.contains("phone:+86138****0001"), identities);
                assertTrue(identities.contains(UNIONID), "the merged record's unionid is 张伟's now: " + identities);
                assertFalse(editor.getText().contains("13800000001"), "the full phone number is shown: " + editor.getText());

                String tags = browser.await("customer-tags", 5_000).getText();
                assertTrue(tags.contains("VIP — manual by admin"), tags);
                assertTrue(tags.contains("猫主人 — manual by admin"), tags);

                WebElement timeline = browser.await("customer-timeline", 5_000);
                String events = Browser.awaitValue(10_000, () -> {
                    String text = allCellTexts(browser, timeline);
                    return text.contains("order.paid") && text.contains("coupon.redeemed") ? text : null;
                });
                assertNotNull(events, "the timeline: " + allCellTexts(browser, timeline));
                assertTrue(events.contains("crm-test"), events);
                assertTrue(events.contains("双十一满减"), events);
                // customer.created lists the new identity keys: the timeline masks the phone among them
                assertTrue(events.contains("{\"identities\":[\"phone:+86138****0001\"],\"channel\":\"phone\"}"), events);
                assertFalse(events.contains("13800000001"), events);

                String mergeLine = browser.await("customer-merges", 5_000).getText();
                assertTrue(mergeLine.contains("#" + mergeId + " customer " + wechatOnly + " merged into this one"),
                        mergeLine);
                assertTrue(mergeLine.contains("shared-wechat"), mergeLine);
                assertFalse(mergeLine.contains("undone"), mergeLine);

                // Undo, confirmed in the dialog.
                browser.click(browser.await("customer-merge-undo-" + mergeId, 5_000));
                WebElement confirm = Browser.awaitValue(10_000, () -> {
                    WebElement b = browser.query(null, "vaadin-button[slot='confirm-button']");
                    return b != null && b.isDisplayed() ? b : null;
                });
                assertNotNull(confirm, "the undo confirmation did not open");
                assertEquals("Undo merge", confirm.getText());
                confirm.click();
                browser.awaitGone("customer-merge-undo-" + mergeId, 15_000);
                String undone = Browser.awaitValue(10_000, () -> {
                    String text = browser.byId("customer-merges").getText();
                    return text.contains("undone") ? text : null;
                });
                assertNotNull(undone, browser.byId("customer-merges").getText());
                String after = browser.await("customer-identities", 5_000).getText();
                assertFalse(after.contains(UNIONID), "the unionid went back to the WeChat record: " + after);
                assertTrue(after.contains("phone:+86138****0001"), after);
            } finally {
                browser.screenshot(Path.of("target", "screenshots", "customer-admin.png"));
            }
        }

        // Through REST: the merge is undone and the unionid is the WeChat record's again.
        JsonNode merge = ok(get("/api/v1/merges/" + mergeId));
        assertTrue(merge.get("undone").asBoolean(), merge.toString());
        JsonNode back = ok(get("/api/v1/identities/" + UNIONID));
        assertEquals(wechatOnly, back.get("customerId").asInt(), back.toString());
        JsonNode restored = ok(get("/api/v1/customers/" + wechatOnly));
        assertEquals(0, restored.get("mergedInto").asInt(), restored.toString());
        assertTrue(restored.get("identities").toString().contains(UNIONID), restored.toString());
        assertFalse(ok(get("/api/v1/customers/" + zhang)).get("identities").toString().contains(UNIONID));
    }

    private static void signIn(Browser browser) throws InterruptedException {
        WebElement form = browser.await("login-form", 30_000);
        WebElement username = browser.query(form, "input[name=username]");
        WebElement password = browser.query(form, "input[name=password]");
        assertTrue(username != null && password != null, "the login form has no username/password inputs");
        username.sendKeys("admin");
        password.sendKeys(TestHost.ADMIN_PASSWORD);
        password.sendKeys(Keys.ENTER);
    }

    /** Replaces the filter's text by typing, as a person would. */
    private static void type(Browser browser, String text) {
        WebElement input = browser.query(browser.byId("customers-filter"), "input");
        assertNotNull(input, "the filter has no input");
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        input.sendKeys(text);
    }

    private static String awaitText(Browser browser, String id, String expected, long millis) throws InterruptedException {
        String seen = Browser.awaitValue(millis, () -> {
            WebElement e = browser.byId(id);
            return e != null && expected.equals(e.getText()) ? expected : null;
        });
        if (seen == null) {
            WebElement e = browser.byId(id);
            return e == null ? "#" + id + " is missing" : e.getText();
        }
        return seen;
    }

    /**
     * The rows the grid shows, each {@code "<id> <name>"} from its first two cells. Vaadin's grid reuses row
     * elements, so rows past its size (hidden) are skipped, and a row still loading (empty cells) makes the answer
     * empty so that the caller waits.
     */
    @SuppressWarnings("unchecked")
    private static List<String> rows(Browser browser, WebElement grid) {
        List<List<String>> cells = (List<List<String>>) browser.script("""
                const grid = arguments[0];
                const out = [];
                for (const row of grid.shadowRoot.querySelectorAll('tbody#items > tr')) {
                  if (row.hidden || !(row.index < grid.size)) continue;
                  out.push([...row.querySelectorAll('td')].slice(0, 2).map(td => {
                    const slot = td.querySelector('slot');
                    const content = slot ? slot.assignedElements()[0] : null;
                    return content ? content.textContent.trim() : '';
                  }));
                }
                return out;""", grid);
        List<String> rows = new ArrayList<>();
        for (List<String> row : cells) {
            if (row.size() < 2 || row.stream().anyMatch(String::isEmpty)) {
                return List.of();
            }
            rows.add(row.get(0) + " " + row.get(1));
        }
        rows.sort((a, b) -> Integer.compare(Integer.parseInt(a.split(" ")[0]), Integer.parseInt(b.split(" ")[0])));
        return rows;
    }

    /**
     * The texts of every row of a grid: it renders only the rows in and near view, so this scrolls through it.
     * Rows whose items have not arrived yet are empty; the caller waits and asks again.
     */
    private static String allCellTexts(Browser browser, WebElement grid) {
        long size = ((Number) browser.script("return arguments[0].size || 0;", grid)).longValue();
        StringBuilder all = new StringBuilder(cellTexts(browser, grid));
        for (long i = 5; i < size; i += 5) {
            browser.script("arguments[0].scrollToIndex(arguments[1]);", grid, i);
            all.append(" | ").append(cellTexts(browser, grid));
        }
        browser.script("arguments[0].scrollToIndex(0);", grid);
        return all.toString();
    }

    private static String cellTexts(Browser browser, WebElement grid) {
        return Objects.toString(browser.script("""
                return [...arguments[0].querySelectorAll('vaadin-grid-cell-content')]
                    .map(c => c.textContent.trim()).join(' | ');""", grid));
    }

    private static JsonNode segmentCount(String expression) throws Exception {
        return JSON.readTree(get("/api/v1/segments/count?expr=" + URLEncoder.encode(expression, StandardCharsets.UTF_8))
                .body());
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
