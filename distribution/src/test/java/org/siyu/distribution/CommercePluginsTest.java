package org.siyu.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Commerce and membership on a real node, as the distribution ships them (features offered to the home as uploads):
 * an order paid through commerce earns points in membership over the bus; each plugin is uninstalled and
 * reinstalled at runtime while the other keeps working, and finds its data again.
 */
class CommercePluginsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COMMERCE = "org.siyu.commerce";
    private static final String MEMBERSHIP = "org.siyu.membership";
    private static final String CODES = "org.siyu.commerce.codes";

    @TempDir
    static Path home;
    static TestHost node;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        node = TestHost.start(home);
        token = node.token("admin", TestHost.ADMIN_PASSWORD);
        for (String bsn : new String[] {COMMERCE, MEMBERSHIP, CODES, "org.siyu.commerce.imports"}) {
            assertTrue(TestHost.await(30_000, () -> bundle(bsn) != null && bundle(bsn).getState() == Bundle.ACTIVE),
                    bsn + " was not offered to the new home or did not start");
        }
        assertTrue(until(60_000, () -> get("/api/v1/products").statusCode() == 200
                && post("/api/v1/identities/resolve", "{\"identities\":[\"wechat:warmup\"]}").statusCode() == 200),
                "commerce or OneID did not come up");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void ordersShouldEarnPointsAndEachPluginShouldComeAndGoWhileTheOtherWorks() throws Exception {
        int customer = JSON.readTree(ok(post("/api/v1/identities/resolve",
                "{\"identities\":[\"phone:+8613900001111\"],\"traits\":{\"name\":\"林小满\"}}")).body())
                .get("customerId").asInt();
        HttpResponse<String> product = post("/api/v1/products",
                "{\"name\":\"全价冻干猫粮 1.8kg\",\"skus\":[{\"code\":\"IT-CAT-18\",\"priceFen\":16900,\"stock\":50}]}");
        assertEquals(201, product.statusCode(), product.body());

        long first = order(customer, 2);
        assertEquals(200, post("/api/v1/orders/" + first + "/pay", "{}").statusCode());
        HttpResponse<String> twice = post("/api/v1/orders/" + first + "/pay", "{}");
        assertEquals(409, twice.statusCode(), twice.body());
        assertTrue(twice.body().startsWith("{\"error\":"), twice.body());
        assertTrue(until(30_000, () -> points(customer) > 0), "membership earned no points on order.paid");
        long earned = points(customer);

        // membership away: commerce sells on, with no discounts offered; back again, it catches up from the bus
        node.host.plugins().uninstall(MEMBERSHIP, "test");
        assertTrue(TestHost.await(10_000, () -> bundle(MEMBERSHIP) == null));
        assertEquals(404, get("/api/v1/members/" + customer).statusCode());
        long second = order(customer, 1);
        assertEquals(200, post("/api/v1/orders/" + second + "/pay", "{}").statusCode());
        reinstall(MEMBERSHIP);
        assertTrue(until(60_000, () -> get("/api/v1/members/" + customer).statusCode() == 200
                && points(customer) > earned), "membership did not earn on the order paid while it was away");
        long afterBoth = points(customer);

        // the same order.paid is not earned twice, whatever the redelivery: a full refund claws back what it earned
        assertEquals(201, post("/api/v1/orders/" + second + "/refund", "{}").statusCode());
        assertTrue(until(30_000, () -> points(customer) == earned),
                "refunding the second order should take back exactly its points (had " + afterBoth + ")");

        // commerce away: membership answers; the codes plugin cannot make a batch without the catalogue but still
        // answers for codes already printed; back again, the orders are there
        long productId = JSON.readTree(product.body()).get("id").asLong();
        node.host.plugins().uninstall(COMMERCE, "test");
        assertTrue(TestHost.await(10_000, () -> bundle(COMMERCE) == null));
        assertEquals(200, get("/api/v1/members/" + customer).statusCode());
        assertEquals(404, get("/api/v1/orders/" + first).statusCode());
        HttpResponse<String> batch = post("/api/v1/codes/batches",
                "{\"productId\":" + productId + ",\"skuCode\":\"IT-CAT-18\",\"quantity\":10}");
        assertEquals(503, batch.statusCode(), batch.body());
        assertEquals(404, post("/api/v1/codes/NOSUCHCODE0/bind",
                "{\"identities\":[\"phone:+8613900001111\"],\"channel\":\"tmall\"}").statusCode());
        reinstall(COMMERCE);
        assertTrue(until(30_000, () -> get("/api/v1/orders/" + first).statusCode() == 200), "commerce did not come back");
        JsonNode kept = JSON.readTree(get("/api/v1/orders/" + first).body());
        assertEquals(33800, kept.get("totalFen").asLong(), kept.toString());
        assertNotEquals("CREATED", kept.get("status").asString(), kept.toString());

        // both away; each installed with the other absent: commerce sells without membership, membership then
        // comes up alone-ready and catches up with the order paid before it was there
        node.host.plugins().uninstall(MEMBERSHIP, "test");
        node.host.plugins().uninstall(COMMERCE, "test");
        assertTrue(TestHost.await(10_000, () -> bundle(MEMBERSHIP) == null && bundle(COMMERCE) == null));
        reinstall(COMMERCE);
        // each of commerce's resources registers on its own: wait for the two this part uses
        assertTrue(until(30_000, () -> get("/api/v1/products").statusCode() == 200
                && get("/api/v1/orders").statusCode() == 200), "commerce alone did not come up");
        long third = order(customer, 1);
        assertEquals(200, post("/api/v1/orders/" + third + "/pay", "{}").statusCode());
        assertEquals(404, get("/api/v1/members/" + customer).statusCode());
        node.host.plugins().uninstall(COMMERCE, "test");
        assertTrue(TestHost.await(10_000, () -> bundle(COMMERCE) == null));
        reinstall(MEMBERSHIP);
        assertTrue(until(60_000, () -> points(customer) > earned),
                "membership installed without commerce did not earn the order paid while it was away");
        reinstall(COMMERCE);
        assertTrue(until(30_000, () -> get("/api/v1/orders/" + third).statusCode() == 200));
        assertNull(bundle("org.siyu.samples.notes"), "no unrelated plugin was touched");
    }

    private static long order(int customer, int quantity) throws Exception {
        HttpResponse<String> r = post("/api/v1/orders", "{\"customerId\":" + customer
                + ",\"channel\":\"mini\",\"lines\":[{\"skuCode\":\"IT-CAT-18\",\"quantity\":" + quantity + "}]}");
        assertEquals(201, r.statusCode(), r.body());
        JsonNode body = JSON.readTree(r.body());
        assertEquals("CREATED", body.get("status").asString());
        assertEquals(16900L * quantity, body.get("totalFen").asLong());
        return body.get("id").asLong();
    }

    private static long points(int customer) throws Exception {
        HttpResponse<String> r = get("/api/v1/members/" + customer);
        return r.statusCode() == 200 ? JSON.readTree(r.body()).get("points").asLong() : -1;
    }

    private static void reinstall(String bsn) throws Exception {
        Path jar = TestHost.distribution().resolve("features/" + bsn + ".jar");
        node.host.plugins().install(bsn + ".jar", new ByteArrayInputStream(TestHost.read(jar)), "test");
        assertTrue(TestHost.await(30_000, () -> bundle(bsn) != null && bundle(bsn).getState() == Bundle.ACTIVE),
                bsn + " did not start again");
    }

    private static Bundle bundle(String bsn) {
        for (Bundle b : node.host.bundleContext().getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    private static HttpResponse<String> ok(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return r;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return node.send(node.request(path).header("Authorization", "Bearer " + token).GET());
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return node.send(node.request(path).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)));
    }

    private static boolean until(long millis, Callable<Boolean> condition) throws InterruptedException {
        return TestHost.await(millis, () -> {
            try {
                return condition.call();
            } catch (Exception e) {
                return false;
            }
        });
    }
}
