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
import org.siyu.kernel.tagging.internal.FakeEventBus;
import org.siyu.kernel.tagging.internal.MutableClock;
import org.siyu.kernel.tagging.internal.Tagging;
import org.siyu.kernel.tagging.internal.TaggingEntities;
import org.siyu.kernel.tagging.internal.TaggingPermissions;
import org.siyu.kernel.tagging.internal.export.ExportFiles;
import org.siyu.kernel.tagging.internal.export.SegmentExport;
import org.siyu.kernel.tagging.internal.jobs.Jobs;
import org.siyu.kernel.tagging.internal.saved.SavedSegments;
import org.siyu.testkit.FakeRestRequest;
import org.siyu.testkit.TestPersistenceUnit;

/** {@code /api/v1/segments} on the real service: saved segments and the streamed CSV export. */
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
        return new SegmentsResource(tagging, saved,
                new SegmentExport(tagging, new Jobs(null), new ExportFiles(dir), clock, null));
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out);
        assertEquals("\uFEFFcustomer_id,name,first_channel,owner,tags\r\n7,,,,猫主人\r\n",
                out.toString(StandardCharsets.UTF_8));

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
}
