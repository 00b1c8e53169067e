package org.siyu.kernel.tagging.internal;

import java.util.regex.Pattern;

/** What a tag name, source, evidence and customer id must be; each message names the field. */
final class AssignmentRules {

    static final int MAX_NAME = 64;
    static final int MAX_SOURCE = 100;
    static final int MAX_EVIDENCE = 500;

    /** The sources of {@link org.siyu.api.tags.TagAssignment#source()}. */
    private static final Pattern SOURCE = Pattern.compile("manual|import|system|(rule|plugin):[^\\s:][^\\s]*");

    private AssignmentRules() {
    }

    /** The name without surrounding white space. */
    static String name(String tag) {
        if (tag == null || tag.isBlank()) {
            throw new IllegalArgumentException("tag: the name is blank");
        }
        String name = tag.strip();
        if (name.length() > MAX_NAME) {
            throw new IllegalArgumentException("tag: '" + name + "' is longer than " + MAX_NAME + " characters");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("tag: '" + name + "' contains a control character");
        }
        return name;
    }

    /** A display title: blank is none ({@code null}), else stripped, at most {@link #MAX_NAME} characters. */
    static String title(String field, String title) {
        if (title == null || title.isBlank()) {
            return null;
        }
        String t = title.strip();
        if (t.length() > MAX_NAME) {
            throw new IllegalArgumentException(field + ": longer than " + MAX_NAME + " characters");
        }
        return t;
    }

    static void customer(int customerId) {
        if (customerId <= 0) {
            throw new IllegalArgumentException("customerId: " + customerId + " is not a customer id (ids are positive)");
        }
    }

    static void source(String source) {
        if (source == null || source.length() > MAX_SOURCE || !SOURCE.matcher(source).matches()) {
            throw new IllegalArgumentException("source: '" + source
                    + "' must be manual, import, system, rule:<rule id> or plugin:<bundle> (at most " + MAX_SOURCE
                    + " characters)");
        }
    }

    static void evidence(String evidence) {
        if (evidence != null && evidence.length() > MAX_EVIDENCE) {
            throw new IllegalArgumentException("evidence: longer than " + MAX_EVIDENCE + " characters");
        }
    }

    static void actor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("actor: who removes the tag is required");
        }
    }
}
