package org.siyu.kernel.tagging.internal.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;
import org.siyu.api.tags.SegmentSyntaxException;

/** The fast evaluation against the naive one, on random tags and random expressions over them. */
class SegmentEvaluationTest {

    private static final int CUSTOMERS = 200_000;
    private static final String[] NAMES = {"a", "b", "c", "d", "e", "猫主人", "VIP 会员", "empty"};

    private final Map<String, RoaringBitmap> bitmaps = new HashMap<>();
    private final Map<String, BitSet> bitSets = new HashMap<>();
    private final RoaringBitmap universe;
    private final Bitmaps view;
    private final NaiveEvaluator naive;

    SegmentEvaluationTest() {
        Random random = new Random(7);
        double[] density = {0.5, 0.2, 0.05, 0.01, 0.3, 0.6, 0.001, 0};
        for (int t = 0; t < NAMES.length; t++) {
            RoaringBitmap bitmap = new RoaringBitmap();
            BitSet bits = new BitSet();
            for (int c = 1; c <= CUSTOMERS; c++) {
                // a contiguous block too, so run containers appear
                if (random.nextDouble() < density[t] || (t == 4 && c > 50_000 && c < 90_000)) {
                    bitmap.add(c);
                    bits.set(c);
                }
            }
            bitmap.runOptimize();
            bitmaps.put(NAMES[t], bitmap);
            bitSets.put(NAMES[t], bits);
        }
        // The universe: every tagged customer and untagged ones (created, no tag yet), up to CUSTOMERS + 70,000 so
        // that some chunks of the universe hold no tag at all; every 97th id is missing (merged away).
        RoaringBitmap tagged = FastAggregation.or(bitmaps.values().toArray(RoaringBitmap[]::new));
        universe = tagged.clone();
        BitSet all = new BitSet();
        bitSets.values().forEach(all::or);
        for (int c = 1; c <= CUSTOMERS + 70_000; c++) {
            if (c % 97 != 0 || tagged.contains(c)) {
                universe.add(c);
                all.set(c);
            }
        }
        universe.runOptimize();
        naive = new NaiveEvaluator(bitSets, all);
        view = new Bitmaps() {
            @Override
            public RoaringBitmap tag(Expr.Tag ref) {
                RoaringBitmap b = bitmaps.get(ref.name());
                if (b == null) {
                    throw new SegmentSyntaxException("unknown tag '" + ref.name() + "'", ref.position(), ref.name());
                }
                return b;
            }

            @Override
            public RoaringBitmap universe() {
                return universe;
            }
        };
    }

    private void check(String text) {
        Expr expr = SegmentParser.parse(text);
        BitSet expected = naive.evaluate(expr);
        assertEquals(expected.cardinality(), Segments.count(expr, view), text);
        RoaringBitmap selected = Segments.select(expr, view);
        assertArrayEquals(expected.stream().toArray(), selected.toArray(), text);
    }

    @Test
    void shouldAgreeWithTheNaiveEvaluationOnHandPickedForms() {
        for (String text : List.of(
                "tag:a", "tag:empty", "NOT tag:a", "NOT NOT tag:b", "NOT tag:empty",
                "tag:a AND tag:b", "tag:a AND NOT tag:b", "NOT tag:a AND NOT tag:b", "NOT (tag:a OR tag:b)",
                "tag:a OR tag:b", "tag:a OR tag:b OR tag:c", "tag:a AND (tag:c OR tag:d)",
                "tag:d AND (tag:a OR tag:b OR tag:e)", "tag:a AND tag:empty AND tag:b",
                "tag:猫主人 AND tag:\"VIP 会员\"", "(tag:a AND tag:b) OR (tag:c AND NOT tag:d)",
                "NOT (tag:a AND tag:b)", "tag:e AND NOT (tag:a AND NOT tag:c)",
                "tag:a AND tag:b AND tag:c AND tag:d AND tag:e",
                "tag:b AND (tag:c OR NOT tag:a) AND NOT tag:d AND tag:e")) {
            check(text);
        }
    }

