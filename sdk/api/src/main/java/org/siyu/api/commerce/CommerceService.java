package org.siyu.api.commerce;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Catalogue, inventory and orders. Provided by the commerce plugin; absent while it is not installed.
 *
 * <p>Every method that changes something joins the calling thread's transaction if one is open, else runs in its
 * own, and publishes its events in that transaction. Failures are {@link CommerceException}s whose
 * {@link CommerceException#reason() reason} tells a REST resource which 4xx to answer.
 */
@ProviderType
public interface CommerceService {

    // --- catalogue and inventory -------------------------------------------------------------------------------

    /** A product with its SKUs. */
    Optional<Product> product(long productId);

    /** A SKU by its code (codes are unique across the catalogue). */
    Optional<Sku> sku(String skuCode);

    /**
     * Products whose name or SKU codes contain {@code text} (all products for a blank text), by name.
     *
     * @param limit at most this many
     */
    List<Product> findProducts(String text, int limit);

    /**
     * Creates a product with its SKUs (the catalogue API other plugins and the demo use; the admin and REST do the
     * same). Each SKU starts with its {@link NewProduct.NewSku#stock() stock} on hand.
     *
     * @throws CommerceException {@code INVALID} naming the field (blank name, no SKU, price &lt; 0, stock &lt; 0),
     *                           {@code CONFLICT} naming {@code skus[i].code} for a SKU code that exists
     */
    Product createProduct(NewProduct product);

    /**
     * Units of a SKU that can still be sold (on hand less reserved by unpaid orders).
     *
     * @throws CommerceException {@code NOT_FOUND} if there is no such SKU
     */
    int available(String skuCode);

    // --- orders ------------------------------------------------------------------------------------------------

    /**
     * Creates an order: prices its lines from the catalogue, asks every {@link OrderAdjuster} for discounts (the
     * request's coupon codes must each be claimed by one), reserves stock and publishes {@code order.created}.
     * Stock is never oversold: concurrent orders for the last unit get it once.
     *
     * @throws CommerceException {@code INVALID} naming the field (unknown customer, SKU, channel, quantity, coupon),
     *                           {@code OUT_OF_STOCK} naming the SKU
     */
    Order createOrder(OrderRequest request);

    /**
     * Pays an order through a gateway and publishes {@code order.paid}.
     *
     * @param gateway a {@link PaymentGateway#id()}; {@code manual} is always there
     * @throws CommerceException {@code CONFLICT} if the order is not awaiting payment (paying twice),
     *                           {@code PAYMENT_FAILED} with the gateway's message, {@code NOT_FOUND}
     */
    Order pay(long orderId, String gateway, String actor);

    /**
     * Ships a paid order and publishes {@code order.shipped}.
     *
     * @throws CommerceException {@code INVALID} for a blank carrier or tracking number, {@code CONFLICT} if not paid
     */
    Order ship(long orderId, String carrier, String trackingNo, String actor);

    /** Completes a shipped (or paid, for store pick-up) order and publishes {@code order.completed}. */
    Order complete(long orderId, String actor);

    /**
     * Cancels an unpaid order: releases its stock, tells the adjusters to give back what they consumed, and
     * publishes {@code order.cancelled}.
     *
     * @throws CommerceException {@code CONFLICT} if the order is paid (refund it instead)
     */
    Order cancel(long orderId, String reason, String actor);

    /**
     * Refunds a paid order, wholly or in part, through the gateway it was paid with, and publishes
     * {@code order.refunded}. An order refunded in full becomes {@link OrderStatus#REFUNDED}.
     *
     * @param amountFen the amount, or {@code null} for what remains refundable
     * @throws CommerceException {@code INVALID} for an amount ≤ 0 or above what remains refundable,
     *                           {@code CONFLICT} if the order was never paid
     */
    Refund refund(long orderId, Long amountFen, String reason, String actor);

    /** An order by id. */
    Optional<Order> order(long orderId);

    /** A customer's orders, newest first. */
    List<Order> orders(int customerId, int limit);

    /**
     * Records an order that happened elsewhere (a marketplace report, a store's till, the demo), idempotent by
     * {@code (channel, externalId)}: recording it again changes nothing and answers the stored order. Publishes the
     * events of the states it has reached (created, paid, shipped, completed, refunded) with the order's own times.
     * Stock is not touched: the marketplace sold from its own.
     *
     * @throws CommerceException {@code INVALID} naming the field
     */
    Recorded record(ExternalOrder order);

    /**
     * The outcome of {@link #record}.
     *
     * @param order   the stored order
     * @param created whether this call stored it (false: it was recorded before)
     */
    record Recorded(Order order, boolean created) {
    }
}
