package org.siyu.api.ui.chart;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.siyu.api.i18n.Text;

/**
 * What a {@link Chart} shows: immutable, checked when built. Build one with {@link #builder(Kind)}.
 *
 * <p>Shapes by kind:
 * <ul>
 *   <li>{@link Kind#LINE}, {@link Kind#BAR}, {@link Kind#STACKED_BAR}, {@link Kind#AREA}: {@link #categories()} along
 *       the x axis and one or more {@link #series()}, each with exactly one value per category;</li>
 *   <li>{@link Kind#PIE}: the categories are the slices and there is at most one series, with a value of zero or
 *       more per slice;</li>
 *   <li>{@link Kind#HEATMAP}: {@link #categories()} along x, {@link #yCategories()} along y, and a
 *       {@link #matrix()} with one row per y category and one value per x category; no series.</li>
 * </ul>
 * A value may be {@code null}: the point is missing (a gap in a line, no bar, an empty cell). A chart without
 * categories, without series (or a heatmap without rows) or whose values are all missing shows "no data".
 *
 * @param kind        the kind of chart
 * @param title       the title above the chart, or {@code null} for none
 * @param xAxisName   the name of the category axis, or {@code null}; ignored by {@link Kind#PIE}
 * @param yAxisName   the name of the value axis (the y categories' axis of a heatmap), or {@code null}; ignored by PIE
 * @param format      how values are shown on axes, labels and tooltips
 * @param categories  the x categories (the slices of a pie)
 * @param series      the series, in legend order; empty for a heatmap
 * @param yCategories the y categories of a heatmap; empty otherwise
 * @param matrix      the values of a heatmap, {@code matrix.get(y).get(x)}; empty otherwise
 */
