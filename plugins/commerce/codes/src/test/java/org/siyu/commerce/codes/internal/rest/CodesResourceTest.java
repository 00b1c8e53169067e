package org.siyu.commerce.codes.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.rest.RestException;
import org.siyu.api.rest.StreamedBody;
import org.siyu.commerce.codes.internal.CodePermissions;
import org.siyu.commerce.codes.internal.CodesKit;
import org.siyu.testkit.FakeRestRequest;

/** {@code /api/v1/codes} through a fake request: bind once (200, then 409), lookups, batches, exports, refusals. */
class CodesResourceTest {

    private static CodesKit kit;
    private CodesResource resource;

    @BeforeAll
    static void open() {
        kit = CodesKit.open();
    }

    @AfterAll
    static void close() {
        kit.close();
    }

    @BeforeEach
    void empty() throws Exception {
        kit.empty();
        resource = new CodesResource(kit.service(true, true));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> call(FakeRestRequest request) throws Exception {
        return (Map<String, Object>) resource.handle(request, request);
    }

    private String firstCode(long batchId) throws Exception {
        FakeRestRequest csv = FakeRestRequest.get("batches", String.valueOf(batchId), "codes.csv");
        StreamedBody body = (StreamedBody) resource.handle(csv, csv);
        assertEquals("text/csv; charset=UTF-8", body.contentType());
        assertEquals("attachment; filename=\"codes-" + batchId + ".csv\"",
                csv.responseHeader("Content-Disposition").orElseThrow());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out);
        return out.toString(StandardCharsets.UTF_8).split("\r\n")[1].split(",")[1];
    }

    @Test
    void aBatchIsMadeAndItsCodeBindsOnce() throws Exception {
        FakeRestRequest create = new FakeRestRequest("POST", "batches").json(Map.of("productId", 1, "skuCode",
                "CAT-FD-1500", "quantity", 20));
        Map<String, Object> started = call(create);
        assertEquals(202, create.status());
        long batchId = ((Number) started.get("batchId")).longValue();
        assertEquals("/api/v1/codes/batches/" + batchId, create.responseHeader("Location").orElseThrow());
        Map<String, Object> batch = call(FakeRestRequest.get("batches", String.valueOf(batchId)));
        assertEquals("READY", batch.get("state"));
        assertEquals(20, batch.get("generated"));
        String code = firstCode(batchId);

        FakeRestRequest bind = new FakeRestRequest("POST", code, "bind").json(Map.of("identities",
                List.of("tmall:猫奴小王", "phone:+8613800000001"), "channel", "tmall"));
        Map<String, Object> bound = call(bind);
        assertEquals(200, bind.status());
        assertEquals(code, bound.get("code"));
        assertEquals(1L, ((Number) bound.get("productId")).longValue());
        assertEquals("CAT-FD-1500", bound.get("skuCode"));
        assertTrue(bound.get("customerId") instanceof Integer);
        assertTrue(bound.containsKey("boundAt"));

        RestException again = assertThrows(RestException.class, () -> call(new FakeRestRequest("POST", code, "bind")
                .json(Map.of("identities", List.of("wechat:other")))));
        assertEquals(409, again.status());
        assertEquals("already_bound", again.error());
        assertTrue(again.detail().contains("bound on " + bound.get("boundAt")), again.detail());

        Map<String, Object> looked = call(FakeRestRequest.get(code.toLowerCase()));
        assertEquals(true, looked.get("bound"));
        assertEquals(bound.get("customerId"), looked.get("customerId"));
        assertEquals("tmall", looked.get("channel"));

        FakeRestRequest png = FakeRestRequest.get(code, "qr.png");
        assertEquals("image/png", ((StreamedBody) resource.handle(png, png)).contentType());
        FakeRestRequest sheet = FakeRestRequest.get("batches", String.valueOf(batchId), "sheet.html")
                .query("count", "10");
        StreamedBody html = (StreamedBody) resource.handle(sheet, sheet);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        html.writeTo(out);
        assertEquals(10, out.toString(StandardCharsets.UTF_8).split("<svg ", -1).length - 1);
    }

    @Test
    void refusalsHaveTheirStatusAndNameWhatIsWrong() throws Exception {
        assertStatus(404, "there is no product code 'ZZZZZZZZZZZZ'", FakeRestRequest.get("ZZZZZZZZZZZZ"));
        assertStatus(404, "there is no product code", new FakeRestRequest("POST", "ZZZZ-ZZZZ-ZZZZ", "bind")
                .json(Map.of("identities", List.of("wechat:x"))));
        assertStatus(400, "productId: there is no product 9", new FakeRestRequest("POST", "batches")
                .json(Map.of("productId", 9, "quantity", 5)));
        assertStatus(400, "quantity is required", new FakeRestRequest("POST", "batches").json(Map.of("productId", 1)));
        assertStatus(403, CodePermissions.BIND, new FakeRestRequest("POST", "ABCDABCDABCD", "bind")
                .json(Map.of("identities", List.of("wechat:x"))).permitting(p -> !p.equals(CodePermissions.BIND)));
        assertStatus(404, "there is no batch 77", FakeRestRequest.get("batches", "77"));
        CodesResource withoutCommerce = new CodesResource(kit.service(false, true));
        FakeRestRequest create = new FakeRestRequest("POST", "batches").json(Map.of("productId", 1, "quantity", 5));
        RestException e = assertThrows(RestException.class, () -> withoutCommerce.handle(create, create));
        assertEquals(503, e.status());
        assertEquals("unavailable", e.error());
        assertEquals("commerce is not installed", e.detail());

        long batchId = kit.service(true, true).createBatch(1, null, 1, null, "op").batchId();
        String code = firstCode(batchId);
        assertStatus(400, "identities:", new FakeRestRequest("POST", code, "bind").json(Map.of("channel", "tmall")));
        assertStatus(400, "count: 1 to", FakeRestRequest.get("batches", String.valueOf(batchId), "sheet.html")
                .query("count", "9999"));
    }

    private void assertStatus(int status, String detailPart, FakeRestRequest request) {
        RestException e = assertThrows(RestException.class, () -> resource.handle(request, request));
        assertEquals(status, e.status(), e.detail());
        assertTrue(e.detail().contains(detailPart), e.detail());
    }
}
