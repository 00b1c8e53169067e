package org.siyu.shell;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import org.siyu.shell.internal.chart.ChartRenderer;

/**
 * The page around every view: Lumo (Vaadin 25 applies no theme by default), server push, the title, and the chart
 * renderer that the SDK's charts need ({@link ChartRenderer}).
 */
@Push
@StyleSheet(Lumo.STYLESHEET)
public class SiyuAppShell implements AppShellConfigurator {

    private static final long serialVersionUID = 1L;

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Siyu 私域");
        ChartRenderer.addTo(settings);
    }
}
