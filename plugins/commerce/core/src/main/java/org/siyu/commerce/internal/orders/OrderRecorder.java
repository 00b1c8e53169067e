package org.siyu.commerce.internal.orders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.siyu.api.commerce.Adjustment;
import org.siyu.api.commerce.CommerceService.Recorded;
import org.siyu.api.commerce.ExternalOrder;
import org.siyu.api.commerce.Order;
import org.siyu.api.commerce.OrderLine;
import org.siyu.api.commerce.OrderStatus;
import org.siyu.api.events.Event;
import org.siyu.commerce.internal.Errors;
import org.siyu.commerce.internal.store.Db;

/**
 * {@link org.siyu.api.commerce.CommerceService#record}: an order that happened elsewhere, stored once per
 * {@code (channel, externalId)} with the events of the states it reached, at the times the source reports. Stock is
 * not touched (the marketplace sold from its own) and no gateway is involved. Two concurrent first recordings of
 * the same order collide on the unique key: one fails and its caller's retry finds the stored order.
 */
final class OrderRecorder {

    private final Orders orders;

    OrderRecorder(Orders orders) {
        this.orders = orders;
    }

    Recorded record(ExternalOrder in) {
        if (in == null) {
            throw Errors.invalid(null, "the request needs an order");
        }
        String channel = Orders.channel(in.channel(), "channel");
        String externalId = Errors.text(in.externalId(), "externalId", 100);
        Optional<Order> known = find(channel, externalId);
        if (known.isPresent()) {
            return new Recorded(known.get(), false);
        }
        Checked x = check(in);
        orders.checkCustomer(in.customerId(), "customerId");
        return Db.inTransaction(orders.unit(), (c, s) -> {
            Optional<OrderRow> again = OrderStore.rows(c, "WHERE channel = ? AND external_id = ?", channel, externalId)
                    .stream().findFirst();
            if (again.isPresent()) {
                return new Recorded(again.get().order(), false);
            }
            long id = OrderStore.insert(c, in.customerId(), channel, externalId, x.status, x.lines, x.adjustments,
                    x.total, in.payableFen(), in.createdAt(), "record:" + channel);
            long paid = x.paidAt == null ? 0 : in.payableFen();
            Db.update(c, "UPDATE cm_order SET paid_fen = ?, refunded_fen = ?, paid_at = ?, shipped_at = ?,"
                    + " completed_at = ?, cancelled_at = ?, carrier = ?, tracking_no = ? WHERE id = ?", paid,
                    x.refunded, x.paidAt, x.shippedAt, x.completedAt,
                    x.status == OrderStatus.CANCELLED ? in.createdAt() : null, blankToNull(in.carrier()),
                    blankToNull(in.trackingNo()), id);
            Long refundId = null;
            if (x.refunded > 0) {
                refundId = Db.insert(c, "INSERT INTO cm_refund (order_id, amount_fen, reason, full_refund, actor,"
                        + " refunded_at) VALUES (?, ?, ?, ?, ?, ?)", id, x.refunded, "recorded from " + channel,
                        x.refunded >= in.payableFen(), "record:" + channel, x.refundedAt);
            }
            OrderStore.history(c, id, "recorded", null, x.status, channel + " " + externalId, "record:" + channel,
                    x.latest);
            Order order = OrderStore.row(c, id, false).orElseThrow().order();
            orders.bus().publishAll(events(order, x, refundId));
            return new Recorded(order, true);
        });
    }

    private Optional<Order> find(String channel, String externalId) {
        return Db.inTransaction(orders.unit(), (c, s) -> OrderStore.rows(c,
                "WHERE channel = ? AND external_id = ?", channel, externalId).stream().findFirst().map(OrderRow::order));
    }

    private static List<Event> events(Order order, Checked x, Long refundId) {
        List<Event> events = new ArrayList<>();
        events.add(OrderEvents.created(order));
        if (x.status == OrderStatus.CANCELLED) {
            events.add(OrderEvents.cancelled(order, "closed on " + order.channel(), order.createdAt()));
            return events;
        }
        if (x.paidAt != null) {
            events.add(OrderEvents.paid(order, order.channel(), x.paidAt));
        }
        if (x.shippedAt != null) {
            events.add(OrderEvents.shipped(order, x.shippedAt));
        }
        if (x.completedAt != null) {
            events.add(OrderEvents.completed(order, x.completedAt));
        }
        if (refundId != null) {
            events.add(OrderEvents.refunded(order, refundId, x.refunded, x.refundedAt));
        }
        return events;
    }

