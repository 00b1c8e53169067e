package org.siyu.kernel.tagging.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.rest.RestException;
import org.siyu.api.security.Role;
import org.siyu.api.tags.TagInfo;
import org.siyu.kernel.tagging.internal.FakeEventBus;
import org.siyu.kernel.tagging.internal.MutableClock;
import org.siyu.kernel.tagging.internal.Tagging;
import org.siyu.kernel.tagging.internal.TaggingEntities;
import org.siyu.kernel.tagging.internal.scope.Scopes;
import org.siyu.testkit.FakeRestRequest;
import org.siyu.testkit.TestPersistenceUnit;
import tools.jackson.databind.json.JsonMapper;

/** The counts and the tag list on the real service (H2): VIP has 3 customers, 猫主人 1. */
class ResourcesTest {

    private final TestPersistenceUnit unit = TestPersistenceUnit.of(new TaggingEntities());
    private final Tagging tags = new Tagging(unit, new FakeEventBus(), new MutableClock(
            Instant.parse("2026-11-01T08:00:00Z")));
    private final Scopes unscoped = new Scopes(null, null);
    // the counts need neither saved segments nor exports (SegmentsResourceTest covers those)
    private final SegmentsResource segments = new SegmentsResource(tags, null, null, unscoped);
    private final TagsResource tagList = new TagsResource(tags, unscoped);

    ResourcesTest() {
        for (int c = 1; c <= 3; c++) {
            tags.assign(c, "VIP", "manual", "alice");
        }
        tags.assign(1, "猫主人", "manual", "alice");
    }

    @AfterEach
    void close() {
        tags.deactivate();
        unit.close();
    }

    @Test
    void shouldCountASegment() throws Exception {
        var answer = (SegmentsResource.Count) segments.handle(
                FakeRestRequest.get("count").query(Map.of("expr", "tag:VIP")), null);
        assertEquals(3, answer.count());
        assertTrue(answer.micros() >= 0);
        String json = JsonMapper.builder().build().writeValueAsString(answer);
        assertTrue(json.matches("\\{\"count\":3,\"micros\":\\d+,\"scope\":null}"), json);
    }

    @Test
    void shouldAnswerABadExpressionWith400NamingThePosition() {
        RestException e = assertThrows(RestException.class, () -> segments.handle(
                FakeRestRequest.get("count").query(Map.of("expr", "tag:猫主人 OR tag:狗主人")), null));
        assertEquals(400, e.status());
        assertEquals("bad expression", e.error());
        assertEquals("unknown tag '狗主人' at position 15 ('狗主人')", e.detail());
    }

    @Test
    void shouldRefuseAMissingExpressionAnUnknownPathAndOtherMethods() {
        RestException missing = assertThrows(RestException.class,
                () -> segments.handle(FakeRestRequest.get("count"), null));
        assertEquals(400, missing.status());
        assertTrue(missing.detail().contains("'expr'"));
        assertEquals(404, assertThrows(RestException.class,
                () -> segments.handle(FakeRestRequest.get("members"), null)).status());
        assertEquals(405, assertThrows(RestException.class, () -> segments.handle(
                new FakeRestRequest("POST", "count").query(Map.of("expr", "tag:VIP")), null)).status());
    }

    @Test
    void shouldRefuseAUserWithoutThePermission() {
        RestException e = assertThrows(RestException.class, () -> segments.handle(FakeRestRequest.get("count")
                .as("alice", Role.VIEWER).permitting(permission -> false).query(Map.of("expr", "tag:VIP")), null));
        assertEquals(403, e.status());
        assertTrue(e.detail().contains("tagging.view"));
    }

    @Test
    void shouldListTheTagsWithCounts() throws Exception {
        @SuppressWarnings("unchecked")
        List<TagInfo> answer = ((List<TagInfo>) tagList.handle(FakeRestRequest.get(), null)).stream()
                .filter(t -> t.group().equals("default")).toList(); // the system tags are there too, empty
        assertEquals("[{\"name\":\"VIP\",\"group\":\"default\",\"system\":false,\"customers\":3},"
                        + "{\"name\":\"猫主人\",\"group\":\"default\",\"system\":false,\"customers\":1}]",
                JsonMapper.builder().build().writeValueAsString(answer));
        assertEquals(404, assertThrows(RestException.class,
                () -> tagList.handle(FakeRestRequest.get("VIP"), null)).status());
    }
}
