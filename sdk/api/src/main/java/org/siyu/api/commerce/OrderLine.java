package org.siyu.api.commerce;

import java.util.Objects;

/**
 * One line of an order.
 *
 * @param skuCode      the SKU, or {@code null} for an imported line whose item is not in the catalogue
 * @param title        what was bought, as shown to the customer
 * @param quantity     units, ≥ 1
 * @param unitPriceFen price of one unit
 * @param amountFen    the line's amount before order-level discounts ({@code quantity × unitPriceFen} unless the
 *                     source said otherwise)
 */
public record OrderLine(String skuCode, String title, int quantity, long unitPriceFen, long amountFen) {

    public OrderLine {
        Objects.requireNonNull(title, "title");
    }
}
