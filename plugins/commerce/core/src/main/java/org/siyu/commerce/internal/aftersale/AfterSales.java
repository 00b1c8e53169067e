package org.siyu.commerce.internal.aftersale;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.commerce.Order;
import org.siyu.api.commerce.OrderLine;
import org.siyu.api.commerce.OrderStatus;
import org.siyu.api.commerce.Refund;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.commerce.internal.CommerceEntities;
import org.siyu.commerce.internal.Errors;
import org.siyu.commerce.internal.Money;
import org.siyu.commerce.internal.catalogue.CatalogueStore;
import org.siyu.commerce.internal.catalogue.InventoryStore;
import org.siyu.commerce.internal.catalogue.Movement;
import org.siyu.commerce.internal.orders.OrderRow;
import org.siyu.commerce.internal.orders.OrderStore;
import org.siyu.commerce.internal.orders.Orders;
import org.siyu.commerce.internal.store.Db;

/**
 * After-sales (售后): return, exchange and refund-only requests on paid orders, with a small state machine
 * (requested → approved or rejected; approved → completed). Completing does the work in one transaction: a return
 * puts the units back on hand and refunds through {@link Orders#refund} (so the gateway, the cumulative limit and
 * {@code order.refunded} apply); an exchange takes the returned units back and the replacement out; a refund-only
 * refunds. Each step is a line on the order's timeline.
 */
@Component(service = AfterSales.class)
public class AfterSales {

    private final PersistenceUnit unit;
    private final Orders orders;
    private final Clock clock;

    @Activate
    public AfterSales(@Reference(target = CommerceEntities.TARGET) PersistenceUnit unit, @Reference Orders orders) {
        this(unit, orders, Clock.systemUTC());
    }

    public AfterSales(PersistenceUnit unit, Orders orders, Clock clock) {
        this.unit = unit;
        this.orders = orders;
        this.clock = clock;
    }

    /**
     * Opens a request.
     *
     * @param skuCode        RETURN, EXCHANGE: the SKU sent back
     * @param quantity       RETURN, EXCHANGE: units sent back
     * @param replacementSku EXCHANGE: what to send instead, default the same SKU
     * @param amountFen      RETURN: default the returned units' price, capped at what is refundable;
     *                       REFUND_ONLY: required
     */
    public AfterSale request(long orderId, AfterSale.Kind kind, String reason, String skuCode, Integer quantity,
            String replacementSku, Long amountFen, String actor) {
        if (kind == null) {
            throw Errors.invalid("kind", "is required: RETURN, EXCHANGE or REFUND_ONLY");
        }
        String why = Errors.text(reason, "reason", 500);
        Instant now = clock.instant();
        return Db.inTransaction(unit, (c, s) -> {
            OrderRow row = OrderStore.row(c, orderId, true)
                    .orElseThrow(() -> Errors.notFound("orderId", "there is no order " + orderId));
            Order o = row.order();
            if (o.status() != OrderStatus.PAID && o.status() != OrderStatus.SHIPPED
                    && o.status() != OrderStatus.COMPLETED) {
                throw Errors.conflict("status", "order " + orderId + " is " + o.status()
                        + ": after-sales needs a paid order that is not refunded in full");
            }
            String sku = null;
            int units = 0;
            String replacement = null;
            long amount = 0;
            if (kind != AfterSale.Kind.REFUND_ONLY) {
                if (o.status() == OrderStatus.PAID) {
                    throw Errors.conflict("status", "order " + orderId + " has not shipped: nothing can come back;"
                            + " refund it (a full refund puts the goods back on hand)");
                }
                sku = Errors.text(skuCode, "skuCode", 64);
                OrderLine line = line(o, sku);
                units = quantity == null ? line.quantity() : quantity;
                long open = Db.count(c, "SELECT COALESCE(SUM(quantity), 0) FROM cm_after_sale WHERE order_id = ?"
                        + " AND sku_code = ? AND status <> 'REJECTED'", orderId, sku);
                if (units < 1 || units > line.quantity() - open) {
                    throw Errors.invalid("quantity", "must be between 1 and " + (line.quantity() - open) + " (bought "
                            + line.quantity() + ", " + open + " in other requests), was " + units);
                }
                if (kind == AfterSale.Kind.RETURN) {
                    amount = amountFen != null ? amountFen : Math.min(o.refundableFen(), line.unitPriceFen() * units);
                } else {
                    replacement = replacementSku == null || replacementSku.isBlank() ? sku : replacementSku.strip();
                    String r = replacement;
                    CatalogueStore.skuRow(c, r).orElseThrow(() -> Errors.invalid("replacementSku", "there is no SKU " + r));
                }
            } else {
                if (amountFen == null) {
                    throw Errors.invalid("amountFen", "is required for a refund-only request");
                }
                amount = amountFen;
            }
            if (kind != AfterSale.Kind.EXCHANGE && (amount <= 0 || amount > o.refundableFen())) {
                throw Errors.invalid("amountFen", "must be between 1 and " + o.refundableFen()
                        + " fen (what is still refundable), was " + amount);
            }
            long id = Db.insert(c, "INSERT INTO cm_after_sale (order_id, kind, status, reason, sku_code, quantity,"
                    + " replacement_sku, amount_fen, created_by, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", orderId, kind, AfterSale.Status.REQUESTED, why, sku,
                    units, replacement, amount, actor, now, now);
            OrderStore.history(c, orderId, "after-sale", o.status(), o.status(), "#" + id + " " + kind + " requested: "
                    + why, actor, now);
            return load(c, id);
        });
    }

