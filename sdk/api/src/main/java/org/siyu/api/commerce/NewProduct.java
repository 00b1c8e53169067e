package org.siyu.api.commerce;

import java.util.List;
import java.util.Map;

/**
 * A product to create: see {@link CommerceService#createProduct}.
 *
 * @param name        its name
 * @param description free text, may be {@code null}
 * @param imageUrls   images by URL, may be empty
 * @param skus        at least one
 */
public record NewProduct(String name, String description, List<String> imageUrls, List<NewSku> skus) {

    public NewProduct {
        imageUrls = imageUrls == null ? List.of() : List.copyOf(imageUrls);
        skus = skus == null ? List.of() : List.copyOf(skus);
    }

    /**
     * One SKU of a new product.
     *
     * @param code       unique across the catalogue
     * @param name       the variant's name, may be {@code null} (then the code)
     * @param priceFen   ≥ 0
     * @param attributes name → value in display order, may be empty
     * @param stock      units on hand, ≥ 0
     */
    public record NewSku(String code, String name, long priceFen, Map<String, String> attributes, int stock) {

        public NewSku {
            attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
        }
    }
}
