package org.siyu.kernel.tagging.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.PrimitiveIterator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.siyu.api.tags.TagAssignment;
import org.siyu.api.tags.TagInfo;
import org.siyu.api.tags.TagService;
import org.siyu.kernel.tagging.internal.segment.SegmentParser;

/** The segment view on the server side: typing updates the count, or shows the error and where it is. */
class SegmentPanelTest {

    private final TagService tags = new TagService() {
        @Override
        public boolean assign(int customerId, String tag, String source, String evidence) {
            return false;
        }

        @Override
        public boolean unassign(int customerId, String tag, String actor) {
            return false;
        }

        @Override
        public List<TagAssignment> tags(int customerId) {
            return List.of();
        }

        @Override
        public List<TagInfo> list() {
            return List.of();
        }

        @Override
        public long count(String expression) {
            SegmentParser.parse(expression); // the real syntax errors
            return 12_345;
        }

        @Override
        public PrimitiveIterator.OfInt members(String expression) {
            return IntStream.empty().iterator();
        }
    };

    @Test
    void shouldShowTheCountAsTheUserTypes() {
        SegmentPanel panel = new SegmentPanel(tags, Locale.ENGLISH);
        panel.expressionField().setValue("tag:VIP");
        assertTrue(panel.countText().startsWith("12,345 customers ("), panel.countText());
        assertEquals("", panel.errorText());
        assertEquals("segment-expression", panel.expressionField().getId().orElseThrow());
    }

    @Test
    void shouldShowTheErrorWithItsPositionUnderTheField() {
        SegmentPanel panel = new SegmentPanel(tags, Locale.SIMPLIFIED_CHINESE);
        panel.expressionField().setValue("tag:猫主人 AND (tag:VIP");
        assertEquals("unclosed parenthesis at position 12 ('(')", panel.errorText());
        assertEquals("", panel.countText());
        assertTrue(panel.expressionField().isInvalid());

        panel.expressionField().setValue("tag:猫主人 AND tag:VIP");
        assertTrue(panel.countText().startsWith("12,345 位客户"), panel.countText());
        assertEquals("", panel.errorText());
    }

    @Test
    void shouldPutTheCaretUnderWideCharactersCorrectly() {
        assertEquals(10, SegmentPanel.columns("tag:猫主人"));
        assertEquals(4, SegmentPanel.columns("tag:"));
    }
}
