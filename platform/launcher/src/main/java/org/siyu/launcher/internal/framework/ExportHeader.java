package org.siyu.launcher.internal.framework;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads an OSGi {@code Export-Package} header into package → version, honouring quotes. */
final class ExportHeader {

    private ExportHeader() {
    }

    static Map<String, String> parse(String header) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String clause : split(header, ',')) {
            String version = "0.0.0";
            java.util.List<String> names = new java.util.ArrayList<>();
            for (String part : split(clause, ';')) {
                String p = part.trim();
                int eq = p.indexOf('=');
                if (eq < 0) {
                    names.add(p);
                } else if (p.substring(0, eq).trim().equals("version")) {
                    version = p.substring(eq + 1).trim().replace("\"", "");
                }
            }
            for (String n : names) {
                result.putIfAbsent(n, version);
            }
        }
        return result;
    }

    private static java.util.List<String> split(String s, char sep) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : s.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == sep && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            parts.add(current.toString());
        }
        return parts;
    }
}
