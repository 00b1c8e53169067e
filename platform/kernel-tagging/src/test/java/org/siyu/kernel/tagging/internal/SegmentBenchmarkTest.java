package org.siyu.kernel.tagging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;
import org.siyu.kernel.tagging.internal.segment.Expr;
import org.siyu.kernel.tagging.internal.segment.NaiveEvaluator;
import org.siyu.kernel.tagging.internal.segment.SegmentParser;
import org.siyu.kernel.tagging.internal.segment.Segments;

/**
 * 1 M customers (one in 200 merged away), 50 tags of skewed density (50 % down to 0.1 %, one tag a contiguous
 * block), several 5-term expressions: the counts must equal a naive BitSet evaluation whose universe is every
 * customer not merged away, tagged or not; the timings are printed, not asserted (timed
 * assertions are flaky on shared machines; the figures go to the README). Each timing is one call of the path the
 * service takes: parse cache, read lock, plan, count.
 */
class SegmentBenchmarkTest {

    private static final int CUSTOMERS = 1_000_000;
    private static final int TAGS = 50;
    private static final int WARM_UP = 3_000;
    private static final int RUNS = 3_000;

    static final List<String> EXPRESSIONS = List.of(
            "tag:t0 AND tag:t1 AND tag:t2 AND tag:t3 AND tag:t4",
            "tag:t2 AND (tag:t10 OR tag:t11) AND NOT tag:t0 AND tag:t5",
            "(tag:t1 OR tag:t3 OR tag:t20) AND NOT tag:t7 AND tag:猫主人",
            "tag:t40 OR tag:t41 OR (tag:t2 AND NOT tag:t3) OR tag:t49",
            "NOT tag:t0 AND NOT tag:t1 AND tag:t2 AND (tag:t8 OR tag:t9)",
            "tag:\"VIP 会员\" AND tag:t1 AND NOT (tag:t4 OR tag:t5) AND tag:t30");

    /** Checked against the naive evaluation, not timed: negations relative to the universe, untagged customers in. */
    static final List<String> CHECKED = List.of(
            "NOT tag:t0", "NOT tag:t49", "NOT NOT tag:t3", "NOT (tag:t0 OR tag:t1) AND NOT tag:t2",
            "NOT tag:t1 OR tag:t3", "NOT (tag:t0 AND tag:t15)", "tag:t15 AND NOT tag:t2");

    /** The names: t0..t49, with t6 called 猫主人 and t12 called "VIP 会员" (Chinese names and quotes are normal). */
    static String name(int t) {
        return switch (t) {
            case 6 -> "猫主人";
            case 12 -> "VIP 会员";
            default -> "t" + t;
        };
    }

