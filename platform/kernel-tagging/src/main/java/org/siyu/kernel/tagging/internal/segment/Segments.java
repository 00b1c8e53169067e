package org.siyu.kernel.tagging.internal.segment;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.roaringbitmap.RoaringBitmap;
import org.siyu.api.tags.SegmentSyntaxException;

/**
 * Parses segment expressions, keeping the parse of recently seen strings (a segment is counted again and again as
 * the admin types or a dashboard refreshes), and evaluates them on bitmaps.
 */
public final class Segments {

    /** Parses kept; when full the cache starts over (cheap, and parsing is microseconds anyway). */
    static final int CACHE_SIZE = 1024;

    private final Map<String, Expr> parsed = new ConcurrentHashMap<>();

    /**
     * The parse of {@code expression}.
     *
     * @throws SegmentSyntaxException if it is not a valid expression (errors are not cached)
     */
    public Expr parse(String expression) {
        Expr expr = parsed.get(expression);
        if (expr == null) {
            expr = SegmentParser.parse(expression);
            if (parsed.size() >= CACHE_SIZE) {
                parsed.clear();
            }
            parsed.put(expression, expr);
        }
        return expr;
    }

    /**
     * How many customers {@code expr} selects.
     *
     * @throws SegmentSyntaxException if it names an unknown tag
     */
    public static long count(Expr expr, Bitmaps bitmaps) {
        Plan plan = Plan.of(expr, bitmaps);
        return new SegmentEvaluator(bitmaps.universe()).count(plan);
    }

    /**
     * The customers {@code expr} selects, as a bitmap of their own (safe to keep after the bitmaps change).
     *
     * @throws SegmentSyntaxException if it names an unknown tag
     */
    public static RoaringBitmap select(Expr expr, Bitmaps bitmaps) {
        Plan plan = Plan.of(expr, bitmaps);
        RoaringBitmap result = new SegmentEvaluator(bitmaps.universe()).bitmap(plan);
        // Only a leaf, or an intersection that stopped on its first (empty) operand, hands out a tag's own bitmap.
        boolean mayBeShared = plan instanceof Plan.Leaf || plan instanceof Plan.All;
        return mayBeShared ? result.clone() : result;
    }

    /**
     * How many customers of {@code within} {@code expr} selects: the scope is one more operand of an intersection, so
     * the counter skips the chunks of ids where the scope has nobody and materialises nothing.
     *
     * @param within customers, for example of a data scope; only read
     * @throws SegmentSyntaxException if it names an unknown tag
     */
    public static long count(Expr expr, Bitmaps bitmaps, RoaringBitmap within) {
        Plan plan = Plan.within(Plan.of(expr, bitmaps), scope(within, bitmaps));
        return new SegmentEvaluator(bitmaps.universe()).count(plan);
    }

    /**
     * The customers of {@code within} that {@code expr} selects, as a bitmap of their own.
     *
     * @throws SegmentSyntaxException if it names an unknown tag
     */
    public static RoaringBitmap select(Expr expr, Bitmaps bitmaps, RoaringBitmap within) {
        Plan plan = Plan.within(Plan.of(expr, bitmaps), scope(within, bitmaps));
        // an intersection that includes the scope, a bitmap of our own: never hands out a tag's bitmap
        return new SegmentEvaluator(bitmaps.universe()).bitmap(plan);
    }

    /**
     * The scope cut to the universe. The evaluation assumes every operand is a subset of the universe (an AND with a
     * NOT subtracts from its positive operands without intersecting the universe again); a customer OneID knows and
     * tagging has not heard of yet must not be counted by {@code NOT tag:x} in a scope when it is not counted
     * without one. As large as the scope at most.
     */
    private static RoaringBitmap scope(RoaringBitmap within, Bitmaps bitmaps) {
        return RoaringBitmap.and(within, bitmaps.universe());
    }
}
