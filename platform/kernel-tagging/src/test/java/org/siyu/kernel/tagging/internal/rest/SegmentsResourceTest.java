package org.siyu.kernel.tagging.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siyu.api.rest.RestException;
import org.siyu.api.rest.StreamedBody;
import org.siyu.api.security.Role;
import org.siyu.api.tags.TagInfo;
import org.siyu.kernel.tagging.internal.FakeEventBus;
import org.siyu.kernel.tagging.internal.FakeIdentity;
import org.siyu.kernel.tagging.internal.MutableClock;
import org.siyu.kernel.tagging.internal.Stores;
import org.siyu.kernel.tagging.internal.Tagging;
import org.siyu.kernel.tagging.internal.TaggingEntities;
import org.siyu.kernel.tagging.internal.TaggingPermissions;
import org.siyu.kernel.tagging.internal.export.ExportFiles;
import org.siyu.kernel.tagging.internal.export.SegmentExport;
import org.siyu.support.jobs.Jobs;
import org.siyu.kernel.tagging.internal.saved.SavedSegments;
import org.siyu.kernel.tagging.internal.scope.Scopes;
import org.siyu.testkit.FakeRestRequest;
import org.siyu.testkit.TestPersistenceUnit;

/**
 * {@code /api/v1/segments} and {@code /api/v1/tags} on the real service: saved segments, the streamed CSV export, and
 * the counts and exports of a caller with a data scope.
 */
class SegmentsResourceTest {

    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

    @TempDir
    Path dir;

    private final TestPersistenceUnit unit = TestPersistenceUnit.of(new TaggingEntities());
    private final MutableClock clock = new MutableClock(T0);
    private final Tagging tagging = new Tagging(unit, new FakeEventBus(), clock);
    private final SavedSegments saved = new SavedSegments(tagging, clock);

    @AfterEach
    void close() {
        tagging.deactivate();
        unit.close();
    }

    private SegmentsResource resource() {
        return resource(new Scopes(null, null), null);
    }

    private SegmentsResource resource(Scopes scopes, FakeIdentity identity) {
        return new SegmentsResource(tagging, saved,
                new SegmentExport(tagging, new Jobs(null), scopes, new ExportFiles(dir), clock, identity), scopes);
    }

    private static String csv(StreamedBody body) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldCreateReadUpdateAndDeleteASavedSegment() throws Exception {
        tagging.assign(1, "猫主人", "manual", "alice");
        SegmentsResource segments = resource();

        FakeRestRequest post = FakeRestRequest.of("POST", "").json(Map.of("name", "猫", "expression", "tag:猫主人"));
        var created = (SegmentsResource.Segment) segments.handle(post, post);
        assertEquals(201, post.status());
        assertEquals("/api/v1/segments/" + created.id(), post.responseHeader("Location").orElseThrow());
        assertEquals(1, created.count());
        assertEquals("operator1", created.createdBy());

        var one = (SegmentsResource.Segment) segments.handle(FakeRestRequest.get(String.valueOf(created.id())), null);
        assertEquals("tag:猫主人", one.expression());
        assertNull(one.error());
        assertEquals(List.of(one), segments.handle(FakeRestRequest.get(), null));

        FakeRestRequest put = FakeRestRequest.of("PUT", String.valueOf(created.id()))
                .json(Map.of("name", "猫客", "expression", "NOT tag:猫主人", "description", "非猫"));
        var updated = (SegmentsResource.Segment) segments.handle(put, put);
        assertEquals("猫客", updated.name());
        assertEquals(0, updated.count());

        FakeRestRequest delete = FakeRestRequest.of("DELETE", String.valueOf(created.id()));
        assertNull(segments.handle(delete, delete));
        assertEquals(204, delete.status());
        assertEquals(404, assertThrows(RestException.class,
                () -> segments.handle(FakeRestRequest.get(String.valueOf(created.id())), null)).status());
    }

    @Test
    void shouldNameTheFieldOfABadSegmentAndAnswerATakenNameWith409() throws Exception {
        tagging.assign(1, "VIP", "manual", "alice");
        SegmentsResource segments = resource();
        FakeRestRequest first = FakeRestRequest.of("POST", "").json(Map.of("name", "VIP", "expression", "tag:VIP"));
        segments.handle(first, first);

        FakeRestRequest bad = FakeRestRequest.of("POST", "").json(Map.of("name", "x", "expression", "tag:VIP AND"));
        RestException syntax = assertThrows(RestException.class, () -> segments.handle(bad, bad));
        assertEquals(400, syntax.status());
        assertEquals("expression: expected tag:, NOT or '(' but the expression ended at position 11", syntax.detail());

        FakeRestRequest noName = FakeRestRequest.of("POST", "").json(Map.of("expression", "tag:VIP"));
        assertEquals("name: is required", assertThrows(RestException.class,
                () -> segments.handle(noName, noName)).detail());

        FakeRestRequest taken = FakeRestRequest.of("POST", "").json(Map.of("name", "VIP", "expression", "tag:VIP"));
        assertEquals(409, assertThrows(RestException.class, () -> segments.handle(taken, taken)).status());
    }

