package org.siyu.commerce.imports.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.rest.RestException;
import org.siyu.commerce.imports.internal.ImportKit;
import org.siyu.testkit.FakeRestRequest;

/** {@code /api/v1/order-imports} through a fake request: the answers, their shapes and every refusal. */
class OrderImportsResourceTest {

    private static ImportKit kit;
    private OrderImportsResource resource;

    static final String JD = "订单号,下单帐号,应付金额,订单状态,下单时间,付款确认时间,商品名称,订购数量,客户姓名,联系电话\n"
            + "J1,pin1,10.00,完成,2024-06-18 10:00:00,2024-06-18 10:00:01,狗粮,1,甲,13900000001\n"
            + "J2,pin2,10.00,完成,2024-06-18 10:00:00,2024-06-18 10:00:01,狗粮,1,乙,139****0002\n"
            + "J3,pin3,10.00,已发出,2024-06-18 10:00:00,2024-06-18 10:00:01,狗粮,1,丙,\n";

    @BeforeAll
    static void open() {
        kit = ImportKit.open();
    }

    @AfterAll
    static void close() {
        kit.close();
    }

    @BeforeEach
    void empty() throws Exception {
        kit.empty();
        resource = new OrderImportsResource(kit.importer(true, true));
    }

    private static FakeRestRequest post(String source, String dryRun, byte[] body) {
        return new FakeRestRequest("POST", source).query("dryRun", dryRun).withHeader("Content-Type", "text/csv")
                .body(body);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDryRunAnswersTheCountsAndEachErrorWithRowAndColumn() throws Exception {
        FakeRestRequest call = post("auto", "true", JD.getBytes(StandardCharsets.UTF_8));
        Map<String, Object> answer = (Map<String, Object>) resource.handle(call, call);
        assertEquals(200, call.status());
        assertEquals("jd", answer.get("source"));
        assertEquals(3, answer.get("orders"));
        assertEquals(2, answer.get("ok"));
        assertEquals(1, answer.get("rejected"));
        assertEquals(1, answer.get("maskedPhones"));
        List<Map<String, Object>> errors = (List<Map<String, Object>>) answer.get("errors");
        assertEquals(4, errors.get(0).get("row"));
        assertEquals("订单状态", errors.get(0).get("column"));
        assertEquals("已发出", errors.get(0).get("value"));
        assertEquals(0L, kit.orders());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRealRunIsAcceptedAndItsRecordRead() throws Exception {
        byte[] gbk = JD.replace("已发出", "完成").getBytes(Charset.forName("GB18030"));
        FakeRestRequest call = post("jd", "false", gbk).withHeader("Content-Type", "text/csv; charset=GBK");
        Map<String, Object> started = (Map<String, Object>) resource.handle(call, call);
        assertEquals(202, call.status());
        Object id = started.get("importId");
        assertEquals("/api/v1/order-imports/" + id, call.responseHeader("Location").orElseThrow());
        FakeRestRequest get = FakeRestRequest.get(String.valueOf(id));
        Map<String, Object> record = (Map<String, Object>) resource.handle(get, get);
        assertEquals("SUCCEEDED", record.get("state"));
        assertEquals(3, record.get("created"));
        assertEquals(3L, kit.orders());
        FakeRestRequest again = post("jd", "false", gbk).withHeader("Content-Type", "text/csv; charset=GBK");
        Map<String, Object> second = (Map<String, Object>) resource.handle(again, again);
        FakeRestRequest get2 = FakeRestRequest.get(String.valueOf(second.get("importId")));
        Map<String, Object> record2 = (Map<String, Object>) resource.handle(get2, get2);
        assertEquals(0, record2.get("created"));
        assertEquals(3, record2.get("alreadyRecorded"));
    }

    @Test
    void withoutCommerceTheAnswerIs503() throws Exception {
        OrderImportsResource without = new OrderImportsResource(kit.importer(false, true));
        FakeRestRequest call = post("jd", "true", JD.getBytes(StandardCharsets.UTF_8));
        RestException e = assertThrows(RestException.class, () -> without.handle(call, call));
        assertEquals(503, e.status());
        assertEquals("unavailable", e.error());
        assertEquals("commerce is not installed", e.detail());
    }

    @Test
    void refusalsNameWhatIsWrong() throws Exception {
        assertStatus(400, "dryRun", post("jd", "maybe", JD.getBytes(StandardCharsets.UTF_8)));
        assertStatus(400, "body", post("jd", "true", new byte[0]));
        assertStatus(415, "application/json", post("jd", "true", new byte[] {1}).withHeader("Content-Type",
                "application/json"));
        assertStatus(400, "cannot be told", post("auto", "true", "手机,姓名\n1,2\n".getBytes(StandardCharsets.UTF_8)));
        assertStatus(400, "no column for status", post("jd", "true", "订单号,下单帐号,下单时间,商品名称\nJ1,p,2024-01-01,x\n"
                .getBytes(StandardCharsets.UTF_8)));
        assertStatus(400, "query 'columns'", post("jd", "true", JD.getBytes(StandardCharsets.UTF_8))
                .query("columns", "订单号:orderNumber"));
        assertStatus(404, "no order import 99", FakeRestRequest.get("99"));
        assertStatus(404, "'shopee' is not a source", FakeRestRequest.get("sources", "shopee"));
        assertStatus(403, "commerce.imports.run", FakeRestRequest.get().permitting(p -> false));
        assertStatus(405, "use GET", new FakeRestRequest("DELETE"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSourceMappingIsReadEditedAndReset() throws Exception {
        FakeRestRequest put = new FakeRestRequest("PUT", "sources", "jd").json(Map.of(
                "headers", Map.of("buyer", List.of("用户名", "下单帐号")), "statuses", Map.of("已发出", "SHIPPED",
                        "完成", "COMPLETED", "等待付款", "CREATED")));
        Map<String, Object> saved = (Map<String, Object>) resource.handle(put, put);
        assertEquals(true, saved.get("customized"));
        assertEquals(List.of("用户名", "下单帐号"), ((Map<String, Object>) saved.get("headers")).get("buyer"));
        FakeRestRequest dry = post("jd", "true", JD.getBytes(StandardCharsets.UTF_8));
        assertEquals(3, ((Map<String, Object>) resource.handle(dry, dry)).get("ok"), "已发出 is known now");
        assertStatus(400, "statuses.已发出: 'SENT' is not an order status", new FakeRestRequest("PUT", "sources",
                "jd").json(Map.of("statuses", Map.of("已发出", "SENT"))));
        FakeRestRequest reset = new FakeRestRequest("DELETE", "sources", "jd");
        assertEquals(false, ((Map<String, Object>) resource.handle(reset, reset)).get("customized"));
    }

    private void assertStatus(int status, String detailPart, FakeRestRequest call) {
        RestException e = assertThrows(RestException.class, () -> resource.handle(call, call));
        assertEquals(status, e.status(), e.detail());
        assertTrue(e.detail().contains(detailPart), e.detail());
    }
}
