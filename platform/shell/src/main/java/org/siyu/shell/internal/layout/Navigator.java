package org.siyu.shell.internal.layout;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.details.DetailsVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.siyu.shell.internal.Catalog;
import org.siyu.shell.internal.Messages;
import org.siyu.shell.internal.Ui;
import org.siyu.shell.internal.ViewEntry;

/**
 * The tree on the left ({@code navigator}): one collapsible node per group ({@code nav-group-<English group>}),
 * under it the views of the current perspective that the user may open ({@code nav-<viewId>}). A click or
 * Enter opens the view. Rebuilt from scratch on every change, so the DOM holds exactly what is shown.
 */
public final class Navigator extends Div {

    private final Locale locale;
    private final Messages m;
    private final Consumer<ViewEntry> open;
    private final Set<String> collapsed = new HashSet<>();

    public Navigator(Messages m, Consumer<ViewEntry> open) {
        this.m = m;
        this.locale = m.locale();
        this.open = open;
        setId("navigator");
        setSizeFull();
        getStyle().set("overflow", "auto").set("padding", "var(--lumo-space-xs)").set("box-sizing", "border-box")
                .set("font-size", "var(--lumo-font-size-s)");
    }

    /** Shows {@code views} (already filtered for role and perspective), grouped. */
    public void show(List<ViewEntry> views) {
        removeAll();
        Span heading = new Span(m.t("nav.title"));
        heading.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-xs)")
                .set("text-transform", "uppercase").set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
                .set("display", "block");
        add(heading);
        if (views.isEmpty()) {
            Span empty = new Span(m.t("nav.empty"));
            empty.setId("nav-empty");
            empty.getStyle().set("color", "var(--lumo-secondary-text-color)").set("padding", "var(--lumo-space-s)")
                    .set("display", "block");
            add(empty);
            return;
        }
        Map<String, List<ViewEntry>> groups = Catalog.grouped(views, locale);
        for (var group : groups.entrySet()) {
            String en = group.getValue().get(0).group().en();
            Span summary = new Span(group.getKey());
            summary.getStyle().set("font-weight", "600");
            Div items = new Div();
            for (ViewEntry v : group.getValue()) {
                items.add(item(v));
            }
            Details details = new Details(summary, items);
            details.setId(Ui.id("nav-group-", en));
            details.addThemeVariants(DetailsVariant.LUMO_SMALL);
            details.setOpened(!collapsed.contains(en));
            details.addOpenedChangeListener(e -> {
                if (e.isOpened()) {
                    collapsed.remove(en);
                } else {
                    collapsed.add(en);
                }
            });
            details.getStyle().set("margin", "0");
            add(details);
        }
    }

    private Div item(ViewEntry v) {
        Span label = new Span(v.title().get(locale));
        Div item = new Div(icon(v.icon()), label);
        item.setId(Ui.id("nav-", v.id()));
        item.addClassName("siyu-nav-item");
        item.getElement().setAttribute("tabindex", "0");
        item.getElement().setAttribute("role", "treeitem");
        item.getStyle().set("display", "flex").set("align-items", "center").set("gap", "var(--lumo-space-s)")
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-s)").set("cursor", "pointer")
                .set("border-radius", "var(--lumo-border-radius-s)");
        item.addClickListener(e -> open.accept(v));
        item.getElement().addEventListener("keydown", e -> open.accept(v)).setFilter("event.key === 'Enter'");
        return item;
    }

    private static Icon icon(String name) {
        VaadinIcon icon = VaadinIcon.FILE_O;
        if (name != null) {
            try {
                icon = VaadinIcon.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                // unknown icon name: keep the default
            }
        }
        Icon i = icon.create();
        i.setSize("var(--lumo-icon-size-s)");
        i.setColor("var(--lumo-secondary-text-color)");
        return i;
    }
}
