package org.siyu.commerce.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.rest.RestException;
import org.siyu.api.security.Role;
import org.siyu.commerce.internal.CommercePermissions;
import org.siyu.commerce.internal.FakeOrg;
import org.siyu.commerce.internal.FakeTags;
import org.siyu.commerce.internal.Fixture;
import org.siyu.commerce.internal.aftersale.AfterSales;
import org.siyu.commerce.internal.scope.Scopes;
import org.siyu.testkit.FakeRestRequest;

class RestTest {

    private static Fixture f;
    private static ProductsResource products;
    private static OrdersResource orders;

    @BeforeAll
    static void open() {
        f = new Fixture();
        products = new ProductsResource(f.catalogue);
        orders = new OrdersResource(f.orders, new AfterSales(f.unit, f.orders, f.clock),
                new Scopes(new FakeOrg(), f.identity), new FakeTags(Map.of("vip", new int[] {2, 7})));
    }

    @AfterAll
    static void close() {
        f.close();
    }

    @BeforeEach
    void empty() throws Exception {
        f.reset();
    }

    private static Object call(Object resource, FakeRestRequest request) throws Exception {
        return resource instanceof ProductsResource p ? p.handle(request, request)
                : ((OrdersResource) resource).handle(request, request);
    }

    private static RestException refused(Object resource, FakeRestRequest request) {
        return assertThrows(RestException.class, () -> call(resource, request));
    }

    private static long createProduct() throws Exception {
        FakeRestRequest post = new FakeRestRequest("POST").json("{\"name\":\"冻干鸡肉猫粮\",\"skus\":[{\"code\":\"CAT-1500\","
                + "\"priceFen\":5990,\"stock\":10},{\"code\":\"CAT-3000\",\"priceFen\":9990,\"stock\":0}]}");
        Views.ProductView created = (Views.ProductView) call(products, post);
        assertEquals(201, post.status());
        return created.id();
    }

    @Test
    void shouldCreateAProductWithItsIdsAndListIt() throws Exception {
        FakeRestRequest post = new FakeRestRequest("POST").json("{\"name\":\"冻干鸡肉猫粮\",\"skus\":[{\"code\":\"CAT-1500\","
                + "\"priceFen\":5990,\"stock\":10}]}");
        Views.ProductView created = (Views.ProductView) call(products, post);
        assertEquals(201, post.status());
        assertTrue(created.id() > 0);
        assertTrue(created.skus().getFirst().id() > 0);
        assertEquals(10, created.skus().getFirst().available());
        assertEquals("/api/v1/products/" + created.id(), post.responseHeader("Location").orElseThrow());
        Map<?, ?> list = (Map<?, ?>) call(products, FakeRestRequest.get().query("q", "猫粮"));
        assertEquals(1L, list.get("total"));
    }

    @Test
    void shouldRefuseBadProductsNamingTheField() throws Exception {
        RestException noPrice = refused(products, new FakeRestRequest("POST").json("{\"name\":\"x\",\"skus\":[{\"code\":"
                + "\"A\",\"priceFen\":1},{\"code\":\"B\"}]}"));
        assertEquals(400, noPrice.status());
        assertEquals("bad request", noPrice.error());
        assertTrue(noPrice.detail().startsWith("skus[1].priceFen:"), noPrice.detail());
        createProduct();
        RestException taken = refused(products, new FakeRestRequest("POST").json("{\"name\":\"y\",\"skus\":[{\"code\":"
                + "\"CAT-1500\",\"priceFen\":1}]}"));
        assertEquals(409, taken.status());
        assertTrue(taken.detail().contains("skus[0].code") && taken.detail().contains("冻干鸡肉猫粮"), taken.detail());
        RestException viewer = refused(products, new FakeRestRequest("POST").as(Role.VIEWER)
                .permitting(p -> p.equals(CommercePermissions.VIEW)).json("{\"name\":\"z\"}"));
        assertEquals(403, viewer.status());
    }

