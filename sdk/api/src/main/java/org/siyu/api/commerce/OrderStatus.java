package org.siyu.api.commerce;

/** Where an order is in its life. A partly refunded order keeps its status; see {@link Order#refundedFen()}. */
public enum OrderStatus {
    /** Created, awaiting payment; its stock is reserved. */
    CREATED,
    /** Paid. */
    PAID,
    /** Handed to a carrier. */
    SHIPPED,
    /** Received; the end of a normal life. */
    COMPLETED,
    /** Cancelled before payment. */
    CANCELLED,
    /** Refunded in full. */
    REFUNDED
}
