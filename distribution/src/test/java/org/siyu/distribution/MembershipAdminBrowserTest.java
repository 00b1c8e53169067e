package org.siyu.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The membership plugin's views in a real Chromium against a real node that runs it as the distribution ships it.
 * Six paid orders of three customers in the last two months arrive as {@code order.paid} events through the
 * ingestion endpoint; then, in English: every analytics chart drawn by ECharts with the figures those orders make
 * (cohort heatmap, repurchase rate, time to the second order, LTV by channel, points liability); the silver tier
 * edited (a spend below gold's refused under its field); a coupon template refused without an amount, created,
 * issued to one customer (an unknown one refused) and to a segment as a job that reaches "done" with its progress in
 * Platform › Jobs; the member card in the customer inspector. In Chinese: the charts' titles, the summary, the card
 * and the coupons view. What the views claim is checked through REST.
 */
class MembershipAdminBrowserTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** The cohorts: two months ago and last month (the current month is M+2 / M+1, begun and empty). */
    private static final YearMonth A = YearMonth.now(SHANGHAI).minusMonths(2);
    private static final YearMonth B = YearMonth.now(SHANGHAI).minusMonths(1);

    @TempDir
    static Path home;
    static TestHost node;
    static AdminPage rest;
    static int lin;
    static int zhou;
    static int wu;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed (./siyu test installs them)");
        node = TestHost.start(home);
        rest = new AdminPage(null, node, node.token("admin", TestHost.ADMIN_PASSWORD));
        // membership is a feature: it comes up after the platform
        rest.awaitUp("membership", "/api/v1/member-tiers");
        lin = rest.customer("tmall:mb-browser-lin", "林会员");
        zhou = rest.customer("wecom:mb-browser-zhou", "周会员");
        wu = rest.customer("wecom:mb-browser-wu", "吴会员");
        // 林 (tmall): ¥400 and ¥700 three days apart (silver from the second), ¥300 next month at silver's rate.
        // 周 (wecom): ¥500 once. 吴 (wecom): ¥100 and, 20 days later, ¥150, both last month.
        String events = "[" + String.join(",",
                paid("o1", lin, at(A, 5), 40_000), paid("o2", lin, at(A, 8), 70_000), paid("o3", lin, at(B, 5), 30_000),
                paid("o4", zhou, at(A, 5), 50_000), paid("o5", wu, at(B, 1), 10_000), paid("o6", wu, at(B, 21), 15_000)) + "]";
        JsonNode accepted = rest.ok(rest.post("/api/v1/events", events));
        assertEquals(6, accepted.get("accepted").asInt(), accepted.toString());
        // points: 400 + 700 (entry tier, 100 per ¥100) + 360 (silver, 120 per ¥100); 500; 100 + 150
        rest.awaitJson("/api/v1/members/" + lin, m -> m.get("points").asLong() == 1_460);
        rest.awaitJson("/api/v1/members/" + zhou, m -> m.get("points").asLong() == 500);
        rest.awaitJson("/api/v1/members/" + wu, m -> m.get("points").asLong() == 250);
        rest.ok(rest.put("/api/v1/members/" + lin + "/birthday", "{\"birthday\":\"05-12\"}"));
        rest.ok(rest.post("/api/v1/customers/" + zhou + "/tags", "{\"tags\":[\"浏览器会员\"]}"));
        rest.ok(rest.post("/api/v1/customers/" + wu + "/tags", "{\"tags\":[\"浏览器会员\"]}"));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void anOperatorShouldRunMembershipInBothLanguages() throws Exception {
        try (Browser browser = new Browser()) {
            AdminPage page = new AdminPage(browser, node, rest.token);
            try {
                page.signIn("membership.analytics", "membership-analytics");
                analytics(page, "en");
                tiers(page);
                long templateId = coupons(page);
                memberCard(page, "en");
                page.chinese(b -> {
                    var nav = b.byId("nav-membership.coupons");
                    return nav != null && nav.getText().contains("优惠券");
                });
                analytics(page, "zh");
                memberCard(page, "zh");
                couponsInChinese(page, templateId);
            } finally {
                browser.screenshot(Path.of("target", "screenshots", "membership-admin.png"));
            }
        }
    }

    /** Each chart as ECharts drew it, with the numbers the six orders make. */
    private void analytics(AdminPage page, String lang) throws Exception {
        boolean en = lang.equals("en");
        if (!en) {
            page.open("membership.analytics", "membership-analytics");
        }
        page.awaitText("membership-analytics-summary", t -> t.equals(en
                ? "From 6 paid orders seen on the event bus. Outstanding points: 2,210 (worth ¥22.10)."
                : "基于事件总线上的 6 笔已支付订单。未使用积分：2,210（价值 ¥22.10）。"));

        // Cohort A: 林 and 周, 林 again in M+0 and M+1; cohort B: 吴, again in M+0. Months not begun are left out.
        Map<String, Object> heatmap = page.awaitChart("membership-analytics-heatmap",
                c -> c.get("title").equals(en ? "Repurchase by cohort month" : "按首购月份的复购率"));
        assertEquals(List.of(A + " (2)", B + " (1)"), heatmap.get("y"), heatmap.toString());
        assertEquals(List.of(List.of(0, 0, 0.5), List.of(1, 0, 0.5), List.of(2, 0, 0), List.of(0, 1, 1), List.of(1, 1, 0)),
                numbers(((List<?>) heatmap.get("series")).getFirst()), heatmap.toString());
        String cells = (String) heatmap.get("texts");
        assertTrue(cells.contains("50%") && cells.contains("100%") && cells.contains(A + " (2)"), cells);

        Map<String, Object> rate = page.awaitChart("membership-analytics-rate",
                c -> c.get("title").equals(en ? "Bought again, by cohort" : "各月新客的复购率"));
        assertEquals(List.of(A.toString(), B.toString()), rate.get("x"));
        assertEquals(List.of(List.of(0.5, 1)), numbers(rate.get("series")), rate.toString());

        // 林 3 days, 吴 20 days
        Map<String, Object> second = page.awaitChart("membership-analytics-second",
                c -> c.get("title").equals(en ? "Time to the second order" : "二次购买间隔"));
        assertEquals(List.of("0–7", "8–14", "15–30", "31–60", "61–90", "91–180", "181–365", ">365"), second.get("x"));
        assertEquals(List.of(List.of(1, 0, 1, 0, 0, 0, 0, 0)), numbers(second.get("series")), second.toString());

        // OneID's first channel: tmall 林 ¥1,400; wecom (周 ¥500 + 吴 ¥250) / 2 = ¥375
        Map<String, Object> ltv = page.awaitChart("membership-analytics-ltv",
                c -> c.get("title").equals(en ? "LTV by acquisition channel" : "按获客渠道的客户终身价值"));
        assertEquals(List.of("tmall", "wecom"), ltv.get("x"));
        assertEquals(List.of(List.of(140_000, 37_500)), numbers(ltv.get("series")), ltv.toString());
        assertTrue(((String) ltv.get("texts")).contains(en ? "Average net paid per customer" : "客均净消费"),
                (String) ltv.get("texts"));

        // Lots expire at the end of the month 12 months after they were earned.
        Map<String, Object> liability = page.awaitChart("membership-analytics-liability",
                c -> c.get("title").equals(en ? "Outstanding points by last month of use" : "未使用积分（按到期月份）"));
        assertEquals(List.of(A.plusMonths(12).toString(), B.plusMonths(12).toString()), liability.get("x"));
        assertEquals(List.of(List.of(1_600, 610)), numbers(liability.get("series")), liability.toString());
    }

    /**
     * Silver: a spend above gold's refused under its field; then 3 % off and another birthday gift text, its birthday
     * coupon template (not in the form) kept.
     */
    private void tiers(AdminPage page) throws Exception {
        long birthdayCoupon = silver().get("birthdayTemplateId").asLong();
        assertTrue(birthdayCoupon > 0, "silver has no birthday coupon: " + silver());
        page.open("membership.tiers", "membership-tiers");
        page.clickCell("membership-tiers-grid", "Silver");
        page.browser.await("membership-tier-form", 10_000);
        assertEquals("silver", page.value("membership-tier-code"));
        page.type("membership-tier-minSpendFen", "9000");
        page.click("membership-tier-save");
        String error = page.awaitError("membership-tier-minSpendFen");
        assertTrue(error.startsWith("12-month spend from (¥): gold ranks above silver but needs less spend"), error);
        assertEquals(100_000, silver().get("minSpendFen").asLong(), "the refused spend was saved");

        page.type("membership-tier-minSpendFen", "1000");
        page.type("membership-tier-discountPercent", "3");
        page.type("membership-tier-birthdayGift", "生日券 ¥30");
        page.click("membership-tier-save");
        page.awaitText("membership-tiers-status", "Saved 银卡"::equals);
        page.awaitRow("membership-tiers-grid", r -> r.equals("Silver | ¥1,000.00 | 1000 | 3% off | — | — | 生日券 ¥30 | 银卡生日券 ¥20 | 120"));
        JsonNode silver = silver();
        assertEquals(3, silver.get("discountPercent").asInt(), silver.toString());
        assertEquals("生日券 ¥30", silver.get("birthdayGift").asString(), silver.toString());
        assertEquals(100_000, silver.get("minSpendFen").asLong(), silver.toString());
        assertEquals(birthdayCoupon, silver.get("birthdayTemplateId").asLong(), "the view dropped the birthday coupon");
    }

    /** A template refused without an amount, then created; one coupon to 林, then the segment as a job. */
    private long coupons(AdminPage page) throws Exception {
        page.open("membership.coupons", "membership-coupons");
        int before = page.ok(page.get("/api/v1/coupon-templates")).size(); // the tiers' birthday coupons
        page.type("membership-coupon-name", "浏览器满减");
        page.type("membership-coupon-thresholdFen", "199");
        page.type("membership-coupon-stock", "100");
        page.click("membership-coupon-create");
        assertEquals("Amount off (¥): an amount-off coupon needs an amount above ¥0",
                page.awaitError("membership-coupon-amountFen"));
        assertEquals(before, page.ok(page.get("/api/v1/coupon-templates")).size(), "a refused template was created");

        page.type("membership-coupon-amountFen", "30");
        page.click("membership-coupon-create");
        page.awaitText("membership-coupons-status", "Created 浏览器满减"::equals);
        assertFalse(page.invalid("membership-coupon-amountFen"), "the amount stayed marked after a good value");
        page.awaitRow("membership-coupon-templates",
                r -> r.equals("浏览器满减 | 满¥199.00减¥30.00 | 30 days after issue | 0 / 100"));
        JsonNode template = null;
        for (JsonNode t : page.ok(page.get("/api/v1/coupon-templates"))) {
            template = t.get("name").asString().equals("浏览器满减") ? t : template;
        }
        assertEquals(before + 1, page.ok(page.get("/api/v1/coupon-templates")).size());
        assertTrue(template != null, "浏览器满减 is not listed through REST");
        assertEquals(3_000, template.get("amountFen").asLong(), template.toString());
        assertEquals(19_900, template.get("thresholdFen").asLong(), template.toString());
        long templateId = template.get("id").asLong();

        // The new template is selected: to a customer OneID does not know (refused), then to 林.
        page.type("membership-coupon-customer", "999999");
        page.click("membership-coupon-issue-customer");
        assertEquals("Customer ID: no customer with id 999999", page.awaitError("membership-coupon-customer"));
        page.type("membership-coupon-customer", String.valueOf(lin));
        page.click("membership-coupon-issue-customer");
        String issued = page.awaitText("membership-coupons-status", t -> t.startsWith("Issued 浏览器满减 "));
        String code = issued.split(" ")[2];
        assertEquals("Issued 浏览器满减 " + code + " to customer " + lin, issued);
        JsonNode card = page.ok(page.get("/api/v1/members/" + lin));
        assertEquals(code, card.get("coupons").get(0).get("code").asString(), card.toString());

        // To the segment (周 and 吴) as a job: the run reaches done 2 / 2 without a reload.
        page.type("membership-coupon-segment", "tag:浏览器会员");
        page.click("membership-coupon-issue");
        String started = page.awaitText("membership-coupons-status", t -> t.startsWith("Issuing 浏览器满减 to 2 customers"));
        String job = started.replaceAll(".*\\(job (\\d+)\\).*", "$1");
        String run = page.awaitRow("membership-coupon-runs", r -> r.contains("tag:浏览器会员") && r.contains("| done |"));
        assertTrue(run.contains("| done | 2 / 2 | 2 issued, 0 already had it"), run);
        page.awaitRow("membership-coupon-templates", r -> r.startsWith("浏览器满减 |") && r.endsWith("| 3 / 100"));
        for (int customer : new int[] {zhou, wu}) {
            JsonNode coupons = page.ok(page.get("/api/v1/members/" + customer)).get("coupons");
            assertEquals(1, coupons.size(), coupons.toString());
        }

        page.openFromPalette("platform.jobs", "jobs-view");
        Object state = Browser.awaitValue(20_000, () -> {
            var e = page.browser.byId("job-state-" + job);
            return e == null ? null : e.getAttribute("data-state");
        });
        assertEquals("SUCCEEDED", state, "job " + job);
        page.awaitRow("jobs-grid", r -> r.startsWith("Issue coupon 浏览器满减 (run ") && r.contains("2 / 2"));
        return templateId;
    }

    /** 林 in the customer list: the inspector's member card. */
    private void memberCard(AdminPage page, String lang) throws Exception {
        boolean en = lang.equals("en");
        page.open("identity.customers", "customers-grid");
        page.clickCell("customers-grid", "林会员");
        String since = at(A, 8).atZone(SHANGHAI).toLocalDate().toString();
        String expiry = A.plusMonths(12).atEndOfMonth().toString();
        page.awaitText("member-card-tier", t -> t.equals((en ? "Silver · since " : "银卡 · 自 ") + since));
        assertEquals(en ? "1,460 (1,100 expire after " + expiry + ")" : "1,460（1,100 分于 " + expiry + " 后过期）",
                page.browser.byId("member-card-points").getText());
        assertEquals("¥1,400.00 · " + (en ? "growth " : "成长值 ") + "1400", page.browser.byId("member-card-spend").getText());
        assertEquals(en ? "Gold" : "金卡", page.browser.byId("member-card-next").getText());
        assertEquals(en ? "3% off · birthday: 生日券 ¥30 · 120 points per ¥100" : "97折 · 生日礼：生日券 ¥30 · 每 ¥100 得 120 分",
                page.browser.byId("member-card-benefits").getText());
        assertEquals("05-12", page.browser.byId("member-card-birthday").getText());
        String coupons = page.browser.byId("member-card-coupons").getText();
        String until = LocalDate.now(SHANGHAI).plusDays(30).toString();
        assertTrue(coupons.startsWith("浏览器满减 MB") && (coupons.endsWith(until) || coupons.endsWith(
                LocalDate.now(SHANGHAI).plusDays(29).toString())), coupons);
        assertTrue(coupons.contains(en ? " until " : " 至 "), coupons);
    }

    /** The coupons view in Chinese: labels, the template, the run's state. */
    private void couponsInChinese(AdminPage page, long templateId) throws Exception {
        page.open("membership.coupons", "membership-coupons");
        assertEquals("创建模板", page.browser.byId("membership-coupon-create").getText());
        assertEquals("客户分群", page.label("membership-coupon-segment"));
        page.awaitRow("membership-coupon-templates", r -> r.equals("浏览器满减 | 满¥199.00减¥30.00 | 发放后 30 天 | 3 / 100"));
        page.awaitRow("membership-coupon-runs", r -> r.contains("tag:浏览器会员 | 已完成 | 2 / 2"));
        page.type("membership-coupon-segment", "tag:浏览器会员 AND");
        page.clickCell("membership-coupon-templates", "浏览器满减");
        page.click("membership-coupon-issue");
        String error = page.awaitError("membership-coupon-segment");
        assertTrue(error.startsWith("客户分群: "), error);
        assertEquals(1, page.ok(page.get("/api/v1/coupon-templates/runs")).size(),
                "a refused segment started a run");
    }

    // --- data --------------------------------------------------------------------------------------------------------

    private static JsonNode silver() throws Exception {
        for (JsonNode tier : rest.ok(rest.get("/api/v1/member-tiers"))) {
            if (tier.get("code").asString().equals("silver")) {
                return tier;
            }
        }
        throw new AssertionError("no silver tier");
    }

    private static Instant at(YearMonth month, int day) {
        return month.atDay(day).atTime(10, 0).atZone(SHANGHAI).toInstant();
    }

    private static String paid(String order, int customer, Instant at, long fen) {
        return "{\"id\":\"mb-browser-" + order + "-paid\",\"type\":\"order.paid\",\"source\":\"browser-test\",\"time\":\""
                + at + "\",\"subject\":" + customer + ",\"data\":{\"orderId\":\"mb-browser-" + order
                + "\",\"amountFen\":" + fen + ",\"channel\":\"mini\"}}";
    }

    /** Numbers as JSON has them (1.0 and 1 alike), lists kept. */
    private static List<Object> numbers(Object value) {
        List<Object> out = new ArrayList<>();
        for (Object v : (List<?>) value) {
            if (v instanceof List<?> l) {
                out.add(numbers(l));
            } else if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                out.add(n.intValue());
            } else {
                out.add(v);
            }
        }
        return out;
    }
}
