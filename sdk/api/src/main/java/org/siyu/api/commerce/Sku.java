package org.siyu.api.commerce;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A stock-keeping unit: one sellable variant of a product.
 *
 * @param id         the SKU's id
 * @param productId  its product
 * @param code       unique across the catalogue, such as {@code CAT-FD-1500}
 * @param name       the variant's name, such as {@code 1.5kg 鸡肉味}
 * @param priceFen   its price in fen
 * @param attributes name → value, such as {@code 规格 → 1.5kg}, in display order
 * @param stock      units on hand (including those reserved by unpaid orders)
 */
public record Sku(long id, long productId, String code, String name, long priceFen, Map<String, String> attributes, int stock) {

    public Sku {
        Objects.requireNonNull(code, "code");
        name = name == null ? code : name;
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
