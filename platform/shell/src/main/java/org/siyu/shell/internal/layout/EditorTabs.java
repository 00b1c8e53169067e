package org.siyu.shell.internal.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.tabs.TabSheetVariant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.siyu.shell.internal.Messages;
import org.siyu.shell.internal.Ui;

/**
 * The centre: closeable tabs keyed by what they show ({@code view:<id>}, {@code editor:<type>:<id>}). Each
 * tab remembers the contribution that created it, so the tabs of a departing plugin can be closed.
 */
public final class EditorTabs extends Div {

    private record Open(Tab tab, Component content, Object owner) {
    }

    private final TabSheet sheet = new TabSheet();
    private final Div welcome = new Div();
    private final Map<String, Open> open = new LinkedHashMap<>();
    private final Messages m;

    public EditorTabs(Messages m) {
        this.m = m;
        setId("editor-centre");
        setSizeFull();
        getStyle().set("display", "flex").set("flex-direction", "column");
        sheet.setId("editor-tabs");
        sheet.setSizeFull();
        sheet.addThemeVariants(TabSheetVariant.LUMO_TABS_SMALL);
        welcome.setId("editor-welcome");
        welcome.setText(m.t("tabs.welcome"));
        welcome.getStyle().set("padding", "var(--lumo-space-xl)").set("color", "var(--lumo-secondary-text-color)");
        add(welcome, sheet);
        updateWelcome();
    }

    /** Focuses the tab {@code key}, or creates it with {@code factory} (the factory catches plugin failures). */
    public void open(String key, String title, Object owner, Supplier<Component> factory) {
        Open existing = open.get(key);
        if (existing != null) {
            sheet.setSelectedTab(existing.tab());
            return;
        }
        Component content = factory.get();
        Span label = new Span(title);
        Button close = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> close(key));
        close.setId(Ui.id("close-", key));
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        close.setAriaLabel(m.t("tabs.close"));
        close.setTooltipText(m.t("tabs.close"));
        Tab tab = new Tab(label, close);
        tab.setId(Ui.id("tab-", key));
        Div wrapper = new Div(content);
        wrapper.setSizeFull();
        wrapper.getStyle().set("overflow", "auto");
        sheet.add(tab, wrapper);
        open.put(key, new Open(tab, wrapper, owner));
        sheet.setSelectedTab(tab);
        updateWelcome();
    }

    public boolean isOpen(String key) {
        return open.containsKey(key);
    }

    public List<String> keys() {
        return new ArrayList<>(open.keySet());
    }

    public void close(String key) {
        Open o = open.remove(key);
        if (o != null) {
            sheet.remove(o.tab());
            o.content().getElement().removeAllChildren();
            updateWelcome();
        }
    }

    /** Closes every tab whose creating contribution matches; returns how many. */
    public int closeOwnedBy(Predicate<Object> owner) {
        List<String> keys = open.entrySet().stream().filter(e -> owner.test(e.getValue().owner()))
                .map(Map.Entry::getKey).toList();
        keys.forEach(this::close);
        return keys.size();
    }

    private void updateWelcome() {
        // not setVisible: Flow stops updating hidden components, so the browser would keep closed tabs
        welcome.getStyle().set("display", open.isEmpty() ? "block" : "none");
        if (open.isEmpty()) {
            sheet.getStyle().set("display", "none");
        } else {
            sheet.getStyle().remove("display");
        }
    }
}