    @Test
    void shouldCreatePayAndRefundAnOrderThroughTheContract() throws Exception {
        createProduct();
        FakeRestRequest post = new FakeRestRequest("POST").json("{\"customerId\":3,\"channel\":\"mini\","
                + "\"lines\":[{\"skuCode\":\"CAT-1500\",\"quantity\":2}]}");
        Views.OrderView created = (Views.OrderView) call(orders, post);
        assertEquals(201, post.status());
        assertEquals("CREATED", created.status());
        assertEquals(11980, created.totalFen());
        long id = created.id();

        Views.OrderView paid = (Views.OrderView) call(orders, new FakeRestRequest("POST", String.valueOf(id), "pay"));
        assertEquals("PAID", paid.status());
        RestException twice = refused(orders, new FakeRestRequest("POST", String.valueOf(id), "pay"));
        assertEquals(409, twice.status());
        assertEquals("conflict", twice.error());

        FakeRestRequest part = new FakeRestRequest("POST", String.valueOf(id), "refund").json("{\"amountFen\":1000}");
        Views.RefundView refund = (Views.RefundView) call(orders, part);
        assertEquals(201, part.status());
        assertEquals(1000, refund.amountFen());
        RestException over = refused(orders, new FakeRestRequest("POST", String.valueOf(id), "refund")
                .json("{\"amountFen\":99999}"));
        assertEquals(400, over.status());
        assertTrue(over.detail().startsWith("amountFen:"), over.detail());
        Views.RefundView rest = (Views.RefundView) call(orders, new FakeRestRequest("POST", String.valueOf(id), "refund"));
        assertEquals(10980, rest.amountFen());
        assertTrue(rest.full());

        Views.OrderView detail = (Views.OrderView) call(orders, FakeRestRequest.get(String.valueOf(id)));
        assertEquals("REFUNDED", detail.status());
        assertEquals(List.of("created", "paid", "refunded", "refunded"),
                detail.history().stream().map(Views.HistoryView::action).toList());
        assertEquals(2, detail.refunds().size());
    }

    @Test
    void shouldAnswerTheKernelsErrorShapesForBadOrders() throws Exception {
        createProduct();
        RestException noCustomer = refused(orders, new FakeRestRequest("POST").json("{\"channel\":\"mini\","
                + "\"lines\":[{\"skuCode\":\"CAT-1500\",\"quantity\":1}]}"));
        assertEquals(400, noCustomer.status());
        assertEquals("customerId: is required", noCustomer.detail());
        RestException stock = refused(orders, new FakeRestRequest("POST").json("{\"customerId\":1,\"channel\":\"mini\","
                + "\"lines\":[{\"skuCode\":\"CAT-3000\",\"quantity\":1}]}"));
        assertEquals(409, stock.status());
        assertEquals("out of stock", stock.error());
        assertTrue(stock.detail().startsWith("lines[0].skuCode:"), stock.detail());
        RestException coupon = refused(orders, new FakeRestRequest("POST").json("{\"customerId\":1,\"channel\":\"mini\","
                + "\"lines\":[{\"skuCode\":\"CAT-1500\",\"quantity\":1}],\"couponCodes\":[\"NOPE\"]}"));
        assertTrue(coupon.detail().startsWith("couponCodes[0]:"), coupon.detail());
        RestException badStatus = refused(orders, FakeRestRequest.get().query("status", "PAYED"));
        assertEquals(400, badStatus.status());
        assertTrue(badStatus.detail().startsWith("status:"), badStatus.detail());
        RestException badDate = refused(orders, FakeRestRequest.get().query("from", "yesterday"));
        assertTrue(badDate.detail().startsWith("from:"), badDate.detail());
        RestException badSegment = refused(orders, FakeRestRequest.get().query("segment", "vip"));
        assertTrue(badSegment.detail().startsWith("segment:"), badSegment.detail());
        assertEquals(404, refused(orders, FakeRestRequest.get("999")).status());
        assertEquals(400, refused(orders, FakeRestRequest.get("abc")).status());
        f.product("试用装", "TRIAL", 1299, 5);
        FakeRestRequest trial = new FakeRestRequest("POST").json("{\"customerId\":1,\"channel\":\"mini\","
                + "\"lines\":[{\"skuCode\":\"TRIAL\",\"quantity\":1}]}");
        long trialOrder = ((Views.OrderView) call(orders, trial)).id();
        RestException declined = refused(orders, new FakeRestRequest("POST", String.valueOf(trialOrder), "pay")
                .json("{\"gateway\":\"sandbox\"}"));
        assertEquals(402, declined.status());
        assertEquals("payment failed", declined.error());
        assertTrue(declined.detail().contains("declined"), declined.detail());
    }

    @Test
    void shouldFilterTheListByStatusChannelSegmentAndCustomer() throws Exception {
        createProduct();
        long a = order(2, 1);
        long b = order(3, 1);
        long c = order(7, 1);
        call(orders, new FakeRestRequest("POST", String.valueOf(b), "pay"));
        assertEquals(List.of(c, b, a), ids(FakeRestRequest.get()));
        assertEquals(List.of(b), ids(FakeRestRequest.get().query("status", "PAID,REFUNDED")));
        assertEquals(List.of(c, a), ids(FakeRestRequest.get().query("segment", "tag:vip")));
        assertEquals(List.of(c), ids(FakeRestRequest.get().query("segment", "tag:vip").query("customerId", "7")));
        assertEquals(List.of(), ids(FakeRestRequest.get().query("channel", "tmall")));
        assertEquals(List.of(c, b, a), ids(FakeRestRequest.get().query("from", "2026-11-20").query("to", "2026-11-20")));
        assertEquals(List.of(), ids(FakeRestRequest.get().query("to", "2026-11-19")));
    }

