package org.siyu.kernel.tagging.internal.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;

/**
 * An expression resolved against the bitmaps and arranged for evaluation: nested ANDs and ORs flattened, the
 * operands of an AND split into positive and negated ones and ordered by estimated size (smallest first, so a
 * running intersection shrinks early), double negations removed. {@link #estimate()} is an upper bound.
 */
sealed interface Plan {

    long estimate();

    /** A tag's bitmap, shared with the index: never modified. */
    record Leaf(RoaringBitmap bitmap, long estimate) implements Plan {
    }

    /** Customers of the universe not in {@code operand} (a NOT that is not an operand of an AND). */
    record Complement(Plan operand, long estimate) implements Plan {
    }

    /** The intersection of {@code positive} minus the union of {@code negative}; the universe if no positive. */
    record All(List<Plan> positive, List<Plan> negative, long estimate) implements Plan {
    }

    record Any(List<Plan> operands, long estimate) implements Plan {
    }

    static Plan of(Expr expr, Bitmaps bitmaps) {
        long universe = bitmaps.universe().getLongCardinality();
        return of(expr, bitmaps, universe);
    }

    private static Plan of(Expr expr, Bitmaps bitmaps, long universe) {
        return switch (expr) {
            case Expr.Tag tag -> {
                RoaringBitmap bitmap = bitmaps.tag(tag);
                yield new Leaf(bitmap, bitmap.getLongCardinality());
            }
            case Expr.Not(Expr.Not(Expr inner)) -> of(inner, bitmaps, universe);
            case Expr.Not(Expr inner) -> {
                Plan operand = of(inner, bitmaps, universe);
                yield new Complement(operand, universe - lowerBound(operand));
            }
            case Expr.And and -> all(and, bitmaps, universe);
            case Expr.Or or -> any(or, bitmaps, universe);
        };
    }

    private static Plan all(Expr.And and, Bitmaps bitmaps, long universe) {
        List<Plan> positive = new ArrayList<>();
        List<Plan> negative = new ArrayList<>();
        collectAnd(and, bitmaps, universe, positive, negative);
        positive.sort(Comparator.comparingLong(Plan::estimate));
        // Removing the largest sets first empties the running result soonest.
        negative.sort(Comparator.comparingLong(Plan::estimate).reversed());
        long estimate = positive.isEmpty() ? universe : positive.getFirst().estimate();
        return new All(List.copyOf(positive), List.copyOf(negative), estimate);
    }

    private static void collectAnd(Expr expr, Bitmaps bitmaps, long universe, List<Plan> positive,
            List<Plan> negative) {
        switch (expr) {
            case Expr.And and -> and.operands().forEach(o -> collectAnd(o, bitmaps, universe, positive, negative));
            case Expr.Not(Expr.Not(Expr inner)) -> collectAnd(inner, bitmaps, universe, positive, negative);
            // De Morgan: NOT (a OR b) = NOT a AND NOT b; subtracting each needs no union.
            case Expr.Not(Expr.Or or) -> collectOr(or, bitmaps, universe, negative);
            case Expr.Not(Expr inner) -> negative.add(of(inner, bitmaps, universe));
            default -> positive.add(of(expr, bitmaps, universe));
        }
    }

    private static Plan any(Expr.Or or, Bitmaps bitmaps, long universe) {
        List<Plan> operands = new ArrayList<>();
        collectOr(or, bitmaps, universe, operands);
        long sum = 0;
        for (Plan p : operands) {
            sum += p.estimate();
        }
        return new Any(List.copyOf(operands), Math.min(sum, universe));
    }

    private static void collectOr(Expr expr, Bitmaps bitmaps, long universe, List<Plan> operands) {
        if (expr instanceof Expr.Or or) {
            or.operands().forEach(o -> collectOr(o, bitmaps, universe, operands));
        } else {
            operands.add(of(expr, bitmaps, universe));
        }
    }

    /**
     * {@code plan} restricted to {@code scope} (a subset of the universe): an intersection whose operands are the
     * scope and the plan's own, so the evaluators treat the scope like a tag (a chunk where it has nobody is skipped).
     * A NOT becomes a subtraction from the scope instead of a complement of the whole universe.
     */
    static Plan within(Plan plan, RoaringBitmap scope) {
        Leaf leaf = new Leaf(scope, scope.getLongCardinality());
        List<Plan> positive = new ArrayList<>();
        List<Plan> negative = new ArrayList<>();
        positive.add(leaf);
        switch (plan) {
            case All all -> {
                positive.addAll(all.positive());
                negative.addAll(all.negative());
            }
            case Complement c -> negative.add(c.operand());
            default -> positive.add(plan);
        }
        positive.sort(Comparator.comparingLong(Plan::estimate));
        return new All(List.copyOf(positive), List.copyOf(negative), positive.getFirst().estimate());
    }

    /** A lower bound of a plan's size: exact for a leaf, 0 otherwise. */
    private static long lowerBound(Plan plan) {
        return plan instanceof Leaf leaf ? leaf.estimate() : 0;
    }
}
