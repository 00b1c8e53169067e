package org.siyu.kernel.tagging.internal.system;

import java.util.List;

/** Event type patterns from configuration: exact types, {@code prefix.*} or {@code *}. */
record TypeSet(List<String> patterns) {

    TypeSet {
        patterns = List.copyOf(patterns);
    }

    /** A comma-separated list; blanks are dropped. */
    static TypeSet parse(String list) {
        return new TypeSet(Settings.items(list));
    }

    boolean matches(String type) {
        for (String p : patterns) {
            if (p.equals("*") || p.equals(type) || (p.endsWith(".*") && type.startsWith(p.substring(0, p.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return String.join(",", patterns);
    }
}