    public AfterSale approve(long id, String note, String actor) {
        return decide(id, AfterSale.Status.APPROVED, note, actor);
    }

    public AfterSale reject(long id, String note, String actor) {
        return decide(id, AfterSale.Status.REJECTED, note, actor);
    }

    /** Does what an approved request asks and marks it completed. */
    public AfterSale complete(long id, String note, String actor) {
        String said = Errors.optionalText(note, "note", 500);
        return Db.inTransaction(unit, (c, s) -> {
            AfterSale a = load(c, id);
            move(c, a, AfterSale.Status.APPROVED, AfterSale.Status.COMPLETED, said);
            Instant now = clock.instant();
            Long refundId = null;
            if (a.kind() != AfterSale.Kind.REFUND_ONLY) {
                long skuId = skuId(c, a.skuCode());
                InventoryStore.move(c, skuId, a.quantity(), Movement.Kind.RETURN, "after-sale #" + id + " "
                        + a.kind(), a.orderId(), actor, now);
            }
            if (a.kind() == AfterSale.Kind.EXCHANGE) {
                if (!InventoryStore.move(c, skuId(c, a.replacementSku()), -a.quantity(), Movement.Kind.EXCHANGE,
                        "after-sale #" + id + " replacement", a.orderId(), actor, now)) {
                    throw Errors.outOfStock("replacementSku", "not enough " + a.replacementSku() + " free to send "
                            + a.quantity());
                }
            } else {
                Refund refund = orders.refund(a.orderId(), a.amountFen(), "after-sale #" + id + " " + a.kind(), actor);
                refundId = refund.id();
                Db.update(c, "UPDATE cm_after_sale SET refund_id = ? WHERE id = ?", refundId, id);
            }
            OrderStatus status = OrderStore.row(c, a.orderId(), false).orElseThrow().order().status();
            OrderStore.history(c, a.orderId(), "after-sale", status, status, "#" + id + " " + a.kind() + " completed"
                    + (refundId == null ? "" : ": " + Money.yuan(a.amountFen()) + " refunded")
                    + (said.isEmpty() ? "" : " · " + said), actor, now);
            return load(c, id);
        });
    }

    public List<AfterSale> ofOrder(long orderId) {
        return Db.inTransaction(unit, (c, s) -> Db.query(c, "SELECT * FROM cm_after_sale WHERE order_id = ? ORDER BY id",
                AfterSales::row, orderId));
    }

    private AfterSale decide(long id, AfterSale.Status to, String note, String actor) {
        String said = Errors.optionalText(note, "note", 500);
        if (to == AfterSale.Status.REJECTED && said.isEmpty()) {
            throw Errors.invalid("note", "say why the request is rejected");
        }
        return Db.inTransaction(unit, (c, s) -> {
            AfterSale a = load(c, id);
            move(c, a, AfterSale.Status.REQUESTED, to, said);
            OrderStatus status = OrderStore.row(c, a.orderId(), false).orElseThrow().order().status();
            OrderStore.history(c, a.orderId(), "after-sale", status, status, "#" + id + " " + a.kind() + " "
                    + to.name().toLowerCase() + (said.isEmpty() ? "" : ": " + said), actor, clock.instant());
            return load(c, id);
        });
    }

    private void move(Connection c, AfterSale a, AfterSale.Status from, AfterSale.Status to, String note)
            throws SQLException {
        int n = Db.update(c, "UPDATE cm_after_sale SET status = ?, note = ?, updated_at = ? WHERE id = ? AND status = ?",
                to, note, clock.instant(), a.id(), from);
        if (n == 0) {
            throw Errors.conflict("status", "after-sale #" + a.id() + " is " + a.status() + ": only a " + from
                    + " request can become " + to);
        }
    }

    private static OrderLine line(Order o, String sku) {
        return o.lines().stream().filter(l -> sku.equals(l.skuCode())).findFirst()
                .orElseThrow(() -> Errors.invalid("skuCode", "order " + o.id() + " has no line of " + sku));
    }

    private static long skuId(Connection c, String code) throws SQLException {
        return CatalogueStore.skuRow(c, code).orElseThrow(() -> Errors.conflict("skuCode", "SKU " + code
                + " is no longer in the catalogue")).sku().id();
    }

    private static AfterSale load(Connection c, long id) throws SQLException {
        return Db.one(c, "SELECT * FROM cm_after_sale WHERE id = ?", AfterSales::row, id)
                .orElseThrow(() -> Errors.notFound("afterSaleId", "there is no after-sale request " + id));
    }

    private static AfterSale row(java.sql.ResultSet rs) throws SQLException {
        return new AfterSale(rs.getLong("id"), rs.getLong("order_id"), AfterSale.Kind.valueOf(rs.getString("kind")),
                AfterSale.Status.valueOf(rs.getString("status")), rs.getString("reason"), rs.getString("sku_code"),
                rs.getInt("quantity"), rs.getString("replacement_sku"), rs.getLong("amount_fen"),
                Db.nullableLong(rs, "refund_id"), rs.getString("note"), rs.getString("created_by"),
                Db.instant(rs, "created_at"), Db.instant(rs, "updated_at"));
    }
}
