package org.siyu.commerce.internal.orders;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.siyu.api.commerce.OrderStatus;
import org.siyu.commerce.internal.store.Db;

/**
 * Pages of orders, newest first, for the orders list and {@code GET /api/v1/orders}. Conditions on the order's own
 * columns are SQL. A set of customers (a segment, a data scope) of up to {@value #IN_LIMIT} ids is an {@code IN}
 * list; a larger one is applied while scanning the matching (id, customer) pairs in order, so a segment of a million
 * customers costs one pass over the orders the other conditions select, not a million-element statement.
 */
public final class OrderQuery {

    static final int IN_LIMIT = 1000;
    private static final String ORDER = " ORDER BY created_at DESC, id DESC";

    private OrderQuery() {
    }

    /** A page and how many orders match in all. */
    public record Page(long total, List<OrderRow> rows) {
    }

    public static Page page(Connection c, OrderFilter filter, int offset, int limit) throws SQLException {
        int from = Math.max(0, offset);
        int size = Math.max(1, limit);
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        if (filter.customers() != null && filter.customers().length == 0) {
            return new Page(0, List.of());
        }
        if (filter.customers() == null || filter.customers().length <= IN_LIMIT) {
            if (filter.customers() != null) {
                where += (where.isEmpty() ? " WHERE " : " AND ") + "customer_id IN (" + Arrays.stream(filter.customers())
                        .mapToObj(String::valueOf).collect(Collectors.joining(",")) + ")";
            }
            long total = Db.count(c, "SELECT COUNT(*) FROM cm_order" + where, args.toArray());
            List<OrderRow> rows = OrderStore.rows(c, where + ORDER + " OFFSET " + from + " ROWS FETCH NEXT " + size
                    + " ROWS ONLY", args.toArray());
            return new Page(total, rows);
        }
        int[] customers = filter.customers();
        List<Long> page = new ArrayList<>();
        long[] total = {0};
        Db.query(c, "SELECT id, customer_id FROM cm_order" + where + ORDER, rs -> {
            if (Arrays.binarySearch(customers, rs.getInt(2)) >= 0) {
                if (total[0] >= from && page.size() < size) {
                    page.add(rs.getLong(1));
                }
                total[0]++;
            }
            return null;
        }, args.toArray());
        if (page.isEmpty()) {
            return new Page(total[0], List.of());
        }
        String ids = page.stream().map(String::valueOf).collect(Collectors.joining(","));
        return new Page(total[0], OrderStore.rows(c, "WHERE id IN (" + ids + ")" + ORDER));
    }

    private static String where(OrderFilter f, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (!f.statuses().isEmpty()) {
            conditions.add("status IN (" + f.statuses().stream().map(s -> "?").collect(Collectors.joining(",")) + ")");
            f.statuses().stream().map(OrderStatus::name).sorted().forEach(args::add);
        }
        if (f.channel() != null) {
            conditions.add("channel = ?");
            args.add(f.channel());
        }
        if (f.from() != null) {
            conditions.add("created_at >= ?");
            args.add(f.from());
        }
        if (f.to() != null) {
            conditions.add("created_at < ?");
            args.add(f.to());
        }
        if (f.customerId() != null) {
            conditions.add("customer_id = ?");
            args.add(f.customerId());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }
}
