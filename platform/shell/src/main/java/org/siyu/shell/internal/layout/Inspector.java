package org.siyu.shell.internal.layout;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.siyu.api.ui.InspectorSection;
import org.siyu.api.ui.Selection;
import org.siyu.api.ui.ViewContext;
import org.siyu.shell.backend.ContributionRegistry.Contributed;
import org.siyu.shell.internal.Messages;
import org.siyu.shell.internal.Ui;

/**
 * The panel on the right: the current selection's label and properties, then every inspector section that
 * applies to it, by order. A section that throws shows an error naming it; the others still show.
 */
public final class Inspector extends VerticalLayout {

    private record Applicable(String title, int order, String bundle, InspectorSection section) {
    }

    private final Messages m;
    private final Supplier<List<Contributed<InspectorSection>>> sections;
    private final ViewContext context;
    private Selection selection;

    public Inspector(Messages m, Supplier<List<Contributed<InspectorSection>>> sections, ViewContext context) {
        this.m = m;
        this.sections = sections;
        this.context = context;
        setId("inspector");
        setPadding(true);
        setSpacing(false);
        setWidthFull();
        // sections can be long (a member card, recent orders): the panel scrolls rather than hiding them
        // behind the console
        setHeightFull();
        getStyle().set("overflow-y", "auto");
        render();
    }

    public Selection selection() {
        return selection;
    }

    public void show(Selection selection) {
        this.selection = selection;
        render();
    }

    /** Renders again, e.g. after sections came or went. */
    public void render() {
        removeAll();
        H4 heading = new H4(m.t("inspector.title"));
        heading.getStyle().set("margin", "0 0 var(--lumo-space-s) 0");
        add(heading);
        if (selection == null) {
            Span empty = new Span(m.t("inspector.empty"));
            empty.getStyle().set("color", "var(--lumo-secondary-text-color)");
            add(empty);
            return;
        }
        Span label = new Span(selection.label());
        label.setId("inspector-label");
        label.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");
        add(label);
        Div props = new Div();
        props.setId("inspector-properties");
        props.getStyle().set("display", "grid").set("grid-template-columns", "auto 1fr")
                .set("gap", "var(--lumo-space-xs) var(--lumo-space-m)").set("font-size", "var(--lumo-font-size-s)");
        property(props, m.t("inspector.type"), selection.type());
        property(props, m.t("inspector.id"), selection.id());
        for (Map.Entry<String, String> p : selection.properties().entrySet()) {
            property(props, p.getKey(), p.getValue());
        }
        add(props);
        Selection current = selection;
        for (Applicable a : applicable(current)) {
            H4 title = new H4(a.title());
            title.getStyle().set("margin", "var(--lumo-space-m) 0 var(--lumo-space-xs) 0");
            add(title, Ui.create(() -> a.section().create(current, context), m, "error.inspector", a.title(),
                    a.bundle()));
        }
    }

    private List<Applicable> applicable(Selection current) {
        List<Applicable> result = new ArrayList<>();
        for (Contributed<InspectorSection> c : sections.get()) {
            try {
                InspectorSection s = c.service();
                if (s.appliesTo(current)) {
                    result.add(new Applicable(s.title().get(m.locale()), s.order(), c.bundle(), s));
                }
            } catch (RuntimeException | LinkageError e) {
                add(Ui.errorPanel(m.t("error.inspector", "?", c.bundle(), Ui.describe(e))));
            }
        }
        result.sort(Comparator.comparingInt(Applicable::order));
        return result;
    }

    private static void property(Div grid, String name, String value) {
        Span n = new Span(name);
        n.getStyle().set("color", "var(--lumo-secondary-text-color)");
        grid.add(n, new Span(value == null ? "" : value));
    }
}
