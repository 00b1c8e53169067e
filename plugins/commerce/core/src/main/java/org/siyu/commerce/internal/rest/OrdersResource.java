package org.siyu.commerce.internal.rest;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PrimitiveIterator;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.siyu.api.commerce.Order;
import org.siyu.api.commerce.OrderRequest;
import org.siyu.api.commerce.OrderStatus;
import org.siyu.api.commerce.Refund;
import org.siyu.api.rest.RestException;
import org.siyu.api.rest.RestRequest;
import org.siyu.api.rest.RestResource;
import org.siyu.api.rest.RestResponse;
import org.siyu.api.tags.SegmentSyntaxException;
import org.siyu.api.tags.TagService;
import org.siyu.commerce.internal.CommercePermissions;
import org.siyu.commerce.internal.aftersale.AfterSale;
import org.siyu.commerce.internal.aftersale.AfterSales;
import org.siyu.commerce.internal.orders.OrderFilter;
import org.siyu.commerce.internal.orders.OrderQuery;
import org.siyu.commerce.internal.orders.OrderRow;
import org.siyu.commerce.internal.orders.Orders;
import org.siyu.commerce.internal.scope.Scope;
import org.siyu.commerce.internal.scope.Scopes;

/**
 * {@code /api/v1/orders}: {@code POST} creates (201), {@code GET} lists ({@code status} (comma-separated),
 * {@code channel}, {@code from}, {@code to}, {@code segment}, {@code customerId}, {@code offset}, {@code limit}),
 * {@code GET <id>} answers the order with its refunds, timeline and after-sales, and
 * {@code POST <id>/pay|ship|complete|cancel|refund|after-sales} and {@code POST <id>/after-sales/<n>/approve|reject|complete}
 * act on it. Reading needs {@code commerce.view}, acting {@code commerce.orders.manage}.
 *
 * <p>An account with a data scope sees and acts on the orders of its scope's customers only; another order answers 404
 * exactly like one that does not exist. When the scope cannot be worked out the answer is 503 and nothing is shown.
 */
@Component
public class OrdersResource implements RestResource {

    public record LineBody(String skuCode, Integer quantity) {
    }

    public record CreateBody(Integer customerId, String channel, List<LineBody> lines, List<String> couponCodes) {
    }

    public record PayBody(String gateway) {
    }

    public record ShipBody(String carrier, String trackingNo) {
    }

    public record ReasonBody(String reason) {
    }

    public record RefundBody(Long amountFen, String reason) {
    }

    public record AfterSaleBody(String kind, String reason, String skuCode, Integer quantity, String replacementSku,
            Long amountFen) {
    }

    public record NoteBody(String note) {
    }

    private final Orders orders;
    private final AfterSales afterSales;
    private final Scopes scopes;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TagService tags;

    @Activate
    public OrdersResource(@Reference Orders orders, @Reference AfterSales afterSales, @Reference Scopes scopes) {
        this.orders = orders;
        this.afterSales = afterSales;
        this.scopes = scopes;
    }

    /** For tests: with or without tagging. */
    public OrdersResource(Orders orders, AfterSales afterSales, Scopes scopes, TagService tags) {
        this(orders, afterSales, scopes);
        this.tags = tags;
    }

    @Override
    public String name() {
        return "orders";
    }

    @Override
    public Object handle(RestRequest request, RestResponse response) throws Exception {
        List<String> path = request.segments();
        String method = request.method();
        String user = request.user().username();
        if (path.isEmpty() && method.equals("GET")) {
            Rest.require(request, CommercePermissions.VIEW);
            return list(request, scope(request));
        }
        if (path.isEmpty() && method.equals("POST")) {
            Rest.require(request, CommercePermissions.ORDERS);
            CreateBody body = request.body(CreateBody.class);
            OrderRequest order = orderRequest(body, user);
            if (!scope(request).allows(order.customerId())) {
                throw RestException.badRequest("customerId: there is no customer " + order.customerId()
                        + " in your data scope");
            }
            Order created = Rest.call(() -> orders.createOrder(order));
            response.status(201);
            response.header("Location", "/api/v1/orders/" + created.id());
            return detail(created.id());
        }
        if (path.isEmpty()) {
            throw new RestException(405, "method not allowed", method + " is not supported on /api/v1/orders; use GET"
                    + " or POST");
        }
        long id = Rest.id(path.getFirst(), "order");
        Scope scope = scope(request);
        OrderRow row = orders.row(id).filter(r -> scope.allows(r.order().customerId()))
                .orElseThrow(() -> RestException.notFound("there is no order " + id));
        if (path.size() == 1 && method.equals("GET")) {
            Rest.require(request, CommercePermissions.VIEW);
            return detail(row.id());
        }
        if (!method.equals("POST") || path.size() < 2) {
            throw RestException.notFound("no such orders resource: " + String.join("/", path) + " with " + method);
        }
        Rest.require(request, CommercePermissions.ORDERS);
        switch (path.get(1)) {
            case "pay" -> {
                PayBody body = Rest.optionalBody(request, PayBody.class);
                String gateway = body == null || body.gateway() == null ? "manual" : body.gateway();
                Rest.call(() -> orders.pay(id, gateway, user));
                return detail(id);
            }
            case "ship" -> {
                ShipBody body = request.body(ShipBody.class);
                Rest.call(() -> orders.ship(id, body.carrier(), body.trackingNo(), user));
                return detail(id);
            }
            case "complete" -> {
                Rest.call(() -> orders.complete(id, user));
                return detail(id);
            }
            case "cancel" -> {
                ReasonBody body = Rest.optionalBody(request, ReasonBody.class);
                Rest.call(() -> orders.cancel(id, body == null ? null : body.reason(), user));
                return detail(id);
            }
            case "refund" -> {
                RefundBody body = Rest.optionalBody(request, RefundBody.class);
                Refund refund = Rest.call(() -> orders.refund(id, body == null ? null : body.amountFen(),
                        body == null ? null : body.reason(), user));
                response.status(201);
                return Views.RefundView.of(refund);
            }
            case "after-sales" -> {
                return afterSale(request, response, id, path, user);
            }
            default -> throw RestException.notFound("no such order action: " + path.get(1)
                    + " (pay, ship, complete, cancel, refund, after-sales)");
        }
    }

