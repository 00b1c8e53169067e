package org.siyu.shell.internal.chart;

import com.vaadin.flow.component.page.Inline;
import com.vaadin.flow.server.AppShellSettings;

/**
 * The browser side of the SDK's {@link org.siyu.api.ui.chart.Chart}: the custom element {@code <siyu-chart>}
 * ({@code META-INF/resources/siyu/chart/siyu-chart.js}) that draws it with Apache ECharts
 * ({@code echarts/echarts.esm.min.js} beside it, copied from the npm package at build time; see the pom).
 *
 * <p>Both are static files of the shell's jar, loaded by the page, not part of Vaadin's compiled front-end bundle:
 * the shell keeps Vaadin's pre-compiled bundle with every standard component (which plugins rely on) and its build
 * needs no node. Why: docs/adr/0010-charts.md.
 */
public final class ChartRenderer {

    /** The renderer's module, relative to the context root (the page's base). */
    public static final String MODULE = "siyu/chart/siyu-chart.js";

    private ChartRenderer() {
    }

    /** Adds the renderer's module to every page of the shell. */
    public static void addTo(AppShellSettings settings) {
        settings.addInlineWithContents(Inline.Position.APPEND,
                "<script type=\"module\" src=\"" + MODULE + "\"></script>", Inline.Wrapping.NONE);
    }
}
