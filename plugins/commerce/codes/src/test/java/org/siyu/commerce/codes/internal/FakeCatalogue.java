package org.siyu.commerce.codes.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.siyu.api.commerce.CommerceService;
import org.siyu.api.commerce.Product;
import org.siyu.api.commerce.Sku;

/**
 * Commerce's catalogue as the SDK contract describes {@code product} and {@code sku} (commerce core is written in
 * parallel): products with their SKUs, SKU codes unique. Every other method (and any the SDK adds meanwhile) is
 * refused with {@link UnsupportedOperationException}: the codes bundle must not need them.
 */
final class FakeCatalogue {

    private final Map<Long, Product> products = new HashMap<>();

    FakeCatalogue add(long productId, String name, String... skuCodes) {
        List<Sku> skus = java.util.Arrays.stream(skuCodes)
                .map(code -> new Sku(productId * 100 + code.length(), productId, code, code, 9_900, Map.of(), 10))
                .toList();
        products.put(productId, new Product(productId, name, "", List.of(), true, skus));
        return this;
    }

    private Optional<Sku> sku(String code) {
        return products.values().stream().flatMap(p -> p.skus().stream()).filter(s -> s.code().equals(code))
                .findFirst();
    }

    CommerceService service() {
        return (CommerceService) Proxy.newProxyInstance(CommerceService.class.getClassLoader(),
                new Class<?>[] {CommerceService.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "product" -> Optional.ofNullable(products.get((Long) args[0]));
                    case "sku" -> sku((String) args[0]);
                    case "toString" -> "FakeCatalogue";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