    @Test
    void shouldCountFiveTermSegmentsOverAMillionCustomersLikeTheNaiveEvaluation() {
        Random random = new Random(2026);
        List<TagDef> defs = new ArrayList<>();
        Map<Integer, RoaringBitmap> bitmaps = new HashMap<>();
        Map<String, BitSet> bitSets = new HashMap<>();
        long start = System.nanoTime();
        for (int t = 0; t < TAGS; t++) {
            double density = 0.5 * Math.pow(0.87, t); // 50 %, 43 %, … 0.1 %
            RoaringBitmapWriter<RoaringBitmap> writer = RoaringBitmapWriter.writer().get();
            BitSet bits = new BitSet(CUSTOMERS + 1);
            for (int c = 1; c <= CUSTOMERS; c++) {
                boolean has = t == 15 ? c >= 200_000 && c < 400_000 : random.nextDouble() < density;
                if (has) {
                    writer.add(c);
                    bits.set(c);
                }
            }
            defs.add(new TagDef(t + 1, name(t), "bench", false, null, null));
            bitmaps.put(t + 1, writer.get());
            bitSets.put(name(t), bits);
        }
        // Every customer was created; one in 200 was merged away (a merged customer holds no tag: its tags moved).
        RoaringBitmap active = new RoaringBitmap();
        RoaringBitmap mergedAway = new RoaringBitmap();
        BitSet universe = new BitSet();
        for (int c = 1; c <= CUSTOMERS; c++) {
            if (c % 200 == 0) {
                mergedAway.add(c);
            } else {
                active.add(c);
                universe.set(c);
            }
        }
        for (int t = 0; t < TAGS; t++) {
            bitmaps.get(t + 1).andNot(mergedAway);
            bitSets.get(name(t)).andNot(toBitSet(mergedAway));
        }
        BitSet tagged = new BitSet();
        bitSets.values().forEach(tagged::or);
        TagIndex index = new TagIndex();
        index.load(defs, bitmaps, active, mergedAway);
        NaiveEvaluator naive = new NaiveEvaluator(bitSets, universe);
        assertEquals(universe.cardinality(), index.customers());
        System.out.printf("%n[segments] %,d customers x %d tags built in %d ms; %,d in the universe (%,d merged away), "
                        + "%,d of them tagged; %,d assignments%n",
                CUSTOMERS, TAGS, (System.nanoTime() - start) / 1_000_000, index.customers(), mergedAway.getCardinality(),
                tagged.cardinality(), index.list().stream().mapToLong(i -> i.customers()).sum());

        // Memory per tag: deterministic, so checked against the target (≤ 150 KB for a dense tag at 1 M customers).
        long densest = bitmaps.get(1).getLongSizeInBytes();
        long contiguous = bitmaps.get(16).getLongSizeInBytes();
        long sparsest = bitmaps.get(TAGS).getLongSizeInBytes();
        System.out.printf("[segments] memory per tag: %.1f KB at 50 %% density, %.1f KB for a contiguous 20 %%,"
                + " %.1f KB at %.2f %%; all %d tags %.1f MB%n", densest / 1024.0, contiguous / 1024.0,
                sparsest / 1024.0, 100.0 * bitmaps.get(TAGS).getCardinality() / CUSTOMERS, TAGS,
                bitmaps.values().stream().mapToLong(RoaringBitmap::getLongSizeInBytes).sum() / 1048576.0);
        assertTrue(densest <= 150 * 1024, "a 50 % tag over 1 M customers takes " + densest + " bytes");

        Segments segments = new Segments();
        for (String text : concat(EXPRESSIONS, CHECKED)) {
            Expr expr = SegmentParser.parse(text);
            BitSet expected = naive.evaluate(expr);
            assertEquals(expected.cardinality(), count(index, segments, text), text);
            assertEquals(expected, toBitSet(index.read(b -> Segments.select(expr, b))), text);
        }
        long untagged = universe.cardinality() - tagged.cardinality();
        assertEquals(true, untagged > 0, "some customers have no tag");
        BitSet noT0 = (BitSet) universe.clone();
        noT0.andNot(bitSets.get("t0"));
        assertEquals(noT0.cardinality(), count(index, segments, "NOT tag:t0"), "untagged customers count for NOT");
        for (int i = 0; i < WARM_UP; i++) {
            for (String text : EXPRESSIONS) {
                count(index, segments, text);
                plainCount(index, SegmentParser.parse(text));
            }
        }
        System.out.printf("[segments] %-66s %10s %9s %9s %12s%n", "expression", "count", "median", "p99",
                "plain median");
        List<Double> medians = new ArrayList<>();
        for (String text : EXPRESSIONS) {
            long[] fast = new long[RUNS];
            long[] plain = new long[RUNS];
            long n = 0;
            Expr expr = SegmentParser.parse(text);
            for (int i = 0; i < RUNS; i++) {
                long t0 = System.nanoTime();
                n = count(index, segments, text);
                long t1 = System.nanoTime();
                plainCount(index, expr);
                long t2 = System.nanoTime();
                fast[i] = t1 - t0;
                plain[i] = t2 - t1;
            }
            Arrays.sort(fast);
            Arrays.sort(plain);
            medians.add(micros(fast[RUNS / 2]));
            System.out.printf("[segments] %-66s %,10d %7.1f µs %7.1f µs %9.1f µs%n", text, n, micros(fast[RUNS / 2]),
                    micros(fast[RUNS * 99 / 100]), micros(plain[RUNS / 2]));
        }
        medians.sort(null);
        System.out.printf("[segments] median of the medians: %.1f µs (one core, %d runs each after %d warm-up rounds)%n",
                medians.get(medians.size() / 2), RUNS, WARM_UP);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static BitSet toBitSet(RoaringBitmap bitmap) {
        BitSet bits = new BitSet();
        bitmap.forEach((int c) -> bits.set(c));
        return bits;
    }

    private static long count(TagIndex index, Segments segments, String text) {
        Expr expr = segments.parse(text);
        return index.read(b -> Segments.count(expr, b));
    }

    /** The baseline: every node materialised, in the order written, then the cardinality of the result. */
    private static long plainCount(TagIndex index, Expr expr) {
        return index.read(b -> plain(expr, b)).getLongCardinality();
    }

    private static RoaringBitmap plain(Expr expr, org.siyu.kernel.tagging.internal.segment.Bitmaps b) {
        return switch (expr) {
            case Expr.Tag t -> b.tag(t);
            case Expr.Not n -> RoaringBitmap.andNot(b.universe(), plain(n.operand(), b));
            case Expr.And a -> {
                RoaringBitmap r = plain(a.operands().getFirst(), b);
                for (Expr o : a.operands().subList(1, a.operands().size())) {
                    r = RoaringBitmap.and(r, plain(o, b));
                }
                yield r;
            }
            case Expr.Or o -> FastAggregation.or(o.operands().stream().map(x -> plain(x, b)).toArray(RoaringBitmap[]::new));
        };
    }

    private static double micros(long nanos) {
        return nanos / 1_000.0;
    }
}
