package org.siyu.membership.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.rest.RestException;
import org.siyu.api.rest.RestResource;
import org.siyu.api.security.Role;
import org.siyu.membership.internal.Fixture;
import org.siyu.membership.internal.MemberCards;
import org.siyu.membership.internal.MembershipPermissions;
import org.siyu.membership.internal.model.TierValues;
import org.siyu.testkit.FakeRestRequest;

class ResourcesTest {

    private static Fixture f;
    private static MembersResource members;
    private static CouponTemplatesResource templates;
    private static TiersResource tiers;

    @BeforeAll
    static void open() {
        f = new Fixture();
        members = new MembersResource(f.cards, f.ledger, f.coupons, f.birthdays);
        templates = new CouponTemplatesResource(f.coupons, f.runs);
        tiers = new TiersResource(f.tiers);
    }

    @AfterAll
    static void close() {
        f.close();
    }

    @BeforeEach
    void empty() throws Exception {
        f.reset();
        f.identity.add(7, "tmall").add(8, "wecom");
    }

    @Test
    void shouldAnswerTheMemberCardWithTierPointsAndCoupons() throws Exception {
        f.orders.apply(Fixture.paid("e1", 7, "o1", 120_000, Fixture.T0)); // silver, 1200 points
        f.coupons.issue(f.amountOff(10).id(), 7, null, "op");

        MemberCards.Card card = (MemberCards.Card) call(members, FakeRestRequest.get("7"));
        assertEquals("silver", card.tier());
        assertEquals("银卡", card.tierName());
        assertEquals(1_200, card.points());
        assertEquals(1_200, card.growth());
        assertEquals(1_200, card.expiringPoints());
        assertEquals(1, card.coupons().size());
        assertEquals("满¥199.00减¥30.00", card.coupons().getFirst().terms());
        assertEquals("gold", card.nextTier());
        assertEquals(2, card.benefits().discountPercent());

        MemberCards.Card stranger = (MemberCards.Card) call(members, FakeRestRequest.get("8"));
        assertEquals("regular", stranger.tier());
        assertEquals(0, stranger.points());
        assertEquals(404, refused(members, FakeRestRequest.get("9")).status());
        RestException bad = refused(members, FakeRestRequest.get("abc"));
        assertEquals(400, bad.status());
        assertTrue(bad.detail().startsWith("customerId"), bad.detail());
    }

    @Test
    void shouldSetABirthdayAndShowItOnTheCardNamingTheFieldOfABadOne() throws Exception {
        FakeRestRequest put = new FakeRestRequest("PUT", "7", "birthday").json(Map.of("birthday", "1990-05-12"));
        assertEquals(Map.of("customerId", 7, "birthday", "05-12"), members.handle(put, put));
        assertEquals("05-12", ((MemberCards.Card) call(members, FakeRestRequest.get("7"))).birthday());
        assertEquals(null, ((MemberCards.Card) call(members, FakeRestRequest.get("8"))).birthday());

        RestException e = refused(members, new FakeRestRequest("PUT", "7", "birthday").json(Map.of("birthday", "5/12")));
        assertEquals(400, e.status());
        assertTrue(e.detail().startsWith("birthday '5/12' is not MM-dd"), e.detail());
        assertEquals(404, refused(members, new FakeRestRequest("PUT", "9", "birthday")
                .json(Map.of("birthday", "05-12"))).status());
        assertEquals(403, refused(members, new FakeRestRequest("PUT", "7", "birthday").json(Map.of("birthday", "06-01"))
                .as(Role.VIEWER).permitting(p -> !MembershipPermissions.EDIT.equals(p))).status());
        assertEquals(java.util.Optional.of(java.time.MonthDay.of(5, 12)), f.birthdays.of(7));
    }

