package org.siyu.kernel.imports.internal.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The target of each column of one file, in column order.
 *
 * @param headers the file's column names
 * @param targets one per column
 */
public record Mapping(List<String> headers, List<Target> targets) {

    public Mapping {
        headers = List.copyOf(headers);
        targets = List.copyOf(targets);
        if (headers.size() != targets.size()) {
            throw new IllegalArgumentException("a mapping needs one target per column");
        }
    }

    /**
     * Applies targets given by column name to a file's columns; columns not named are ignored.
     *
     * @param byColumn column name → target token ({@link Target#parse})
     * @throws IllegalArgumentException naming a column that the file does not have, a token that is not a target,
     *                                  or a mapping that cannot import anything (see {@link #check()})
     */
    public static Mapping of(List<String> headers, Map<String, String> byColumn, Set<String> channels) {
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            targets.add(Target.IGNORE);
        }
        for (Map.Entry<String, String> e : byColumn.entrySet()) {
            int index = headers.indexOf(e.getKey().strip());
            if (index < 0) {
                throw new IllegalArgumentException("column '" + e.getKey() + "' is not in the file; its columns are "
                        + String.join(", ", headers));
            }
            try {
                targets.set(index, Target.parse(e.getValue(), channels));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("column '" + e.getKey() + "': " + bad.getMessage(), bad);
            }
        }
        Mapping mapping = new Mapping(headers, targets);
        mapping.check();
        return mapping;
    }

    /**
     * Reads {@code 手机:phone,姓名:name,标签:tags}: pairs separated by commas, column and target by the last colon
     * (so {@code 时间:下单:phone} names the column {@code 时间:下单}); {@code 手机:channel:phone} and a
     * full-width colon {@code 手机：phone} are read too. A column name with a comma cannot be written this way.
     *
     * @throws IllegalArgumentException naming the pair without a colon
     */
    public static Map<String, String> parseColumns(String text) {
        Map<String, String> byColumn = new LinkedHashMap<>();
        for (String pair : text.split("[,，]")) {
            if (pair.isBlank()) {
                continue;
            }
            int colon = Math.max(pair.lastIndexOf(':'), pair.lastIndexOf('：'));
            if (colon > 0) {
                String before = pair.substring(0, colon);
                for (String prefix : new String[] {":channel", ":trait"}) {
                    if (before.endsWith(prefix)) {
                        colon = before.length() - prefix.length();
                    }
                }
            }
            if (colon <= 0) {
                throw new IllegalArgumentException("columns: '" + pair.strip()
                        + "' is not <column>:<target>, e.g. 手机:phone,姓名:name,标签:tags");
            }
            byColumn.put(pair.substring(0, colon).strip(), pair.substring(colon + 1).strip());
        }
        if (byColumn.isEmpty()) {
            throw new IllegalArgumentException("columns: empty; write <column>:<target> pairs, e.g. 手机:phone,姓名:name");
        }
        return byColumn;
    }

    /**
     * @throws IllegalArgumentException when no column is an identity (no row could be imported) or a trait comes from
     *                                  two columns
     */
    public void check() {
        if (targets.stream().noneMatch(t -> t.kind() == Target.Kind.IDENTITY)) {
            throw new IllegalArgumentException("no column is mapped to an identity channel: every row needs one "
                    + "(a phone, a unionid, …) to find or create its customer");
        }
        Map<String, String> traitColumn = new HashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            if (t.kind() == Target.Kind.TRAIT) {
                String before = traitColumn.putIfAbsent(t.name(), headers.get(i));
                if (before != null) {
                    throw new IllegalArgumentException("the trait " + t.name() + " comes from two columns, '" + before
                            + "' and '" + headers.get(i) + "': map one of them to ignore");
                }
            }
        }
    }

    /** Whether some column holds tags. */
    public boolean hasTags() {
        return targets.contains(Target.TAGS);
    }

    /** Column name → target token, the columns that are not ignored. */
    public Map<String, String> byColumn() {
        Map<String, String> byColumn = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            if (targets.get(i).kind() != Target.Kind.IGNORE) {
                byColumn.put(headers.get(i), targets.get(i).token());
            }
        }
        return byColumn;
    }

    /** Lines {@code <column>\t<target>} for storage; {@link #decode} reads them back. */
    public String encode() {
        StringBuilder text = new StringBuilder();
        byColumn().forEach((column, target) -> text.append(column.replace('\t', ' ').replace('\n', ' '))
                .append('\t').append(target).append('\n'));
        return text.toString();
    }

    /** Column name → target token from {@link #encode}'s text. */
    public static Map<String, String> decode(String text) {
        Map<String, String> byColumn = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int tab = line.lastIndexOf('\t');
            if (tab > 0) {
                byColumn.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
        return byColumn;
    }

    /** {@code 手机:phone, 姓名:name} for messages and the REST answer. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        byColumn().forEach((column, target) -> text.append(text.isEmpty() ? "" : ", ").append(column).append(':')
                .append(target));
        return text.toString();
    }
}
