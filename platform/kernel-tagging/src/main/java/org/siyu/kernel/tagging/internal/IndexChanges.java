package org.siyu.kernel.tagging.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Changes to the tag index that one transaction made, in order. They are applied after the transaction commits and
 * dropped if it rolls back; either way the customers they touch are re-read afterwards ({@link Reconciler}).
 * Not thread-safe: one transaction runs on one thread.
 */
final class IndexChanges {

    sealed interface Op {
    }

    /** A tag that did not exist before. */
    record NewTag(TagDef tag) implements Op {
    }

    /** The customer has the tag. */
    record Add(int customer, int tag) implements Op {
    }

    /** The customer no longer has the tag (from any source). */
    record Remove(int customer, int tag) implements Op {
    }

    /** The customer has exactly these tags. */
    record Replace(int customer, Set<Integer> tags) implements Op {
    }

    /**
     * The customer's row in {@code tagging_customer}: {@code TRUE} active (created, unmerged, or first tagged),
     * {@code FALSE} merged away, {@code null} no row.
     */
    record Status(int customer, Boolean active) implements Op {
    }

    private final List<Op> ops = new ArrayList<>();
    private final Set<Integer> customers = new LinkedHashSet<>();

    IndexChanges newTag(TagDef tag) {
        ops.add(new NewTag(tag));
        return this;
    }

    IndexChanges add(int customer, int tag) {
        ops.add(new Add(customer, tag));
        customers.add(customer);
        return this;
    }

    IndexChanges remove(int customer, int tag) {
        ops.add(new Remove(customer, tag));
        customers.add(customer);
        return this;
    }

    IndexChanges replace(int customer, Set<Integer> tags) {
        ops.add(new Replace(customer, Set.copyOf(tags)));
        customers.add(customer);
        return this;
    }

    /** The customer exists (or exists again after an undone merge): in the universe. */
    IndexChanges activate(int customer) {
        return status(customer, Boolean.TRUE);
    }

    /** The customer was merged into another: out of the universe once it holds no tag. */
    IndexChanges deactivate(int customer) {
        return status(customer, Boolean.FALSE);
    }

    IndexChanges status(int customer, Boolean active) {
        ops.add(new Status(customer, active));
        customers.add(customer);
        return this;
    }

    /** Whether this transaction made the customer active (so its row exists now). */
    boolean activates(int customer) {
        return customers.contains(customer) && ops.contains(new Status(customer, Boolean.TRUE));
    }

    List<Op> ops() {
        return Collections.unmodifiableList(ops);
    }

    /** The customers whose tags or status changed. */
    Set<Integer> customers() {
        return Collections.unmodifiableSet(customers);
    }
}
