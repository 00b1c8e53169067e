package org.siyu.shell.backend;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Configuration of the components that describe themselves with OSGi Metatype. Every update is audited
 * with the values before and after.
 */
public interface Configurations {

    /** Every configurable PID that a bundle describes. */
    List<Description> list(Locale locale);

    /** The current values of {@code pid}; defaults where nothing was set. */
    Map<String, Object> values(String pid);

    /**
     * Validates and stores new values.
     *
     * @throws IllegalArgumentException naming the attribute when a value does not fit its type or options
     */
    void update(String pid, Map<String, String> values, String actor);

    record Description(String pid, String name, String description, String bundle, List<Attribute> attributes) {
    }

    /**
     * @param type one of String, Integer, Long, Boolean, Double, Password
     * @param options value → label, empty when free
     */
    record Attribute(String id, String name, String description, String type, String defaultValue,
            Map<String, String> options) {
    }
}