public record ChartSpec(
        Kind kind,
        Text title,
        Text xAxisName,
        Text yAxisName,
        ValueFormat format,
        List<String> categories,
        List<Series> series,
        List<String> yCategories,
        List<List<Number>> matrix) {

    /** The kinds of chart the shell renders. */
    public enum Kind {
        /** Lines over categories (usually time). */
        LINE,
        /** Bars side by side per category. */
        BAR,
        /** Bars of all series stacked per category: parts of a total. */
        STACKED_BAR,
        /** Lines with the area below filled, stacked: parts of a total over time. */
        AREA,
        /** Slices of one series. */
        PIE,
        /** A grid of x and y categories coloured by value (e.g. weekday × hour). */
        HEATMAP
    }

    /** How values are written. */
    public enum ValueFormat {
        /** Plain numbers with grouping, e.g. {@code 12,345}. */
        COUNT,
        /** Money in fen (1/100 yuan) shown as yuan, e.g. the value {@code 123456} shows as {@code ¥1,234.56}. */
        FEN,
        /** A fraction shown as a percentage, e.g. the value {@code 0.125} shows as {@code 12.5%}. */
        PERCENT
    }

    /**
     * One series of values, one per category.
     *
     * @param name   the series' name in the legend and tooltip
     * @param values one value per category; {@code null} for a missing point
     */
    public record Series(Text name, List<Number> values) {

        public Series {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(values, "values");
            values = Collections.unmodifiableList(new ArrayList<>(values)); // List.copyOf refuses nulls
        }

        /** A series whose name reads the same in every language, such as a channel or a product name. */
        public static Series of(String name, List<? extends Number> values) {
            return of(Text.of(name), values);
        }

        /** A series with a name in English and Chinese. */
        public static Series of(Text name, List<? extends Number> values) {
            return new Series(name, values == null ? null : new ArrayList<>(values));
        }
    }

    /**
     * Checks the spec; every error names the field that is wrong.
     *
     * @throws NullPointerException     if {@code kind}, {@code format} or a list is {@code null}
     * @throws IllegalArgumentException if the shapes do not match the kind (see the class comment) or a value is not a
     *                                  finite number
     */
    public ChartSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(format, "format");
        categories = strings("categories", categories);
        yCategories = strings("yCategories", yCategories);
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(matrix, "matrix");
        List<Series> checkedSeries = new ArrayList<>(series.size());
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            if (s == null) {
                throw new IllegalArgumentException("series[" + i + "] is null");
            }
            checkedSeries.add(new Series(s.name(), values("series[" + i + "].values", s.values())));
        }
        series = List.copyOf(checkedSeries);
        List<List<Number>> rows = new ArrayList<>(matrix.size());
        for (int y = 0; y < matrix.size(); y++) {
            if (matrix.get(y) == null) {
                throw new IllegalArgumentException("matrix[" + y + "] is null");
            }
            rows.add(values("matrix[" + y + "]", matrix.get(y)));
        }
        matrix = List.copyOf(rows);

        if (kind == Kind.HEATMAP) {
            if (!series.isEmpty()) {
                throw new IllegalArgumentException("series: a HEATMAP takes its values from matrix, not from series");
            }
            if (matrix.size() != yCategories.size()) {
                throw new IllegalArgumentException("matrix: " + matrix.size() + " rows for " + yCategories.size()
                        + " yCategories; a HEATMAP needs one row per y category");
            }
            for (int y = 0; y < matrix.size(); y++) {
                if (matrix.get(y).size() != categories.size()) {
                    throw new IllegalArgumentException("matrix[" + y + "]: " + matrix.get(y).size() + " values for "
                            + categories.size() + " categories");
                }
            }
        } else {
            if (!yCategories.isEmpty()) {
                throw new IllegalArgumentException("yCategories: only a HEATMAP has y categories, this is a " + kind);
            }
            if (!matrix.isEmpty()) {
                throw new IllegalArgumentException("matrix: only a HEATMAP has a matrix, this is a " + kind);
            }
            if (kind == Kind.PIE && series.size() > 1) {
                throw new IllegalArgumentException("series: a PIE shows one series, got " + series.size());
            }
            for (int i = 0; i < series.size(); i++) {
                List<Number> values = series.get(i).values();
                if (values.size() != categories.size()) {
                    throw new IllegalArgumentException("series[" + i + "].values: " + values.size() + " values for "
                            + categories.size() + " categories");
                }
                if (kind == Kind.PIE) {
                    for (int c = 0; c < values.size(); c++) {
                        if (values.get(c) != null && values.get(c).doubleValue() < 0) {
                            throw new IllegalArgumentException("series[" + i + "].values[" + c + "]: a PIE slice cannot be negative ("
                                    + values.get(c) + ")");
                        }
                    }
                }
            }
        }
    }

    /** A builder for a chart of {@code kind}; format {@link ValueFormat#COUNT} unless set. */
    public static Builder builder(Kind kind) {
        return new Builder(kind);
    }

    /** Whether the chart has nothing to show: no categories, no series or rows, or only missing values. */
    public boolean isEmpty() {
        List<List<Number>> all = kind == Kind.HEATMAP ? matrix : series.stream().map(Series::values).toList();
        return categories.isEmpty() || all.stream().flatMap(List::stream).allMatch(Objects::isNull);
    }

    /** A copy of this spec with other series (same kind, titles and categories), e.g. after a filter changed. */
    public ChartSpec withSeries(List<Series> newSeries) {
        return new ChartSpec(kind, title, xAxisName, yAxisName, format, categories, newSeries, yCategories, matrix);
    }

    /**
     * The spec as the shell's renderer reads it, with texts in {@code locale}. Not a public format: it may change
     * with the shell.
     */
    String toJson(Locale locale, String noDataText) {
        StringBuilder json = new StringBuilder(256);
        json.append("{\"version\":1,\"kind\":");
        string(json, kind.name());
        json.append(",\"format\":");
        string(json, format.name());
        json.append(",\"locale\":");
        string(json, locale.toLanguageTag());
        text(json, "title", title, locale);
        text(json, "xAxisName", xAxisName, locale);
        text(json, "yAxisName", yAxisName, locale);
        json.append(",\"noData\":");
        string(json, noDataText);
        json.append(",\"empty\":").append(isEmpty());
        json.append(",\"categories\":");
        strings(json, categories);
        json.append(",\"series\":[");
        for (int i = 0; i < series.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"name\":");
            string(json, series.get(i).name().get(locale));
            json.append(",\"values\":");
            numbers(json, series.get(i).values());
            json.append('}');
        }
        json.append("],\"yCategories\":");
        strings(json, yCategories);
        json.append(",\"matrix\":[");
        for (int y = 0; y < matrix.size(); y++) {
            if (y > 0) {
                json.append(',');
            }
            numbers(json, matrix.get(y));
        }
        return json.append("]}").toString();
    }

    private static List<String> strings(String field, List<String> values) {
        Objects.requireNonNull(values, field);
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new IllegalArgumentException(field + "[" + i + "] is null");
            }
        }
        return List.copyOf(values);
    }

    private static List<Number> values(String field, List<Number> values) {
        Objects.requireNonNull(values, field);
        List<Number> copy = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            Number v = values.get(i);
            if (v != null && !Double.isFinite(v.doubleValue())) {
                throw new IllegalArgumentException(field + "[" + i + "]: not a finite number (" + v + ")");
            }
            copy.add(v);
        }
        return Collections.unmodifiableList(copy);
    }

    private static void text(StringBuilder json, String key, Text text, Locale locale) {
        json.append(",\"").append(key).append("\":");
        if (text == null) {
            json.append("null");
        } else {
            string(json, text.get(locale));
        }
    }

    private static void strings(StringBuilder json, List<String> values) {
        json.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            string(json, values.get(i));
        }
        json.append(']');
    }

    private static void numbers(StringBuilder json, List<Number> values) {
        json.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(number(values.get(i)));
        }
        json.append(']');
    }

    private static String number(Number v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte || v instanceof BigInteger) {
            return v.toString();
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        double d = v.doubleValue();
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d); // JSON accepts Java's exponent form (1.0E-5)
    }

    private static void string(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    // '<' too, so the text can never close a script element when the property is inlined
                    if (c < 0x20 || c == '<' || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    /** Builds a {@link ChartSpec}; {@link #build()} checks it. */
    public static final class Builder {
        private final Kind kind;
        private Text title;
        private Text xAxisName;
        private Text yAxisName;
        private ValueFormat format = ValueFormat.COUNT;
        private List<String> categories = List.of();
        private final List<Series> series = new ArrayList<>();
        private List<String> yCategories = List.of();
        private List<List<Number>> matrix = List.of();

        private Builder(Kind kind) {
            this.kind = Objects.requireNonNull(kind, "kind");
        }

        /** The title, or {@code null} for none. */
        public Builder title(Text title) {
            this.title = title;
            return this;
        }

        /** The category axis' name (x). */
        public Builder xAxisName(Text name) {
            this.xAxisName = name;
            return this;
        }

        /** The value axis' name (y; a heatmap's y-category axis). */
        public Builder yAxisName(Text name) {
            this.yAxisName = name;
            return this;
        }

        /** How values are shown; {@link ValueFormat#COUNT} by default. */
        public Builder format(ValueFormat format) {
            this.format = format;
            return this;
        }

        /** The x categories (the slices of a pie), replacing any set before. */
        public Builder categories(List<String> categories) {
            this.categories = categories;
            return this;
        }

        /** Adds a series with a name in English and Chinese. */
        public Builder series(Text name, List<? extends Number> values) {
            series.add(Series.of(name, values));
            return this;
        }

        /** Adds a series whose name reads the same in every language. */
        public Builder series(String name, List<? extends Number> values) {
            series.add(Series.of(name, values));
            return this;
        }

        /** Adds a series. */
        public Builder series(Series s) {
            series.add(s);
            return this;
        }

        /** A heatmap's y categories, replacing any set before. */
        public Builder yCategories(List<String> yCategories) {
            this.yCategories = yCategories;
            return this;
        }

        /** A heatmap's values: one row per y category, one value per x category. */
        public Builder matrix(List<? extends List<? extends Number>> matrix) {
            if (matrix == null) {
                this.matrix = null;
            } else {
                List<List<Number>> rows = new ArrayList<>(matrix.size());
                for (List<? extends Number> row : matrix) {
                    rows.add(row == null ? null : new ArrayList<>(row));
                }
                this.matrix = rows;
            }
            return this;
        }

        /**
         * The checked spec.
         *
         * @throws IllegalArgumentException naming the field that is wrong
         */
        public ChartSpec build() {
            return new ChartSpec(kind, title, xAxisName, yAxisName, format, categories, series, yCategories, matrix);
        }
    }
}
