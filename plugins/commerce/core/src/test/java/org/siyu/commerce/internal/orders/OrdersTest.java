package org.siyu.commerce.internal.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.commerce.CommerceException;
import org.siyu.api.commerce.CommerceException.Reason;
import org.siyu.api.commerce.Order;
import org.siyu.api.commerce.OrderRequest;
import org.siyu.api.commerce.OrderStatus;
import org.siyu.api.commerce.Refund;
import org.siyu.api.events.Event;
import org.siyu.commerce.internal.Fixture;
import org.siyu.commerce.internal.TxEventBus;
import org.siyu.commerce.internal.catalogue.Movement;
import org.siyu.commerce.internal.catalogue.StockLevel;

class OrdersTest {

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
        f.membership.usedBy.clear();
        f.membership.released.clear();
        f.membership.failOnApply = false;
        f.product("冻干鸡肉猫粮 1.5kg", "CAT-1500", 5990, 10);
    }

    @Test
    void shouldWalkAnOrderThroughItsLifeAndPublishEachEventWithItsIdTypeAndData() {
        Order created = f.order(3, "CAT-1500", 2);
        assertEquals(OrderStatus.CREATED, created.status());
        assertEquals(11980, created.totalFen());
        assertEquals(11980, created.payableFen());
        assertEquals("冻干鸡肉猫粮 1.5kg", created.lines().getFirst().title());
        assertEquals(8, f.orders.available("CAT-1500"));

        Order paid = f.orders.pay(created.id(), "manual", "alice");
        assertEquals(OrderStatus.PAID, paid.status());
        assertEquals(11980, paid.paidFen());
        assertEquals("manual", paid.gateway());
        StockLevel level = f.catalogue.level("CAT-1500");
        assertEquals(8, level.onHand());
        assertEquals(0, level.reserved());

        Order shipped = f.orders.ship(created.id(), "顺丰", "SF1234567890", "bob");
        assertEquals(OrderStatus.SHIPPED, shipped.status());
        assertEquals("SF1234567890", shipped.trackingNo());
        Order done = f.orders.complete(created.id(), "bob");
        assertEquals(OrderStatus.COMPLETED, done.status());

        long id = created.id();
        List<Event> events = f.bus.all();
        assertEquals(List.of("order.created", "order.paid", "order.shipped", "order.completed"),
                events.stream().map(Event::type).toList());
        assertEquals(List.of("commerce:order:" + id + ":created", "commerce:order:" + id + ":paid",
                "commerce:order:" + id + ":shipped", "commerce:order:" + id + ":completed"),
                events.stream().map(Event::id).toList());
        for (Event e : events) {
            assertEquals(3, e.subject());
            assertEquals("commerce", e.source());
            assertEquals(Fixture.NOW, e.time());
        }
        Map<String, Object> createdData = TxEventBus.data(events.get(0));
        assertEquals(Map.of("orderId", (int) id, "channel", "mini", "totalFen", 11980, "payableFen", 11980,
                "lines", List.of(Map.of("skuCode", "CAT-1500", "title", "冻干鸡肉猫粮 1.5kg", "quantity", 2,
                        "amountFen", 11980))), createdData);
        Map<String, Object> paidData = TxEventBus.data(events.get(1));
        assertEquals(11980, paidData.get("amountFen"));
        assertEquals("manual", paidData.get("gateway"));
        assertEquals(List.of("orderId", "channel", "amountFen", "totalFen", "gateway", "lines"),
                List.copyOf(paidData.keySet()));
        assertEquals(Map.of("orderId", (int) id, "carrier", "顺丰", "trackingNo", "SF1234567890"),
                TxEventBus.data(events.get(2)));

        List<HistoryEntry> history = f.orders.history(id);
        assertEquals(List.of("created", "paid", "shipped", "completed"), history.stream().map(HistoryEntry::action).toList());
        assertEquals(List.of("tester", "alice", "bob", "bob"), history.stream().map(HistoryEntry::actor).toList());
        assertEquals(OrderStatus.SHIPPED, history.get(3).from());
    }

    @Test
    void shouldRefusePayingAnOrderTwiceWithConflict() {
        Order o = f.order(1, "CAT-1500", 1);
        f.orders.pay(o.id(), "manual", "alice");
        CommerceException e = assertThrows(CommerceException.class, () -> f.orders.pay(o.id(), "manual", "alice"));
        assertEquals(Reason.CONFLICT, e.reason());
        assertTrue(e.getMessage().contains("PAID"), e.getMessage());
        assertEquals(1, f.bus.ofType("order.paid").size());
        assertEquals(9, f.catalogue.level("CAT-1500").onHand(), "sold once");
    }

    @Test
    void shouldRefuseAnUnknownGatewayNamingTheField() {
        Order o = f.order(1, "CAT-1500", 1);
        CommerceException e = assertThrows(CommerceException.class, () -> f.orders.pay(o.id(), "alipay", "alice"));
        assertEquals(Reason.INVALID, e.reason());
        assertEquals("gateway", e.field());
        assertEquals(OrderStatus.CREATED, f.orders.order(o.id()).orElseThrow().status());
    }

    @Test
    void shouldCancelAnUnpaidOrderReleasingStockAndCoupons() {
        f.membership.coupon("SAVE10", 1000, 0);
        Order o = f.order(2, "CAT-1500", 4, "SAVE10");
        assertEquals(6, f.orders.available("CAT-1500"));
        assertEquals(o.id(), f.membership.usedBy.get("SAVE10"));

        Order cancelled = f.orders.cancel(o.id(), "customer changed mind", "alice");
        assertEquals(OrderStatus.CANCELLED, cancelled.status());
        assertEquals(10, f.orders.available("CAT-1500"));
        assertEquals(List.of(o.id()), f.membership.released);
        assertFalse(f.membership.usedBy.containsKey("SAVE10"));
        Event e = f.bus.byId("commerce:order:" + o.id() + ":cancelled");
        assertEquals("order.cancelled", e.type());
        assertEquals(Map.of("orderId", (int) o.id(), "reason", "customer changed mind"), TxEventBus.data(e));
        List<Movement> ledger = f.catalogue.movements("CAT-1500", 10);
        assertEquals(List.of(Movement.Kind.RELEASE, Movement.Kind.RESERVE, Movement.Kind.INITIAL),
                ledger.stream().map(Movement::kind).toList());
        assertEquals(0, ledger.getFirst().reservedAfter());
    }

    @Test
    void shouldRefuseCancellingAPaidOrder() {
        Order o = f.order(2, "CAT-1500", 1);
        f.orders.pay(o.id(), "manual", "alice");
        CommerceException e = assertThrows(CommerceException.class, () -> f.orders.cancel(o.id(), null, "alice"));
        assertEquals(Reason.CONFLICT, e.reason());
        assertTrue(e.getMessage().contains("refund it instead"), e.getMessage());
    }

    @Test
    void shouldRefundInPartsThenInFullAndRejectAnOverRefund() {
        Order o = f.order(4, "CAT-1500", 2);
        f.orders.pay(o.id(), "sandbox", "alice");
        f.orders.ship(o.id(), "中通", "ZT1", "alice");

        Refund part = f.orders.refund(o.id(), 3000L, "damaged box", "alice");
        assertFalse(part.full());
        assertEquals(3000, part.amountFen());
        Order after = f.orders.order(o.id()).orElseThrow();
        assertEquals(OrderStatus.SHIPPED, after.status(), "a partly refunded order keeps its status");
        assertEquals(8980, after.refundableFen());

        CommerceException over = assertThrows(CommerceException.class,
                () -> f.orders.refund(o.id(), 8981L, null, "alice"));
        assertEquals(Reason.INVALID, over.reason());
        assertEquals("amountFen", over.field());
        assertTrue(over.getMessage().contains("8980"), over.getMessage());
        CommerceException zero = assertThrows(CommerceException.class, () -> f.orders.refund(o.id(), 0L, null, "alice"));
        assertEquals("amountFen", zero.field());

        Refund rest = f.orders.refund(o.id(), null, "returned", "alice");
        assertTrue(rest.full());
        assertEquals(8980, rest.amountFen());
        Order refunded = f.orders.order(o.id()).orElseThrow();
        assertEquals(OrderStatus.REFUNDED, refunded.status());
        assertEquals(11980, refunded.refundedFen());
        assertEquals(Reason.CONFLICT, assertThrows(CommerceException.class,
                () -> f.orders.refund(o.id(), null, null, "alice")).reason());

        List<Event> refunds = f.bus.ofType("order.refunded");
        assertEquals(2, refunds.size());
        assertEquals("commerce:order:" + o.id() + ":refunded:" + part.id(), refunds.get(0).id());
        assertEquals(Map.of("orderId", (int) o.id(), "refundId", (int) part.id(), "amountFen", 3000,
                "refundedFen", 3000, "full", false), TxEventBus.data(refunds.get(0)));
        assertEquals(Map.of("orderId", (int) o.id(), "refundId", (int) rest.id(), "amountFen", 8980,
                "refundedFen", 11980, "full", true), TxEventBus.data(refunds.get(1)));
        assertEquals(2, f.orders.refunds(o.id()).size());
    }

    @Test
    void shouldRefuseRefundingAnUnpaidOrder() {
        Order o = f.order(4, "CAT-1500", 1);
        assertEquals(Reason.CONFLICT, assertThrows(CommerceException.class,
                () -> f.orders.refund(o.id(), 100L, null, "alice")).reason());
    }

    @Test
    void shouldPutGoodsBackOnHandWhenAnUnshippedOrderIsRefundedInFull() {
        Order o = f.order(4, "CAT-1500", 3);
        f.orders.pay(o.id(), "manual", "alice");
        assertEquals(7, f.catalogue.level("CAT-1500").onHand());
        f.orders.refund(o.id(), null, "out of stock at the warehouse", "alice");
        assertEquals(10, f.catalogue.level("CAT-1500").onHand());
    }

    @Test
    void shouldLetTheSandboxDeclineTestAmountsAndKeepTheOrderUnpaid() {
        f.product("试用装", "TRIAL-99", 1299, 5);
        Order o = f.order(5, "TRIAL-99", 1);
        CommerceException e = assertThrows(CommerceException.class, () -> f.orders.pay(o.id(), "sandbox", "alice"));
        assertEquals(Reason.PAYMENT_FAILED, e.reason());
        assertTrue(e.getMessage().contains("declined"), e.getMessage());
        assertEquals(OrderStatus.CREATED, f.orders.order(o.id()).orElseThrow().status());
        assertTrue(f.bus.ofType("order.paid").isEmpty());
        assertEquals(4, f.orders.available("TRIAL-99"), "still reserved, not sold");
    }

    @Test
    void shouldChargeOncePerOrderInTheSandbox() throws Exception {
        Order o = f.order(5, "CAT-1500", 1);
        Order paid = f.orders.pay(o.id(), "sandbox", "alice");
        assertEquals(paid.gateway(), "sandbox");
        var first = f.sandbox.charge(o.id(), 5990);
        var second = f.sandbox.charge(o.id(), 5990);
        assertTrue(first.ok());
        assertEquals(first.transactionId(), second.transactionId());
        assertTrue(first.transactionId().startsWith("sbx_"));
        assertEquals(1, f.unit.queryLong("SELECT COUNT(*) FROM cm_sandbox_charge"));
        assertFalse(f.sandbox.refund(o.id(), "sbx_other", 100).ok(), "an unknown transaction is refused");
        assertFalse(f.sandbox.refund(o.id(), first.transactionId(), 5991).ok(), "more than charged is refused");
    }

    @Test
    void shouldApplyAClaimedCouponAndTellItsAdjuster() {
        f.membership.coupon("SAVE10", 1000, 5000);
        Order o = f.order(1, "CAT-1500", 1, "SAVE10");
        assertEquals(5990, o.totalFen());
        assertEquals(4990, o.payableFen());
        assertEquals("membership", o.adjustments().getFirst().source());
        assertEquals("SAVE10", o.adjustments().getFirst().code());
        assertEquals(o.id(), f.membership.usedBy.get("SAVE10"));
        assertEquals(4990, TxEventBus.data(f.bus.ofType("order.created").getFirst()).get("payableFen"));
        Order paid = f.orders.pay(o.id(), "manual", "alice");
        assertEquals(4990, paid.paidFen());
    }

    @Test
    void shouldRefuseACouponCodeNobodyClaimsAndStoreNothing() {
        CommerceException e = assertThrows(CommerceException.class, () -> f.order(1, "CAT-1500", 1, "NOPE"));
        assertEquals(Reason.INVALID, e.reason());
        assertEquals("couponCodes[0]", e.field());
        assertEquals(10, f.orders.available("CAT-1500"));
        assertTrue(f.orders.orders(1, 10).isEmpty());
        assertTrue(f.bus.all().isEmpty());
    }

    @Test
    void shouldRefuseACouponCodeTwoAdjustersClaim() {
        f.membership.coupon("BOTH", 100, 0);
        f.partner.coupon("BOTH", 200, 0);
        try {
            CommerceException e = assertThrows(CommerceException.class, () -> f.order(1, "CAT-1500", 1, "BOTH"));
            assertEquals("couponCodes[0]", e.field());
            assertTrue(e.getMessage().contains("membership") && e.getMessage().contains("partner"), e.getMessage());
        } finally {
            f.partner.usedBy.clear();
        }
    }

    @Test
    void shouldPassOnAnAdjustersRefusalWithItsField() {
        f.membership.coupon("BIG", 3000, 20000);
        CommerceException e = assertThrows(CommerceException.class, () -> f.order(1, "CAT-1500", 1, "BIG"));
        assertEquals("couponCodes[0]", e.field());
        assertTrue(e.getMessage().contains("at least 20000"), e.getMessage());
    }

    @Test
    void shouldCapDiscountsAtTheOrderTotal() {
        f.membership.coupon("HUGE", 50000, 0);
        Order o = f.order(1, "CAT-1500", 1, "HUGE");
        assertEquals(0, o.payableFen());
        assertEquals(5990, o.adjustments().getFirst().amountFen());
    }

    @Test
    void shouldRollTheOrderBackWhenAnAdjusterFailsToApply() {
        f.membership.coupon("SAVE10", 1000, 0);
        f.membership.failOnApply = true;
        assertThrows(IllegalStateException.class, () -> f.order(1, "CAT-1500", 2, "SAVE10"));
        assertTrue(f.orders.orders(1, 10).isEmpty());
        assertEquals(10, f.orders.available("CAT-1500"));
        assertTrue(f.bus.all().isEmpty());
    }

    @Test
    void shouldPublishNothingWhenTheCallersTransactionRollsBack() {
        assertThrows(IllegalStateException.class, () -> f.unit.inTransaction(em -> {
            Order o = f.order(1, "CAT-1500", 3);
            f.orders.pay(o.id(), "manual", "alice");
            throw new IllegalStateException("the caller failed after the order");
        }));
        assertTrue(f.bus.all().isEmpty());
        assertTrue(f.orders.orders(1, 10).isEmpty());
        assertEquals(10, f.catalogue.level("CAT-1500").onHand());
        assertEquals(10, f.orders.available("CAT-1500"));

        f.unit.inTransaction(em -> f.orders.pay(f.order(1, "CAT-1500", 1).id(), "manual", "alice"));
        assertEquals(List.of("order.created", "order.paid"), f.bus.all().stream().map(Event::type).toList());
    }

    @Test
    void shouldRefuseBadRequestsNamingTheField() {
        f.identity.merged(40, 7);
        assertField("customerId", () -> f.order(0, "CAT-1500", 1));
        assertField("customerId", () -> f.order(99, "CAT-1500", 1));
        CommerceException merged = assertThrows(CommerceException.class, () -> f.order(40, "CAT-1500", 1));
        assertTrue(merged.getMessage().contains("merged into customer 7"), merged.getMessage());
        assertField("lines[0].skuCode", () -> f.order(1, "NOPE", 1));
        assertField("lines[0].quantity", () -> f.order(1, "CAT-1500", 0));
        assertField("channel", () -> f.orders.createOrder(new OrderRequest(1, "Mini App",
                List.of(new OrderRequest.Line("CAT-1500", 1)), List.of(), "t")));
        assertField("lines", () -> f.orders.createOrder(new OrderRequest(1, "mini", List.of(), List.of(), "t")));
        assertField("lines[1].skuCode", () -> f.orders.createOrder(new OrderRequest(1, "mini",
                List.of(new OrderRequest.Line("CAT-1500", 1), new OrderRequest.Line("CAT-1500", 2)), List.of(), "t")));
        CommerceException short1 = assertThrows(CommerceException.class, () -> f.order(1, "CAT-1500", 11));
        assertEquals(Reason.OUT_OF_STOCK, short1.reason());
        assertEquals("lines[0].skuCode", short1.field());
        assertTrue(short1.getMessage().contains("only 10 of CAT-1500 left"), short1.getMessage());
        assertTrue(f.bus.all().isEmpty());
    }

    @Test
    void shouldRefuseAProductThatIsNotOnSale() {
        var p = f.catalogue.product(f.catalogue.sku("CAT-1500").orElseThrow().productId()).orElseThrow();
        f.catalogue.update(p.id(), new org.siyu.commerce.internal.catalogue.ProductInput(p.name(), "", List.of(),
                false, null), "alice");
        CommerceException e = assertThrows(CommerceException.class, () -> f.order(1, "CAT-1500", 1));
        assertTrue(e.getMessage().contains("not on sale"), e.getMessage());
    }

    private static void assertField(String field, org.junit.jupiter.api.function.Executable call) {
        CommerceException e = assertThrows(CommerceException.class, call);
        assertEquals(Reason.INVALID, e.reason(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertNotNull(e.getMessage());
    }
}
