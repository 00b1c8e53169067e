package org.siyu.kernel.tagging.internal.saved;

import java.time.Instant;

/** A saved segment: a name for an expression over tags. */
public record SavedSegment(int id, String name, String expression, String description, String createdBy,
        Instant createdAt, Instant updatedAt) {
}
