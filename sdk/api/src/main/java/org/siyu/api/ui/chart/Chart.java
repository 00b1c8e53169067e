package org.siyu.api.ui.chart;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import java.util.Locale;
import java.util.Objects;
import org.siyu.api.i18n.Text;

/**
 * A chart in a view, drawn by the shell with Apache ECharts from a {@link ChartSpec}. It fills the width of its
 * container, is 20rem high unless sized otherwise ({@link HasSize}), follows the container when it is resized and
 * the shell's light or dark theme, and shows "no data" when the spec {@link ChartSpec#isEmpty() is empty}.
 * Texts ({@link ChartSpec#title()}, axis and series names) are shown in the UI's language.
 *
 * <p>This class carries no JavaScript: it writes the spec to its {@code <siyu-chart>} element, and the element's
 * renderer is part of the shell's front-end bundle. So a plugin may use it without breaking the front-end rule.
 */
@Tag(Chart.TAG)
public final class Chart extends Component implements HasSize, LocaleChangeObserver {

    /** The element's tag name; the shell's renderer defines this custom element. */
    public static final String TAG = "siyu-chart";

    private static final Text NO_DATA = Text.of("No data", "暂无数据");

    private ChartSpec spec;

    /** A chart showing {@code spec}. */
    public Chart(ChartSpec spec) {
        setWidthFull();
        setHeight("20rem");
        setSpec(spec);
    }

    /** What the chart shows. */
    public ChartSpec getSpec() {
        return spec;
    }

    /** Shows {@code spec} instead, e.g. after the user changed a filter; the chart redraws in place. */
    public void setSpec(ChartSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        render();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        render(); // the UI's language is known only now
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        render();
    }

    private void render() {
        Locale locale = getLocale();
        if (locale == null) {
            locale = Locale.ENGLISH;
        }
        getElement().setProperty("spec", spec.toJson(locale, NO_DATA.get(locale)));
    }
}
