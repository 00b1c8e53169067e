package org.siyu.shell.internal.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.chart.Chart;
import org.siyu.api.ui.chart.ChartSpec;

/** The SDK component writes the spec, in the UI's language, to the element this shell's renderer reads. */
class ChartElementTest {

    private static final ChartSpec SPEC = ChartSpec.builder(ChartSpec.Kind.PIE)
            .title(Text.of("Channels", "渠道"))
            .categories(List.of("wecom", "tmall"))
            .series(Text.of("Customers", "客户"), List.of(3, 1))
            .build();

    @AfterEach
    void noCurrentUi() {
        UI.setCurrent(null);
    }

    @Test
    void shouldWriteTheSpecInTheLanguageOfTheUiAndFollowItsChanges() {
        UI ui = new UI();
        ui.setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.setCurrent(ui);
        Chart chart = new Chart(SPEC);
        assertEquals(Chart.TAG, chart.getElement().getTag());
        ui.add(chart);
        String zh = chart.getElement().getProperty("spec");
        assertTrue(zh.contains("\"title\":\"渠道\"") && zh.contains("\"name\":\"客户\""), zh);

        ui.setLocale(Locale.ENGLISH);
        String en = chart.getElement().getProperty("spec");
        assertTrue(en.contains("\"title\":\"Channels\"") && en.contains("\"noData\":\"No data\""), en);
        assertFalse(en.contains("渠道"), en);
    }

    @Test
    void shouldRedrawWithANewSpecAndRefuseNone() {
        UI.setCurrent(new UI());
        Chart chart = new Chart(SPEC);
        chart.setSpec(SPEC.withSeries(List.of(ChartSpec.Series.of("Customers", List.of(5, 8)))));
        assertTrue(chart.getElement().getProperty("spec").contains("\"values\":[5,8]"),
                chart.getElement().getProperty("spec"));
        assertEquals("100%", chart.getWidth());
        assertThrows(NullPointerException.class, () -> chart.setSpec(null));
    }
}