    @Test
    void shouldRefuseChangesAndExportsWithoutThePermissions() {
        SegmentsResource segments = resource();
        FakeRestRequest viewer = FakeRestRequest.of("POST", "").as(Role.VIEWER)
                .permitting(p -> p.equals(TaggingPermissions.VIEW)).json(Map.of("name", "x", "expression", "tag:a"));
        RestException e = assertThrows(RestException.class, () -> segments.handle(viewer, viewer));
        assertEquals(403, e.status());
        assertTrue(e.detail().contains(TaggingPermissions.EDIT), e.detail());
        FakeRestRequest export = FakeRestRequest.get("export").as(Role.VIEWER)
                .permitting(p -> p.equals(TaggingPermissions.VIEW)).query("expr", "tag:a");
        assertTrue(assertThrows(RestException.class, () -> segments.handle(export, export)).detail()
                .contains(TaggingPermissions.EXPORT));
    }

    @Test
    void shouldStreamTheCsvOfAnExpressionAndOfASavedSegment() throws Exception {
        tagging.assign(7, "猫主人", "manual", "alice");
        SegmentsResource segments = resource();

        FakeRestRequest call = FakeRestRequest.get("export").query("expr", "tag:猫主人");
        StreamedBody body = (StreamedBody) segments.handle(call, call);
        assertEquals("text/csv; charset=UTF-8", body.contentType());
        assertEquals("attachment; filename=\"segment-expr.csv\"", call.responseHeader("Content-Disposition")
                .orElseThrow());
        assertEquals("\uFEFFcustomer_id,name,first_channel,owner,tags\r\n7,,,,猫主人\r\n", csv(body));

        FakeRestRequest post = FakeRestRequest.of("POST", "").json(Map.of("name", "猫", "expression", "tag:猫主人"));
        int id = ((SegmentsResource.Segment) segments.handle(post, post)).id();
        FakeRestRequest byId = FakeRestRequest.get(String.valueOf(id), "export");
        assertTrue(segments.handle(byId, byId) instanceof StreamedBody);

        FakeRestRequest bad = FakeRestRequest.get("export").query("expr", "tag:狗主人");
        RestException e = assertThrows(RestException.class, () -> segments.handle(bad, bad));
        assertEquals("bad expression", e.error(), "refused before anything is streamed");
        assertEquals(404, assertThrows(RestException.class,
                () -> segments.handle(FakeRestRequest.get("999", "export"), null)).status());
        assertEquals(404, assertThrows(RestException.class,
                () -> segments.handle(FakeRestRequest.get("members"), null)).status());
    }

    @Test
    void shouldCountTheSegmentInTheCallersDataScopeAndEverythingForAnUnscopedOne() throws Exception {
        Stores.tag(tagging);
        SegmentsResource segments = resource(Stores.scopes(), Stores.identity());

        var scoped = (SegmentsResource.Count) segments.handle(FakeRestRequest.get("count")
                .as(Stores.SH_MANAGER, Role.OPERATOR).query("expr", "tag:VIP"), null);
        assertEquals(2, scoped.count(), "customers 1 and 5: the VIPs owned by the store's guides");
        assertEquals("sh-jingan", scoped.scope());
        var negated = (SegmentsResource.Count) segments.handle(FakeRestRequest.get("count")
                .as(Stores.SH_MANAGER, Role.OPERATOR).query("expr", "NOT tag:VIP"), null);
        assertEquals(1, negated.count(), "customer 2; not 7, whom tagging has not heard of (as unscoped)");
        var beijing = (SegmentsResource.Count) segments.handle(FakeRestRequest.get("count")
                .as(Stores.BJ_MANAGER, Role.OPERATOR).query("expr", "tag:VIP AND tag:猫主人"), null);
        assertEquals(1, beijing.count());

        var all = (SegmentsResource.Count) segments.handle(FakeRestRequest.get("count").as("admin", Role.ADMIN)
                .query("expr", "tag:VIP"), null);
        assertEquals(4, all.count(), "unscoped: unchanged");
        assertNull(all.scope());
        assertEquals(1, ((SegmentsResource.Count) segments.handle(FakeRestRequest.get("count")
                .as("admin", Role.ADMIN).query("expr", "NOT tag:VIP"), null)).count());

        RestException bad = assertThrows(RestException.class, () -> segments.handle(FakeRestRequest.get("count")
                .as(Stores.SH_MANAGER, Role.OPERATOR).query("expr", "tag:狗主人"), null));
        assertEquals(400, bad.status(), "a bad expression is still a 400 in a scope");
    }

