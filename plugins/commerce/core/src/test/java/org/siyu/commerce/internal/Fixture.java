package org.siyu.commerce.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.siyu.api.commerce.Order;
import org.siyu.api.commerce.OrderRequest;
import org.siyu.api.commerce.Product;
import org.siyu.commerce.internal.catalogue.Catalogue;
import org.siyu.commerce.internal.catalogue.ProductInput;
import org.siyu.commerce.internal.orders.Orders;
import org.siyu.commerce.internal.payment.ManualGateway;
import org.siyu.commerce.internal.payment.SandboxGateway;
import org.siyu.testkit.TestPersistenceUnit;

/**
 * The commerce bundle wired as DS would wire it, over the real migrations (H2 in memory, or PostgreSQL with
 * {@code -Dsiyu.test.postgres}), with a transactional bus, OneID customers 1–9 (owned by guide g1 or g2) and two
 * coupon adjusters.
 */
public final class Fixture implements AutoCloseable {

    public static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");

    public final TestPersistenceUnit unit = TestPersistenceUnit.of(new CommerceEntities());
    public final TxEventBus bus = new TxEventBus(unit);
    public final FakeIdentity identity = new FakeIdentity();
    public final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    public final Catalogue catalogue = new Catalogue(unit, clock, null);
    public final SandboxGateway sandbox = new SandboxGateway(unit, clock, "99");
    public final CouponAdjuster membership = new CouponAdjuster("membership");
    public final CouponAdjuster partner = new CouponAdjuster("partner");
    public final Orders orders = new Orders(unit, catalogue, bus, clock).withIdentity(identity)
            .withAdjusters(List.of(membership, partner)).withGateways(List.of(new ManualGateway(), sandbox));

    public Fixture() {
        for (int id = 1; id <= 9; id++) {
            identity.add(id, id <= 5 ? "g1" : "g2");
        }
    }

    /** Empties every table, children first. */
    public void reset() throws Exception {
        unit.deleteAll("cm_after_sale", "cm_order_history", "cm_refund", "cm_order_adjustment", "cm_order_line",
                "cm_order", "cm_stock_movement", "cm_sku", "cm_product", "cm_sandbox_charge");
        bus.clear();
    }

    /** A product with one SKU of this code, price and stock. */
    public Product product(String name, String code, long priceFen, int stock) {
        return catalogue.create(new ProductInput(name, "", List.of(), true,
                List.of(new ProductInput.SkuInput(code, null, priceFen, stock, Map.of()))), "tester");
    }

    public Order order(int customerId, String code, int quantity, String... coupons) {
        return orders.createOrder(new OrderRequest(customerId, "mini", List.of(new OrderRequest.Line(code, quantity)),
                List.of(coupons), "tester"));
    }

    @Override
    public void close() {
        unit.close();
    }
}
