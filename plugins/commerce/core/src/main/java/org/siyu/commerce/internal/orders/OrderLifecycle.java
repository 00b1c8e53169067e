package org.siyu.commerce.internal.orders;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.siyu.api.commerce.Adjustment;
import org.siyu.api.commerce.CommerceException;
import org.siyu.api.commerce.Order;
import org.siyu.api.commerce.OrderAdjuster;
import org.siyu.api.commerce.OrderLine;
import org.siyu.api.commerce.OrderStatus;
import org.siyu.api.commerce.PaymentGateway;
import org.siyu.api.commerce.Refund;
import org.siyu.commerce.internal.Errors;
import org.siyu.commerce.internal.Money;
import org.siyu.commerce.internal.catalogue.CatalogueStore;
import org.siyu.commerce.internal.catalogue.InventoryStore;
import org.siyu.commerce.internal.catalogue.Movement;
import org.siyu.commerce.internal.store.Db;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pay, ship, complete, cancel and refund. Each step locks the order's row ({@code SELECT … FOR UPDATE}) before it
 * looks at the status, so two concurrent payments of one order charge once: the second waits, then sees
 * {@code PAID} and is refused with {@code CONFLICT}.
 */
final class OrderLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(OrderLifecycle.class);

    private final Orders orders;

    OrderLifecycle(Orders orders) {
        this.orders = orders;
    }

    Order pay(long orderId, String gatewayId, String actor) {
        String id = Errors.text(gatewayId, "gateway", 64);
        return Db.inTransaction(orders.unit(), (c, s) -> {
            OrderRow row = locked(c, orderId);
            Order o = row.order();
            if (o.status() != OrderStatus.CREATED) {
                throw Errors.conflict("status", "order " + orderId + " is " + o.status()
                        + (o.paidAt() != null ? " (paid " + o.paidAt() + ")" : "") + ": only a CREATED order can be paid");
            }
            PaymentGateway gateway = orders.gateway(id).orElseThrow(() -> Errors.invalid("gateway",
                    "no payment gateway '" + id + "' is running; running: "
                            + orders.gateways().stream().map(PaymentGateway::id).toList()));
            PaymentGateway.Result result = charge(gateway, orderId, o.payableFen());
            Instant now = orders.clock().instant();
            Db.update(c, "UPDATE cm_order SET status = ?, paid_fen = ?, paid_at = ?, gateway = ?, transaction_id = ?"
                    + " WHERE id = ?", OrderStatus.PAID, o.payableFen(), now, gateway.id(), result.transactionId(),
                    orderId);
            for (OrderLine line : skuLines(o)) {
                long skuId = skuId(c, line.skuCode());
                if (!InventoryStore.sell(c, skuId, line.quantity(), orderId, actor, now)) {
                    throw new IllegalStateException("order " + orderId + " had no reservation of " + line.quantity()
                            + " × " + line.skuCode() + " to sell");
                }
            }
            OrderStore.history(c, orderId, "paid", OrderStatus.CREATED, OrderStatus.PAID, gateway.id() + " "
                    + Money.yuan(o.payableFen()) + (result.transactionId() == null ? "" : " · " + result.transactionId()),
                    actor, now);
            Order paid = reread(c, orderId);
            orders.bus().publish(OrderEvents.paid(paid, gateway.id(), now));
            return paid;
        });
    }

    Order ship(long orderId, String carrier, String trackingNo, String actor) {
        String by = Errors.text(carrier, "carrier", 64);
        String tracking = Errors.text(trackingNo, "trackingNo", 100);
        return Db.inTransaction(orders.unit(), (c, s) -> {
            Order o = locked(c, orderId).order();
            if (o.status() != OrderStatus.PAID) {
                throw Errors.conflict("status", "order " + orderId + " is " + o.status() + ": only a PAID order ships");
            }
            Instant now = orders.clock().instant();
            Db.update(c, "UPDATE cm_order SET status = ?, carrier = ?, tracking_no = ?, shipped_at = ? WHERE id = ?",
                    OrderStatus.SHIPPED, by, tracking, now, orderId);
            OrderStore.history(c, orderId, "shipped", o.status(), OrderStatus.SHIPPED, by + " " + tracking, actor, now);
            Order shipped = reread(c, orderId);
            orders.bus().publish(OrderEvents.shipped(shipped, now));
            return shipped;
        });
    }

    Order complete(long orderId, String actor) {
        return Db.inTransaction(orders.unit(), (c, s) -> {
            Order o = locked(c, orderId).order();
            if (o.status() != OrderStatus.SHIPPED && o.status() != OrderStatus.PAID) {
                throw Errors.conflict("status", "order " + orderId + " is " + o.status()
                        + ": only a SHIPPED (or PAID, for pick-up) order completes");
            }
            Instant now = orders.clock().instant();
            Db.update(c, "UPDATE cm_order SET status = ?, completed_at = ? WHERE id = ?", OrderStatus.COMPLETED, now,
                    orderId);
            OrderStore.history(c, orderId, "completed", o.status(), OrderStatus.COMPLETED, "", actor, now);
            Order done = reread(c, orderId);
            orders.bus().publish(OrderEvents.completed(done, now));
            return done;
        });
    }

    Order cancel(long orderId, String reason, String actor) {
        String why = Errors.optionalText(reason, "reason", 500);
        return Db.inTransaction(orders.unit(), (c, s) -> {
            Order o = locked(c, orderId).order();
            if (o.status() != OrderStatus.CREATED) {
                throw Errors.conflict("status", "order " + orderId + " is " + o.status() + ": only an unpaid order"
                        + " can be cancelled" + (o.paidFen() > 0 ? "; refund it instead" : ""));
            }
            Instant now = orders.clock().instant();
            Db.update(c, "UPDATE cm_order SET status = ?, cancelled_at = ?, cancel_reason = ? WHERE id = ?",
                    OrderStatus.CANCELLED, now, why, orderId);
            for (OrderLine line : skuLines(o)) {
                if (!InventoryStore.release(c, skuId(c, line.skuCode()), line.quantity(), orderId, actor, now)) {
                    throw new IllegalStateException("order " + orderId + " had no reservation of " + line.quantity()
                            + " × " + line.skuCode() + " to release");
                }
            }
            String missing = release(o);
            OrderStore.history(c, orderId, "cancelled", OrderStatus.CREATED, OrderStatus.CANCELLED,
                    why + missing, actor, now);
            Order cancelled = reread(c, orderId);
            orders.bus().publish(OrderEvents.cancelled(cancelled, why, now));
            return cancelled;
        });
    }

    Refund refund(long orderId, Long amountFen, String reason, String actor) {
        if (amountFen != null && amountFen <= 0) {
            throw Errors.invalid("amountFen", "must be > 0, was " + amountFen + " (omit it to refund what remains)");
        }
        String why = Errors.optionalText(reason, "reason", 500);
        return Db.inTransaction(orders.unit(), (c, s) -> {
            OrderRow row = locked(c, orderId);
            Order o = row.order();
            if (o.status() == OrderStatus.CREATED || o.status() == OrderStatus.CANCELLED || o.paidFen() == 0) {
                throw Errors.conflict("status", "order " + orderId + " is " + o.status() + " and was never paid:"
                        + " nothing to refund" + (o.status() == OrderStatus.CREATED ? "; cancel it instead" : ""));
            }
            long refundable = o.refundableFen();
            if (refundable == 0) {
                throw Errors.conflict("status", "order " + orderId + " is refunded in full already ("
                        + Money.yuan(o.refundedFen()) + ")");
            }
            long amount = amountFen == null ? refundable : amountFen;
            if (amount > refundable) {
                throw Errors.invalid("amountFen", "at most " + refundable + " fen (" + Money.yuan(refundable)
                        + ") can still be refunded on order " + orderId + ", asked " + amount);
            }
            if (o.gateway() == null) {
                throw Errors.conflict("gateway", "order " + orderId + " was recorded from " + o.channel()
                        + " and not paid here: refund it there; the refund arrives with its next report");
            }
            PaymentGateway gateway = orders.gateway(o.gateway()).orElseThrow(() -> Errors.conflict("gateway",
                    "the gateway '" + o.gateway() + "' that took the payment is not running"));
            PaymentGateway.Result result = refundThrough(gateway, orderId, row.transactionId(), amount);
            Instant now = orders.clock().instant();
            long refunded = o.refundedFen() + amount;
            boolean full = refunded >= o.paidFen();
            OrderStatus status = full ? OrderStatus.REFUNDED : o.status();
            Db.update(c, "UPDATE cm_order SET refunded_fen = ?, status = ? WHERE id = ?", refunded, status, orderId);
            long refundId = Db.insert(c, "INSERT INTO cm_refund (order_id, amount_fen, reason, full_refund,"
                    + " transaction_id, actor, refunded_at) VALUES (?, ?, ?, ?, ?, ?, ?)", orderId, amount, why, full,
                    result.transactionId(), actor, now);
            if (full && o.status() == OrderStatus.PAID) {
                // Refunded in full before it shipped: the goods never left, so they are on hand again.
                for (OrderLine line : skuLines(o)) {
                    InventoryStore.move(c, skuId(c, line.skuCode()), line.quantity(), Movement.Kind.RETURN,
                            "order " + orderId + " refunded before shipping", orderId, actor, now);
                }
            }
            OrderStore.history(c, orderId, "refunded", o.status(), status, Money.yuan(amount)
                    + (why.isEmpty() ? "" : " · " + why), actor, now);
            Order after = reread(c, orderId);
            orders.bus().publish(OrderEvents.refunded(after, refundId, amount, now));
            return new Refund(refundId, orderId, amount, why, full, now);
        });
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private static OrderRow locked(Connection c, long orderId) throws SQLException {
        return OrderStore.row(c, orderId, true)
                .orElseThrow(() -> Errors.notFound("orderId", "there is no order " + orderId));
    }

    private static Order reread(Connection c, long orderId) throws SQLException {
        return OrderStore.row(c, orderId, false).orElseThrow().order();
    }

    static List<OrderLine> skuLines(Order o) {
        return o.lines().stream().filter(l -> l.skuCode() != null).sorted(Comparator.comparing(OrderLine::skuCode))
                .toList();
    }

    static long skuId(Connection c, String code) throws SQLException {
        return CatalogueStore.skuRow(c, code).orElseThrow(
                () -> new IllegalStateException("SKU " + code + " of an order is gone from the catalogue")).sku().id();
    }

    private static PaymentGateway.Result charge(PaymentGateway gateway, long orderId, long amount) {
        PaymentGateway.Result result;
        try {
            result = gateway.charge(orderId, amount);
        } catch (CommerceException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("Gateway {} failed to charge order {}", gateway.id(), orderId, e);
            throw new CommerceException(CommerceException.Reason.PAYMENT_FAILED, "gateway",
                    gateway.id() + " failed: " + e.getMessage());
        }
        if (result == null || !result.ok()) {
            throw new CommerceException(CommerceException.Reason.PAYMENT_FAILED, "gateway", gateway.id()
                    + " declined: " + (result == null ? "no answer" : result.message()));
        }
        return result;
    }

    private static PaymentGateway.Result refundThrough(PaymentGateway gateway, long orderId, String transactionId,
            long amount) {
        PaymentGateway.Result result;
        try {
            result = gateway.refund(orderId, transactionId, amount);
        } catch (CommerceException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("Gateway {} failed to refund order {}", gateway.id(), orderId, e);
            throw new CommerceException(CommerceException.Reason.PAYMENT_FAILED, "gateway",
                    gateway.id() + " failed: " + e.getMessage());
        }
        if (result == null || !result.ok()) {
            throw new CommerceException(CommerceException.Reason.PAYMENT_FAILED, "gateway", gateway.id()
                    + " refused the refund: " + (result == null ? "no answer" : result.message()));
        }
        return result;
    }

    /**
     * Tells each adjuster that granted something on the order to give it back. An adjuster that is not running any more
     * cannot hear it: the cancel goes on, and the timeline says which were missed.
     */
    private String release(Order o) {
        Set<String> sources = new LinkedHashSet<>();
        for (Adjustment a : o.adjustments()) {
            sources.add(a.source());
        }
        StringBuilder missed = new StringBuilder();
        for (String source : sources) {
            OrderAdjuster adjuster = orders.adjusters().stream().filter(a -> a.id().equals(source)).findFirst()
                    .orElse(null);
            if (adjuster == null) {
                LOG.warn("Order {} cancelled while adjuster {} is not running: what it granted is not given back",
                        o.id(), source);
                missed.append(" · ").append(source).append(" not running: not given back");
            } else {
                adjuster.released(o.id());
            }
        }
        return missed.toString();
    }
}
