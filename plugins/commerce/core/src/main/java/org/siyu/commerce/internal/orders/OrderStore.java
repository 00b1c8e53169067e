package org.siyu.commerce.internal.orders;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.siyu.api.commerce.Adjustment;
import org.siyu.api.commerce.Order;
import org.siyu.api.commerce.OrderLine;
import org.siyu.api.commerce.OrderStatus;
import org.siyu.api.commerce.Refund;
import org.siyu.commerce.internal.store.Db;

/** Reads and writes order rows on the caller's connection. */
public final class OrderStore {

    private OrderStore() {
    }

    /** The order, its lines and adjustments; {@code forUpdate} locks its row until the transaction ends. */
    public static Optional<OrderRow> row(Connection c, long id, boolean forUpdate) throws SQLException {
        List<OrderRow> rows = rows(c, "WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""), id);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    /** Orders by a WHERE (and ORDER/FETCH) clause over {@code cm_order}, with their lines and adjustments. */
    public static List<OrderRow> rows(Connection c, String clause, Object... args) throws SQLException {
        List<Object[]> heads = Db.query(c, "SELECT * FROM cm_order " + clause, OrderStore::head, args);
        if (heads.isEmpty()) {
            return List.of();
        }
        String ids = heads.stream().map(h -> String.valueOf(h[0])).collect(Collectors.joining(","));
        Map<Long, List<OrderLine>> lines = new HashMap<>();
        Db.query(c, "SELECT * FROM cm_order_line WHERE order_id IN (" + ids + ") ORDER BY order_id, line_no", rs -> {
            lines.computeIfAbsent(rs.getLong("order_id"), k -> new ArrayList<>()).add(new OrderLine(
                    rs.getString("sku_code"), rs.getString("title"), rs.getInt("quantity"), rs.getLong("unit_price_fen"),
                    rs.getLong("amount_fen")));
            return null;
        });
        Map<Long, List<Adjustment>> adjustments = new HashMap<>();
        Db.query(c, "SELECT * FROM cm_order_adjustment WHERE order_id IN (" + ids + ") ORDER BY order_id, line_no",
                rs -> {
                    adjustments.computeIfAbsent(rs.getLong("order_id"), k -> new ArrayList<>()).add(new Adjustment(
                            rs.getString("source"), rs.getString("code"), rs.getString("label"), rs.getLong("amount_fen")));
                    return null;
                });
        List<OrderRow> rows = new ArrayList<>(heads.size());
        for (Object[] h : heads) {
            long id = (Long) h[0];
            Order order = new Order(id, (Integer) h[1], (String) h[2], (String) h[3], (OrderStatus) h[4],
                    lines.getOrDefault(id, List.of()), adjustments.getOrDefault(id, List.of()), (Long) h[5], (Long) h[6],
                    (Long) h[7], (Long) h[8], (String) h[9], (String) h[11], (String) h[12], (Instant) h[13],
                    (Instant) h[14]);
            rows.add(new OrderRow(order, (String) h[10], (Instant) h[15], (Instant) h[16], (Instant) h[17],
                    (String) h[18], (String) h[19]));
        }
        return rows;
    }

    private static Object[] head(ResultSet rs) throws SQLException {
        return new Object[] {rs.getLong("id"), rs.getInt("customer_id"), rs.getString("channel"),
                rs.getString("external_id"), OrderStatus.valueOf(rs.getString("status")), rs.getLong("total_fen"),
                rs.getLong("payable_fen"), rs.getLong("paid_fen"), rs.getLong("refunded_fen"), rs.getString("gateway"),
                rs.getString("transaction_id"), rs.getString("carrier"), rs.getString("tracking_no"),
                Db.instant(rs, "created_at"), Db.instant(rs, "paid_at"), Db.instant(rs, "shipped_at"),
                Db.instant(rs, "completed_at"), Db.instant(rs, "cancelled_at"), rs.getString("cancel_reason"),
                rs.getString("created_by")};
    }

    /** Inserts the order with its lines and adjustments; its id. */
    public static long insert(Connection c, int customerId, String channel, String externalId, OrderStatus status,
            List<OrderLine> lines, List<Adjustment> adjustments, long totalFen, long payableFen, Instant createdAt,
            String actor) throws SQLException {
        long id = Db.insert(c, "INSERT INTO cm_order (customer_id, channel, external_id, status, total_fen, payable_fen,"
                + " created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", customerId, channel, externalId, status,
                totalFen, payableFen, createdAt, actor);
        for (int i = 0; i < lines.size(); i++) {
            OrderLine l = lines.get(i);
            Db.update(c, "INSERT INTO cm_order_line (order_id, line_no, sku_code, title, quantity, unit_price_fen,"
                    + " amount_fen) VALUES (?, ?, ?, ?, ?, ?, ?)", id, i, l.skuCode(), l.title(), l.quantity(),
                    l.unitPriceFen(), l.amountFen());
        }
        for (int i = 0; i < adjustments.size(); i++) {
            Adjustment a = adjustments.get(i);
            Db.update(c, "INSERT INTO cm_order_adjustment (order_id, line_no, source, code, label, amount_fen)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", id, i, a.source(), a.code(), a.label(), a.amountFen());
        }
        return id;
    }

    public static void history(Connection c, long orderId, String action, OrderStatus from, OrderStatus to,
            String detail, String actor, Instant at) throws SQLException {
        Db.update(c, "INSERT INTO cm_order_history (order_id, action, from_status, to_status, detail, actor, changed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", orderId, action, from, to, detail == null ? "" : detail, actor, at);
    }

    public static List<HistoryEntry> history(Connection c, long orderId) throws SQLException {
        return Db.query(c, "SELECT * FROM cm_order_history WHERE order_id = ? ORDER BY id", rs -> {
            String from = rs.getString("from_status");
            return new HistoryEntry(rs.getLong("id"), orderId, rs.getString("action"),
                    from == null ? null : OrderStatus.valueOf(from), OrderStatus.valueOf(rs.getString("to_status")),
                    rs.getString("detail"), rs.getString("actor"), Db.instant(rs, "changed_at"));
        }, orderId);
    }

    public static List<Refund> refunds(Connection c, long orderId) throws SQLException {
        return Db.query(c, "SELECT * FROM cm_refund WHERE order_id = ? ORDER BY id", rs -> new Refund(rs.getLong("id"),
                orderId, rs.getLong("amount_fen"), rs.getString("reason"), rs.getBoolean("full_refund"),
                Db.instant(rs, "refunded_at")), orderId);
    }
}
