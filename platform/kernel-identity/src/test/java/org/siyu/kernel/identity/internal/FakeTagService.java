package org.siyu.kernel.identity.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.siyu.api.tags.SegmentSyntaxException;
import org.siyu.api.tags.TagAssignment;
import org.siyu.api.tags.TagInfo;
import org.siyu.api.tags.TagService;

/**
 * Tags in a list. Expressions are one tag ({@code tag:x} or {@code tag:"x"}); anything else is a syntax error at 0, an
 * unknown tag an error at 4, as tagging reports them. Tags named {@code reach.*} are in group {@code reach}.
 */
public final class FakeTagService implements TagService {

    private static final Pattern ONE_TAG = Pattern.compile("tag:(?:\"((?:[^\"\\\\]|\\\\.)+)\"|(\\S+))");

    private final List<Object[]> rows = new ArrayList<>();
    private Instant clock = Instant.parse("2026-11-01T00:00:00Z");

    @Override
    public synchronized boolean assign(int customerId, String tag, String source, String evidence) {
        if (tags(customerId).stream().anyMatch(a -> a.tag().equals(tag))) {
            return false;
        }
        String group = tag.startsWith("reach.") ? "reach" : tag.startsWith("lifecycle.") ? "lifecycle" : "default";
        clock = clock.plusSeconds(60);
        rows.add(new Object[] {customerId, new TagAssignment(tag, group, source, evidence, clock)});
        return true;
    }

    @Override
    public synchronized boolean unassign(int customerId, String tag, String actor) {
        return rows.removeIf(r -> (int) r[0] == customerId && ((TagAssignment) r[1]).tag().equals(tag));
    }

    @Override
    public synchronized List<TagAssignment> tags(int customerId) {
        return rows.stream().filter(r -> (int) r[0] == customerId).map(r -> (TagAssignment) r[1]).toList();
    }

    @Override
    public synchronized List<TagInfo> list() {
        Set<String> names = new TreeSet<>();
        rows.forEach(r -> names.add(((TagAssignment) r[1]).tag()));
        return names.stream().map(n -> new TagInfo(n, "default", false, holders(n).size())).toList();
    }

    private synchronized Set<Integer> holders(String tag) {
        Set<Integer> ids = new TreeSet<>();
        rows.stream().filter(r -> ((TagAssignment) r[1]).tag().equals(tag)).forEach(r -> ids.add((int) r[0]));
        return ids;
    }

    private String tagOf(String expression) {
        Matcher m = ONE_TAG.matcher(expression.strip());
        if (!m.matches()) {
            throw new SegmentSyntaxException("expected tag:, NOT or '('", 0, expression);
        }
        String tag = m.group(1) != null ? m.group(1).replace("\\\"", "\"").replace("\\\\", "\\") : m.group(2);
        if (list().stream().noneMatch(t -> t.name().equals(tag))) {
            throw new SegmentSyntaxException("unknown tag '" + tag + "'", 4, tag);
        }
        return tag;
    }

    @Override
    public long count(String expression) {
        return holders(tagOf(expression)).size();
    }

    @Override
    public PrimitiveIterator.OfInt members(String expression) {
        return holders(tagOf(expression)).stream().mapToInt(Integer::intValue).iterator();
    }
}