    @Test
    void shouldRedeemPointsAndRefuseWhatTheBalanceDoesNotCoverNamingPoints() throws Exception {
        f.orders.apply(Fixture.paid("e1", 7, "o1", 10_000, Fixture.T0)); // 100
        FakeRestRequest redeem = new FakeRestRequest("POST", "7", "points", "redeem").json(Map.of("points", 60, "requestId", "r1"));
        Map<?, ?> row = (Map<?, ?>) members.handle(redeem, redeem);
        assertEquals(-60L, row.get("points"));
        assertEquals(40L, row.get("balance"));
        assertEquals("operator1", row.get("actor"));

        RestException e = refused(members, new FakeRestRequest("POST", "7", "points", "redeem").json(Map.of("points", 41)));
        assertEquals(409, e.status());
        assertTrue(e.detail().startsWith("points: cannot redeem 41 points"), e.detail());
        e = refused(members, new FakeRestRequest("POST", "7", "points", "redeem").json(Map.of("note", "x")));
        assertEquals(400, e.status());
        assertEquals("points is required", e.detail());
        e = refused(members, new FakeRestRequest("POST", "7", "points", "redeem").json(Map.of("points", -3)));
        assertEquals(400, e.status());
        e = refused(members, new FakeRestRequest("POST", "7", "points", "redeem").json(Map.of("points", 1))
                .as(Role.VIEWER).permitting(p -> !MembershipPermissions.EDIT.equals(p)));
        assertEquals(403, e.status());
        assertEquals(40, f.ledger.balance(7).points());

        List<?> ledger = (List<?>) call(members, FakeRestRequest.get("7", "ledger"));
        assertEquals(2, ledger.size());
    }

    @Test
    void shouldIssueACouponOncePerRequestIdAndUseItOnAnOrderOutsideCommerce() throws Exception {
        long templateId = f.amountOff(10).id();
        FakeRestRequest issue = new FakeRestRequest("POST", "7", "coupons").json(Map.of("templateId", templateId, "requestId", "x1"));
        Map<?, ?> coupon = (Map<?, ?>) members.handle(issue, issue);
        assertEquals(201, issue.status());
        FakeRestRequest again = new FakeRestRequest("POST", "7", "coupons").json(Map.of("templateId", templateId, "requestId", "x1"));
        assertEquals(coupon.get("code"), ((Map<?, ?>) members.handle(again, again)).get("code"));
        assertEquals(200, again.status());

        String code = (String) coupon.get("code");
        RestException low = refused(members, new FakeRestRequest("POST", "7", "coupons", code, "redeem")
                .json(Map.of("orderId", "pos-1", "orderTotalFen", 10_000)));
        assertEquals(400, low.status());
        assertTrue(low.detail().startsWith("code: coupon " + code + " needs an order of at least ¥199.00"), low.detail());
        Map<?, ?> used = (Map<?, ?>) call(members, new FakeRestRequest("POST", "7", "coupons", code, "redeem")
                .json(Map.of("orderId", "pos-1", "orderTotalFen", 20_000)));
        assertEquals(3_000L, used.get("discountFen"));
        assertEquals(400, refused(members, new FakeRestRequest("POST", "7", "coupons", code, "redeem")
                .json(Map.of("orderId", "pos-2", "orderTotalFen", 20_000))).status());
        assertEquals(404, refused(members, new FakeRestRequest("POST", "7", "coupons", "NOPE", "redeem")
                .json(Map.of("orderId", "pos-2", "orderTotalFen", 20_000))).status());
    }

