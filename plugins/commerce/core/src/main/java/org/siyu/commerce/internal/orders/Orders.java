package org.siyu.commerce.internal.orders;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.siyu.api.commerce.CommerceService;
import org.siyu.api.commerce.ExternalOrder;
import org.siyu.api.commerce.Order;
import org.siyu.api.commerce.NewProduct;
import org.siyu.api.commerce.OrderAdjuster;
import org.siyu.api.commerce.OrderDraft;
import org.siyu.api.commerce.OrderLine;
import org.siyu.api.commerce.OrderRequest;
import org.siyu.api.commerce.OrderStatus;
import org.siyu.api.commerce.PaymentGateway;
import org.siyu.api.commerce.Product;
import org.siyu.api.commerce.Refund;
import org.siyu.api.commerce.Sku;
import org.siyu.api.events.EventBus;
import org.siyu.api.identity.Customer;
import org.siyu.api.identity.IdentityService;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.commerce.internal.CommerceEntities;
import org.siyu.commerce.internal.Errors;
import org.siyu.commerce.internal.catalogue.Catalogue;
import org.siyu.commerce.internal.catalogue.CatalogueStore;
import org.siyu.commerce.internal.catalogue.InventoryStore;
import org.siyu.commerce.internal.payment.ManualGateway;
import org.siyu.commerce.internal.store.Db;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK's {@link CommerceService}: orders created here (priced from the catalogue, discounted by the
 * {@link OrderAdjuster}s, stock reserved without oversell), their life ({@link OrderLifecycle}) and orders recorded
 * from elsewhere ({@link OrderRecorder}). Every write runs in one transaction (the caller's if one is open) and
 * publishes its event on the bus in it, so the order and its event commit or roll back together.
 *
 * <p>The event bus is required: an order without its event would be invisible to membership, tagging and the
 * timeline. OneID, the adjusters and the gateways of other bundles are optional and followed live: without OneID the
 * customer id is taken as given; without adjusters any coupon code is refused; {@code manual} is always there.
 */
@Component(service = {CommerceService.class, Orders.class})
public class Orders implements CommerceService {

    static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    private static final Logger LOG = LoggerFactory.getLogger(Orders.class);

    static final int MAX_LINES = 200;
    static final int MAX_QUANTITY = 10_000;

    private final PersistenceUnit unit;
    private final Catalogue catalogue;
    private final EventBus bus;
    private final Clock clock;
    private final ManualGateway manual = new ManualGateway();
    private final OrderLifecycle lifecycle = new OrderLifecycle(this);
    private final OrderRecorder recorder = new OrderRecorder(this);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile IdentityService identity;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, fieldOption = FieldOption.REPLACE)
    private volatile List<OrderAdjuster> adjusters = List.of();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, fieldOption = FieldOption.REPLACE)
    private volatile List<PaymentGateway> gateways = List.of();

    @Activate
    public Orders(@Reference(target = CommerceEntities.TARGET) PersistenceUnit unit, @Reference Catalogue catalogue,
            @Reference EventBus bus) {
        this(unit, catalogue, bus, Clock.systemUTC());
    }

    /** For tests: a clock; the optional services are set with the {@code with…} methods. */
    public Orders(PersistenceUnit unit, Catalogue catalogue, EventBus bus, Clock clock) {
        this.unit = unit;
        this.catalogue = catalogue;
        this.bus = bus;
        this.clock = clock;
    }

    /** For tests. */
    public Orders withIdentity(IdentityService service) {
        this.identity = service;
        return this;
    }

    /** For tests. */
    public Orders withAdjusters(List<OrderAdjuster> list) {
        this.adjusters = List.copyOf(list);
        return this;
    }

    /** For tests. */
    public Orders withGateways(List<PaymentGateway> list) {
        this.gateways = List.copyOf(list);
        return this;
    }

    PersistenceUnit unit() {
        return unit;
    }

    EventBus bus() {
        return bus;
    }

    Clock clock() {
        return clock;
    }

    List<OrderAdjuster> adjusters() {
        return adjusters;
    }

    /** The running gateway with this id; {@code manual} always. */
    public Optional<PaymentGateway> gateway(String id) {
        for (PaymentGateway g : gateways) {
            if (g.id().equals(id)) {
                return Optional.of(g);
            }
        }
        return ManualGateway.ID.equals(id) ? Optional.of(manual) : Optional.empty();
    }

    /** The running gateways by id, {@code manual} first. */
    public List<PaymentGateway> gateways() {
        List<PaymentGateway> list = new ArrayList<>(gateways);
        if (list.stream().noneMatch(g -> g.id().equals(ManualGateway.ID))) {
            list.add(manual);
        }
        list.sort(Comparator.comparing((PaymentGateway g) -> !g.id().equals(ManualGateway.ID))
                .thenComparing(PaymentGateway::id));
        return list;
    }

    // --- catalogue -------------------------------------------------------------------------------------------------

    @Override
    public Optional<Product> product(long productId) {
        return catalogue.product(productId);
    }

    @Override
    public Optional<Sku> sku(String skuCode) {
        return catalogue.sku(skuCode);
    }

    @Override
    public List<Product> findProducts(String text, int limit) {
        return catalogue.find(text, 0, limit);
    }

    @Override
    public Product createProduct(NewProduct product) {
        return catalogue.create(product, "plugin");
    }

    @Override
    public int available(String skuCode) {
        return catalogue.available(skuCode);
    }

    // --- orders ----------------------------------------------------------------------------------------------------

    @Override
    public Order createOrder(OrderRequest request) {
        if (request == null) {
            throw Errors.invalid(null, "the request needs an order");
        }
        checkCustomer(request.customerId(), "customerId");
        String channel = channel(request.channel(), "channel");
        if (request.lines().isEmpty()) {
            throw Errors.invalid("lines", "an order needs at least one line");
        }
        if (request.lines().size() > MAX_LINES) {
            throw Errors.invalid("lines", "at most " + MAX_LINES + " lines, were " + request.lines().size());
        }
        List<String> codes = couponCodes(request.couponCodes());
        String actor = actor(request.actor());
        Instant now = clock.instant();
        return Db.inTransaction(unit, (c, s) -> {
            List<Priced> priced = price(c, request.lines());
            long total = 0;
            for (Priced p : priced) {
                total = Math.addExact(total, p.line().amountFen());
            }
            OrderDraft draft = new OrderDraft(request.customerId(), channel, priced.stream().map(Priced::line).toList(),
                    total, codes);
            Pricing pricing = Pricing.quote(adjusters, draft);
            long payable = total - pricing.discountFen();
            long id = OrderStore.insert(c, request.customerId(), channel, null, OrderStatus.CREATED, draft.lines(),
                    pricing.adjustments(), total, payable, now, actor);
            reserve(c, priced, id, actor, now);
            OrderStore.history(c, id, "created", null, OrderStatus.CREATED, "", actor, now);
            pricing.applied(id, draft);
            Order order = OrderStore.row(c, id, false).orElseThrow().order();
            bus.publish(OrderEvents.created(order));
            return order;
        });
    }

    @Override
    public Order pay(long orderId, String gateway, String actor) {
        return lifecycle.pay(orderId, gateway, actor(actor));
    }

    @Override
    public Order ship(long orderId, String carrier, String trackingNo, String actor) {
        return lifecycle.ship(orderId, carrier, trackingNo, actor(actor));
    }

    @Override
    public Order complete(long orderId, String actor) {
        return lifecycle.complete(orderId, actor(actor));
    }

    @Override
    public Order cancel(long orderId, String reason, String actor) {
        return lifecycle.cancel(orderId, reason, actor(actor));
    }

    @Override
    public Refund refund(long orderId, Long amountFen, String reason, String actor) {
        return lifecycle.refund(orderId, amountFen, reason, actor(actor));
    }

    @Override
    public Optional<Order> order(long orderId) {
        return row(orderId).map(OrderRow::order);
    }

    /** The order with its transaction, later times and cancel reason. */
    public Optional<OrderRow> row(long orderId) {
        return Db.inTransaction(unit, (c, s) -> OrderStore.row(c, orderId, false));
    }

    @Override
    public List<Order> orders(int customerId, int limit) {
        return Db.inTransaction(unit, (c, s) -> OrderStore.rows(c, "WHERE customer_id = ? ORDER BY created_at DESC,"
                + " id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY", customerId))
                .stream().map(OrderRow::order).toList();
    }

    @Override
    public Recorded record(ExternalOrder order) {
        return recorder.record(order);
    }

    /** A page of orders, newest first, and how many match. */
    public OrderQuery.Page search(OrderFilter filter, int offset, int limit) {
        return Db.inTransaction(unit, (c, s) -> OrderQuery.page(c, filter, offset, limit));
    }

    /** The order's timeline, oldest first. */
    public List<HistoryEntry> history(long orderId) {
        return Db.inTransaction(unit, (c, s) -> OrderStore.history(c, orderId));
    }

    /** The order's refunds, oldest first. */
    public List<Refund> refunds(long orderId) {
        return Db.inTransaction(unit, (c, s) -> OrderStore.refunds(c, orderId));
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /** A priced line and the SKU row it reserves from. */
    private record Priced(OrderLine line, long skuId) {
    }

    private static List<Priced> price(Connection c, List<OrderRequest.Line> lines) throws SQLException {
        List<Priced> priced = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            OrderRequest.Line line = lines.get(i);
            String at = "lines[" + i + "]";
            if (line == null) {
                throw Errors.invalid(at, "is missing");
            }
            String code = Errors.text(line.skuCode(), at + ".skuCode", 64);
            if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                throw Errors.invalid(at + ".quantity", "must be between 1 and " + MAX_QUANTITY + ", was "
                        + line.quantity());
            }
            if (!seen.add(code)) {
                throw Errors.invalid(at + ".skuCode", "SKU " + code + " is on an earlier line; give its total quantity once");
            }
            CatalogueStore.SkuRow row = CatalogueStore.skuRow(c, code)
                    .orElseThrow(() -> Errors.invalid(at + ".skuCode", "there is no SKU " + code));
            if (!row.onSale()) {
                throw Errors.invalid(at + ".skuCode", "product '" + row.productName() + "' is not on sale");
            }
            Sku sku = row.sku();
            String title = sku.name().equals(sku.code()) ? row.productName() : row.productName() + " " + sku.name();
            long amount = Math.multiplyExact(sku.priceFen(), line.quantity());
            priced.add(new Priced(new OrderLine(code, title, line.quantity(), sku.priceFen(), amount), sku.id()));
        }
        return priced;
    }

    /** Reserves in SKU id order, so that two orders for the same SKUs never wait for each other in a cycle. */
    private static void reserve(Connection c, List<Priced> priced, long orderId, String actor, Instant now)
            throws SQLException {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < priced.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong(i -> priced.get(i).skuId()));
        for (int i : order) {
            Priced p = priced.get(i);
            if (!InventoryStore.reserve(c, p.skuId(), p.line().quantity(), orderId, actor, now)) {
                long left = Db.count(c, "SELECT on_hand - reserved FROM cm_sku WHERE id = ?", p.skuId());
                throw Errors.outOfStock("lines[" + i + "].skuCode", "only " + Math.max(0, left) + " of "
                        + p.line().skuCode() + " left, " + p.line().quantity() + " asked");
            }
        }
    }

    /**
     * The names of these customers for the views (the {@code name} trait, else the nickname); customers without
     * either are left out, and so is everyone while OneID is not running: the views then show the ids alone.
     */
    public Map<Integer, String> customerNames(int[] ids) {
        IdentityService oneId = identity;
        Map<Integer, String> names = new HashMap<>();
        if (oneId == null || ids.length == 0) {
            return names;
        }
        try {
            for (Customer c : oneId.customers(ids)) {
                String name = c.traits().getOrDefault("name", c.traits().get("nickname"));
                if (name != null && !name.isBlank()) {
                    names.put(c.id(), name.strip());
                }
            }
        } catch (RuntimeException e) { // OneID going away under us: a list with ids only beats no list
            LOG.debug("customer names unavailable: {}", e.toString());
        }
        return names;
    }

    /** Refuses a customer id OneID does not know, or one merged into another; trusts it while OneID is not running. */
    void checkCustomer(int customerId, String field) {
        if (customerId <= 0) {
            throw Errors.invalid(field, "must be a customer id (> 0), was " + customerId);
        }
        IdentityService oneId = identity;
        if (oneId == null) {
            return;
        }
        Customer customer = oneId.customer(customerId)
                .orElseThrow(() -> Errors.invalid(field, "there is no customer " + customerId));
        if (customer.mergedInto() != 0) {
            throw Errors.invalid(field, "customer " + customerId + " was merged into customer " + customer.mergedInto()
                    + "; use that one");
        }
    }

    static String channel(String channel, String field) {
        String value = Errors.text(channel, field, 32);
        if (!CHANNEL.matcher(value).matches()) {
            throw Errors.invalid(field, "'" + value + "' must be lower-case letters, digits, '_' or '-', such as mini,"
                    + " store or tmall");
        }
        return value;
    }

    private static List<String> couponCodes(List<String> codes) {
        Set<String> seen = new HashSet<>();
        List<String> checked = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = Errors.text(codes.get(i), "couponCodes[" + i + "]", 100);
            if (!seen.add(code)) {
                throw Errors.invalid("couponCodes[" + i + "]", "'" + code + "' is given twice");
            }
            checked.add(code);
        }
        return checked;
    }

    static String actor(String actor) {
        return actor == null || actor.isBlank() ? "api" : actor.strip();
    }
}
