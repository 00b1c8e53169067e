package org.siyu.commerce.internal.catalogue;

import java.util.List;
import java.util.Map;

/**
 * A product as the catalogue view and {@code POST /api/v1/products} give it. Absent fields are {@code null}: the
 * catalogue checks them and names the field it refuses.
 *
 * @param name        required, at most 200 characters
 * @param description optional
 * @param imageUrls   http(s) URLs in display order, at most 20
 * @param onSale      default true
 * @param skus        the SKUs to create with the product (may be empty)
 */
public record ProductInput(String name, String description, List<String> imageUrls, Boolean onSale, List<SkuInput> skus) {

    /**
     * A SKU to create or change.
     *
     * @param code       unique across the catalogue: letters, digits, {@code . _ -}, at most 64
     * @param name       default the code
     * @param priceFen   required, ≥ 0
     * @param stock      units on hand at creation, ≥ 0, default 0 (ignored when changing a SKU: adjust stock instead)
     * @param attributes name → value, in display order
     */
    public record SkuInput(String code, String name, Long priceFen, Integer stock, Map<String, String> attributes) {
    }
}
