package org.siyu.commerce.imports.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.siyu.api.commerce.OrderLine;
import org.siyu.api.commerce.OrderStatus;
import org.siyu.support.csv.CsvFile;
import org.siyu.support.csv.CsvFileException;
import org.siyu.support.csv.Row;
import org.siyu.commerce.imports.internal.source.ColumnMapping;
import org.siyu.commerce.imports.internal.source.Field;
import org.siyu.commerce.imports.internal.source.SourceConfig;

/**
 * Turns a report's rows into orders. Rows with the same order number are one order (several items, or Douyin's
 * sub-orders), wherever they are in the file: a first pass ({@link #scan}) finds the last row of each order number,
 * so the second ({@link #accept}) can hand over an order as soon as its last row is read and hold only the orders
 * still open. An order is all or nothing: one bad row rejects the whole order, with each error naming its row and
 * column.
 */
final class OrderReader {

    private static final int MAX_TEXT = 200;

    /**
     * What one order (or a row without a usable order number) came to: the order, or its errors.
     *
     * @param orderNo the order number, {@code null} for a row that has none
     * @param rows    the rows it spans
     */
    record Outcome(ImportOrder order, String orderNo, List<RowError> errors, int rows) {

        boolean ok() {
            return order != null;
        }
    }

    /** The first pass over a file. */
    record Scan(int rows, Map<String, Integer> lastRows) {

        int orders() {
            return lastRows.size();
        }
    }

    private final SourceConfig config;
    private final ColumnMapping mapping;
    private final Map<String, List<Parsed>> open = new HashMap<>();
    private Map<String, Integer> lastRows = Map.of();

    OrderReader(SourceConfig config, ColumnMapping mapping) {
        this.config = config;
        this.mapping = mapping;
    }

    /**
     * Counts the non-blank rows and finds each order number's last row.
     *
     * @throws CsvFileException when the file breaks (a quote never closed), naming the row
     */
    Scan scan(CsvFile file) throws CsvFileException {
        Map<String, Integer> last = new HashMap<>();
        int rows = 0;
        int column = mapping.column(Field.ORDER_NO);
        try (CsvFile.RowReader reader = file.rows()) {
            Row row;
            while ((row = reader.next()) != null) {
                rows++;
                String no = Values.clean(row.cell(column));
                if (!Values.none(no) && valid(no)) {
                    last.put(no, row.number());
                }
            }
        }
        this.lastRows = last;
        return new Scan(rows, last);
    }

