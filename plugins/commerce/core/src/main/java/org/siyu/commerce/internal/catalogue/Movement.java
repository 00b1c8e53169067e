package org.siyu.commerce.internal.catalogue;

import java.time.Instant;

/**
 * One line of a SKU's inventory ledger.
 *
 * @param kind          what moved the stock
 * @param onHandDelta   change of units on hand
 * @param reservedDelta change of units reserved by unpaid orders
 * @param onHandAfter   units on hand after it
 * @param reservedAfter units reserved after it
 * @param reason        the reason an operator gave, or what the system did
 * @param orderId       the order behind it, or {@code null}
 */
public record Movement(long id, String skuCode, Kind kind, int onHandDelta, int reservedDelta, int onHandAfter,
        int reservedAfter, String reason, Long orderId, String actor, Instant at) {

    /** Why the stock moved. */
    public enum Kind {
        /** The stock a SKU was created with. */
        INITIAL,
        /** An operator's correction (stocktake, damage, a delivery), with a reason. */
        ADJUST,
        /** An order was created: units held for it. */
        RESERVE,
        /** An unpaid order was cancelled: its units are free again. */
        RELEASE,
        /** An order was paid: its units left the stock. */
        SELL,
        /** Goods came back (a return, the returned half of an exchange). */
        RETURN,
        /** The replacement of an exchange was sent. */
        EXCHANGE
    }
}
