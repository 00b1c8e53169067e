package org.siyu.demo.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.siyu.api.commerce.CommerceException;
import org.siyu.api.commerce.CommerceService;
import org.siyu.api.commerce.ExternalOrder;
import org.siyu.api.commerce.NewProduct;
import org.siyu.api.commerce.Order;
import org.siyu.api.commerce.OrderRequest;
import org.siyu.api.commerce.Product;
import org.siyu.api.commerce.Refund;
import org.siyu.api.commerce.Sku;

/**
 * A catalogue and an order book in memory that keep the contract the seed relies on: SKU codes are unique and
 * {@link #record} is idempotent by channel and order number. The seed's other calls are not part of the demo.
 */
final class ShopFake implements CommerceService {

    final Map<String, Sku> skus = new LinkedHashMap<>();
    final List<Product> products = new ArrayList<>();
    final Map<String, ExternalOrder> orders = new LinkedHashMap<>();
    int recordCalls;

    @Override
    public Product createProduct(NewProduct p) {
        long id = products.size() + 1;
        List<Sku> made = new ArrayList<>();
        for (NewProduct.NewSku s : p.skus()) {
            if (skus.containsKey(s.code())) {
                throw new CommerceException(CommerceException.Reason.CONFLICT, "skus[0].code", s.code() + " exists");
            }
            Sku sku = new Sku(skus.size() + 1, id, s.code(), s.name(), s.priceFen(), s.attributes(), s.stock());
            skus.put(s.code(), sku);
            made.add(sku);
        }
        Product product = new Product(id, p.name(), p.description(), p.imageUrls(), true, made);
        products.add(product);
        return product;
    }

    @Override
    public Optional<Sku> sku(String code) {
        return Optional.ofNullable(skus.get(code));
    }

    @Override
    public Recorded record(ExternalOrder o) {
        recordCalls++;
        String key = o.channel() + "/" + o.externalId();
        boolean created = orders.putIfAbsent(key, o) == null;
        Order order = new Order(orders.size(), o.customerId(), o.channel(), o.externalId(), o.status(), o.lines(),
                List.of(), o.payableFen(), o.payableFen(), o.payableFen(), o.refundedFen(), null, o.carrier(),
                o.trackingNo(), o.createdAt(), o.paidAt());
        return new Recorded(order, created);
    }

    @Override
    public Optional<Product> product(long productId) {
        throw new UnsupportedOperationException("not used by the demo");
    }

    @Override
    public List<Product> findProducts(String text, int limit) {
        throw new UnsupportedOperationException("not used by the demo");
    }

    @Override
    public int available(String skuCode) {
        throw new UnsupportedOperationException("not used by the demo");
    }

    @Override
    public Order createOrder(OrderRequest request) {
        throw new UnsupportedOperationException("not used by the demo");
    }

    @Override
    public Order pay(long orderId, String gateway, String actor) {
        throw new UnsupportedOperationException("not used by the demo");
    }

    @Override
    public Order ship(long orderId, String carrier, String trackingNo, String actor) {
        throw new UnsupportedOperationException("not used by the demo");
    }

    @Override
    public Order complete(long orderId, String actor) {
        throw new UnsupportedOperationException("not used by the demo");
    }

    @Override
    public Order cancel(long orderId, String reason, String actor) {
        throw new UnsupportedOperationException("not used by the demo");
    }

    @Override
    public Refund refund(long orderId, Long amountFen, String reason, String actor) {
        throw new UnsupportedOperationException("not used by the demo");
    }

    @Override
    public Optional<Order> order(long orderId) {
        throw new UnsupportedOperationException("not used by the demo");
    }

    @Override
    public List<Order> orders(int customerId, int limit) {
        throw new UnsupportedOperationException("not used by the demo");
    }
}
