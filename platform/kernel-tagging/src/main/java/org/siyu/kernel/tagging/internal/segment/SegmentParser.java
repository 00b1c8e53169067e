package org.siyu.kernel.tagging.internal.segment;

import java.util.ArrayList;
import java.util.List;
import org.siyu.api.tags.SegmentSyntaxException;

/**
 * A recursive-descent parser of segment expressions (grammar in the module README):
 *
 * <pre>
 * expr    = and { OR and }
 * and     = unary { AND unary }
 * unary   = NOT unary | primary
 * primary = "(" expr ")" | "tag:" name
 * </pre>
 *
 * Keywords and the {@code tag:} prefix are case-insensitive; tag names are not. A name is bare (everything up to
 * white space, a parenthesis or a quote: {@code tag:猫主人}) or quoted with {@code \"} and {@code \\} escapes
 * ({@code tag:"VIP 会员"}). Full-width parentheses （） count as parentheses. Positions are 0-based indexes into
 * the string (UTF-16 code units: one per Chinese character).
 */
public final class SegmentParser {

    private final String text;
    private int pos;

    private SegmentParser(String text) {
        this.text = text;
    }

    /**
     * Parses {@code text}.
     *
     * @throws SegmentSyntaxException naming the position and the token at fault
     */
    public static Expr parse(String text) {
        if (text == null || text.isBlank()) {
            throw new SegmentSyntaxException("the expression is empty", 0, "");
        }
        SegmentParser parser = new SegmentParser(text);
        Expr expr = parser.or();
        parser.skipSpace();
        if (!parser.atEnd()) {
            if (isClose(parser.peek())) {
                throw parser.error("unexpected ')' without a matching '('", parser.pos, parser.word());
            }
            throw parser.error("expected AND, OR or the end", parser.pos, parser.word());
        }
        return expr;
    }

    private Expr or() {
        List<Expr> operands = new ArrayList<>(List.of(and()));
        while (keyword("OR")) {
            operands.add(and());
        }
        return operands.size() == 1 ? operands.getFirst() : new Expr.Or(List.copyOf(operands));
    }

    private Expr and() {
        List<Expr> operands = new ArrayList<>(List.of(unary()));
        while (keyword("AND")) {
            operands.add(unary());
        }
        return operands.size() == 1 ? operands.getFirst() : new Expr.And(List.copyOf(operands));
    }

    private Expr unary() {
        if (keyword("NOT")) {
            return new Expr.Not(unary());
        }
        return primary();
    }

    private Expr primary() {
        skipSpace();
        if (atEnd()) {
            throw error("expected tag:, NOT or '(' but the expression ended", pos, "");
        }
        if (isOpen(peek())) {
            int open = pos++;
            Expr inner = or();
            skipSpace();
            if (atEnd()) {
                throw error("unclosed parenthesis", open, String.valueOf(text.charAt(open)));
            }
            if (!isClose(peek())) {
                throw error("expected AND, OR or ')'", pos, word());
            }
            pos++;
            return inner;
        }
        if (text.regionMatches(true, pos, "tag:", 0, 4)) {
            int prefix = pos;
            pos += 4;
            return name(prefix);
        }
        if (isClose(peek())) {
            throw error("expected tag:, NOT or '(' before ')'", pos, word());
        }
        throw error("expected tag:, NOT or '('", pos, word());
    }

    /** The name after the {@code tag:} at {@code prefix}; a missing name is reported at the prefix. */
    private Expr.Tag name(int prefix) {
        if (atEnd() || Character.isWhitespace(peek()) || isOpen(peek()) || isClose(peek())) {
            throw error("expected a tag after 'tag:'", prefix, text.substring(prefix, pos));
        }
        int start = pos;
        if (peek() != '"') {
            while (!atEnd() && !Character.isWhitespace(peek()) && !isOpen(peek()) && !isClose(peek())
                    && peek() != '"') {
                pos++;
            }
            return new Expr.Tag(text.substring(start, pos), start);
        }
        StringBuilder name = new StringBuilder();
        pos++;
        while (true) {
            if (atEnd()) {
                throw error("unclosed quote", start, text.substring(start));
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                break;
            }
            if (c == '\\') {
                if (pos + 1 < text.length() && (text.charAt(pos + 1) == '"' || text.charAt(pos + 1) == '\\')) {
                    name.append(text.charAt(pos + 1));
                    pos += 2;
                    continue;
                }
                throw error("unknown escape (write \\\" or \\\\)", pos, text.substring(pos, Math.min(pos + 2, text.length())));
            }
            name.append(c);
            pos++;
        }
        if (name.isEmpty()) {
            throw error("expected a tag after 'tag:'", prefix, text.substring(prefix, pos));
        }
        return new Expr.Tag(name.toString(), start);
    }

    /** Consumes {@code word} (any case) if it comes next as a whole word. */
    private boolean keyword(String word) {
        skipSpace();
        int end = pos + word.length();
        if (text.regionMatches(true, pos, word, 0, word.length())
                && (end == text.length() || Character.isWhitespace(text.charAt(end)) || isOpen(text.charAt(end))
                        || isClose(text.charAt(end)))) {
            pos = end;
            return true;
        }
        return false;
    }

    /** The token at {@code pos} for an error message: up to white space or a parenthesis, at least one character. */
    private String word() {
        if (atEnd()) {
            return "";
        }
        int end = pos + 1;
        if (!isOpen(peek()) && !isClose(peek())) {
            while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && !isOpen(text.charAt(end))
                    && !isClose(text.charAt(end))) {
                end++;
            }
        }
        return text.substring(pos, end);
    }

    private void skipSpace() {
        while (!atEnd() && Character.isWhitespace(peek())) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private char peek() {
        return text.charAt(pos);
    }

    private static boolean isOpen(char c) {
        return c == '(' || c == '（';
    }

    private static boolean isClose(char c) {
        return c == ')' || c == '）';
    }

    private SegmentSyntaxException error(String message, int position, String token) {
        return new SegmentSyntaxException(message, position, token);
    }
}
