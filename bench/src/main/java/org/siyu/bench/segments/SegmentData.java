package org.siyu.bench.segments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.roaringbitmap.RoaringBitmap;
import org.siyu.kernel.tagging.internal.TagDef;
import org.siyu.kernel.tagging.internal.TagIndex;

/**
 * The segments benchmark's data, the same for every side and every run with one seed: customers {@code 1..N}, all
 * active, and {@value #TAGS} tags {@code t0…t299} of skewed density: tag {@code tK} is held by a share
 * {@code 0.5 / (K + 1)} of the customers (50 %, 25 %, 16.7 % … 0.17 %; about 3.1 assignments per customer),
 * scattered at random, except every 25th tag ({@code t25, t50, …}), which is one contiguous block of ids of that
 * share (a campaign's or an import's customers, created together).
 */
public final class SegmentData {

    public static final int TAGS = 300;

    /**
     * The 20 fixed 5-term expressions: dense and sparse intersections and unions, negations (relative to every
     * customer, untagged ones included), nested groups, contiguous-block tags.
     */
    public static final List<String> EXPRESSIONS = List.of(
            "tag:t0 AND tag:t1 AND tag:t2 AND tag:t3 AND tag:t4",
            "tag:t0 OR tag:t1 OR tag:t2 OR tag:t3 OR tag:t4",
            "tag:t0 AND tag:t1 AND NOT tag:t2 AND NOT tag:t3 AND tag:t5",
            "(tag:t0 OR tag:t7) AND (tag:t1 OR tag:t9) AND NOT tag:t3",
            "tag:t10 AND tag:t0 AND (tag:t30 OR tag:t31 OR tag:t32)",
            "NOT tag:t0 AND NOT tag:t1 AND NOT tag:t2 AND NOT tag:t3 AND NOT tag:t4",
            "tag:t299 OR tag:t298 OR tag:t297 OR tag:t296 OR tag:t295",
            "tag:t100 AND tag:t0 AND tag:t1 AND tag:t2 AND NOT tag:t3",
            "tag:t25 AND (tag:t0 OR tag:t1) AND NOT (tag:t2 OR tag:t4)",
            "(tag:t0 AND tag:t1) OR (tag:t2 AND tag:t3) OR tag:t50",
            "tag:t5 AND tag:t6 AND tag:t7 AND tag:t8 AND tag:t9",
            "tag:t1 AND NOT (tag:t0 AND tag:t2 AND tag:t3 AND tag:t4)",
            "(tag:t0 OR tag:t1 OR tag:t2) AND NOT (tag:t3 OR tag:t4)",
            "tag:t50 OR tag:t75 OR tag:t100 OR tag:t150 OR tag:t200",
            "tag:t200 AND tag:t201 AND tag:t202 AND tag:t203 AND tag:t204",
            "NOT (tag:t0 OR tag:t1) AND (tag:t2 OR tag:t3 OR tag:t4)",
            "tag:t0 AND (tag:t1 OR tag:t2 OR tag:t3 OR tag:t4)",
            "(tag:t12 OR tag:t13) AND (tag:t14 OR tag:t15) AND tag:t0",
            "NOT tag:t0 AND tag:t1 AND NOT tag:t2 AND tag:t3 AND NOT tag:t299",
            "(tag:t0 AND NOT tag:t1) OR (tag:t2 AND NOT tag:t3) OR tag:t60");

    private final int customers;
    /** Per tag index, its customers in ascending order. */
    private final int[][] members;

    private SegmentData(int customers, int[][] members) {
        this.customers = customers;
        this.members = members;
    }

    /** The share of customers holding tag {@code t}. */
    public static double density(int t) {
        return 0.5 / (t + 1);
    }

    /** The tag's name in expressions. */
    public static String name(int t) {
        return "t" + t;
    }

    /** The tag's id in the tables and in {@link TagIndex}. */
    public static int id(int t) {
        return t + 1;
    }

    /** The id of a tag name {@code tK}. */
    public static int idOf(String name) {
        if (!name.matches("t[0-9]+") || Integer.parseInt(name.substring(1)) >= TAGS) {
            throw new IllegalArgumentException("unknown tag '" + name + "'");
        }
        return Integer.parseInt(name.substring(1)) + 1;
    }

    /**
     * Generates the data. Each tag has a generator of its own seeded from {@code seed} and the tag, and draws the
     * gaps between its customers (geometric), so the cost is one draw per assignment, not per customer and tag.
     */
    public static SegmentData generate(int customers, long seed) {
        int[][] members = new int[TAGS][];
        for (int t = 0; t < TAGS; t++) {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + t);
            double p = density(t);
            if (t > 0 && t % 25 == 0) {
                int length = (int) Math.round(p * customers);
                int first = 1 + random.nextInt(Math.max(1, customers - length + 1));
                int[] block = new int[length];
                for (int i = 0; i < length; i++) {
                    block[i] = first + i;
                }
                members[t] = block;
                continue;
            }
            int[] ids = new int[(int) (p * customers * 1.1) + 16];
            int n = 0;
            double logQ = Math.log1p(-p);
            long c = 0;
            while (true) {
                c += 1 + (long) Math.floor(Math.log(1 - random.nextDouble()) / logQ);
                if (c > customers) {
                    break;
                }
                if (n == ids.length) {
                    ids = java.util.Arrays.copyOf(ids, ids.length * 2);
                }
                ids[n++] = (int) c;
            }
            members[t] = java.util.Arrays.copyOf(ids, n);
        }
        return new SegmentData(customers, members);
    }

    public int customers() {
        return customers;
    }

    /** The customers holding tag {@code t} (index 0…299), ascending. Do not change the array. */
    public int[] members(int t) {
        return members[t];
    }

    public long assignments() {
        long n = 0;
        for (int[] m : members) {
            n += m.length;
        }
        return n;
    }

    /**
     * The index as the tagging bundle builds it at activation ({@code TagIndex.load}: one bitmap per tag, the
     * active customers, none merged away), which {@code Tagging.count} then reads.
     */
    public TagIndex tagIndex() {
        List<TagDef> defs = new ArrayList<>(TAGS);
        Map<Integer, RoaringBitmap> bitmaps = new HashMap<>();
        for (int t = 0; t < TAGS; t++) {
            defs.add(new TagDef(id(t), name(t), "bench", false, null, null));
            bitmaps.put(id(t), RoaringBitmap.bitmapOfUnordered(members[t]));
        }
        RoaringBitmap active = new RoaringBitmap();
        active.add(1L, customers + 1L);
        TagIndex index = new TagIndex();
        index.load(defs, bitmaps, active, new RoaringBitmap());
        return index;
    }
}
