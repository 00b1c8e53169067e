package org.siyu.kernel.tagging.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.siyu.kernel.tagging.internal.Stores;
import org.siyu.kernel.tagging.internal.scope.Scope;
import org.siyu.kernel.tagging.internal.scope.Scopes;
import org.siyu.kernel.tagging.internal.segment.SegmentParser;

/** The segment view on the server side: typing updates the count, or shows the error and where it is. */
class SegmentPanelTest {

    /** Counts 12,345 for any valid expression, 12 within a scope. */
    private final SegmentPanel.Counter counter = (expression, within) -> {
        SegmentParser.parse(expression); // the real syntax errors
        return within == null ? 12_345 : within.getLongCardinality();
    };

    @Test
    void shouldShowTheCountAsTheUserTypes() {
        SegmentPanel panel = new SegmentPanel(counter, () -> Scope.UNRESTRICTED, Locale.ENGLISH);
        panel.expressionField().setValue("tag:VIP");
        assertTrue(panel.countText().startsWith("12,345 customers ("), panel.countText());
        assertEquals("", panel.errorText());
        assertEquals("segment-expression", panel.expressionField().getId().orElseThrow());
    }

    @Test
    void shouldShowTheErrorWithItsPositionUnderTheField() {
        SegmentPanel panel = new SegmentPanel(counter, () -> Scope.UNRESTRICTED, Locale.SIMPLIFIED_CHINESE);
        panel.expressionField().setValue("tag:猫主人 AND (tag:VIP");
        assertEquals("unclosed parenthesis at position 12 ('(')", panel.errorText());
        assertEquals("", panel.countText());
        assertTrue(panel.expressionField().isInvalid());

        panel.expressionField().setValue("tag:猫主人 AND tag:VIP");
        assertTrue(panel.countText().startsWith("12,345 位客户"), panel.countText());
        assertEquals("", panel.errorText());
    }

    @Test
    void shouldCountInTheUsersDataScopeAndSayWhoseCustomersTheyAre() {
        SegmentPanel panel = new SegmentPanel(counter, () -> Stores.scopes().of(Stores.SH_MANAGER), Locale.ENGLISH);
        panel.expressionField().setValue("tag:VIP");
        assertTrue(panel.countText().startsWith("4 customers ("), "the scope was handed over: " + panel.countText());
        assertEquals("in your data scope (unit sh-jingan)", panel.scopeText());

        SegmentPanel closed = new SegmentPanel(counter, () -> new Scopes(Stores.org(), null).of(Stores.SH_MANAGER),
                Locale.SIMPLIFIED_CHINESE);
        closed.expressionField().setValue("tag:VIP");
        assertTrue(closed.countText().startsWith("0 位客户"), closed.countText());
        assertTrue(closed.scopeText().startsWith("账号 sh-manager 只能查看组织 sh-jingan 的客户"), closed.scopeText());

        SegmentPanel all = new SegmentPanel(counter, () -> Scope.UNRESTRICTED, Locale.ENGLISH);
        all.expressionField().setValue("tag:VIP");
        assertEquals("", all.scopeText());
    }

    @Test
    void shouldPutTheCaretUnderWideCharactersCorrectly() {
        assertEquals(10, SegmentPanel.columns("tag:猫主人"));
        assertEquals(4, SegmentPanel.columns("tag:"));
    }
}