    private static boolean valid(String orderNo) {
        try {
            Values.orderNo(orderNo);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Reads one row: the outcomes it completes (its order when this is the order's last row, or its own errors). */
    List<Outcome> accept(Row row) {
        Parsed parsed = parse(row);
        if (parsed.orderNo == null) {
            return List.of(new Outcome(null, null, parsed.errors, 1));
        }
        List<Parsed> rows = open.computeIfAbsent(parsed.orderNo, k -> new ArrayList<>());
        rows.add(parsed);
        Integer last = lastRows.get(parsed.orderNo);
        if (last != null && last > row.number()) {
            return List.of();
        }
        open.remove(parsed.orderNo);
        return List.of(assemble(rows));
    }

    /** The orders still open at the end (none when {@link #scan} read the same file). */
    List<Outcome> finish() {
        List<Outcome> out = new ArrayList<>();
        open.values().forEach(rows -> out.add(assemble(rows)));
        open.clear();
        return out;
    }

    /** One row's cells, read. */
    private static final class Parsed {
        int row;
        String orderNo;
        String buyer;
        Values.Phone phone;
        String receiver;
        OrderStatus status;
        Long payable;
        Long refund;
        Instant createdAt;
        Instant paidAt;
        Instant shippedAt;
        Instant completedAt;
        String title;
        int quantity = 1;
        String skuCode;
        Long unitPrice;
        Long lineAmount;
        String carrier;
        String trackingNo;
        final List<RowError> errors = new ArrayList<>();
    }

    private String cell(Row row, Field field) {
        int c = mapping.column(field);
        return c < 0 ? "" : Values.clean(row.cell(c));
    }

    private void error(Parsed p, Field field, String value, String detail) {
        String shown = field == Field.PHONE ? Mask.phone(value) : value;
        p.errors.add(new RowError(p.row, mapping.header(field), shown, detail));
    }

    private Parsed parse(Row row) {
        Parsed p = new Parsed();
        p.row = row.number();
        if (row.cells().length > mapping.headers().size()) {
            for (int i = mapping.headers().size(); i < row.cells().length; i++) {
                if (!row.cells()[i].isBlank()) {
                    p.errors.add(new RowError(p.row, "", row.cells()[i], "a value beyond the header's "
                            + mapping.headers().size() + " columns: a delimiter inside a value must be in double "
                            + "quotes"));
                    break;
                }
            }
        }
        for (String cell : row.cells()) {
            if (cell.indexOf('\uFFFD') >= 0) {
                p.errors.add(new RowError(p.row, "", cell, "the row has characters that could not be decoded: choose "
                        + "the encoding the file was saved in (GB18030 for Chinese Excel)"));
                break;
            }
        }
        String no = cell(row, Field.ORDER_NO);
        if (Values.none(no)) {
            error(p, Field.ORDER_NO, no, "no order number");
        } else {
            try {
                p.orderNo = Values.orderNo(no);
            } catch (IllegalArgumentException e) {
                error(p, Field.ORDER_NO, no, e.getMessage());
            }
        }
        String buyer = cell(row, Field.BUYER);
        if (!Values.none(buyer)) {
            p.buyer = text(p, Field.BUYER, buyer);
        }
        String phone = cell(row, Field.PHONE);
        try {
            p.phone = Values.phone(phone);
        } catch (IllegalArgumentException e) {
            error(p, Field.PHONE, phone, e.getMessage());
        }
        String receiver = cell(row, Field.RECEIVER);
        if (!Values.none(receiver)) {
            p.receiver = text(p, Field.RECEIVER, receiver);
        }
        String status = cell(row, Field.STATUS);
        if (Values.none(status)) {
            error(p, Field.STATUS, status, "no order status");
        } else {
            p.status = config.status(status);
            if (p.status == null) {
                error(p, Field.STATUS, status, "unknown " + config.source().id() + " order status '" + status
                        + "': known are " + String.join(", ", config.statuses().keySet())
                        + "; add it to the source's statuses");
            }
        }
        p.payable = money(p, row, Field.PAYABLE);
        p.refund = money(p, row, Field.REFUND);
        p.unitPrice = money(p, row, Field.UNIT_PRICE);
        p.lineAmount = money(p, row, Field.LINE_AMOUNT);
        p.createdAt = time(p, row, Field.CREATED_AT);
        if (p.createdAt == null && p.errors.stream().noneMatch(e -> e.column().equals(mapping.header(Field.CREATED_AT)))) {
            error(p, Field.CREATED_AT, "", "no order time: the time the order was placed is required");
        }
        p.paidAt = time(p, row, Field.PAID_AT);
        p.shippedAt = time(p, row, Field.SHIPPED_AT);
        p.completedAt = time(p, row, Field.COMPLETED_AT);
        String title = cell(row, Field.TITLE);
        if (Values.none(title)) {
            error(p, Field.TITLE, title, "no item title");
        } else {
            p.title = text(p, Field.TITLE, title);
        }
        String quantity = cell(row, Field.QUANTITY);
        try {
            p.quantity = Values.quantity(quantity);
        } catch (IllegalArgumentException e) {
            error(p, Field.QUANTITY, quantity, e.getMessage());
        }
        String sku = cell(row, Field.SKU_CODE);
        if (!Values.none(sku)) {
            p.skuCode = text(p, Field.SKU_CODE, sku);
        }
        String carrier = cell(row, Field.CARRIER);
        if (!Values.none(carrier)) {
            p.carrier = text(p, Field.CARRIER, carrier);
        }
        String tracking = cell(row, Field.TRACKING_NO);
        if (!Values.none(tracking)) {
            p.trackingNo = text(p, Field.TRACKING_NO, tracking);
        }
        return p; // with errors, the order number stays: the order's other rows are rejected with it
    }

    private String text(Parsed p, Field field, String value) {
        if (value.length() > MAX_TEXT) {
            error(p, field, value, "the value is " + value.length() + " characters long; at most " + MAX_TEXT
                    + " are allowed");
            return null;
        }
        return value;
    }

    private Long money(Parsed p, Row row, Field field) {
        String v = cell(row, field);
        try {
            return Values.fen(v);
        } catch (IllegalArgumentException e) {
            error(p, field, v, e.getMessage());
            return null;
        }
    }

    private Instant time(Parsed p, Row row, Field field) {
        String v = cell(row, field);
        try {
            return Values.time(v);
        } catch (IllegalArgumentException e) {
            error(p, field, v, e.getMessage());
            return null;
        }
    }

    private Outcome assemble(List<Parsed> rows) {
        List<RowError> errors = new ArrayList<>();
        rows.forEach(r -> errors.addAll(r.errors));
        Parsed first = rows.get(0);
        if (!errors.isEmpty()) {
            if (rows.size() > 1) {
                errors.add(new RowError(first.row, mapping.header(Field.ORDER_NO), first.orderNo, "the order's "
                        + rows.size() + " rows are rejected together: an order is imported whole or not at all"));
            }
            return new Outcome(null, first.orderNo, errors, rows.size());
        }
        String buyer = null;
        Values.Phone phone = null;
        String receiver = null;
        Long payable = null;
        Long refund = null;
        Instant createdAt = null;
        Instant paidAt = null;
        Instant shippedAt = null;
        Instant completedAt = null;
        String carrier = null;
        String tracking = null;
        Set<OrderStatus> statuses = new LinkedHashSet<>();
        for (Parsed r : rows) {
            buyer = buyer != null ? buyer : r.buyer;
            phone = phone != null && phone.e164() != null ? phone : r.phone != null ? r.phone : phone;
            receiver = receiver != null ? receiver : r.receiver;
            createdAt = createdAt != null ? createdAt : r.createdAt;
            paidAt = paidAt != null ? paidAt : r.paidAt;
            shippedAt = shippedAt != null ? shippedAt : r.shippedAt;
            completedAt = completedAt != null ? completedAt : r.completedAt;
            carrier = carrier != null ? carrier : r.carrier;
            tracking = tracking != null ? tracking : r.trackingNo;
            statuses.add(r.status);
            if (config.amountsPerLine()) {
                payable = sum(payable, r.payable);
                refund = sum(refund, r.refund);
            } else {
                payable = payable != null ? payable : r.payable;
                refund = refund != null ? refund : r.refund;
            }
        }
        List<String> identities = new ArrayList<>(2);
        if (buyer != null) {
            identities.add(config.source().id() + ":" + buyer);
        }
        boolean phoneMasked = phone != null && phone.e164() == null;
        if (phone != null && phone.e164() != null) {
            identities.add("phone:" + phone.e164());
        }
        if (identities.isEmpty()) {
            String why = phoneMasked ? "the phone is masked or a landline, which identifies nobody" : "it has no phone";
            errors.add(new RowError(first.row, mapping.header(Field.BUYER) != null ? mapping.header(Field.BUYER)
                    : mapping.header(Field.PHONE), "", "no buyer identity: the order has no buyer account and " + why
                    + "; the buyer cannot be matched to a customer"));
            return new Outcome(null, first.orderNo, errors, rows.size());
        }
        List<OrderLine> lines = new ArrayList<>(rows.size());
        long linesTotal = 0;
        for (Parsed r : rows) {
            long amount;
            long unit;
            if (r.lineAmount != null) {
                amount = r.lineAmount;
                unit = r.unitPrice != null ? r.unitPrice : amount / r.quantity;
            } else if (r.unitPrice != null) {
                unit = r.unitPrice;
                amount = unit * r.quantity;
            } else if (rows.size() == 1 && payable != null) {
                amount = payable; // one item: what was paid is what it cost
                unit = amount / r.quantity;
            } else if (config.amountsPerLine() && r.payable != null) {
                amount = r.payable;
                unit = amount / r.quantity;
            } else {
                amount = 0;
                unit = 0;
            }
            linesTotal += amount;
            lines.add(new OrderLine(r.skuCode, r.title, r.quantity, unit, amount));
        }
        long payableFen = payable != null ? payable : linesTotal;
        OrderStatus status = status(statuses);
        if (status == OrderStatus.CANCELLED && paidAt != null) {
            // 交易关闭 after payment is a refunded order on Tmall: it was paid, then closed by a full refund
            status = OrderStatus.REFUNDED;
        }
        long refundedFen = refund == null ? 0 : refund;
        if (status == OrderStatus.REFUNDED && refundedFen == 0) {
            refundedFen = payableFen;
        }
        if (refundedFen > payableFen) {
            errors.add(new RowError(first.row, mapping.header(Field.REFUND), fenText(refundedFen), "the refund ("
                    + fenText(refundedFen) + ") is more than the amount paid (" + fenText(payableFen) + ")"));
            return new Outcome(null, first.orderNo, errors, rows.size());
        }
        if (status != OrderStatus.CREATED && status != OrderStatus.CANCELLED && paidAt == null) {
            paidAt = createdAt; // the report says it was paid but not when: the order time is the best we know
        }
        if (status == OrderStatus.CREATED || status == OrderStatus.CANCELLED) {
            paidAt = null;
            refundedFen = 0;
        }
        Map<String, String> traits = new LinkedHashMap<>();
        if (receiver != null) {
            traits.put("name", receiver);
        }
        ImportOrder order = new ImportOrder(config.source().id(), first.orderNo, first.row, rows.size(), identities,
                traits, status, lines, payableFen, refundedFen, createdAt, paidAt, shippedAt, completedAt, carrier,
                tracking, phoneMasked);
        return new Outcome(order, first.orderNo, List.of(), rows.size());
    }

    /**
     * The status of an order whose rows may differ (Douyin reports each sub-order's): the first that is not
     * refunded or cancelled (a partly refunded order keeps its status), else refunded if any row is.
     */
    private static OrderStatus status(Set<OrderStatus> statuses) {
        if (statuses.size() == 1) {
            return statuses.iterator().next();
        }
        for (OrderStatus s : statuses) {
            if (s != OrderStatus.REFUNDED && s != OrderStatus.CANCELLED) {
                return s;
            }
        }
        return statuses.contains(OrderStatus.REFUNDED) ? OrderStatus.REFUNDED : OrderStatus.CANCELLED;
    }

    private static Long sum(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Long.valueOf(a + b);
    }

    static String fenText(long fen) {
        return String.format("%d.%02d", fen / 100, fen % 100);
    }
}