    @Test
    void shouldShowAScopedAccountOnlyTheOrdersOfItsCustomers() throws Exception {
        createProduct();
        long mine = order(2, 1);    // customer 2 is owned by g1
        long theirs = order(7, 1);  // customer 7 by g2
        assertEquals(List.of(mine), ids(FakeRestRequest.get().as("manager-east", Role.OPERATOR)));
        assertEquals(404, refused(orders, FakeRestRequest.get(String.valueOf(theirs)).as("manager-east", Role.OPERATOR))
                .status());
        assertEquals(404, refused(orders, new FakeRestRequest("POST", String.valueOf(theirs), "pay")
                .as("manager-east", Role.OPERATOR)).status());
        RestException outside = refused(orders, new FakeRestRequest("POST").as("manager-east", Role.OPERATOR)
                .json("{\"customerId\":7,\"channel\":\"store\",\"lines\":[{\"skuCode\":\"CAT-1500\",\"quantity\":1}]}"));
        assertEquals(400, outside.status());

        OrdersResource blind = new OrdersResource(f.orders, new AfterSales(f.unit, f.orders, f.clock),
                new Scopes(new FakeOrg(), null), null);
        RestException closed = assertThrows(RestException.class, () -> blind.handle(
                FakeRestRequest.get().as("manager-east", Role.OPERATOR), new FakeRestRequest("GET")));
        assertEquals(503, closed.status(), "without OneID a scoped account sees nothing");
        Map<?, ?> all = (Map<?, ?>) blind.handle(FakeRestRequest.get(), new FakeRestRequest("GET"));
        assertEquals(2L, all.get("total"), "an unscoped account is not affected");
    }

    @Test
    void shouldRunAnAfterSalesReturnThroughToARefundAndRestock() throws Exception {
        createProduct();
        long id = order(3, 2);
        call(orders, new FakeRestRequest("POST", String.valueOf(id), "pay"));
        call(orders, new FakeRestRequest("POST", String.valueOf(id), "ship").json("{\"carrier\":\"顺丰\",\"trackingNo\":\"SF1\"}"));
        FakeRestRequest ask = new FakeRestRequest("POST", String.valueOf(id), "after-sales")
                .json("{\"kind\":\"return\",\"reason\":\"包装破损\",\"skuCode\":\"CAT-1500\",\"quantity\":1}");
        Views.AfterSaleView request = (Views.AfterSaleView) call(orders, ask);
        assertEquals(201, ask.status());
        assertEquals("REQUESTED", request.status());
        assertEquals(5990, request.amountFen());
        String n = String.valueOf(request.id());
        assertEquals(409, refused(orders, new FakeRestRequest("POST", String.valueOf(id), "after-sales", n, "complete"))
                .status(), "not approved yet");
        call(orders, new FakeRestRequest("POST", String.valueOf(id), "after-sales", n, "approve"));
        Views.AfterSaleView done = (Views.AfterSaleView) call(orders,
                new FakeRestRequest("POST", String.valueOf(id), "after-sales", n, "complete"));
        assertEquals("COMPLETED", done.status());
        Views.OrderView order = (Views.OrderView) call(orders, FakeRestRequest.get(String.valueOf(id)));
        assertEquals(5990, order.refundedFen());
        assertEquals(done.refundId(), order.refunds().getFirst().id());
        assertEquals(9, f.catalogue.level("CAT-1500").onHand(), "10 - 2 sold + 1 returned");
        assertEquals(1, f.bus.ofType("order.refunded").size());
        RestException reject = refused(orders, new FakeRestRequest("POST", String.valueOf(id), "after-sales", n, "reject")
                .json("{\"note\":\"late\"}"));
        assertEquals(409, reject.status());
    }

    private static long order(int customer, int quantity) throws Exception {
        FakeRestRequest post = new FakeRestRequest("POST").json("{\"customerId\":" + customer + ",\"channel\":\"mini\","
                + "\"lines\":[{\"skuCode\":\"CAT-1500\",\"quantity\":" + quantity + "}]}");
        return ((Views.OrderView) call(orders, post)).id();
    }

    private static List<Long> ids(FakeRestRequest request) throws Exception {
        Map<?, ?> page = (Map<?, ?>) call(orders, request);
        return ((List<?>) page.get("items")).stream().map(o -> ((Views.OrderView) o).id()).toList();
    }
}
