package org.siyu.kernel.identity.internal.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.stream.IntStream;
import org.siyu.api.tags.TagAssignment;
import org.siyu.api.tags.TagInfo;
import org.siyu.api.tags.TagService;

/** Tags in a list; a tag whose name is a level word is in group 流量产权. */
final class FakeTags implements TagService {

    final List<String> calls = new ArrayList<>();
    private final List<Object[]> rows = new ArrayList<>();

    @Override
    public boolean assign(int customerId, String tag, String source, String evidence) {
        calls.add("assign " + customerId + " " + tag + " " + source + " " + evidence);
        if (tags(customerId).stream().anyMatch(a -> a.tag().equals(tag))) {
            return false;
        }
        String group = List.of("reachable", "engaged", "owned").contains(tag) ? "流量产权" : "默认";
        rows.add(new Object[] {customerId, new TagAssignment(tag, group, source, evidence, Instant.EPOCH)});
        return true;
    }

    @Override
    public boolean unassign(int customerId, String tag, String actor) {
        calls.add("unassign " + customerId + " " + tag + " " + actor);
        return rows.removeIf(r -> (int) r[0] == customerId && ((TagAssignment) r[1]).tag().equals(tag));
    }

    @Override
    public List<TagAssignment> tags(int customerId) {
        return rows.stream().filter(r -> (int) r[0] == customerId).map(r -> (TagAssignment) r[1]).toList();
    }

    @Override
    public List<TagInfo> list() {
        return List.of();
    }

    @Override
    public long count(String expression) {
        return 0;
    }

    @Override
    public PrimitiveIterator.OfInt members(String expression) {
        return IntStream.empty().iterator();
    }
}
