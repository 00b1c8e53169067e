package org.siyu.kernel.tagging.internal.segment;

import java.util.List;

/** A parsed segment expression. Immutable, so one parse can be cached and shared by every evaluation. */
public sealed interface Expr {

    /** {@code tag:<name>}; {@code position} is where the name starts (0-based), for "unknown tag" errors. */
    record Tag(String name, int position) implements Expr {
    }

    record Not(Expr operand) implements Expr {
    }

    /** Two or more operands. */
    record And(List<Expr> operands) implements Expr {
    }

    /** Two or more operands. */
    record Or(List<Expr> operands) implements Expr {
    }
}
