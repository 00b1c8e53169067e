package org.siyu.kernel.identity.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The traits of one resolution, checked. {@code campaign} and {@code owner} are source attribution and go to the
 * customer's columns; every other name is a trait.
 *
 * @param campaign the campaign of the first touch, or {@code null}
 * @param owner    the guide who owns the relationship, or {@code null}
 * @param others   the remaining traits
 */
public record Traits(String campaign, String owner, Map<String, String> others) {

    public static final int MAX_NAME = 64;
    public static final int MAX_VALUE = 1000;
    public static final int MAX_ATTRIBUTION = 200;

    static final Traits NONE = new Traits(null, null, Map.of());

    /**
     * @throws IllegalArgumentException naming the trait whose name or value is blank or too long
     */
    public static Traits of(Map<String, String> traits) {
        if (traits == null || traits.isEmpty()) {
            return NONE;
        }
        String campaign = null;
        String owner = null;
        Map<String, String> others = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : traits.entrySet()) {
            String name = e.getKey() == null ? "" : e.getKey().strip();
            if (name.isEmpty() || name.length() > MAX_NAME) {
                throw new IllegalArgumentException("trait name '" + e.getKey() + "' must be 1 to " + MAX_NAME + " characters");
            }
            String value = e.getValue() == null ? "" : e.getValue().strip();
            if (value.isEmpty()) {
                throw new IllegalArgumentException("trait '" + name + "' has no value");
            }
            switch (name) {
                case "campaign" -> campaign = attribution(name, value);
                case "owner" -> owner = attribution(name, value);
                default -> {
                    if (value.length() > MAX_VALUE) {
                        throw new IllegalArgumentException("trait '" + name + "' is longer than " + MAX_VALUE + " characters");
                    }
                    others.put(name, value);
                }
            }
        }
        return new Traits(campaign, owner, others);
    }

    private static String attribution(String name, String value) {
        if (value.length() > MAX_ATTRIBUTION) {
            throw new IllegalArgumentException("trait '" + name + "' is longer than " + MAX_ATTRIBUTION + " characters");
        }
        return value;
    }

    public boolean isEmpty() {
        return campaign == null && owner == null && others.isEmpty();
    }
}
