package org.siyu.kernel.tagging.internal.saved;

/**
 * What a user sends to save a segment (also the REST body of POST and PUT).
 *
 * @param description optional
 */
public record SegmentInput(String name, String expression, String description) {
}
