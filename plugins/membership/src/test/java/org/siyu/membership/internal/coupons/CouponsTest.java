package org.siyu.membership.internal.coupons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.commerce.Adjustment;
import org.siyu.api.commerce.CommerceException;
import org.siyu.api.commerce.OrderDraft;
import org.siyu.api.commerce.OrderLine;
import org.siyu.membership.internal.Fixture;
import org.siyu.membership.internal.MembershipException;
import org.siyu.membership.internal.model.Coupon;
import org.siyu.membership.internal.model.CouponTemplate;
import org.siyu.membership.internal.model.IssueRun;
import org.siyu.membership.internal.model.TemplateValues;
import org.siyu.testkit.RecordingProgress;

class CouponsTest {

    private static Fixture f;

    @BeforeAll
    static void open() {
        f = new Fixture();
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
    void shouldNeverIssueMoreThanTheStockUnderConcurrentIssues() throws Exception {
        CouponTemplate template = f.amountOff(60);
        int threads = 8;
        int each = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
        List<Future<Integer>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit((Callable<Integer>) () -> {
                start.await();
                int issued = 0;
                for (int i = 0; i < each; i++) {
                    try {
                        f.coupons.issue(template.id(), 1 + thread * each + i, "req:" + i, "op");
                        issued++;
                    } catch (MembershipException e) {
                        refusals.add(e.field());
                    }
                }
                return issued;
            }));
        }
        start.countDown();
        int issued = 0;
        for (Future<Integer> future : futures) {
            issued += future.get();
        }
        pool.shutdown();

