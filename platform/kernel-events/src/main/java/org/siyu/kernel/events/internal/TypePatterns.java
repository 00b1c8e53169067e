package org.siyu.kernel.events.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The event types a subscriber wants: {@code *} (all), {@code order.*} (every type that starts with
 * {@code order.}, at any depth), or an exact type such as {@code order.paid}.
 */
final class TypePatterns {

    private final List<String> exact = new ArrayList<>();
    private final List<String> prefixes = new ArrayList<>();
    private final boolean all;
    private final String text;

    private TypePatterns(List<String> patterns) {
        boolean any = false;
        for (String p : patterns) {
            if (p.equals("*")) {
                any = true;
            } else if (p.endsWith(".*")) {
                prefixes.add(p.substring(0, p.length() - 1));
            } else {
                exact.add(p);
            }
        }
        this.all = any;
        this.text = String.join(",", patterns);
    }

    /**
     * The patterns of a service property value: a string (several separated by commas), a string array or a
     * collection. Blank entries are ignored.
     */
    static TypePatterns of(Object property) {
        List<String> raw = new ArrayList<>();
        if (property instanceof String s) {
            raw.addAll(List.of(s.split(",")));
        } else if (property instanceof String[] array) {
            raw.addAll(List.of(array));
        } else if (property instanceof Collection<?> c) {
            c.forEach(o -> raw.add(String.valueOf(o)));
        }
        return new TypePatterns(raw.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    boolean isEmpty() {
        return !all && exact.isEmpty() && prefixes.isEmpty();
    }

    boolean matches(String type) {
        if (all || exact.contains(type)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (type.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }
}
