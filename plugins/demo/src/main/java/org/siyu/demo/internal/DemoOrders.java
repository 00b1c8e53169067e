package org.siyu.demo.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.siyu.api.commerce.CommerceService;
import org.siyu.api.commerce.ExternalOrder;
import org.siyu.api.commerce.NewProduct;
import org.siyu.api.commerce.OrderLine;
import org.siyu.api.commerce.OrderStatus;

/**
 * The demo's orders as commerce keeps them. With the commerce plugin running, the seed creates the catalogue and
 * records each planned {@code order.paid} as an order ({@link CommerceService#record}), which then publishes the
 * order's events itself (created, paid, shipped, completed, refunded) with the order's times; without it, the seed
 * publishes the planned {@code order.paid} events as a channel would.
 *
 * <p>What became of an order is decided by a random stream of its own (seeded from the order number), so the planned
 * history, and every figure measured on it, stays what it was: 3 % are refunded in full and 2 % in part (the
 * pet-food after-sales rate of a DTC brand); orders of the last two days await shipping, of the last six are on
 * their way, older ones are received; store orders are handed over at the till.
 */
final class DemoOrders {

    static final int STOCK = 5_000;
    private static final String[] CARRIERS = {"顺丰速运", "中通快递", "京东物流", "圆通速递"};

    private DemoOrders() {
    }

    /** Creates the products of {@link Catalog#PRODUCTS} that commerce does not have yet; returns how many. */
    static int ensureCatalogue(CommerceService commerce) {
        int created = 0;
        for (Catalog.Product p : Catalog.PRODUCTS) {
            if (commerce.sku(p.sku()).isPresent()) {
                continue;
            }
            String pet = switch (p.pet()) {
                case "cat" -> "猫";
                case "dog" -> "犬";
                default -> "猫犬通用";
            };
            commerce.createProduct(new NewProduct(p.name(), "毛孩食堂 · " + pet, List.of(),
                    List.of(new NewProduct.NewSku(p.sku(), p.name(), p.priceFen(), Map.of("适用", pet), STOCK))));
            created++;
        }
        return created;
    }

    /**
     * The order a planned {@code order.paid} event describes.
     *
     * @param paid the event's data: {@code orderId}, {@code amountFen}, {@code channel}, {@code items}
     * @param now  the end of the demo's window: what is recent is judged from it
     */
    @SuppressWarnings("unchecked")
    static ExternalOrder of(int customerId, Instant paidAt, Map<String, Object> paid, Instant now) {
        String number = (String) paid.get("orderId");
        String channel = (String) paid.get("channel");
        List<OrderLine> lines = new ArrayList<>();
        for (Map<String, Object> item : (List<Map<String, Object>>) paid.get("items")) {
            int qty = ((Number) item.get("qty")).intValue();
            long price = ((Number) item.get("priceFen")).longValue();
            lines.add(new OrderLine((String) item.get("sku"), (String) item.get("name"), qty, price, price * qty));
        }
        long amount = ((Number) paid.get("amountFen")).longValue();
        Random r = new Random(number.hashCode() * 0x9E3779B97F4A7C15L);
        Instant created = paidAt.minusSeconds(30 + r.nextInt(900));
        Duration age = Duration.between(paidAt, now);
        boolean store = channel.equals("store");
        OrderStatus status;
        Instant shipped = null;
        Instant completed = null;
        String carrier = null;
        String tracking = null;
        if (store) {
            status = OrderStatus.COMPLETED;
            completed = paidAt;
        } else if (age.toDays() < 2) {
            status = OrderStatus.PAID;
        } else {
            shipped = paidAt.plusSeconds(6 * 3_600 + r.nextInt(30 * 3_600));
            carrier = CARRIERS[r.nextInt(CARRIERS.length)];
            tracking = String.format("SF%012d", Math.floorMod(number.hashCode() * 7_919L, 1_000_000_000_000L));
            if (age.toDays() < 6) {
                status = OrderStatus.SHIPPED;
            } else {
                status = OrderStatus.COMPLETED;
                completed = shipped.plusSeconds(2 * 86_400 + r.nextInt(3 * 86_400));
            }
        }
        long refunded = 0;
        int roll = r.nextInt(100);
        if (status == OrderStatus.COMPLETED && roll < 3) {
            status = OrderStatus.REFUNDED;
            refunded = amount;
        } else if (status == OrderStatus.COMPLETED && roll < 5 && lines.size() > 1) {
            refunded = lines.getLast().amountFen(); // one line returned
        }
        return new ExternalOrder(channel, number, customerId, status, lines, amount, refunded, created, paidAt,
                shipped, completed, carrier, tracking);
    }
}
