package org.siyu.api.commerce;

import java.util.List;
import java.util.Objects;

/**
 * A product and its SKUs.
 *
 * @param id          the product's id
 * @param name        its name, such as {@code 冻干鸡肉猫粮 1.5kg}
 * @param description free text, may be empty
 * @param imageUrls   images by URL, in display order
 * @param onSale      whether it can be ordered
 * @param skus        its SKUs
 */
public record Product(long id, String name, String description, List<String> imageUrls, boolean onSale, List<Sku> skus) {

    public Product {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        imageUrls = imageUrls == null ? List.of() : List.copyOf(imageUrls);
        skus = skus == null ? List.of() : List.copyOf(skus);
    }
}
