package org.siyu.kernel.tagging.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.PrimitiveIterator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.siyu.api.rest.RestException;
import org.siyu.api.security.Role;
import org.siyu.api.tags.SegmentSyntaxException;
import org.siyu.api.tags.TagAssignment;
import org.siyu.api.tags.TagInfo;
import org.siyu.api.tags.TagService;
import org.siyu.testkit.FakeRestRequest;
import tools.jackson.databind.json.JsonMapper;

class ResourcesTest {

    /** Knows the tags VIP (3 customers) and 猫主人 (1); counts "tag:VIP" as 3 and anything else as 1. */
    private final TagService tags = new TagService() {
        @Override
        public boolean assign(int customerId, String tag, String source, String evidence) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean unassign(int customerId, String tag, String actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<TagAssignment> tags(int customerId) {
            return List.of();
        }

        @Override
        public List<TagInfo> list() {
            return List.of(new TagInfo("VIP", "default", false, 3), new TagInfo("猫主人", "default", false, 1));
        }

        @Override
        public long count(String expression) {
            if (expression.contains("狗主人")) {
                throw new SegmentSyntaxException("unknown tag '狗主人'", 15, "狗主人");
            }
            return expression.equals("tag:VIP") ? 3 : 1;
        }

        @Override
        public PrimitiveIterator.OfInt members(String expression) {
            return IntStream.empty().iterator();
        }
    };

    // the counts need neither saved segments nor exports (SegmentsResourceTest covers those on the real service)
    private final SegmentsResource segments = new SegmentsResource(tags, null, null);
    private final TagsResource tagList = new TagsResource(tags);

    @Test
    void shouldCountASegment() throws Exception {
        var answer = (SegmentsResource.Count) segments.handle(
                FakeRestRequest.get("count").query(Map.of("expr", "tag:VIP")), null);
        assertEquals(3, answer.count());
        assertTrue(answer.micros() >= 0);
        String json = JsonMapper.builder().build().writeValueAsString(answer);
        assertTrue(json.matches("\\{\"count\":3,\"micros\":\\d+}"), json);
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
        Object answer = tagList.handle(FakeRestRequest.get(), null);
        assertEquals("[{\"name\":\"VIP\",\"group\":\"default\",\"system\":false,\"customers\":3},"
                        + "{\"name\":\"猫主人\",\"group\":\"default\",\"system\":false,\"customers\":1}]",
                JsonMapper.builder().build().writeValueAsString(answer));
        assertEquals(404, assertThrows(RestException.class,
                () -> tagList.handle(FakeRestRequest.get("VIP"), null)).status());
    }
}
