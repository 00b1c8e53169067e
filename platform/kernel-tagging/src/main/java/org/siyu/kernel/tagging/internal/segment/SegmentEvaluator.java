package org.siyu.kernel.tagging.internal.segment;

import java.util.List;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;

/**
 * Evaluates a {@link Plan} on RoaringBitmaps. Counting is {@link WordCounter}'s (chunk by chunk on reused buffers,
 * nothing materialised). Selecting builds the result: the tags of an intersection at once
 * ({@link FastAggregation#and}), then the other operands narrowing it in place; it stops as soon as it is empty; an OR
 * inside an AND is intersected operand by operand when the running result is much smaller than the union would be.
 * Tag bitmaps are only read.
 */
final class SegmentEvaluator {

    private final RoaringBitmap universe;

    SegmentEvaluator(RoaringBitmap universe) {
        this.universe = universe;
    }

    /** How many customers the plan selects. */
    long count(Plan plan) {
        return switch (plan) {
            case Plan.Leaf leaf -> leaf.bitmap().getLongCardinality();
            // every tag bitmap is a subset of the universe
            case Plan.Complement c -> universe.getLongCardinality() - count(c.operand());
            case Plan.Any any -> WordCounter.count(universe, any);
            case Plan.All all -> WordCounter.count(universe, all);
        };
    }

    /** The customers the plan selects. May be a tag's own bitmap: copy it before it leaves the read lock. */
    RoaringBitmap bitmap(Plan plan) {
        return switch (plan) {
            case Plan.Leaf leaf -> leaf.bitmap();
            case Plan.Complement c -> RoaringBitmap.andNot(universe, bitmap(c.operand()));
            case Plan.Any any -> union(any.operands());
            case Plan.All all -> intersect(all);
        };
    }

    private RoaringBitmap intersect(Plan.All all) {
        if (all.positive().isEmpty()) {
            Running acc = new Running(universe, false);
            all.negative().forEach(acc::andNot);
            return acc.bitmap;
        }
        List<Plan> leaves = leaves(all.positive());
        List<Plan> others = others(all.positive());
        Running acc = start(leaves, others);
        for (Plan p : leaves.isEmpty() ? others.subList(1, others.size()) : others) {
            if (acc.bitmap.isEmpty()) {
                return acc.bitmap;
            }
            acc.and(p);
        }
        for (Plan n : all.negative()) {
            if (acc.bitmap.isEmpty()) {
                return acc.bitmap;
            }
            acc.andNot(n);
        }
        return acc.bitmap;
    }

    /** The positive operands that are tags. */
    private static List<Plan> leaves(List<Plan> positive) {
        return positive.stream().filter(p -> p instanceof Plan.Leaf).toList();
    }

    /** The positive operands that are not tags, smallest estimate first. */
    private static List<Plan> others(List<Plan> positive) {
        return positive.stream().filter(p -> !(p instanceof Plan.Leaf)).toList();
    }

    /**
     * The running intersection: of all the tag operands at once (FastAggregation intersects their keys first and then
     * each container in one pass), or, without tag operands, the first of the others.
     */
    private Running start(List<Plan> leaves, List<Plan> others) {
        if (leaves.size() >= 2) {
            return new Running(FastAggregation.and(bitmaps(leaves)), true);
        }
        if (leaves.size() == 1) {
            return new Running(bitmap(leaves.getFirst()), false);
        }
        return new Running(bitmap(others.getFirst()), !(others.getFirst() instanceof Plan.Leaf));
    }

    private RoaringBitmap[] bitmaps(List<Plan> plans) {
        RoaringBitmap[] bitmaps = new RoaringBitmap[plans.size()];
        for (int i = 0; i < bitmaps.length; i++) {
            bitmaps[i] = bitmap(plans.get(i));
        }
        return bitmaps;
    }

    private RoaringBitmap union(List<Plan> operands) {
        return FastAggregation.or(bitmaps(operands));
    }

    /** acc AND (a OR b OR …) as (acc AND a) OR (acc AND b) OR …: cheaper when acc is much smaller than the union. */
    private static boolean distribute(RoaringBitmap acc, Plan p) {
        return p instanceof Plan.Any any && acc.getLongCardinality() * 2 < any.estimate();
    }

    private RoaringBitmap distributedAnd(RoaringBitmap acc, Plan.Any any) {
        RoaringBitmap[] parts = new RoaringBitmap[any.operands().size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = RoaringBitmap.and(acc, bitmap(any.operands().get(i)));
        }
        return FastAggregation.or(parts);
    }

    /** The running result of an intersection; copied on the first change if it is still a shared bitmap. */
    private final class Running {

        RoaringBitmap bitmap;
        boolean owned;

        Running(RoaringBitmap bitmap, boolean owned) {
            this.bitmap = bitmap;
            this.owned = owned;
        }

        void and(Plan p) {
            if (distribute(bitmap, p)) {
                bitmap = distributedAnd(bitmap, (Plan.Any) p);
            } else if (owned) {
                bitmap.and(bitmap(p));
            } else {
                bitmap = RoaringBitmap.and(bitmap, bitmap(p));
            }
            owned = true;
        }

        void andNot(Plan p) {
            if (owned) {
                bitmap.andNot(bitmap(p));
            } else {
                bitmap = RoaringBitmap.andNot(bitmap, bitmap(p));
                owned = true;
            }
        }
    }
}
