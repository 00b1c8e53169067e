/**
 * Charts for views: a plugin describes <em>what</em> to show as a {@link org.siyu.api.ui.chart.ChartSpec} (kind,
 * categories, series, value format, titles in Chinese and English) and adds a {@link org.siyu.api.ui.chart.Chart}
 * to its view. The shell renders it with Apache ECharts, which it ships in its front-end bundle.
 *
 * <p>Why a data spec and not ECharts options: a plugin may carry no JavaScript of its own (the shell's front-end is
 * compiled when Siyu is built), and keeping the contract to data lets the shell own theme, number formats, resizing
 * and the "no data" state in one place, and change its renderer without breaking plugins.
 *
 * <pre>{@code
 * ChartSpec spec = ChartSpec.builder(ChartSpec.Kind.BAR)
 *         .title(Text.of("Cost per customer", "单客成本"))
 *         .categories(List.of("WeCom", "Tmall"))
 *         .series(Text.of("Cost", "成本"), List.of(1250, 3300))
 *         .format(ChartSpec.ValueFormat.FEN)
 *         .build();
 * layout.add(new Chart(spec));
 * }</pre>
 */
@Export
@Version("1.0.0")
package org.siyu.api.ui.chart;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
