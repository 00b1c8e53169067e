package org.siyu.kernel.identity.internal.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.siyu.api.identity.Customer;
import org.siyu.api.org.DataScope;
import org.siyu.api.tags.SegmentSyntaxException;
import org.siyu.api.tags.TagService;
import org.siyu.kernel.identity.internal.CustomerServices;
import org.siyu.kernel.identity.internal.IdSet;

/**
 * The customer list without the UI: which ids a filter and a data scope select (all in memory: OneID's live ids and
 * owner bitmaps, tagging's segment bitmaps), and the customers of one page, read with one batch call. Nothing here
 * grows with the number of customers except the bitmaps (1 M customers: 125 KB each).
 */
final class CustomerQuery {

    /** The ownership levels, highest first: a customer shows the highest it holds. */
    static final List<String> LEVELS = List.of("reach.owned", "reach.engaged", "reach.reachable");

    /** Who holds which level, for the page being shown. */
    record Levels(List<Map.Entry<String, IdSet>> sets) {

        static final Levels NONE = new Levels(List.of());

        String of(int id) {
            for (Map.Entry<String, IdSet> e : sets) {
                if (e.getValue().contains(id)) {
                    return e.getKey();
                }
            }
            return null;
        }
    }

    private final CustomerServices services;
    private final DataScope scope;

    CustomerQuery(CustomerServices services, DataScope scope) {
        this.services = services;
        this.scope = scope;
    }

    DataScope scope() {
        return scope;
    }

    /**
     * The live customers the expression selects (blank: all) within the data scope.
     *
     * @throws SegmentSyntaxException if the expression is wrong (position and token)
     * @throws IllegalStateException  for an expression while tagging does not run
     */
    IdSet ids(String expression) {
        IdSet ids = services.oneId().liveIds();
        if (expression != null && !expression.isBlank()) {
            TagService tags = services.tags();
            if (tags == null) {
                throw new IllegalStateException("tagging is not running: segment expressions are not available");
            }
            ids = IdSet.of(tags.members(expression.strip())).and(ids);
        }
        if (!scope.unrestricted()) {
            ids = ids.and(services.oneId().ownedBy(scope.staffIds()));
        }
        return ids;
    }

    /** The customers at {@code offset}, at most {@code limit}, in id order. */
    List<Customer> page(IdSet ids, int offset, int limit) {
        int[] page = ids.page(offset, limit);
        return page.length == 0 ? List.of() : services.oneId().customers(page);
    }

    /** The members of each level tag; a level tag that does not exist holds nobody. Empty without tagging. */
    Levels levels() {
        TagService tags = services.tags();
        if (tags == null) {
            return Levels.NONE;
        }
        List<Map.Entry<String, IdSet>> sets = new ArrayList<>();
        for (String level : LEVELS) {
            try {
                sets.add(Map.entry(level, IdSet.of(tags.members("tag:\"" + level + "\""))));
            } catch (SegmentSyntaxException e) {
                // the tag does not exist (yet): nobody has it
            }
        }
        return new Levels(List.copyOf(sets));
    }
}
