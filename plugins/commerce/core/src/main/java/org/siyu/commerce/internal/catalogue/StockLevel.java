package org.siyu.commerce.internal.catalogue;

/**
 * A SKU's stock.
 *
 * @param onHand   units in the warehouse, reserved ones included
 * @param reserved units held by unpaid orders
 */
public record StockLevel(String skuCode, String skuName, long productId, String productName, int onHand, int reserved) {

    /** Units that can still be sold. */
    public int available() {
        return onHand - reserved;
    }
}
