package org.siyu.commerce.internal.aftersale;

import java.time.Instant;

/**
 * An after-sales request (售后) on a paid order.
 *
 * @param skuCode        the SKU sent back (RETURN, EXCHANGE), else {@code null}
 * @param quantity       units sent back (RETURN, EXCHANGE), else 0
 * @param replacementSku what is sent instead (EXCHANGE), else {@code null}
 * @param amountFen      money to give back (RETURN, REFUND_ONLY), else 0
 * @param refundId       the refund made when it completed, or {@code null}
 * @param note           the operator's last word (why approved or rejected)
 */
public record AfterSale(long id, long orderId, Kind kind, Status status, String reason, String skuCode, int quantity,
        String replacementSku, long amountFen, Long refundId, String note, String createdBy, Instant createdAt,
        Instant updatedAt) {

    /** What the customer asks for. */
    public enum Kind {
        /** 退货退款: goods back, money back. */
        RETURN,
        /** 换货: goods back, other goods out, no money. */
        EXCHANGE,
        /** 仅退款: money back, goods stay (damaged, lost). */
        REFUND_ONLY
    }

    /** requested → approved or rejected; approved → completed. */
    public enum Status {
        REQUESTED, APPROVED, REJECTED, COMPLETED
    }
}
