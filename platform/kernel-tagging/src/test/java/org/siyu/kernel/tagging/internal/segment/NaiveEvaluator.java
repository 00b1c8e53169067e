package org.siyu.kernel.tagging.internal.segment;

import java.util.BitSet;
import java.util.Map;

/** The reference: evaluates an expression on java.util.BitSets, straight from the tree, materialising everything. */
public final class NaiveEvaluator {

    private final Map<String, BitSet> tags;
    private final BitSet universe;

    public NaiveEvaluator(Map<String, BitSet> tags, BitSet universe) {
        this.tags = tags;
        this.universe = universe;
    }

    public BitSet evaluate(Expr expr) {
        return switch (expr) {
            case Expr.Tag t -> (BitSet) tags.get(t.name()).clone();
            case Expr.Not n -> {
                BitSet result = (BitSet) universe.clone();
                result.andNot(evaluate(n.operand()));
                yield result;
            }
            case Expr.And a -> {
                BitSet result = evaluate(a.operands().getFirst());
                a.operands().stream().skip(1).forEach(o -> result.and(evaluate(o)));
                yield result;
            }
            case Expr.Or o -> {
                BitSet result = evaluate(o.operands().getFirst());
                o.operands().stream().skip(1).forEach(x -> result.or(evaluate(x)));
                yield result;
            }
        };
    }
}
