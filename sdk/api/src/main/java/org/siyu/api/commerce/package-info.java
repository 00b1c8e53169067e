/**
 * Commerce: catalogue, inventory and orders, as a service other plugins use without depending on the commerce
 * plugin (live rooms pin products, distribution earns commissions on orders, membership discounts them).
 *
 * <p>{@link org.siyu.api.commerce.CommerceService} is provided by the commerce plugin when it is installed; a plugin
 * that sells takes it as an optional, dynamic reference and switches its selling features off while it is absent.
 * Amounts are integers in fen (1 yuan = 100 fen). Writes join the transaction open on the calling thread
 * ({@link org.siyu.api.persistence.PersistenceUnit}), so an order and what another bundle does about it commit or
 * roll back together.
 *
 * <p>Two extension points are implemented by other bundles and called by commerce:
 * {@link org.siyu.api.commerce.PaymentGateway} (how an order is paid and refunded) and
 * {@link org.siyu.api.commerce.OrderAdjuster} (discounts: coupons, member prices).
 *
 * <p><b>Events</b> published by commerce, each with the customer as subject and the order's time as event time
 * (for an imported order, the time the marketplace reports). Event ids are derived from the order
 * ({@code commerce:order:<id>:paid}), so a subscriber can deduplicate by event id:
 * <table>
 *   <caption>order events</caption>
 *   <tr><th>type</th><th>data</th></tr>
 *   <tr><td>{@code order.created}</td><td>{@code {"orderId","channel","totalFen","payableFen","lines":[{"skuCode","title","quantity","amountFen"}]}}</td></tr>
 *   <tr><td>{@code order.paid}</td><td>{@code {"orderId","channel","amountFen","totalFen","gateway","lines":[…]}} — {@code amountFen} is what was paid</td></tr>
 *   <tr><td>{@code order.shipped}</td><td>{@code {"orderId","carrier","trackingNo"}}</td></tr>
 *   <tr><td>{@code order.completed}</td><td>{@code {"orderId"}}</td></tr>
 *   <tr><td>{@code order.cancelled}</td><td>{@code {"orderId","reason"}}</td></tr>
 *   <tr><td>{@code order.refunded}</td><td>{@code {"orderId","refundId","amountFen","refundedFen","full"}} — {@code amountFen} is this refund, {@code refundedFen} the order's total so far</td></tr>
 *   <tr><td>{@code product.registered}</td><td>{@code {"code","productId","skuCode","batchId","channel"}} — a one-item-one-code unit bound to the customer</td></tr>
 * </table>
 */
@Export
@Version("1.0.0")
package org.siyu.api.commerce;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
