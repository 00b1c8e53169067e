package org.siyu.kernel.tagging.internal.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.siyu.api.tags.SegmentSyntaxException;

class SegmentParserTest {

    private static Expr.Tag tag(String name, int position) {
        return new Expr.Tag(name, position);
    }

    /** A compact form of the tree that ignores positions: (a & b), (a | b), !a. */
    private static String shape(Expr e) {
        return switch (e) {
            case Expr.Tag t -> t.name();
            case Expr.Not n -> "!" + shape(n.operand());
            case Expr.And a -> "(" + String.join(" & ", a.operands().stream().map(SegmentParserTest::shape).toList()) + ")";
            case Expr.Or o -> "(" + String.join(" | ", o.operands().stream().map(SegmentParserTest::shape).toList()) + ")";
        };
    }

    private static String shape(String text) {
        return shape(SegmentParser.parse(text));
    }

    private static SegmentSyntaxException error(String text) {
        return assertThrows(SegmentSyntaxException.class, () -> SegmentParser.parse(text));
    }

    @Test
    void shouldParseABareTagWithItsPosition() {
        assertEquals(tag("VIP", 4), SegmentParser.parse("tag:VIP"));
        assertEquals(tag("VIP", 6), SegmentParser.parse("  tag:VIP  "));
    }

    @Test
    void shouldParseBareChineseNames() {
        assertEquals(tag("猫主人", 4), SegmentParser.parse("tag:猫主人"));
        assertEquals("(猫主人 & 复购客户)", shape("tag:猫主人 AND tag:复购客户"));
    }

    @Test
    void shouldParseQuotedNamesWithEscapes() {
        assertEquals(tag("VIP 会员", 4), SegmentParser.parse("tag:\"VIP 会员\""));
        assertEquals("say \"hi\" \\ bye", ((Expr.Tag) SegmentParser.parse("tag:\"say \\\"hi\\\" \\\\ bye\"")).name());
        assertEquals("(a b | c)", shape("tag:\"a b\" OR tag:c"));
        assertEquals("AND", ((Expr.Tag) SegmentParser.parse("tag:\"AND\"")).name());
    }

    @Test
    void shouldTakeKeywordsAndPrefixInAnyCase() {
        assertEquals("(a & (b | !c))", shape("TAG:a and (Tag:b oR nOt tag:c)"));
    }

    @Test
    void shouldBindNotTighterThanAndAndAndTighterThanOr() {
        assertEquals("(a | (b & c))", shape("tag:a OR tag:b AND tag:c"));
        assertEquals("((a & b) | c)", shape("tag:a AND tag:b OR tag:c"));
        assertEquals("(!a & b)", shape("NOT tag:a AND tag:b"));
        assertEquals("(!a | !!b)", shape("NOT tag:a OR NOT NOT tag:b"));
        assertEquals("((a | b) & c)", shape("(tag:a OR tag:b) AND tag:c"));
        assertEquals("!(a | b)", shape("NOT (tag:a OR tag:b)"));
        assertEquals("(a & b & c & d)", shape("tag:a AND tag:b AND tag:c AND tag:d"));
    }

    @Test
    void shouldAcceptParenthesesWithoutSpacesAndFullWidthParentheses() {
        assertEquals("(a & (b | c))", shape("tag:a AND(tag:b OR tag:c)"));
        assertEquals("(猫主人 & (狗主人 | c))", shape("tag:猫主人 AND （tag:狗主人 OR tag:c）"));
        assertEquals("!a", shape("NOT(tag:a)"));
    }

    @Test
    void shouldReportAMissingTagNameAtThePrefix() {
        SegmentSyntaxException e = error("tag:VIP AND tag:");
        assertEquals(12, e.position());
        assertEquals("tag:", e.token());
        assertEquals("expected a tag after 'tag:' at position 12 ('tag:')", e.getMessage());
        assertEquals(12, error("tag:VIP AND tag: OR tag:x").position());
        assertEquals(12, error("tag:VIP AND TAG:)").position());
        SegmentSyntaxException empty = error("tag:a OR tag:\"\"");
        assertEquals(9, empty.position());
        assertEquals("tag:\"\"", empty.token());
    }

    @Test
    void shouldReportAnUnclosedParenthesisAtItsPosition() {
        SegmentSyntaxException e = error("tag:a AND (tag:b OR tag:c");
        assertEquals(10, e.position());
        assertEquals("(", e.token());
        assertEquals("unclosed parenthesis at position 10 ('(')", e.getMessage());
    }

    @Test
    void shouldReportAnUnexpectedClosingParenthesis() {
        SegmentSyntaxException e = error("tag:a) AND tag:b");
        assertEquals(5, e.position());
        assertEquals(")", e.token());
        assertEquals(0, error(")").position());
        assertEquals(10, error("tag:a AND )").position());
    }

    @Test
    void shouldReportAMissingOperatorBetweenTerms() {
        SegmentSyntaxException e = error("tag:a tag:b");
        assertEquals("expected AND, OR or the end at position 6 ('tag:b')", e.getMessage());
        SegmentSyntaxException inParens = error("(tag:a tag:b)");
        assertEquals(7, inParens.position());
        assertEquals("tag:b", inParens.token());
    }

    @Test
    void shouldReportATermThatIsNotATag() {
        SegmentSyntaxException e = error("vip AND tag:x");
        assertEquals(0, e.position());
        assertEquals("vip", e.token());
        assertEquals(9, error("tag:a OR vip").position());
        // "ANDtag:b" is not the keyword AND
        assertEquals("ANDtag:b", error("tag:a ANDtag:b").token());
    }

    @Test
    void shouldReportAnExpressionThatEndsAfterAnOperator() {
        SegmentSyntaxException e = error("tag:a AND");
        assertEquals(9, e.position());
        assertEquals("", e.token());
        assertEquals("expected tag:, NOT or '(' but the expression ended at position 9", e.getMessage());
        assertEquals(3, error("NOT").position());
    }

    @Test
    void shouldReportAnUnclosedQuoteAtTheQuote() {
        SegmentSyntaxException e = error("tag:a OR tag:\"VIP 会员");
        assertEquals(13, e.position());
        assertEquals("\"VIP 会员", e.token());
        assertEquals(List.of("unclosed quote"), List.of(e.getMessage().substring(0, 14)));
    }

    @Test
    void shouldReportAnUnknownEscape() {
        SegmentSyntaxException e = error("tag:\"a\\nb\"");
        assertEquals(6, e.position());
        assertEquals("\\n", e.token());
    }

    @Test
    void shouldReportAnEmptyExpression() {
        assertEquals(0, error("").position());
        assertEquals(0, error("   ").position());
        assertEquals(0, error(null).position());
    }
}
