package org.siyu.commerce.internal.catalogue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.siyu.commerce.internal.store.Db;

/**
 * Every change of stock, on the caller's connection and transaction. Each change is one conditional UPDATE whose
 * WHERE clause states what must hold (enough free units, enough reserved units); the database checks it under the
 * row's lock, so two transactions can never both take the last unit. PostgreSQL (READ COMMITTED) re-evaluates the
 * condition on the row a concurrent transaction committed; H2 waits for the lock and reads the committed row. A
 * change that does not hold changes no row and answers {@code false}; the caller refuses and its transaction rolls
 * back. Each change that happened is written to the ledger with the state after it.
 */
public final class InventoryStore {

    private InventoryStore() {
    }

    /** Holds {@code quantity} free units for an order; false if fewer are free. */
    public static boolean reserve(Connection c, long skuId, int quantity, long orderId, String actor, Instant now)
            throws SQLException {
        int n = Db.update(c, "UPDATE cm_sku SET reserved = reserved + ? WHERE id = ? AND on_hand - reserved >= ?",
                quantity, skuId, quantity);
        return n == 1 && log(c, skuId, Movement.Kind.RESERVE, 0, quantity, "order " + orderId, orderId, actor, now);
    }

    /** Frees units an unpaid order held. */
    public static boolean release(Connection c, long skuId, int quantity, long orderId, String actor, Instant now)
            throws SQLException {
        int n = Db.update(c, "UPDATE cm_sku SET reserved = reserved - ? WHERE id = ? AND reserved >= ?",
                quantity, skuId, quantity);
        return n == 1 && log(c, skuId, Movement.Kind.RELEASE, 0, -quantity, "order " + orderId + " cancelled",
                orderId, actor, now);
    }

    /** Units an order held leave the warehouse: it was paid. */
    public static boolean sell(Connection c, long skuId, int quantity, long orderId, String actor, Instant now)
            throws SQLException {
        int n = Db.update(c, "UPDATE cm_sku SET on_hand = on_hand - ?, reserved = reserved - ?"
                + " WHERE id = ? AND reserved >= ? AND on_hand >= ?", quantity, quantity, skuId, quantity, quantity);
        return n == 1 && log(c, skuId, Movement.Kind.SELL, -quantity, -quantity, "order " + orderId + " paid",
                orderId, actor, now);
    }

    /**
     * Changes the units on hand by {@code delta} (an adjustment, a return, an exchange's replacement); false if that
     * would leave fewer units on hand than are reserved.
     */
    public static boolean move(Connection c, long skuId, int delta, Movement.Kind kind, String reason, Long orderId,
            String actor, Instant now) throws SQLException {
        int n = Db.update(c, "UPDATE cm_sku SET on_hand = on_hand + ? WHERE id = ? AND on_hand + ? >= reserved",
                delta, skuId, delta);
        return n == 1 && log(c, skuId, kind, delta, 0, reason, orderId, actor, now);
    }

    /** The ledger entry of a SKU created with stock. */
    public static void initial(Connection c, long skuId, int stock, String actor, Instant now) throws SQLException {
        log(c, skuId, Movement.Kind.INITIAL, stock, 0, "", null, actor, now);
    }

    /** The newest movements of a SKU first. */
    public static List<Movement> movements(Connection c, String skuCode, int limit) throws SQLException {
        return Db.query(c, "SELECT m.*, s.code FROM cm_stock_movement m JOIN cm_sku s ON s.id = m.sku_id"
                + " WHERE s.code = ? ORDER BY m.id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
                rs -> new Movement(rs.getLong("id"), rs.getString("code"), Movement.Kind.valueOf(rs.getString("kind")),
                        rs.getInt("on_hand_delta"), rs.getInt("reserved_delta"), rs.getInt("on_hand_after"),
                        rs.getInt("reserved_after"), rs.getString("reason"), Db.nullableLong(rs, "order_id"),
                        rs.getString("actor"), Db.instant(rs, "moved_at")), skuCode);
    }

    private static boolean log(Connection c, long skuId, Movement.Kind kind, int onHandDelta, int reservedDelta,
            String reason, Long orderId, String actor, Instant now) throws SQLException {
        // Read under the row lock the UPDATE took: the state after this change, not after a concurrent one.
        int[] after = Db.one(c, "SELECT on_hand, reserved FROM cm_sku WHERE id = ?",
                rs -> new int[] {rs.getInt(1), rs.getInt(2)}, skuId).orElseThrow();
        Db.update(c, "INSERT INTO cm_stock_movement (sku_id, kind, on_hand_delta, reserved_delta, on_hand_after,"
                + " reserved_after, reason, order_id, actor, moved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                skuId, kind, onHandDelta, reservedDelta, after[0], after[1], reason, orderId, actor, now);
        return true;
    }
}
