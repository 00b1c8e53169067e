package org.siyu.kernel.tagging.internal.segment;

import org.roaringbitmap.RoaringBitmap;
import org.siyu.api.tags.SegmentSyntaxException;

/**
 * The bitmaps an evaluation reads: one per tag and the universe. The evaluator never changes them; they must not
 * change while it runs (the tag index hands this out under its read lock).
 */
public interface Bitmaps {

    /**
     * The customers that have the tag.
     *
     * @throws SegmentSyntaxException "unknown tag" at the reference's position
     */
    RoaringBitmap tag(Expr.Tag ref);

    /**
     * Every customer: the active ones (created, not merged away) and any that holds a tag, so every tag bitmap is a
     * subset of it. {@code NOT x} means "in here and not in x".
     */
    RoaringBitmap universe();
}