    /** What the checks derived: the totals, the times of each state (filled in where the source gave none). */
    private record Checked(OrderStatus status, List<OrderLine> lines, long total, List<Adjustment> adjustments, long refunded, Instant paidAt,
            Instant shippedAt, Instant completedAt, Instant refundedAt, Instant latest) {
    }

    private static Checked check(ExternalOrder in) {
        if (in.status() == null) {
            throw Errors.invalid("status", "is required: CREATED, PAID, SHIPPED, COMPLETED, CANCELLED or REFUNDED");
        }
        if (in.createdAt() == null) {
            throw Errors.invalid("createdAt", "is required");
        }
        if (in.lines().isEmpty()) {
            throw Errors.invalid("lines", "an order needs at least one line");
        }
        if (in.lines().size() > Orders.MAX_LINES) {
            throw Errors.invalid("lines", "at most " + Orders.MAX_LINES + " lines, were " + in.lines().size());
        }
        long total = 0;
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < in.lines().size(); i++) {
            OrderLine l = in.lines().get(i);
            String at = "lines[" + i + "]";
            if (l == null) {
                throw Errors.invalid(at, "is missing");
            }
            String title = Errors.text(l.title(), at + ".title", 300);
            String sku = l.skuCode() == null || l.skuCode().isBlank() ? null : Errors.text(l.skuCode(), at + ".skuCode", 64);
            if (l.quantity() < 1) {
                throw Errors.invalid(at + ".quantity", "must be ≥ 1, was " + l.quantity());
            }
            if (l.unitPriceFen() < 0 || l.amountFen() < 0) {
                throw Errors.invalid(at + ".amountFen", "amounts must be ≥ 0");
            }
            total = Math.addExact(total, l.amountFen());
            lines.add(new OrderLine(sku, title, l.quantity(), l.unitPriceFen(), l.amountFen()));
        }
        if (in.payableFen() < 0) {
            throw Errors.invalid("payableFen", "must be ≥ 0, was " + in.payableFen());
        }
        OrderStatus status = in.status();
        boolean paidState = status == OrderStatus.PAID || status == OrderStatus.SHIPPED
                || status == OrderStatus.COMPLETED || status == OrderStatus.REFUNDED;
        if (paidState && in.paidAt() == null) {
            throw Errors.invalid("paidAt", "is required for a " + status + " order");
        }
        if (!paidState && in.paidAt() != null) {
            throw Errors.invalid("status", "a paid order cannot be " + status
                    + (status == OrderStatus.CANCELLED ? "; give REFUNDED for one paid and refunded in full" : ""));
        }
        long refunded = in.refundedFen();
        if (refunded < 0 || refunded > in.payableFen()) {
            throw Errors.invalid("refundedFen", "must be between 0 and payableFen (" + in.payableFen() + "), was "
                    + refunded);
        }
        if (refunded > 0 && !paidState) {
            throw Errors.invalid("refundedFen", "an unpaid order has nothing to refund");
        }
        if (status == OrderStatus.REFUNDED && refunded == 0) {
            refunded = in.payableFen(); // the source said refunded in full without the amount
        }
        Instant paidAt = paidState ? in.paidAt() : null;
        boolean shippedState = status == OrderStatus.SHIPPED || status == OrderStatus.COMPLETED;
        Instant shippedAt = in.shippedAt() != null ? in.shippedAt() : shippedState ? paidAt : null;
        Instant completedAt = in.completedAt() != null ? in.completedAt()
                : status == OrderStatus.COMPLETED ? latest(paidAt, shippedAt) : null;
        if (!paidState) {
            shippedAt = null;
            completedAt = null;
        }
        Instant latest = latest(in.createdAt(), latest(paidAt, latest(shippedAt, completedAt)));
        List<Adjustment> adjustments = total > in.payableFen()
                ? List.of(new Adjustment(in.channel(), null, "平台优惠 marketplace discount", total - in.payableFen()))
                : List.of();
        return new Checked(status, lines, total, adjustments, refunded, paidAt, shippedAt, completedAt, latest, latest);
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
