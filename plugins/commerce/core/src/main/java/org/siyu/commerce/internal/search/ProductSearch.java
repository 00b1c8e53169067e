package org.siyu.commerce.internal.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.siyu.api.commerce.Product;
import org.siyu.api.commerce.Sku;
import org.siyu.api.search.SearchDocument;
import org.siyu.commerce.internal.Money;

/** A product as the host's search index holds it: the global search finds 猫粮 in its name, SKUs or attributes. */
public final class ProductSearch {

    /** The document type, also the product editor's record type. */
    public static final String TYPE = "commerce.product";

    private ProductSearch() {
    }

    public static SearchDocument document(Product product) {
        Map<String, String> text = new LinkedHashMap<>();
        if (!product.description().isBlank()) {
            text.put("description", product.description());
        }
        String skuText = product.skus().stream()
                .map(s -> s.name() + " " + String.join(" ", s.attributes().values()))
                .collect(Collectors.joining("\n"));
        if (!skuText.isBlank()) {
            text.put("skus", skuText);
        }
        List<String> keywords = new ArrayList<>();
        product.skus().forEach(s -> keywords.add(s.code()));
        return new SearchDocument(TYPE, String.valueOf(product.id()), product.name(), detail(product), text, keywords);
    }

    /** "3 SKUs · ¥59.00–¥89.00", or the price of a single SKU. */
    static String detail(Product product) {
        List<Sku> skus = product.skus();
        if (skus.isEmpty()) {
            return product.onSale() ? null : "—";
        }
        long min = skus.stream().mapToLong(Sku::priceFen).min().orElse(0);
        long max = skus.stream().mapToLong(Sku::priceFen).max().orElse(0);
        String price = min == max ? Money.yuan(min) : Money.yuan(min) + "–" + Money.yuan(max);
        return skus.size() == 1 ? skus.getFirst().code() + " · " + price : skus.size() + " SKUs · " + price;
    }
}