    @Test
    void shouldCreateUpdateArchiveTemplatesAndRefuseBadOnesNamingTheField() throws Exception {
        FakeRestRequest create = new FakeRestRequest("POST").json(Map.of("name", "新客券", "kind", "amount_off",
                "amountFen", 1_000, "validDays", 7, "stock", 100));
        Map<?, ?> created = (Map<?, ?>) templates.handle(create, create);
        assertEquals(201, create.status());
        assertEquals("减¥10.00", created.get("terms"));
        long id = ((Number) created.get("id")).longValue();

        RestException e = refused(templates, new FakeRestRequest("POST").json(Map.of("name", "x", "kind", "free",
                "stock", 1)));
        assertEquals("kind must be AMOUNT_OFF or PERCENT_OFF, was 'free'", e.detail());
        e = refused(templates, new FakeRestRequest("POST").json(Map.of("name", "x", "kind", "PERCENT_OFF",
                "percentOff", 10, "validUntil", "tomorrow", "stock", 1)));
        assertTrue(e.detail().startsWith("validUntil must be an ISO-8601 time"), e.detail());
        e = refused(templates, new FakeRestRequest("POST").json(Map.of("name", "x", "kind", "PERCENT_OFF",
                "percentOff", 0, "validDays", 3, "stock", 1)));
        assertTrue(e.detail().startsWith("percentOff"), e.detail());
        e = refused(templates, new FakeRestRequest("POST").json(Map.of("name", "x", "kind", "AMOUNT_OFF",
                "amountFen", 1, "validDays", "seven", "stock", 1)));
        assertEquals(400, e.status());
        assertTrue(e.detail().contains("validDays"), e.detail());

        Map<?, ?> updated = (Map<?, ?>) call(templates, new FakeRestRequest("PUT", String.valueOf(id)).json(Map.of(
                "name", "新客券", "kind", "AMOUNT_OFF", "amountFen", 1_500, "validDays", 7, "stock", 50)));
        assertEquals(1_500L, updated.get("amountFen"));
        assertEquals(false, ((Map<?, ?>) call(templates, new FakeRestRequest("DELETE", String.valueOf(id)))).get("active"));
        assertEquals(0, ((List<?>) call(templates, FakeRestRequest.get())).size());
        assertEquals(1, ((List<?>) call(templates, FakeRestRequest.get().query("archived", "true"))).size());
        assertEquals(409, refused(members, new FakeRestRequest("POST", "7", "coupons").json(Map.of("templateId", id)))
                .status());
        assertEquals(404, refused(templates, FakeRestRequest.get("999")).status());
    }

    @Test
    void shouldIssueToASegmentWith202AndReportTheRun() throws Exception {
        long templateId = f.amountOff(10).id();
        f.tagService.segment("tag:VIP", 7, 8);
        FakeRestRequest issue = new FakeRestRequest("POST", String.valueOf(templateId), "issue").json(Map.of("segment", "tag:VIP"));
        Map<?, ?> run = (Map<?, ?>) templates.handle(issue, issue);
        assertEquals(202, issue.status());
        assertEquals(2L, run.get("total"));
        long runId = ((Number) run.get("runId")).longValue();
        for (int i = 0; i < 200 && f.runs.run(runId).finishedAt() == null; i++) {
            Thread.sleep(50); // the job runs on the fallback thread (no JobService here)
        }
        Map<?, ?> done = (Map<?, ?>) call(templates, FakeRestRequest.get("runs", String.valueOf(runId)));
        assertEquals("DONE", done.get("state"));
        assertEquals(2L, done.get("issued"));
        RestException e = refused(templates, new FakeRestRequest("POST", String.valueOf(templateId), "issue")
                .json(Map.of("segment", "tag:missing")));
        assertEquals(400, e.status());
        assertTrue(e.detail().startsWith("segment"), e.detail());
    }

    @Test
    void shouldListAndEditTiersOnlyWithTheTiersPermission() throws Exception {
        List<?> list = (List<?>) call(tiers, FakeRestRequest.get());
        assertEquals(4, list.size());
        TierValues gold = f.tiers.find("gold").orElseThrow().values();
        Map<String, Object> body = Map.of("rank", 2, "nameZh", "金卡", "nameEn", "Gold", "minSpendFen", 500_000,
                "minGrowth", 5_000, "discountPercent", 8, "freeShipping", true, "warrantyMonths", 6,
                "birthdayGift", "生日券 ¥50", "pointsPer100", 150);
        assertEquals(403, refused(tiers, new FakeRestRequest("PUT", "gold").json(body)
                .permitting(p -> !MembershipPermissions.TIERS.equals(p))).status());
        try {
            TierValues saved = (TierValues) call(tiers, new FakeRestRequest("PUT", "gold").json(body));
            assertEquals(8, saved.discountPercent());
            RestException e = refused(tiers, new FakeRestRequest("PUT", "gold").json(Map.of("rank", 2)));
            assertEquals("nameZh is required", e.detail());
        } finally {
            f.tiers.save(gold, "test");
        }
    }

    private static Object call(RestResource resource, FakeRestRequest request) throws Exception {
        return resource.handle(request, request);
    }

    private static RestException refused(RestResource resource, FakeRestRequest request) {
        return assertThrows(RestException.class, () -> resource.handle(request, request));
    }
}
