package org.siyu.demo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.siyu.api.commerce.ExternalOrder;
import org.siyu.api.commerce.OrderStatus;

/** What became of the demo's orders: by age, by channel, and the refunds. */
class DemoOrdersTest {

    private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");

    private static Map<String, Object> paid(String number, String channel) {
        return Map.of("orderId", number, "amountFen", 16900L + 3900L * 2, "channel", channel, "items", List.of(
                Map.of("sku", "MH-CAT-FD18", "name", "全价冻干双拼猫粮 1.8kg", "qty", 1, "priceFen", 16900),
                Map.of("sku", "MH-CAT-STK20", "name", "鲜肉猫条 20支", "qty", 2, "priceFen", 3900)));
    }

    @Test
    void shouldTurnAPaidOrderIntoAnOrderWithItsLinesAndTimes() {
        Instant at = NOW.minus(Duration.ofDays(30));
        ExternalOrder o = DemoOrders.of(7, at, paid("MH2026102100000100", "tmall"), NOW);
        assertEquals("tmall", o.channel());
        assertEquals("MH2026102100000100", o.externalId());
        assertEquals(7, o.customerId());
        assertEquals(2, o.lines().size());
        assertEquals(7800, o.lines().get(1).amountFen());
        assertEquals(24700, o.payableFen());
        assertEquals(at, o.paidAt());
        assertTrue(o.createdAt().isBefore(at));
        assertNotNull(o.shippedAt());
        assertTrue(o.status() == OrderStatus.COMPLETED || o.status() == OrderStatus.REFUNDED, o.toString());
    }

    @Test
    void shouldLeaveRecentOrdersOnTheirWayAndHandStoreOrdersOverAtTheTill() {
        ExternalOrder fresh = DemoOrders.of(1, NOW.minus(Duration.ofHours(20)), paid("MH1", "mini"), NOW);
        assertEquals(OrderStatus.PAID, fresh.status());
        assertNull(fresh.shippedAt());
        ExternalOrder travelling = DemoOrders.of(1, NOW.minus(Duration.ofDays(4)), paid("MH2", "jd"), NOW);
        assertEquals(OrderStatus.SHIPPED, travelling.status());
        assertNotNull(travelling.carrier());
        assertNotNull(travelling.trackingNo());
        ExternalOrder store = DemoOrders.of(1, NOW.minus(Duration.ofHours(3)), paid("MH3", "store"), NOW);
        assertNull(store.carrier());
        assertEquals(store.paidAt(), store.completedAt());
    }

    @Test
    void shouldRefundAboutThreePercentInFullAndTwoInPartDeterministically() {
        Map<OrderStatus, Integer> byStatus = new EnumMap<>(OrderStatus.class);
        int partial = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            ExternalOrder o = DemoOrders.of(1, NOW.minus(Duration.ofDays(40)), paid("MH" + i, "tmall"), NOW);
            assertEquals(o, DemoOrders.of(1, NOW.minus(Duration.ofDays(40)), paid("MH" + i, "tmall"), NOW));
            byStatus.merge(o.status(), 1, Integer::sum);
            if (o.status() == OrderStatus.REFUNDED) {
                assertEquals(o.payableFen(), o.refundedFen());
            } else if (o.refundedFen() > 0) {
                partial++;
                assertEquals(7800, o.refundedFen(), "the last line comes back");
            }
        }
        assertEquals(0.03, byStatus.get(OrderStatus.REFUNDED) / (double) n, 0.006);
        assertEquals(0.02, partial / (double) n, 0.006);
    }
}
