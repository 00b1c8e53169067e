package org.siyu.commerce.imports.internal.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which column of one file holds each field. Built by {@link #guess} from a source's header names, or from explicit
 * choices ({@link #of}); a column holds at most one field.
 *
 * @param headers the file's column names
 * @param columns field → column index
 */
public record ColumnMapping(Source source, List<String> headers, Map<Field, Integer> columns) {

    /** Compared without case, white space, and {@code _ - . ( ) （ ） :} (Excel and the marketplaces vary them). */
    private static final Pattern NOISE = Pattern.compile("[\\s_\\-.()（）:：]");

    public ColumnMapping {
        headers = List.copyOf(headers);
        Map<Field, Integer> c = new EnumMap<>(Field.class);
        c.putAll(columns);
        columns = Collections.unmodifiableMap(c);
    }

    static String key(String header) {
        return NOISE.matcher(header).replaceAll("").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * For each field, the first of its header names that the file has, unless an earlier field took that column.
     * Missing required fields are left out; {@link #check()} names them.
     */
    public static ColumnMapping guess(SourceConfig config, List<String> headers) {
        Map<String, Integer> byKey = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            byKey.putIfAbsent(key(headers.get(i)), i);
        }
        Map<Field, Integer> columns = new EnumMap<>(Field.class);
        List<Integer> taken = new ArrayList<>();
        for (Field field : Field.values()) {
            for (String name : config.headers(field)) {
                Integer column = byKey.get(key(name));
                if (column != null && !taken.contains(column)) {
                    columns.put(field, column);
                    taken.add(column);
                    break;
                }
            }
        }
        return new ColumnMapping(config.source(), headers, columns);
    }

    /**
     * Explicit choices, field by column name ({@code 订单编号 → orderNo}); {@code ignore} leaves a column out.
     *
     * @throws IllegalArgumentException naming a column the file lacks, a field that is not one, or a field chosen twice
     */
    public static ColumnMapping of(Source source, List<String> headers, Map<String, String> fieldByColumn) {
        Map<Field, Integer> columns = new EnumMap<>(Field.class);
        fieldByColumn.forEach((column, token) -> {
            int index = headers.indexOf(column);
            if (index < 0) {
                throw new IllegalArgumentException("the file has no column '" + column + "'; its columns are "
                        + String.join(", ", headers));
            }
            if (token == null || token.isBlank() || token.strip().equalsIgnoreCase("ignore")) {
                return;
            }
            Field field = Field.of(token);
            Integer before = columns.put(field, index);
            if (before != null && before != index) {
                throw new IllegalArgumentException("the field " + field.token() + " is chosen for two columns, '"
                        + headers.get(before) + "' and '" + column + "': a field is read from one column");
            }
        });
        return new ColumnMapping(source, headers, columns);
    }

    /**
     * Parses {@code <column>:<field>,…} (pairs separated by {@code ,} or {@code ，}, column and field by the last
     * {@code :} or {@code ：}).
     *
     * @throws IllegalArgumentException naming the pair that has no separator
     */
    public static Map<String, String> parseColumns(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : text.split("[,，]")) {
            if (pair.isBlank()) {
                continue;
            }
            int colon = Math.max(pair.lastIndexOf(':'), pair.lastIndexOf('：'));
            if (colon <= 0) {
                throw new IllegalArgumentException("'" + pair.strip() + "' needs the form <column>:<field>, e.g. "
                        + "订单编号:orderNo");
            }
            out.put(pair.substring(0, colon).strip(), pair.substring(colon + 1).strip());
        }
        return out;
    }

    /** The column of {@code field}, or -1. */
    public int column(Field field) {
        Integer c = columns.get(field);
        return c == null ? -1 : c;
    }

    /** The header of {@code field}'s column, or {@code null}. */
    public String header(Field field) {
        int c = column(field);
        return c < 0 ? null : headers.get(c);
    }

    /**
     * @throws IllegalArgumentException naming each required field that has no column, with the names tried
     */
    public void check(SourceConfig config) {
        List<String> missing = new ArrayList<>();
        for (Field f : Field.values()) {
            if (f.required() && !columns.containsKey(f)) {
                missing.add(f.token() + " (" + String.join(" / ", config.headers(f)) + ")");
            }
        }
        if (!columns.containsKey(Field.BUYER) && !columns.containsKey(Field.PHONE)) {
            missing.add("buyer or phone (" + String.join(" / ", config.headers(Field.BUYER)) + " / "
                    + String.join(" / ", config.headers(Field.PHONE)) + ")");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no column for " + String.join("; ", missing) + " in this "
                    + source.id() + " file; its columns are " + String.join(", ", headers));
        }
    }

    /** Column name → field token, in column order: what is stored with an import and shown. */
    public Map<String, String> byColumn() {
        Map<Integer, Field> byIndex = new java.util.TreeMap<>();
        columns.forEach((f, c) -> byIndex.put(c, f));
        Map<String, String> out = new LinkedHashMap<>();
        byIndex.forEach((c, f) -> out.put(headers.get(c), f.token()));
        return out;
    }

    /** {@link #byColumn()} as {@code <column>:<field>,…}, the form {@link #parseColumns} reads. */
    public String encode() {
        StringBuilder out = new StringBuilder();
        byColumn().forEach((c, f) -> out.append(out.isEmpty() ? "" : ",").append(c).append(':').append(f));
        return out.toString();
    }
}
