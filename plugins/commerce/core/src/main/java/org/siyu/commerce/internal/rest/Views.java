package org.siyu.commerce.internal.rest;

import java.util.List;
import java.util.Map;
import org.siyu.api.commerce.Adjustment;
import org.siyu.api.commerce.Order;
import org.siyu.api.commerce.OrderLine;
import org.siyu.api.commerce.Product;
import org.siyu.api.commerce.Refund;
import org.siyu.api.commerce.Sku;
import org.siyu.commerce.internal.aftersale.AfterSale;
import org.siyu.commerce.internal.orders.HistoryEntry;
import org.siyu.commerce.internal.orders.OrderRow;

/** The JSON shapes of the commerce API. Times are ISO-8601 instants; amounts fen. */
final class Views {

    private Views() {
    }

    record SkuView(long id, String code, String name, long priceFen, Map<String, String> attributes, int stock,
            int available) {
    }

    record ProductView(long id, String name, String description, List<String> imageUrls, boolean onSale,
            List<SkuView> skus) {
    }

    record LineView(String skuCode, String title, int quantity, long unitPriceFen, long amountFen) {

        static LineView of(OrderLine l) {
            return new LineView(l.skuCode(), l.title(), l.quantity(), l.unitPriceFen(), l.amountFen());
        }
    }

    record AdjustmentView(String source, String code, String label, long amountFen) {

        static AdjustmentView of(Adjustment a) {
            return new AdjustmentView(a.source(), a.code(), a.label(), a.amountFen());
        }
    }

    record RefundView(long id, long orderId, long amountFen, String reason, boolean full, String at) {

        static RefundView of(Refund r) {
            return new RefundView(r.id(), r.orderId(), r.amountFen(), r.reason(), r.full(), text(r.at()));
        }
    }

    record HistoryView(String action, String from, String to, String detail, String actor, String at) {

        static HistoryView of(HistoryEntry h) {
            return new HistoryView(h.action(), h.from() == null ? null : h.from().name(), h.to().name(), h.detail(),
                    h.actor(), text(h.at()));
        }
    }

    record AfterSaleView(long id, long orderId, String kind, String status, String reason, String skuCode, int quantity,
            String replacementSku, long amountFen, Long refundId, String note, String createdBy, String createdAt,
            String updatedAt) {

        static AfterSaleView of(AfterSale a) {
            return new AfterSaleView(a.id(), a.orderId(), a.kind().name(), a.status().name(), a.reason(), a.skuCode(),
                    a.quantity(), a.replacementSku(), a.amountFen(), a.refundId(), a.note(), a.createdBy(),
                    text(a.createdAt()), text(a.updatedAt()));
        }
    }

    /** An order as lists show it; the detail adds refunds, history and after-sales. */
    record OrderView(long id, int customerId, String channel, String externalId, String status, long totalFen,
            long payableFen, long paidFen, long refundedFen, long refundableFen, String gateway, String transactionId,
            String carrier, String trackingNo, String createdAt, String paidAt, String shippedAt, String completedAt,
            String cancelledAt, String cancelReason, List<LineView> lines, List<AdjustmentView> adjustments,
            List<RefundView> refunds, List<HistoryView> history, List<AfterSaleView> afterSales) {
    }

    static OrderView order(OrderRow row, List<Refund> refunds, List<HistoryEntry> history, List<AfterSale> afterSales) {
        Order o = row.order();
        return new OrderView(o.id(), o.customerId(), o.channel(), o.externalId(), o.status().name(), o.totalFen(),
                o.payableFen(), o.paidFen(), o.refundedFen(), o.refundableFen(), o.gateway(), row.transactionId(),
                o.carrier(), o.trackingNo(), text(o.createdAt()), text(o.paidAt()), text(row.shippedAt()),
                text(row.completedAt()), text(row.cancelledAt()), row.cancelReason(),
                o.lines().stream().map(LineView::of).toList(), o.adjustments().stream().map(AdjustmentView::of).toList(),
                refunds == null ? null : refunds.stream().map(RefundView::of).toList(),
                history == null ? null : history.stream().map(HistoryView::of).toList(),
                afterSales == null ? null : afterSales.stream().map(AfterSaleView::of).toList());
    }

    static ProductView product(Product p, java.util.function.ToIntFunction<String> available) {
        return new ProductView(p.id(), p.name(), p.description(), p.imageUrls(), p.onSale(), p.skus().stream()
                .map((Sku s) -> new SkuView(s.id(), s.code(), s.name(), s.priceFen(), s.attributes(), s.stock(),
                        available.applyAsInt(s.code())))
                .toList());
    }

    static String text(java.time.Instant at) {
        return at == null ? null : at.toString();
    }
}
