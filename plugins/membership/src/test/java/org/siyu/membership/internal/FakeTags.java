package org.siyu.membership.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PrimitiveIterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;
import org.siyu.api.tags.TagAssignment;
import org.siyu.api.tags.TagInfo;
import org.siyu.api.tags.TagService;

/**
 * Tags in memory, as the contract describes them: assign keeps source and evidence, unassign removes every source;
 * {@link #members} answers a segment expression of the form {@code tag:<name>} (enough for the issue tests), or the
 * customers given to {@link #segment}. Not transactional: tests of rollbacks look at other things.
 */
public final class FakeTags implements TagService {

    private final Map<Integer, Map<String, TagAssignment>> byCustomer = new ConcurrentHashMap<>();
    private final Map<String, int[]> segments = new ConcurrentHashMap<>();
    /** Customers for which assign throws, to test rollbacks. */
    public volatile IntPredicate failFor = c -> false;

    @Override
    public boolean assign(int customerId, String tag, String source, String evidence) {
        if (failFor.test(customerId)) {
            throw new IllegalStateException("tagging failed for customer " + customerId);
        }
        Map<String, TagAssignment> tags = byCustomer.computeIfAbsent(customerId, c -> new LinkedHashMap<>());
        synchronized (tags) {
            return tags.putIfAbsent(tag, new TagAssignment(tag, "默认", source, evidence, Instant.now())) == null;
        }
    }

    @Override
    public boolean unassign(int customerId, String tag, String actor) {
        Map<String, TagAssignment> tags = byCustomer.get(customerId);
        if (tags == null) {
            return false;
        }
        synchronized (tags) {
            return tags.remove(tag) != null;
        }
    }

    @Override
    public List<TagAssignment> tags(int customerId) {
        Map<String, TagAssignment> tags = byCustomer.getOrDefault(customerId, Map.of());
        synchronized (tags) {
            return new ArrayList<>(tags.values());
        }
    }

    @Override
    public List<TagInfo> list() {
        return List.of();
    }

    @Override
    public long count(String expression) {
        long n = 0;
        for (PrimitiveIterator.OfInt it = members(expression); it.hasNext(); it.nextInt()) {
            n++;
        }
        return n;
    }

    public void clear() {
        byCustomer.clear();
        segments.clear();
    }

    /** Makes {@code expression} select {@code customers}. */
    public void segment(String expression, int... customers) {
        segments.put(expression, customers.clone());
    }

    @Override
    public PrimitiveIterator.OfInt members(String expression) {
        int[] ids = segments.get(expression);
        if (ids == null) {
            throw new org.siyu.api.tags.SegmentSyntaxException("unknown tag in '" + expression + "'", 0, expression);
        }
        return java.util.Arrays.stream(ids).sorted().iterator();
    }
}
