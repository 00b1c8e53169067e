package org.siyu.commerce.imports.internal.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.siyu.api.commerce.OrderStatus;

/**
 * How one marketplace's report reads: for each field the header names it goes by (first match wins), what its order
 * statuses mean, and whether its amount columns are per row (one row per sub-order, as Douyin) or per order (repeated
 * on each row of a multi-line order, as Tmall and JD). Defaults ship in {@link Defaults}; an operator's edits are
 * stored whole per source ({@code cmi_source}) as the text of {@link #encode()}.
 *
 * @param headers        header names per field, in the order they are tried; a field without names is never guessed
 * @param statuses       marketplace status text (as in the file, trimmed) → the order's status
 * @param amountsPerLine whether {@link Field#PAYABLE} and {@link Field#REFUND} are per row and summed over an order's
 *                       rows (true), or per order and read once (false)
 */
public record SourceConfig(Source source, Map<Field, List<String>> headers, Map<String, OrderStatus> statuses,
        boolean amountsPerLine) {

    public SourceConfig {
        Map<Field, List<String>> h = new EnumMap<>(Field.class);
        headers.forEach((f, names) -> h.put(f, List.copyOf(names)));
        headers = Collections.unmodifiableMap(h);
        statuses = Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
    }

    /** The header names of {@code field}, possibly empty. */
    public List<String> headers(Field field) {
        return headers.getOrDefault(field, List.of());
    }

    /**
     * What {@code text} means as a status: the configured statuses first, exactly (trimmed), then the status names
     * themselves ({@code PAID}, {@code completed}), which every source accepts.
     *
     * @return the status, or {@code null} if the text is not known
     */
    public OrderStatus status(String text) {
        String t = text.strip();
        OrderStatus configured = statuses.get(t);
        if (configured != null) {
            return configured;
        }
        for (OrderStatus s : OrderStatus.values()) {
            if (s.name().equalsIgnoreCase(t)) {
                return s;
            }
        }
        return null;
    }

    /** This configuration with {@code field} read from these header names. */
    public SourceConfig withHeaders(Field field, List<String> names) {
        Map<Field, List<String>> h = new EnumMap<>(Field.class);
        h.putAll(headers);
        h.put(field, names);
        return new SourceConfig(source, h, statuses, amountsPerLine);
    }

    /**
     * Lines {@code header <field>\t<name>|<name>…}, {@code status <text>\t<STATUS>}, {@code amountsPerLine\t<bool>}.
     * Header names and status texts cannot contain a tab, a line break or {@code |} (checked by {@link #decode}).
     */
    public String encode() {
        StringBuilder out = new StringBuilder();
        for (Field f : Field.values()) {
            out.append("header ").append(f.token()).append('\t').append(String.join("|", headers(f))).append('\n');
        }
        statuses.forEach((text, status) -> out.append("status ").append(text).append('\t').append(status.name())
                .append('\n'));
        out.append("amountsPerLine\t").append(amountsPerLine).append('\n');
        return out.toString();
    }

    /**
     * Reads {@link #encode()}'s text (also what an operator edits).
     *
     * @throws IllegalArgumentException naming the line that is wrong
     */
    public static SourceConfig decode(Source source, String text) {
        Map<Field, List<String>> headers = new EnumMap<>(Field.class);
        Map<String, OrderStatus> statuses = new LinkedHashMap<>();
        boolean perLine = false;
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IllegalArgumentException("line " + (i + 1) + " ('" + line + "') needs a tab between the "
                        + "key and the value");
            }
            String key = line.substring(0, tab).strip();
            String value = line.substring(tab + 1).strip();
            if (key.startsWith("header ")) {
                Field field;
                try {
                    field = Field.of(key.substring(7));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
                }
                List<String> names = new ArrayList<>();
                for (String n : value.split("\\|")) {
                    if (!n.isBlank()) {
                        names.add(n.strip());
                    }
                }
                headers.put(field, names);
            } else if (key.startsWith("status ")) {
                String marketplace = key.substring(7).strip();
                if (marketplace.isEmpty()) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": the status text is empty");
                }
                try {
                    statuses.put(marketplace, OrderStatus.valueOf(value.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": '" + value + "' is not an order "
                            + "status: use CREATED, PAID, SHIPPED, COMPLETED, CANCELLED or REFUNDED", e);
                }
            } else if (key.equals("amountsPerLine")) {
                if (!value.equals("true") && !value.equals("false")) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": amountsPerLine is true or false");
                }
                perLine = Boolean.parseBoolean(value);
            } else {
                throw new IllegalArgumentException("line " + (i + 1) + ": unknown key '" + key + "' (header <field>, "
                        + "status <text>, amountsPerLine)");
            }
        }
        for (Field f : Field.values()) {
            if (f.required() && headers.getOrDefault(f, List.of()).isEmpty()) {
                throw new IllegalArgumentException("the field " + f.token() + " is required and needs at least one "
                        + "header name");
            }
        }
        return new SourceConfig(source, headers, statuses, perLine);
    }
}
