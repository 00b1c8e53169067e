package org.siyu.bench.segments;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.siyu.kernel.tagging.internal.segment.Expr;

/**
 * A segment expression as SQL over {@code customer(id)} (every customer: what {@code NOT} is relative to) and
 * {@code customer_tag(customer_id, tag_id)} with a b-tree on {@code (tag_id, customer_id)}, in the two plans a SQL
 * engineer would write. Both count distinct customers. Tag names are mapped to ids by
 * {@link SegmentData#idOf(String)}; the expression is Siyu's own parse, so both sides read the same tree.
 */
public final class SegmentSql {

    private SegmentSql() {
    }

    /** The plans compared; the report keeps the faster one per expression. */
    public enum Plan {
        /** Each tag a set of ids; AND = INTERSECT, OR = UNION, NOT = EXCEPT (from every customer, or the AND's rest). */
        SET_OPERATIONS("INTERSECT/EXCEPT"),
        /** One pass over the rows of the tags named, grouped by customer, the expression in HAVING. */
        GROUP_BY_HAVING("GROUP BY/HAVING");

        private final String title;

        Plan(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** {@code SELECT count(*) …} for {@code expr} in the given plan. */
    public static String count(Expr expr, Plan plan) {
        return switch (plan) {
            case SET_OPERATIONS -> "SELECT count(*) FROM " + set(expr) + " q";
            case GROUP_BY_HAVING -> groupByHaving(expr);
        };
    }

    // --- INTERSECT / EXCEPT -------------------------------------------------------------------------------------

    /** A parenthesised query of the customer ids {@code expr} selects. */
    static String set(Expr expr) {
        return switch (expr) {
            case Expr.Tag t -> "(SELECT customer_id FROM customer_tag WHERE tag_id = " + SegmentData.idOf(t.name()) + ")";
            case Expr.Not n -> "(SELECT id FROM customer EXCEPT " + set(n.operand()) + ")";
            case Expr.Or o -> "(" + o.operands().stream().map(SegmentSql::set).collect(Collectors.joining(" UNION "))
                    + ")";
            case Expr.And a -> and(a);
        };
    }

    /** The positive operands intersected, then each negated one taken away (no detour through the complement). */
    private static String and(Expr.And a) {
        List<String> positive = new ArrayList<>();
        List<String> negative = new ArrayList<>();
        for (Expr o : a.operands()) {
            if (o instanceof Expr.Not n) {
                negative.add(set(n.operand()));
            } else {
                positive.add(set(o));
            }
        }
        String base = positive.isEmpty() ? "(SELECT id FROM customer)" : String.join(" INTERSECT ", positive);
        if (negative.isEmpty()) {
            return "(" + base + ")";
        }
        // INTERSECT binds tighter than EXCEPT; the parentheses make the order plain to the reader too.
        return "((" + base + ") EXCEPT " + String.join(" EXCEPT ", negative) + ")";
    }

    // --- GROUP BY / HAVING --------------------------------------------------------------------------------------

    /**
     * Groups the rows of the tags named by customer and keeps the groups the expression holds for. A customer with
     * none of those tags has no row, so when the expression holds for "no tags" (it has negations) they are added:
     * every customer minus the distinct customers holding any of the tags.
     */
    static String groupByHaving(Expr expr) {
        Set<Integer> ids = new TreeSet<>();
        collect(expr, ids);
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
        String grouped = "SELECT count(*) FROM (SELECT customer_id FROM customer_tag WHERE tag_id IN (" + in
                + ") GROUP BY customer_id HAVING " + having(expr) + ") g";
        if (!holdsWithoutTags(expr)) {
            return grouped;
        }
        return "SELECT (" + grouped + ") + (SELECT count(*) FROM customer)"
                + " - (SELECT count(DISTINCT customer_id) FROM customer_tag WHERE tag_id IN (" + in + "))";
    }

    private static String having(Expr expr) {
        return switch (expr) {
            case Expr.Tag t -> "MAX(CASE WHEN tag_id = " + SegmentData.idOf(t.name()) + " THEN 1 ELSE 0 END) = 1";
            case Expr.Not n -> "NOT (" + having(n.operand()) + ")";
            case Expr.And a -> a.operands().stream().map(o -> "(" + having(o) + ")").collect(Collectors.joining(" AND "));
            case Expr.Or o -> o.operands().stream().map(x -> "(" + having(x) + ")").collect(Collectors.joining(" OR "));
        };
    }

    private static void collect(Expr expr, Set<Integer> ids) {
        switch (expr) {
            case Expr.Tag t -> ids.add(SegmentData.idOf(t.name()));
            case Expr.Not n -> collect(n.operand(), ids);
            case Expr.And a -> a.operands().forEach(o -> collect(o, ids));
            case Expr.Or o -> o.operands().forEach(x -> collect(x, ids));
        }
    }

    /** Whether the expression selects a customer who holds none of its tags. */
    static boolean holdsWithoutTags(Expr expr) {
        return switch (expr) {
            case Expr.Tag t -> false;
            case Expr.Not n -> !holdsWithoutTags(n.operand());
            case Expr.And a -> a.operands().stream().allMatch(SegmentSql::holdsWithoutTags);
            case Expr.Or o -> o.operands().stream().anyMatch(SegmentSql::holdsWithoutTags);
        };
    }
}
