package org.siyu.api.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.chart.ChartSpec.Kind;
import org.siyu.api.ui.chart.ChartSpec.ValueFormat;

class ChartSpecTest {

    @Test
    void shouldNameTheSeriesWhoseLengthDiffersFromTheCategories() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChartSpec.builder(Kind.LINE)
                .categories(List.of("Mon", "Tue", "Wed"))
                .series("a", List.of(1, 2, 3))
                .series("b", List.of(1, 2))
                .build());
        assertEquals("series[1].values: 2 values for 3 categories", e.getMessage());
    }

    @Test
    void shouldRefuseNonFiniteValuesNamingTheIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChartSpec.builder(Kind.BAR)
                .categories(List.of("x", "y"))
                .series("a", List.of(1.0, Double.NaN))
                .build());
        assertEquals("series[0].values[1]: not a finite number (NaN)", e.getMessage());
    }

    @Test
    void shouldRefuseASecondPieSeriesAndNegativeSlices() {
        IllegalArgumentException two = assertThrows(IllegalArgumentException.class, () -> ChartSpec.builder(Kind.PIE)
                .categories(List.of("x"))
                .series("a", List.of(1))
                .series("b", List.of(2))
                .build());
        assertEquals("series: a PIE shows one series, got 2", two.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> ChartSpec.builder(Kind.PIE)
                .categories(List.of("x", "y"))
                .series("a", List.of(1, -3))
                .build());
        assertTrue(negative.getMessage().startsWith("series[0].values[1]: a PIE slice cannot be negative"), negative.getMessage());
    }

    @Test
    void shouldCheckTheHeatmapMatrixAgainstBothAxes() {
        ChartSpec.Builder base = ChartSpec.builder(Kind.HEATMAP)
                .categories(List.of("0h", "1h", "2h"))
                .yCategories(List.of("Mon", "Tue"));
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
                () -> base.matrix(List.of(List.of(1, 2, 3))).build());
        assertEquals("matrix: 1 rows for 2 yCategories; a HEATMAP needs one row per y category", rows.getMessage());
        IllegalArgumentException cells = assertThrows(IllegalArgumentException.class,
                () -> base.matrix(List.of(List.of(1, 2, 3), List.of(4, 5))).build());
        assertEquals("matrix[1]: 2 values for 3 categories", cells.getMessage());
        IllegalArgumentException series = assertThrows(IllegalArgumentException.class,
                () -> base.matrix(List.of(List.of(1, 2, 3), List.of(4, 5, 6))).series("s", List.of(1, 2, 3)).build());
        assertTrue(series.getMessage().startsWith("series: a HEATMAP takes its values from matrix"), series.getMessage());
    }

    @Test
    void shouldRefuseHeatmapFieldsOnOtherKinds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChartSpec.builder(Kind.LINE)
                .categories(List.of("a")).yCategories(List.of("b")).build());
        assertEquals("yCategories: only a HEATMAP has y categories, this is a LINE", e.getMessage());
    }

    @Test
    void shouldNameANullCategoryAndRequireAKind() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChartSpec.builder(Kind.BAR)
                .categories(Arrays.asList("a", null)).build());
        assertEquals("categories[1] is null", e.getMessage());
        NullPointerException npe = assertThrows(NullPointerException.class, () -> ChartSpec.builder(null));
        assertEquals("kind", npe.getMessage());
    }

    @Test
    void shouldKeepMissingPointsAndNotShareTheCallersLists() {
        List<Number> values = new ArrayList<>(Arrays.asList(1, null, 3));
        List<String> categories = new ArrayList<>(List.of("a", "b", "c"));
        ChartSpec spec = ChartSpec.builder(Kind.LINE).categories(categories).series("s", values).build();
        values.set(0, 99);
        categories.add("d");
        assertEquals(Arrays.asList(1, null, 3), spec.series().get(0).values());
        assertEquals(3, spec.categories().size());
        assertThrows(UnsupportedOperationException.class, () -> spec.series().get(0).values().set(0, 5));
    }

    @Test
    void shouldBeEmptyWithoutSeriesOrWithOnlyMissingValues() {
        assertTrue(ChartSpec.builder(Kind.BAR).categories(List.of("a")).build().isEmpty());
        assertTrue(ChartSpec.builder(Kind.BAR).categories(List.of("a", "b")).series("s", Arrays.asList(null, null))
                .build().isEmpty());
        assertTrue(ChartSpec.builder(Kind.BAR).build().isEmpty());
        assertFalse(ChartSpec.builder(Kind.BAR).categories(List.of("a")).series("s", List.of(0)).build().isEmpty());
        assertFalse(ChartSpec.builder(Kind.HEATMAP).categories(List.of("a")).yCategories(List.of("y"))
                .matrix(List.of(List.of(2))).build().isEmpty());
    }

    @Test
    void shouldSerialiseTextsInTheRequestedLanguage() {
        ChartSpec spec = ChartSpec.builder(Kind.STACKED_BAR)
                .title(Text.of("Cost \"per\" customer", "单客成本"))
                .xAxisName(Text.of("Channel", "渠道"))
                .format(ValueFormat.FEN)
                .categories(List.of("WeCom", "Tmall</script>"))
                .series(Text.of("Cost", "成本"), Arrays.asList(1250, null))
                .series("Ads", List.of(new BigDecimal("12.50"), 0.5))
                .build();
        assertEquals("{\"version\":1,\"kind\":\"STACKED_BAR\",\"format\":\"FEN\",\"locale\":\"zh-CN\","
                + "\"title\":\"单客成本\",\"xAxisName\":\"渠道\",\"yAxisName\":null,\"noData\":\"暂无数据\",\"empty\":false,"
                + "\"categories\":[\"WeCom\",\"Tmall\\u003c/script>\"],"
                + "\"series\":[{\"name\":\"成本\",\"values\":[1250,null]},{\"name\":\"Ads\",\"values\":[12.5,0.5]}],"
                + "\"yCategories\":[],\"matrix\":[]}", spec.toJson(Locale.SIMPLIFIED_CHINESE, "暂无数据"));
        String en = spec.toJson(Locale.ENGLISH, "No data");
        assertTrue(en.contains("\"title\":\"Cost \\\"per\\\" customer\""), en);
        assertTrue(en.contains("{\"name\":\"Cost\","), en);
    }

    @Test
    void shouldSerialiseAHeatmapRowByRow() {
        ChartSpec spec = ChartSpec.builder(Kind.HEATMAP)
                .categories(List.of("0h", "1h"))
                .yCategories(List.of("Mon", "Tue"))
                .matrix(List.of(List.of(1, 2L), Arrays.asList(3.0, null)))
                .format(ValueFormat.PERCENT)
                .build();
        String json = spec.toJson(Locale.ENGLISH, "No data");
        assertTrue(json.endsWith("\"series\":[],\"yCategories\":[\"Mon\",\"Tue\"],\"matrix\":[[1,2],[3,null]]}"), json);
        assertTrue(json.contains("\"format\":\"PERCENT\""), json);
    }
}
