package org.siyu.shell.internal.search;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.siyu.shell.internal.Messages;

/**
 * The global search box ({@code global-search}): as the user types, the combo box asks {@code search} (all
 * providers plus view titles) and lists the hits; choosing one hands it to {@code choose}.
 */
public final class SearchBox extends ComboBox<SearchResult> {

    private final Function<String, List<SearchResult>> search;
    private String lastQuery;
    private List<SearchResult> lastResults = List.of();

    public SearchBox(Messages m, Function<String, List<SearchResult>> search, Consumer<SearchResult> choose) {
        this.search = search;
        setId("global-search");
        setPlaceholder(m.t("top.search"));
        setPrefixComponent(VaadinIcon.SEARCH.create());
        setClearButtonVisible(true);
        setWidth("min(32em, 40vw)");
        setItemLabelGenerator(SearchResult::title);
        setRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(r -> {
            Div row = new Div(new Span(r.title()));
            if (r.detail() != null && !r.detail().isBlank()) {
                Span detail = new Span(" · " + r.detail());
                detail.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
                row.add(detail);
            }
            row.setId(org.siyu.shell.internal.Ui.id("search-hit-", r.key()));
            return row;
        }));
        setItems(query -> {
            String filter = query.getFilter().orElse("");
            return results(filter).stream().skip(query.getOffset()).limit(query.getLimit());
        });
        addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                SearchResult chosen = e.getValue();
                clear();
                choose.accept(chosen);
            }
        });
    }

    private List<SearchResult> results(String filter) {
        String q = filter.trim();
        if (q.isEmpty()) {
            return List.of();
        }
        if (!Objects.equals(q, lastQuery)) {
            lastResults = search.apply(q);
            lastQuery = q;
        }
        return lastResults;
    }
}
