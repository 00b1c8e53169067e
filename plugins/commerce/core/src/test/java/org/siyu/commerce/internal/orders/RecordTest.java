package org.siyu.commerce.internal.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.commerce.CommerceException;
import org.siyu.api.commerce.CommerceService.Recorded;
import org.siyu.api.commerce.ExternalOrder;
import org.siyu.api.commerce.OrderLine;
import org.siyu.api.commerce.OrderStatus;
import org.siyu.api.events.Event;
import org.siyu.commerce.internal.Fixture;
import org.siyu.commerce.internal.TxEventBus;

class RecordTest {

    private static final Instant PLACED = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant PAID = Instant.parse("2026-03-01T10:05:00Z");
    private static final Instant SHIPPED = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant RECEIVED = Instant.parse("2026-03-04T15:30:00Z");

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
        f.product("冻干鸡肉猫粮 1.5kg", "CAT-1500", 5990, 10);
    }

    private static ExternalOrder tmall(String externalId, OrderStatus status, long refunded) {
        return new ExternalOrder("tmall", externalId, 6, status,
                List.of(new OrderLine("CAT-1500", "冻干鸡肉猫粮 1.5kg", 2, 5990, 11980),
                        new OrderLine(null, "赠品 逗猫棒", 1, 0, 0)),
                10980, refunded, PLACED, PAID, SHIPPED, RECEIVED, "顺丰", "SF77");
    }

    @Test
    void shouldRecordOnceAndAnswerTheStoredOrderAfterwards() throws Exception {
        Recorded first = f.orders.record(tmall("TM-1001", OrderStatus.COMPLETED, 0));
        assertTrue(first.created());
        Recorded again = f.orders.record(tmall("TM-1001", OrderStatus.COMPLETED, 0));
        assertFalse(again.created());
        assertEquals(first.order().id(), again.order().id());
        assertEquals(1, f.unit.queryLong("SELECT COUNT(*) FROM cm_order"));
        assertEquals(4, f.bus.all().size(), "the second recording published nothing");
        assertEquals(10, f.orders.available("CAT-1500"), "a marketplace sells from its own stock");
        assertEquals(10, f.catalogue.level("CAT-1500").onHand());
    }

    @Test
    void shouldPublishTheStatesReachedAtTheOrdersOwnTimes() {
        var order = f.orders.record(tmall("TM-1002", OrderStatus.COMPLETED, 0)).order();
        assertEquals(OrderStatus.COMPLETED, order.status());
        assertEquals("TM-1002", order.externalId());
        assertEquals(11980, order.totalFen());
        assertEquals(10980, order.payableFen());
        assertEquals(10980, order.paidFen());
        assertEquals(1000, order.adjustments().getFirst().amountFen(), "the marketplace's discount");
        List<Event> events = f.bus.all();
        assertEquals(List.of("order.created", "order.paid", "order.shipped", "order.completed"),
                events.stream().map(Event::type).toList());
        assertEquals(List.of(PLACED, PAID, SHIPPED, RECEIVED), events.stream().map(Event::time).toList());
        long id = order.id();
        assertEquals("commerce:order:" + id + ":paid", events.get(1).id());
        assertEquals(6, events.get(1).subject());
        Map<String, Object> paid = TxEventBus.data(events.get(1));
        assertEquals(10980, paid.get("amountFen"));
        assertEquals("tmall", paid.get("channel"));
    }

    @Test
    void shouldRecordARefundWithItsEvent() {
        var order = f.orders.record(tmall("TM-1003", OrderStatus.COMPLETED, 2000)).order();
        assertEquals(2000, order.refundedFen());
        Event refunded = f.bus.ofType("order.refunded").getFirst();
        assertTrue(refunded.id().startsWith("commerce:order:" + order.id() + ":refunded:"));
        assertEquals(false, TxEventBus.data(refunded).get("full"));
        assertEquals(RECEIVED, refunded.time());
        var full = f.orders.record(tmall("TM-1004", OrderStatus.REFUNDED, 0)).order();
        assertEquals(10980, full.refundedFen());
        assertEquals(OrderStatus.REFUNDED, full.status());
        CommerceException e = assertThrows(CommerceException.class, () -> f.orders.refund(full.id(), null, null, "a"));
        assertEquals(CommerceException.Reason.CONFLICT, e.reason());
    }

    @Test
    void shouldRecordAClosedUnpaidOrderAsCancelled() {
        var o = new ExternalOrder("jd", "JD-9", 6, OrderStatus.CANCELLED,
                List.of(new OrderLine(null, "猫砂", 1, 3000, 3000)), 3000, 0, PLACED, null, null, null, null, null);
        var order = f.orders.record(o).order();
        assertEquals(OrderStatus.CANCELLED, order.status());
        assertEquals(List.of("order.created", "order.cancelled"), f.bus.all().stream().map(Event::type).toList());
    }

    @Test
    void shouldRefuseIncompleteReportsNamingTheField() throws Exception {
        assertField("paidAt", new ExternalOrder("tmall", "X1", 6, OrderStatus.PAID,
                List.of(new OrderLine(null, "猫砂", 1, 3000, 3000)), 3000, 0, PLACED, null, null, null, null, null));
        assertField("externalId", new ExternalOrder("tmall", " ", 6, OrderStatus.PAID,
                List.of(new OrderLine(null, "猫砂", 1, 3000, 3000)), 3000, 0, PLACED, PAID, null, null, null, null));
        assertField("lines[0].title", new ExternalOrder("tmall", "X2", 6, OrderStatus.PAID,
                List.of(new OrderLine(null, " ", 1, 3000, 3000)), 3000, 0, PLACED, PAID, null, null, null, null));
        assertField("refundedFen", new ExternalOrder("tmall", "X3", 6, OrderStatus.PAID,
                List.of(new OrderLine(null, "猫砂", 1, 3000, 3000)), 3000, 3001, PLACED, PAID, null, null, null, null));
        assertField("customerId", new ExternalOrder("tmall", "X4", 404, OrderStatus.PAID,
                List.of(new OrderLine(null, "猫砂", 1, 3000, 3000)), 3000, 0, PLACED, PAID, null, null, null, null));
        assertTrue(f.bus.all().isEmpty());
        assertEquals(0, f.unit.queryLong("SELECT COUNT(*) FROM cm_order"));
    }

    private static void assertField(String field, ExternalOrder order) {
        CommerceException e = assertThrows(CommerceException.class, () -> f.orders.record(order));
        assertEquals(CommerceException.Reason.INVALID, e.reason());
        assertEquals(field, e.field(), e.getMessage());
    }
}
