package org.siyu.api.tags;

import java.time.Instant;

/**
 * A tag on a customer and why it is there.
 *
 * @param tag      the tag's name
 * @param group    the tag's group
 * @param source   {@code manual}, {@code import}, {@code rule:<id>}, {@code system}, {@code plugin:<bundle>}
 * @param evidence the event id, user, or file and row that justify it
 * @param at       when it was assigned
 */
public record TagAssignment(String tag, String group, String source, String evidence, Instant at) {
}