    @Test
    void shouldAgreeWithTheNaiveEvaluationOnRandomExpressions() {
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            check(randomExpression(random, 3));
        }
    }

    /**
     * Within a scope: three scopes of different shapes (a store's scattered customers, a dense block, ids beyond the
     * universe and some merged away, and none) against the naive evaluation intersected with the scope.
     */
    @Test
    void shouldAgreeWithTheNaiveEvaluationWithinAScope() {
        Random random = new Random(11);
        RoaringBitmap scattered = new RoaringBitmap();
        for (int c = 1; c <= CUSTOMERS + 80_000; c++) {
            if (random.nextDouble() < 0.02) {
                scattered.add(c); // also past the universe and on merged-away ids
            }
        }
        RoaringBitmap block = new RoaringBitmap();
        block.add(40_000L, 140_000L);
        List<RoaringBitmap> scopes = List.of(scattered, block, new RoaringBitmap());
        List<String> texts = new java.util.ArrayList<>(List.of("tag:a", "NOT tag:a", "tag:empty", "NOT tag:empty",
                "tag:a AND NOT tag:b", "NOT (tag:a OR tag:b)", "tag:a OR tag:d", "NOT (tag:a AND tag:b)"));
        for (int i = 0; i < 100; i++) {
            texts.add(randomExpression(random, 3));
        }
        for (RoaringBitmap scope : scopes) {
            RoaringBitmap before = scope.clone();
            for (String text : texts) {
                Expr expr = SegmentParser.parse(text);
                BitSet expected = naive.evaluate(expr);
                BitSet in = new BitSet();
                scope.forEach((int c) -> in.set(c));
                expected.and(in);
                String what = text + " within " + scope.getLongCardinality();
                assertEquals(expected.cardinality(), Segments.count(expr, view, scope), what);
                assertArrayEquals(expected.stream().toArray(), Segments.select(expr, view, scope).toArray(), what);
            }
            assertEquals(before, scope, "the scope is only read");
        }
    }

    @Test
    void shouldNameAnUnknownTagWithItsPosition() {
        SegmentSyntaxException e = assertThrows(SegmentSyntaxException.class,
                () -> Segments.count(SegmentParser.parse("tag:a AND tag:狗主人"), view));
        assertEquals(14, e.position());
        assertEquals("狗主人", e.token());
        assertEquals("unknown tag '狗主人' at position 14 ('狗主人')", e.getMessage());
    }

    @Test
    void shouldNotChangeTheTagBitmaps() {
        Map<String, Long> before = new HashMap<>();
        bitmaps.forEach((k, v) -> before.put(k, v.getLongCardinality()));
        Random random = new Random(1);
        for (int i = 0; i < 100; i++) {
            Expr expr = SegmentParser.parse(randomExpression(random, 3));
            Segments.count(expr, view);
            Segments.select(expr, view).add(CUSTOMERS + 1); // the caller's own copy
        }
        bitmaps.forEach((k, v) -> assertEquals(before.get(k), v.getLongCardinality(), k));
    }

    @Test
    void shouldCacheTheParseOfAnExpression() {
        Segments segments = new Segments();
        Expr first = segments.parse("tag:a AND tag:b");
        assertEquals(first, segments.parse("tag:a AND tag:b"));
        assertEquals(true, first == segments.parse("tag:a AND tag:b"));
    }

    private static String randomExpression(Random random, int depth) {
        int kind = depth == 0 ? 0 : random.nextInt(5);
        return switch (kind) {
            case 0 -> {
                String name = NAMES[random.nextInt(NAMES.length)];
                yield name.contains(" ") ? "tag:\"" + name + "\"" : "tag:" + name;
            }
            case 1 -> "NOT " + randomExpression(random, depth - 1);
            case 2, 3 -> {
                int n = 2 + random.nextInt(3);
                StringBuilder sb = new StringBuilder("(");
                for (int i = 0; i < n; i++) {
                    sb.append(i == 0 ? "" : kind == 2 ? " AND " : " OR ").append(randomExpression(random, depth - 1));
                }
                yield sb.append(")").toString();
            }
            default -> randomExpression(random, depth - 1);
        };
    }
}
