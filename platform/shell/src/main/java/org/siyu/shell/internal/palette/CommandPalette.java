package org.siyu.shell.internal.palette;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.siyu.shell.internal.Messages;
import org.siyu.shell.internal.Ui;
import org.siyu.shell.internal.search.SearchResult;

/**
 * The command palette (Ctrl+K): a filter field ({@code palette-filter}) over every permitted view and
 * command, followed by the records the search index and the search providers find for the same text
 * ({@code palette-list}, rows {@code palette-<kind>-<id>}, records {@code palette-record-<type>:<id>}). Enter or a
 * click runs the chosen entry; the shell checks the permission again before it runs or opens anything.
 */
public final class CommandPalette extends Dialog {

    private final Supplier<List<PaletteEntry>> entries;
    private final Function<String, List<SearchResult>> records;
    private final Consumer<PaletteEntry> run;
    private final TextField filter = new TextField();
    private final Div list = new Div();
    private final Span empty;
    private List<PaletteEntry> all = List.of();
    private List<PaletteEntry> shown = List.of();
    private int selected;

    public CommandPalette(Messages m, Supplier<List<PaletteEntry>> entries,
            Function<String, List<SearchResult>> records, Consumer<PaletteEntry> run) {
        this.entries = entries;
        this.records = records;
        this.run = run;
        setId("command-palette");
        setHeaderTitle(m.t("palette.title"));
        setWidth("560px");
        setCloseOnEsc(true);
        setCloseOnOutsideClick(true);
        filter.setId("palette-filter");
        filter.setWidthFull();
        filter.setPlaceholder(m.t("palette.filter"));
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setValueChangeMode(ValueChangeMode.EAGER);
        filter.addValueChangeListener(e -> applyFilter());
        filter.addKeyDownListener(Key.ENTER, e -> runSelected());
        filter.addKeyDownListener(Key.ARROW_DOWN, e -> move(1));
        filter.addKeyDownListener(Key.ARROW_UP, e -> move(-1));
        list.setId("palette-list");
        list.setHeight("320px");
        list.getStyle().set("overflow", "auto").set("margin-top", "var(--lumo-space-s)");
        empty = new Span(m.t("palette.empty"));
        empty.getStyle().set("color", "var(--lumo-secondary-text-color)");
        add(filter, list);
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                filter.focus();
            }
        });
    }

    /** Opens with a fresh list of entries. */
    public void openFresh() {
        refresh();
        filter.clear();
        applyFilter();
        open();
        filter.focus();
    }

    /** Reloads the entries (contributions changed) without losing the filter. */
    public void refresh() {
        all = entries.get();
        if (isOpened()) {
            applyFilter();
        }
    }

    private void applyFilter() {
        shown = PaletteModel.filter(all, filter.getValue());
        String query = filter.getValue() == null ? "" : filter.getValue().strip();
        if (!query.isEmpty()) {
            List<PaletteEntry> withRecords = new ArrayList<>(shown);
            try {
                withRecords.addAll(PaletteModel.records(records.apply(query)));
            } catch (RuntimeException e) {
                // the search is skipped for this text; views and commands still show
            }
            shown = withRecords;
        }
        selected = 0;
        list.removeAll();
        if (shown.isEmpty()) {
            list.add(empty);
        }
        for (PaletteEntry e : shown) {
            Div row = new Div(new Span(e.label()));
            Span id = new Span(e.id());
            id.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-xs)")
                    .set("margin-left", "var(--lumo-space-s)");
            row.add(id);
            row.setId(Ui.id("palette-" + e.kind().name().toLowerCase() + "-", e.id()));
            row.getStyle().set("padding", "var(--lumo-space-xs) var(--lumo-space-s)").set("cursor", "pointer")
                    .set("border-radius", "var(--lumo-border-radius-s)");
            row.addClickListener(click -> choose(e));
            list.add(row);
        }
        highlight();
    }

    private void highlight() {
        for (int i = 0; i < list.getComponentCount(); i++) {
            var row = list.getComponentAt(i);
            boolean on = i == selected && !shown.isEmpty();
            row.getElement().getStyle().set("background", on ? "var(--lumo-primary-color-10pct)" : "transparent");
            row.getElement().setAttribute("aria-selected", String.valueOf(on));
        }
    }

    private void move(int delta) {
        if (shown.isEmpty()) {
            return;
        }
        selected = Math.floorMod(selected + delta, shown.size());
        highlight();
        list.getComponentAt(selected).scrollIntoView();
    }

    private void runSelected() {
        if (!shown.isEmpty()) {
            choose(shown.get(Math.min(selected, shown.size() - 1)));
        }
    }

    private void choose(PaletteEntry entry) {
        close();
        run.accept(entry);
    }
}
