package org.siyu.launcher.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Path segments of the REST API are decoded once, as paths (not forms) are. */
class PathSegmentsTest {

    @Test
    void shouldKeepAPlusSignAPlusSign() {
        assertEquals(List.of("identities", "phone:+8613800000000"),
                ResourceCall.decodedSegments("identities/phone:+8613800000000"));
        assertEquals("phone:+8613800000000", ResourceCall.decode("phone:%2B8613800000000"));
    }

    @Test
    void shouldDecodeEscapesOnceAndKeepAnEncodedSlashInsideItsSegment() {
        assertEquals(List.of("tags", "猫主人"), ResourceCall.decodedSegments("/tags/%E7%8C%AB%E4%B8%BB%E4%BA%BA/"));
        assertEquals(List.of("tags", "a/b"), ResourceCall.decodedSegments("tags/a%2Fb"));
        assertEquals(List.of("tags", "100%"), ResourceCall.decodedSegments("tags/100%25"));
        assertEquals(List.of("tags", "VIP 客户"), ResourceCall.decodedSegments("tags/VIP%20客户"));
    }
}