    private Object afterSale(RestRequest request, RestResponse response, long orderId, List<String> path, String user)
            throws Exception {
        if (path.size() == 2) {
            AfterSaleBody body = request.body(AfterSaleBody.class);
            AfterSale.Kind kind = enumValue(AfterSale.Kind.class, body.kind(), "kind");
            AfterSale created = Rest.call(() -> afterSales.request(orderId, kind, body.reason(), body.skuCode(),
                    body.quantity(), body.replacementSku(), body.amountFen(), user));
            response.status(201);
            return Views.AfterSaleView.of(created);
        }
        if (path.size() == 4) {
            long n = Rest.id(path.get(2), "after-sale");
            if (afterSales.ofOrder(orderId).stream().noneMatch(a -> a.id() == n)) {
                throw RestException.notFound("order " + orderId + " has no after-sale request " + n);
            }
            NoteBody body = Rest.optionalBody(request, NoteBody.class);
            String note = body == null ? null : body.note();
            AfterSale done = switch (path.get(3)) {
                case "approve" -> Rest.call(() -> afterSales.approve(n, note, user));
                case "reject" -> Rest.call(() -> afterSales.reject(n, note, user));
                case "complete" -> Rest.call(() -> afterSales.complete(n, note, user));
                default -> throw RestException.notFound("no such after-sale action: " + path.get(3)
                        + " (approve, reject, complete)");
            };
            return Views.AfterSaleView.of(done);
        }
        throw RestException.notFound("no such orders resource: " + String.join("/", path));
    }

    private Object list(RestRequest request, Scope scope) throws RestException {
        Set<OrderStatus> statuses = EnumSet.noneOf(OrderStatus.class);
        for (String s : request.query("status").orElse("").split(",")) {
            if (!s.isBlank()) {
                statuses.add(enumValue(OrderStatus.class, s, "status"));
            }
        }
        String channel = request.query("channel").filter(s -> !s.isBlank()).map(String::strip).orElse(null);
        Integer customerId = null;
        if (request.query("customerId").filter(s -> !s.isBlank()).isPresent()) {
            customerId = Rest.intParam(request, "customerId", 0, 1, Integer.MAX_VALUE);
        }
        OrderFilter filter = new OrderFilter(statuses, channel, Rest.time(request, "from", false),
                Rest.time(request, "to", true), customerId, null).within(scope.customers());
        String segment = request.query("segment").filter(s -> !s.isBlank()).orElse(null);
        if (segment != null) {
            filter = filter.within(members(segment));
        }
        int offset = Rest.intParam(request, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = Rest.intParam(request, "limit", 50, 1, 500);
        OrderQuery.Page page = orders.search(filter, offset, limit);
        return Map.of("total", page.total(), "offset", offset, "items",
                page.rows().stream().map(r -> Views.order(r, null, null, null)).toList());
    }

    private int[] members(String segment) throws RestException {
        TagService service = tags;
        if (service == null) {
            throw new RestException(503, "service unavailable",
                    "segment: tagging is not running (bundle org.siyu.kernel.tagging); filter without a segment");
        }
        try {
            PrimitiveIterator.OfInt it = service.members(segment);
            int[] out = new int[1024];
            int n = 0;
            while (it.hasNext()) {
                if (n == out.length) {
                    out = java.util.Arrays.copyOf(out, n * 2);
                }
                out[n++] = it.nextInt();
            }
            return java.util.Arrays.copyOf(out, n); // ascending, as TagService.members promises
        } catch (SegmentSyntaxException e) {
            throw RestException.badRequest("segment: " + e.getMessage());
        }
    }

    private Views.OrderView detail(long id) {
        OrderRow row = orders.row(id).orElseThrow();
        return Views.order(row, orders.refunds(id), orders.history(id), afterSales.ofOrder(id));
    }

    private Scope scope(RestRequest request) throws RestException {
        Scope scope = scopes.of(request.user().username());
        if (scope.closed()) {
            throw new RestException(503, "data scope unavailable", scope.problem().en());
        }
        return scope;
    }

    private static OrderRequest orderRequest(CreateBody body, String user) throws RestException {
        if (body.customerId() == null) {
            throw RestException.badRequest("customerId: is required");
        }
        if (body.lines() == null || body.lines().isEmpty()) {
            throw RestException.badRequest("lines: an order needs at least one line");
        }
        List<OrderRequest.Line> lines = new ArrayList<>();
        for (int i = 0; i < body.lines().size(); i++) {
            LineBody line = body.lines().get(i);
            if (line == null) {
                throw RestException.badRequest("lines[" + i + "]: is missing");
            }
            if (line.quantity() == null) {
                throw RestException.badRequest("lines[" + i + "].quantity: is required");
            }
            lines.add(new OrderRequest.Line(line.skuCode(), line.quantity()));
        }
        return new OrderRequest(body.customerId(), body.channel(), lines, body.couponCodes(), user);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) throws RestException {
        if (value == null || value.isBlank()) {
            throw RestException.badRequest(field + ": is required, one of " + List.of(type.getEnumConstants()));
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw RestException.badRequest(field + ": '" + value + "' is not one of " + List.of(type.getEnumConstants()));
        }
    }
}
