package org.siyu.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.siyu.shell.backend.ConsoleFeed;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The kernel's REST contract end to end on a real node with the kernel bundles: OneID resolution and merging,
 * tags with their why, segment counts, event ingestion with per-event errors and idempotency, delivery to the
 * console.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KernelApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path home;
    static TestHost node;
    static String token;
    static int customer;

    @BeforeAll
    static void start() throws Exception {
        node = TestHost.start(home);
        token = node.token("admin", TestHost.ADMIN_PASSWORD);
        assertTrue(TestHost.await(30_000, () -> {
            try {
                return post("/api/v1/identities/resolve", "{\"identities\":[\"wechat:warmup\"]}").statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        }), "the identity resource did not come up");
        // Tagging migrates and rebuilds its bitmaps after OneID is up; until then its resources answer 503.
        assertTrue(TestHost.await(60_000, () -> {
            try {
                return get("/api/v1/tags").statusCode() == 200 && get("/api/v1/events?after=0&limit=1").statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        }), "the tagging or events resource did not come up");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    @Order(1)
    void resolvingNewIdentitiesShouldCreateACustomer() throws Exception {
        HttpResponse<String> r = post("/api/v1/identities/resolve",
                "{\"identities\":[\"wechat:unionid-zhang\",\"phone:13800000001\"],\"traits\":{\"name\":\"张三\"}}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = JSON.readTree(r.body());
        assertTrue(body.get("created").asBoolean(), r.body());
        customer = body.get("customerId").asInt();

        HttpResponse<String> again = post("/api/v1/identities/resolve", "{\"identities\":[\"phone:+8613800000001\"]}");
        assertEquals(customer, JSON.readTree(again.body()).get("customerId").asInt(), "the normalised phone is the same person");
        assertTrue(!JSON.readTree(again.body()).get("created").asBoolean());
    }

    @Test
    @Order(2)
    void aSharedVerifiedPhoneShouldMergeTwoCustomers() throws Exception {
        HttpResponse<String> other = post("/api/v1/identities/resolve", "{\"identities\":[\"tmall:zhang-tmall\"]}");
        int tmallBuyer = JSON.readTree(other.body()).get("customerId").asInt();
        assertTrue(tmallBuyer != customer);
        HttpResponse<String> joined = post("/api/v1/identities/resolve",
                "{\"identities\":[\"tmall:zhang-tmall\",\"phone:13800000001\"]}");
        assertEquals(200, joined.statusCode(), joined.body());
        JsonNode body = JSON.readTree(joined.body());
        assertEquals(Math.min(customer, tmallBuyer), body.get("customerId").asInt(), joined.body());
        assertTrue(body.get("merged").toString().contains(String.valueOf(Math.max(customer, tmallBuyer))), joined.body());
        customer = body.get("customerId").asInt();
    }

    @Test
    @Order(3)
    void aBadIdentityShouldBeNamed() throws Exception {
        HttpResponse<String> r = post("/api/v1/identities/resolve", "{\"identities\":[\"fax:123\"]}");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("fax"), r.body());
    }

    @Test
    @Order(4)
    void tagsShouldCarryTheirWhyAndCountInSegments() throws Exception {
        HttpResponse<String> tagged = post("/api/v1/customers/" + customer + "/tags", "{\"tags\":[\"VIP\",\"猫主人\"]}");
        assertTrue(tagged.statusCode() < 300, tagged.body());
        HttpResponse<String> profile = get("/api/v1/customers/" + customer);
        assertEquals(200, profile.statusCode(), profile.body());
        assertTrue(profile.body().contains("\"tag\":\"猫主人\""), profile.body());
        assertTrue(profile.body().contains("\"source\":\"manual\""), profile.body());
        assertTrue(profile.body().contains("\"evidence\":\"admin\""), profile.body());

        assertTrue(count("tag:VIP AND (tag:猫主人 OR tag:没有这个标签)").isEmpty(), "an unknown tag is an error, not 0");
    }

    @Test
    @Order(5)
    void segmentCountsAndSyntaxErrors() throws Exception {
        assertEquals("1", count("tag:\"VIP\" AND tag:猫主人").orElseThrow());
        assertEquals("0", count("tag:VIP AND NOT tag:猫主人").orElseThrow());
        HttpResponse<String> bad = get("/api/v1/segments/count?expr=" + enc("tag:VIP AND"));
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("position"), bad.body());
        HttpResponse<String> removed = node.send(node.request("/api/v1/customers/" + customer + "/tags/VIP")
                .header("Authorization", "Bearer " + token).DELETE());
        assertEquals(204, removed.statusCode(), removed.body());
        assertEquals("0", count("tag:VIP").orElseThrow());
    }

    @Test
    @Order(6)
    void ingestionShouldKeepValidEventsReportInvalidOnesAndIgnoreRepeats() throws Exception {
        String batch = "[{\"id\":\"evt-1\",\"type\":\"order.paid\",\"source\":\"test\",\"identities\":[\"wechat:unionid-zhang\"],"
                + "\"data\":{\"amountFen\":1990}},{\"id\":\"evt-2\",\"source\":\"test\",\"data\":{}}]";
        HttpResponse<String> r = post("/api/v1/events", batch);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = JSON.readTree(r.body());
        assertEquals(1, body.get("accepted").asInt(), r.body());
        assertEquals(1, body.get("rejected").get(0).get("index").asInt(), r.body());
        assertEquals("type", body.get("rejected").get(0).get("field").asString(), r.body());

        HttpResponse<String> repeat = post("/api/v1/events", batch);
        assertEquals(1, JSON.readTree(repeat.body()).get("duplicates").asInt(), repeat.body());

        HttpResponse<String> read = get("/api/v1/events?after=0&limit=1000");
        long paid = JSON.readTree(read.body()).get("events").valueStream().filter(e -> "evt-1".equals(e.get("id").asString())).count();
        assertEquals(1, paid, "evt-1 must be on the bus once: " + read.body());
        assertTrue(read.body().contains("\"subject\":" + customer), "ingestion resolves identities to the customer: " + read.body());

        assertTrue(TestHost.await(10_000, () -> node.host.console().recent().stream()
                .anyMatch(l -> l.kind() == ConsoleFeed.Kind.EVENT && l.source().equals("order.paid"))),
                "the console did not receive the event");
    }

    private static java.util.Optional<String> count(String expr) throws Exception {
        HttpResponse<String> r = get("/api/v1/segments/count?expr=" + enc(expr));
        if (r.statusCode() != 200) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(JSON.readTree(r.body()).get("count").asString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return node.send(node.request(path).header("Authorization", "Bearer " + token).GET());
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return node.send(node.request(path).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)));
    }
}
