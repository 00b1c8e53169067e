package org.siyu.kernel.imports.internal.rest;

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
import org.siyu.api.security.Role;
import org.siyu.kernel.imports.internal.ImportTestKit;
import org.siyu.testkit.FakeRestRequest;

class ImportsResourceTest {

    private static ImportTestKit kit;
    private ImportsResource resource;

    private static final String CSV = """
            手机,姓名,标签
            13800000001,张三,VIP|猫主人
            12345,坏号码,VIP
            13800000002,李四,
            """;

    @BeforeAll
    static void open() {
        kit = ImportTestKit.open();
    }

    @AfterAll
    static void close() {
        kit.close();
    }

    @BeforeEach
    void empty() throws Exception {
        kit.empty();
        resource = new ImportsResource(kit.importer(true));
    }

    private static FakeRestRequest post(String csv) {
        return new FakeRestRequest("POST", "customers").withHeader("Content-Type", "text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aDryRunAnswersTheCountsAndErrors() throws Exception {
        FakeRestRequest call = post(CSV).query("dryRun", "true").query("columns", "手机:phone,姓名:name,标签:tags");
        Map<?, ?> answer = (Map<?, ?>) resource.handle(call, call);
        assertEquals(200, call.status());
        assertEquals(3, answer.get("rows"));
        assertEquals(2, answer.get("ok"));
        assertEquals(2, answer.get("new"));
        assertEquals(0, answer.get("existing"));
        assertEquals(List.of(Map.of("row", 3, "column", "手机", "value", "1****5",
                "detail", "not a valid phone: '1****5' is not a phone number")), answer.get("errors"));
        assertEquals(0L, kit.links(), "nothing written");
    }

    @Test
    void aRealRunAnswers202WithTheImportAndItsJob() throws Exception {
        FakeRestRequest call = post(CSV).query("dryRun", "false").query("mapping", "auto").withHeader("X-File-Name", "客户.csv");
        Map<?, ?> answer = (Map<?, ?>) resource.handle(call, call);
        assertEquals(202, call.status());
        long id = ((Number) answer.get("importId")).longValue();
        assertEquals("/api/v1/imports/" + id, call.responseHeader("Location").orElseThrow());
        assertTrue(((Number) answer.get("jobId")).longValue() > 0);

        FakeRestRequest get = FakeRestRequest.get(String.valueOf(id));
        Map<?, ?> record = (Map<?, ?>) resource.handle(get, get);
        assertEquals("SUCCEEDED", record.get("state"));
        assertEquals("客户.csv", record.get("fileName"));
        assertEquals(2, record.get("imported"));
        assertEquals(1, record.get("rejected"));
        assertEquals(Map.of("手机", "phone", "姓名", "name", "标签", "tags"), record.get("mapping"));
        assertEquals(1, ((List<?>) record.get("errors")).size());
        assertEquals(2L, kit.links());

        FakeRestRequest list = FakeRestRequest.get();
        assertEquals(1, ((List<?>) resource.handle(list, list)).size());
    }

    @Test
    void aSavedMappingIsUsedByName() throws Exception {
        FakeRestRequest save = new FakeRestRequest("PUT", "mappings", "crm").query("columns", "手机:phone,标签:tags");
        resource.handle(save, save);
        FakeRestRequest names = FakeRestRequest.get("mappings");
        assertEquals(List.of("crm"), resource.handle(names, names));
        FakeRestRequest call = post(CSV).query("dryRun", "true").query("mapping", "crm");
        Map<?, ?> answer = (Map<?, ?>) resource.handle(call, call);
        assertEquals(Map.of("手机", "phone", "标签", "tags"), answer.get("mapping"));
    }

    @Test
    void aGb18030BodyIsReadWithTheCharsetOfItsContentType() throws Exception {
        FakeRestRequest call = new FakeRestRequest("POST", "customers")
                .withHeader("Content-Type", "text/csv; charset=GBK")
                .body("手机,姓名\n13800000001,张三\n".getBytes(Charset.forName("GB18030")))
                .query("dryRun", "true").query("columns", "手机:phone,姓名:name");
        Map<?, ?> answer = (Map<?, ?>) resource.handle(call, call);
        assertEquals("GB18030", answer.get("encoding"));
        assertEquals(1, answer.get("ok"));
    }

    @Test
    void badRequestsNameWhatIsWrong() {
        assertEquals("query 'dryRun' is required: true (check only) or false (import)",
                refused(post(CSV).query("columns", "手机:phone"), 400));
        assertTrue(refused(post(CSV).query("dryRun", "true"), 400).startsWith("give either query 'mapping'"));
        assertEquals("query 'columns': column '电话' is not in the file; its columns are 手机, 姓名, 标签",
                refused(post(CSV).query("dryRun", "true").query("columns", "电话:phone"), 400));
        assertEquals("query 'mapping': there is no saved mapping 'nope'",
                refused(post(CSV).query("dryRun", "true").query("mapping", "nope"), 400));
        assertEquals("the request needs the CSV file as its body",
                refused(post("").query("dryRun", "true").query("mapping", "auto"), 400));
        assertEquals("row 1 is empty: the first row must name the columns",
                refused(post("\n").query("dryRun", "true").query("mapping", "auto"), 400));
        assertEquals("send the file with Content-Type: text/csv (or text/tab-separated-values), not application/json",
                refused(new FakeRestRequest("POST", "customers").withHeader("Content-Type", "application/json")
                        .json("{}").query("dryRun", "true"), 415));
        assertEquals("query 'encoding': encoding 'big5' is not supported: use auto, utf-8 or gb18030 (gbk)",
                refused(post(CSV).query("dryRun", "true").query("mapping", "auto").query("encoding", "big5"), 400));
        assertEquals("GET is not supported here; use POST", refused(FakeRestRequest.get("customers"), 405));
        assertEquals("there is no import 99", refused(FakeRestRequest.get("99"), 404));
        assertEquals("this needs the permission imports.run; viewer1 does not hold it",
                refused(FakeRestRequest.get().as(Role.VIEWER).permitting(p -> false), 403));
    }

    @Test
    void withoutTheJobServiceARealRunIs503() throws Exception {
        ImportsResource noJobs = new ImportsResource(kit.importer(false));
        FakeRestRequest call = post(CSV).query("dryRun", "false").query("mapping", "auto");
        RestException e = assertThrows(RestException.class, () -> noJobs.handle(call, call));
        assertEquals(503, e.status());
    }

    private String refused(FakeRestRequest call, int status) {
        RestException e = assertThrows(RestException.class, () -> resource.handle(call, call));
        assertEquals(status, e.status(), e.detail());
        return e.detail();
    }
}