        assertEquals(60, issued);
        assertEquals(60, f.sql("select count(*) from mb_coupon"));
        assertEquals(60, f.sql("select issued from mb_coupon_template where id = " + template.id()));
        assertEquals(threads * each - 60, refusals.size());
        assertTrue(refusals.stream().allMatch("stock"::equals), refusals.toString());
        assertEquals(60, f.bus.ofType("coupon.issued").size());
    }

    @Test
    void shouldIssueOncePerCustomerAndIssueKey() throws Exception {
        CouponTemplate template = f.amountOff(10);
        Coupons.Issued first = f.coupons.issue(template.id(), 5, "req:abc", "op");
        Coupons.Issued again = f.coupons.issue(template.id(), 5, "req:abc", "op");
        assertTrue(first.created());
        assertFalse(again.created());
        assertEquals(first.coupon().code(), again.coupon().code());
        assertEquals(1, f.sql("select issued from mb_coupon_template"));
        assertEquals(Fixture.T0.plus(Duration.ofDays(30)), first.coupon().validUntil());
        assertTrue(first.coupon().code().matches("MB[2-9A-Z]{12}"), first.coupon().code());
    }

    @Test
    void shouldIssueToASegmentAsAJobAndResumeOnlyForTheCustomersItMissed() throws Exception {
        CouponTemplate template = f.amountOff(3);
        f.tagService.segment("tag:VIP", 11, 12, 13, 14, 15);
        IssueRuns.Started started = f.runs.start(template.id(), "tag:VIP", "op");
        started.job().done().get();
        IssueRun run = f.runs.run(started.run().id());
        assertEquals(IssueRun.State.STOCK_OUT, run.state());
        assertEquals(3, run.issued());
        assertTrue(run.message().startsWith("out of stock after 3 issued"), run.message());

        TemplateValues more = template.values();
        f.coupons.update(template.id(), new TemplateValues(more.name(), more.kind(), more.amountFen(), more.percentOff(),
                more.maxDiscountFen(), more.thresholdFen(), more.validFrom(), more.validUntil(), more.validDays(), 10));
        RecordingProgress progress = new RecordingProgress();
        assertEquals("2 issued, 3 already had it", f.runs.execute(run.id(), "op", progress));
        assertEquals(5, progress.total());
        assertEquals(5, progress.done());
        assertEquals(5, f.sql("select count(*) from mb_coupon"));
        assertEquals(5, f.sql("select count(distinct customer_id) from mb_coupon"));
        assertEquals("2 issued, 3 already had it".replace("2 issued", "0 issued").replace("3 already", "5 already"),
                f.runs.execute(run.id(), "op", new RecordingProgress()));
        assertEquals(5, f.sql("select issued from mb_coupon_template"));
    }

    @Test
    void shouldRefuseABadSegmentNamingTheField() {
        CouponTemplate template = f.amountOff(3);
        MembershipException e = assertThrows(MembershipException.class, () -> f.runs.start(template.id(), "tag:nope", "op"));
        assertEquals("segment", e.field());
        assertEquals(0, f.runs.recent(10).size());
    }

    @Test
    void shouldRefuseTemplatesThatBreakARuleNamingTheField() {
        assertEquals("amountFen", field(new TemplateValues("x", CouponTemplate.Kind.AMOUNT_OFF, 0, 0, null, 0, null, null,
                7, 10)));
        assertEquals("percentOff", field(new TemplateValues("x", CouponTemplate.Kind.PERCENT_OFF, 0, 100, null, 0, null,
                null, 7, 10)));
        assertEquals("validUntil", field(new TemplateValues("x", CouponTemplate.Kind.AMOUNT_OFF, 100, 0, null, 0, null,
                null, null, 10)));
        assertEquals("validDays", field(new TemplateValues("x", CouponTemplate.Kind.AMOUNT_OFF, 100, 0, null, 0, null,
                Instant.parse("2027-01-01T00:00:00Z"), 7, 10)));
        assertEquals("name", field(new TemplateValues(" ", CouponTemplate.Kind.AMOUNT_OFF, 100, 0, null, 0, null, null,
                7, 10)));
        CouponTemplate t = f.amountOff(5);
        f.coupons.issue(t.id(), 1, null, "op");
        f.coupons.issue(t.id(), 2, null, "op");
        MembershipException e = assertThrows(MembershipException.class, () -> f.coupons.update(t.id(),
                new TemplateValues("x", CouponTemplate.Kind.AMOUNT_OFF, 100, 0, null, 0, null, null, 7, 1)));
        assertEquals("stock", e.field());
    }

    @Test
    void shouldQuoteApplyAndReleaseACouponOnAnOrderWithTheTierDiscountOnTheRest() throws Exception {
        f.orders.apply(Fixture.paid("e1", 5, "o1", 600_000, Fixture.T0)); // gold: 5 % off
        Coupon coupon = f.coupons.issue(f.amountOff(10).id(), 5, null, "op").coupon();
        OrderDraft draft = draft(5, 20_000, coupon.code().toLowerCase());

        List<Adjustment> quote = f.adjuster.quote(draft);
        // claimed under the code as the order wrote it (commerce matches claims to requests by the string)
        assertEquals(List.of(new Adjustment("membership", coupon.code().toLowerCase(), "满199减30", 3_000),
                new Adjustment("membership", null, "金卡会员 95折", 850)), quote);

        f.adjuster.applied(42, draft, quote);
        Coupon used = f.coupons.byCode(coupon.code()).orElseThrow().coupon();
        assertEquals(Coupon.Status.USED, used.status());
        assertEquals("42", used.orderId());
        assertEquals(1, f.bus.ofType("coupon.redeemed").size());
        CommerceException twice = assertThrows(CommerceException.class, () -> f.adjuster.quote(draft));
        assertEquals("couponCodes[0]", twice.field());
        assertTrue(twice.getMessage().contains("was used on order 42"), twice.getMessage());
        CommerceException race = assertThrows(CommerceException.class, () -> f.adjuster.applied(43, draft, quote));
        assertEquals(CommerceException.Reason.CONFLICT, race.reason());

        f.adjuster.released(42);
        assertEquals(Coupon.Status.ISSUED, f.coupons.byCode(coupon.code()).orElseThrow().coupon().status());
        List<org.siyu.api.events.Event> released = f.bus.ofType("coupon.released");
        assertEquals(1, released.size());
        assertEquals(5, released.getFirst().subject());
        assertTrue(released.getFirst().data().contains("\"orderId\":\"42\""), released.getFirst().data());
        f.adjuster.released(42); // nothing used on 42 any more: no second event
        assertEquals(1, f.bus.ofType("coupon.released").size());
        assertEquals(2, f.adjuster.quote(draft).size());
    }

    @Test
    void shouldRefuseACouponOnAnOrderNamingTheCodeAtFault() throws Exception {
        CouponTemplate template = f.amountOff(10);
        Coupon mine = f.coupons.issue(template.id(), 5, null, "op").coupon();
        Coupon other = f.coupons.issue(template.id(), 6, null, "op").coupon();

        CommerceException e = assertThrows(CommerceException.class, () -> f.adjuster.quote(draft(5, 10_000, "X", mine.code())));
        assertEquals("couponCodes[1]", e.field());
        assertTrue(e.getMessage().contains("needs an order of at least ¥199.00, this one is ¥100.00"), e.getMessage());
        e = assertThrows(CommerceException.class, () -> f.adjuster.quote(draft(5, 50_000, other.code())));
        assertTrue(e.getMessage().contains("belongs to another customer"), e.getMessage());
        // codes that are not membership's are left to other adjusters
        assertEquals(List.of(), f.adjuster.quote(draft(5, 50_000, "OTHER-PLUGIN-CODE")));

        f.clock.advance(Duration.ofDays(31));
        e = assertThrows(CommerceException.class, () -> f.adjuster.quote(draft(5, 50_000, mine.code())));
        assertTrue(e.getMessage().contains("expired"), e.getMessage());
        assertEquals(2, f.coupons.expireDue());
        assertEquals(2, f.sql("select count(*) from mb_coupon where status = 'EXPIRED'"));
        List<org.siyu.api.events.Event> expired = f.bus.ofType("coupon.expired");
        assertEquals(List.of(5, 6), expired.stream().map(org.siyu.api.events.Event::subject).sorted().toList());
        assertEquals(mine.validUntil(), expired.stream().filter(ev -> ev.subject() == 5).findFirst().orElseThrow().time(),
                "the event time is when the coupon ended");
        assertEquals(0, f.coupons.expireDue(), "expired once");
        assertEquals(2, f.bus.ofType("coupon.expired").size());
        assertNotEquals(0, f.sql("select count(*) from mb_coupon"));
    }

    @Test
    void shouldCapAPercentCoupon() {
        CouponTemplate t = f.coupons.create(new TemplateValues("9折券", CouponTemplate.Kind.PERCENT_OFF, 0, 10, 5_000L, 0,
                null, Instant.parse("2026-12-31T16:00:00Z"), null, 10), "op");
        assertEquals(2_000, TemplateRules.discount(t, 20_000));
        assertEquals(5_000, TemplateRules.discount(t, 90_000));
        assertEquals("9折 (最多减¥50.00)", TemplateRules.describe(t));
        CouponTemplate withThreshold = f.coupons.create(new TemplateValues("复购券", CouponTemplate.Kind.PERCENT_OFF, 0, 10,
                5_000L, 19_900, null, null, 30, 10), "op");
        assertEquals("满¥199.00打9折 (最多减¥50.00)", TemplateRules.describe(withThreshold));
        Coupon c = f.coupons.issue(t.id(), 5, null, "op").coupon();
        assertEquals(Instant.parse("2026-12-31T16:00:00Z"), c.validUntil());
    }

    private static String field(TemplateValues values) {
        return assertThrows(MembershipException.class, () -> f.coupons.create(values, "op")).field();
    }

    private static OrderDraft draft(int customer, long total, String... codes) {
        return new OrderDraft(customer, "mini", List.of(new OrderLine("SKU-1", "猫粮", 1, total, total)), total,
                List.of(codes));
    }
}
