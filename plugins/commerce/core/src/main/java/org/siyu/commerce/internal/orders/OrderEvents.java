package org.siyu.commerce.internal.orders;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.siyu.api.commerce.Order;
import org.siyu.api.commerce.OrderLine;
import org.siyu.api.events.Event;
import org.siyu.commerce.internal.Json;

/**
 * The order events as the SDK's {@code org.siyu.api.commerce} package documents them: the customer as subject, the
 * order's own time as event time, ids derived from the order so that a subscriber deduplicates by id and a repeated
 * publish is a no-op on the bus.
 */
public final class OrderEvents {

    /** The events' source. */
    public static final String SOURCE = "commerce";

    private OrderEvents() {
    }

    /** {@code commerce:order:<id>:<state>}. */
    public static String id(long orderId, String state) {
        return "commerce:order:" + orderId + ":" + state;
    }

    public static Event created(Order o) {
        Map<String, Object> data = head(o);
        data.put("totalFen", o.totalFen());
        data.put("payableFen", o.payableFen());
        data.put("lines", lines(o.lines()));
        return event(o, "created", "order.created", o.createdAt(), data);
    }

    public static Event paid(Order o, String gateway, Instant at) {
        Map<String, Object> data = head(o);
        data.put("amountFen", o.paidFen());
        data.put("totalFen", o.totalFen());
        data.put("gateway", gateway);
        data.put("lines", lines(o.lines()));
        return event(o, "paid", "order.paid", at, data);
    }

    public static Event shipped(Order o, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", o.id());
        data.put("carrier", o.carrier());
        data.put("trackingNo", o.trackingNo());
        return event(o, "shipped", "order.shipped", at, data);
    }

    public static Event completed(Order o, Instant at) {
        return event(o, "completed", "order.completed", at, new LinkedHashMap<>(Map.of("orderId", o.id())));
    }

    public static Event cancelled(Order o, String reason, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", o.id());
        data.put("reason", reason == null ? "" : reason);
        return event(o, "cancelled", "order.cancelled", at, data);
    }

    /** {@code commerce:order:<id>:refunded:<refundId>}: an order can be refunded in several parts. */
    public static Event refunded(Order o, long refundId, long amountFen, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", o.id());
        data.put("refundId", refundId);
        data.put("amountFen", amountFen);
        data.put("refundedFen", o.refundedFen());
        data.put("full", o.paidFen() > 0 && o.refundedFen() >= o.paidFen());
        return new Event(0, id(o.id(), "refunded:" + refundId), "order.refunded", SOURCE, o.customerId(), at,
                Json.write(data));
    }

    private static Map<String, Object> head(Order o) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", o.id());
        data.put("channel", o.channel());
        return data;
    }

    private static List<Map<String, Object>> lines(List<OrderLine> lines) {
        return lines.stream().map(l -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("skuCode", l.skuCode());
            line.put("title", l.title());
            line.put("quantity", l.quantity());
            line.put("amountFen", l.amountFen());
            return line;
        }).toList();
    }

    private static Event event(Order o, String state, String type, Instant at, Map<String, Object> data) {
        return new Event(0, id(o.id(), state), type, SOURCE, o.customerId(), at, Json.write(data));
    }
}