    @Test
    void shouldCountSavedSegmentsInTheCallersDataScope() throws Exception {
        Stores.tag(tagging);
        SegmentsResource segments = resource(Stores.scopes(), Stores.identity());
        FakeRestRequest post = FakeRestRequest.of("POST", "").as(Stores.SH_MANAGER, Role.OPERATOR)
                .json(Map.of("name", "猫", "expression", "tag:猫主人"));
        var created = (SegmentsResource.Segment) segments.handle(post, post);
        assertEquals(2, created.count(), "customers 2 and 5");
        assertEquals("sh-jingan", created.scope());

        @SuppressWarnings("unchecked")
        var list = (List<SegmentsResource.Segment>) segments.handle(FakeRestRequest.get()
                .as(Stores.BJ_MANAGER, Role.OPERATOR), null);
        assertEquals(1, list.getFirst().count(), "customer 3");
        var one = (SegmentsResource.Segment) segments.handle(FakeRestRequest.get(String.valueOf(created.id()))
                .as("admin", Role.ADMIN), null);
        assertEquals(3, one.count());
        assertNull(one.scope());
    }

    @Test
    void shouldExportExactlyTheStoresCustomersOfTheSegmentToItsManager() throws Exception {
        Stores.tag(tagging);
        SegmentsResource segments = resource(Stores.scopes(), Stores.identity());

        FakeRestRequest call = FakeRestRequest.get("export").as(Stores.SH_MANAGER, Role.OPERATOR)
                .query("expr", "tag:VIP OR tag:猫主人");
        StreamedBody body = (StreamedBody) segments.handle(call, call);
        assertEquals("attachment; filename=\"segment-expr-scope-sh-jingan.csv\"",
                call.responseHeader("Content-Disposition").orElseThrow());
        assertEquals("\uFEFFcustomer_id,name,first_channel,owner,tags\r\n"
                + "1,张三,wecom,g-1,VIP\r\n"
                + "2,李四,wecom,g-2,猫主人\r\n"
                + "5,钱七,wecom,g-1,VIP; 猫主人\r\n", csv(body),
                "the segment's customers owned by the store's guides, and nobody else's");

        FakeRestRequest admin = FakeRestRequest.get("export").as("admin", Role.ADMIN).query("expr", "tag:VIP");
        String everyone = csv((StreamedBody) segments.handle(admin, admin));
        assertEquals(5, everyone.split("\r\n").length, "header and customers 1, 3, 4, 5: unscoped is unchanged");
        assertEquals("attachment; filename=\"segment-expr.csv\"", admin.responseHeader("Content-Disposition")
                .orElseThrow());
    }

    @Test
    void shouldAnswer503ToAScopedCallerWhileOneIdIsNotRunningAndShowNoCustomers() throws Exception {
        Stores.tag(tagging);
        SegmentsResource segments = resource(new Scopes(Stores.org(), null), null);
        for (FakeRestRequest call : List.of(
                FakeRestRequest.get("count").query("expr", "tag:VIP"),
                FakeRestRequest.get(),
                FakeRestRequest.get("export").query("expr", "tag:VIP"),
                FakeRestRequest.of("POST", "").json(Map.of("name", "x", "expression", "tag:VIP")))) {
            call.as(Stores.SH_MANAGER, Role.OPERATOR);
            RestException e = assertThrows(RestException.class, () -> segments.handle(call, call));
            assertEquals(503, e.status(), call.method() + " " + call.segments());
            assertEquals("data scope unavailable", e.error());
            assertTrue(e.detail().contains("OneID (bundle org.siyu.kernel.identity)"), e.detail());
        }
        assertTrue(saved.list().isEmpty(), "the refused POST wrote nothing");
        var admin = (SegmentsResource.Count) segments.handle(FakeRestRequest.get("count").as("admin", Role.ADMIN)
                .query("expr", "tag:VIP"), null);
        assertEquals(4, admin.count(), "an unscoped account does not need OneID");
    }

    @Test
    void shouldListTagCountsInTheCallersDataScope() throws Exception {
        Stores.tag(tagging);
        TagsResource tags = new TagsResource(tagging, Stores.scopes());
        assertEquals(Map.of("VIP", 2L, "猫主人", 2L), counts(tags, Stores.SH_MANAGER));
        assertEquals(Map.of("VIP", 1L, "猫主人", 1L), counts(tags, Stores.BJ_MANAGER));
        assertEquals(Map.of("VIP", 4L, "猫主人", 3L), counts(tags, "admin"));
        assertEquals(503, assertThrows(RestException.class, () -> new TagsResource(tagging,
                new Scopes(Stores.org(), null)).handle(FakeRestRequest.get().as(Stores.SH_MANAGER, Role.VIEWER),
                null)).status());
    }

    private static Map<String, Long> counts(TagsResource tags, String account) throws Exception {
        @SuppressWarnings("unchecked")
        List<TagInfo> list = (List<TagInfo>) tags.handle(FakeRestRequest.get().as(account, Role.VIEWER), null);
        return list.stream().filter(t -> t.group().equals("default"))
                .collect(java.util.stream.Collectors.toMap(TagInfo::name, TagInfo::customers));
    }
}
