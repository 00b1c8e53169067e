package org.siyu.commerce.internal;

import java.util.List;
import java.util.Map;
import java.util.PrimitiveIterator;
import java.util.stream.IntStream;
import org.siyu.api.tags.SegmentSyntaxException;
import org.siyu.api.tags.TagAssignment;
import org.siyu.api.tags.TagInfo;
import org.siyu.api.tags.TagService;

/** Segments of single tags only ({@code tag:<name>}), over fixed members; anything else is a syntax error. */
public final class FakeTags implements TagService {

    private final Map<String, int[]> members;

    public FakeTags(Map<String, int[]> members) {
        this.members = members;
    }

    @Override
    public PrimitiveIterator.OfInt members(String expression) {
        if (!expression.startsWith("tag:")) {
            throw new SegmentSyntaxException("expected tag:, NOT or '('", 0, expression.split(" ")[0]);
        }
        String tag = expression.substring(4);
        int[] ids = members.get(tag);
        if (ids == null) {
            throw new SegmentSyntaxException("unknown tag '" + tag + "'", 4, tag);
        }
        return IntStream.of(ids).sorted().iterator();
    }

    @Override
    public long count(String expression) {
        return IntStream.of(members.get(expression.substring(4))).count();
    }

    @Override
    public boolean assign(int customerId, String tag, String source, String evidence) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean unassign(int customerId, String tag, String actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<TagAssignment> tags(int customerId) {
        return List.of();
    }

    @Override
    public List<TagInfo> list() {
        return List.of();
    }
}
