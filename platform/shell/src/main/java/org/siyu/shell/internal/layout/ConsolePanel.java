package org.siyu.shell.internal.layout;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.tabs.TabSheetVariant;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import org.siyu.shell.backend.ConsoleFeed;
import org.siyu.shell.backend.ConsoleFeed.Line;
import org.siyu.shell.internal.Messages;

/**
 * The bottom panel: a live tail of the platform log ({@code console-log}) and of events
 * ({@code console-events}), plus a command line ({@code console-input}) that runs commands by id.
 */
public final class ConsolePanel extends VerticalLayout {

    static final int MAX_LINES = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Div log = pane("console-log");
    private final Div events = pane("console-events");
    private final TabSheet tabs = new TabSheet();
    private final TextField input = new TextField();

    public ConsolePanel(Messages m, Consumer<String> commandLine) {
        setId("console");
        setSizeFull();
        setPadding(false);
        setSpacing(false);
        tabs.setWidthFull();
        tabs.getStyle().set("min-height", "0");
        tabs.addThemeVariants(TabSheetVariant.LUMO_TABS_SMALL);
        tabs.add(m.t("console.log"), log).setId("console-tab-log");
        tabs.add(m.t("console.events"), events).setId("console-tab-events");
        input.setId("console-input");
        input.setWidthFull();
        input.setPlaceholder(m.t("console.input"));
        input.setPrefixComponent(new Span(">"));
        input.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)").set("padding", "0 var(--lumo-space-s)");
        input.addKeyDownListener(Key.ENTER, e -> {
            String line = input.getValue();
            input.clear();
            if (!line.isBlank()) {
                append(log, Instant.now(), "> " + line, "var(--lumo-primary-text-color)");
                tabs.setSelectedIndex(0);
                commandLine.accept(line);
            }
        });
        add(tabs, input);
        setFlexGrow(1, tabs);
    }

    /** Shows a line of the platform's feed in the pane of its kind. */
    public void append(Line line) {
        String text = "[" + line.level() + "] " + line.source() + ": " + line.text();
        String color = "ERROR".equalsIgnoreCase(line.level()) ? "var(--lumo-error-text-color)"
                : "WARN".equalsIgnoreCase(line.level()) ? "var(--lumo-warning-text-color, #b25e00)" : null;
        append(line.kind() == ConsoleFeed.Kind.EVENT ? events : log, line.time(), text, color);
    }

    /** A line of this session only (ViewContext.log, command output). */
    public void appendSession(String text) {
        append(log, Instant.now(), text, null);
    }

    public void appendError(String text) {
        append(log, Instant.now(), text, "var(--lumo-error-text-color)");
    }

    private static void append(Div pane, Instant time, String text, String color) {
        Div row = new Div(new Span(TIME.format(time == null ? Instant.now() : time) + "  " + text));
        row.getStyle().set("white-space", "pre-wrap");
        if (color != null) {
            row.getStyle().set("color", color);
        }
        pane.add(row);
        while (pane.getComponentCount() > MAX_LINES) {
            pane.remove(pane.getComponentAt(0));
        }
        row.scrollIntoView();
    }

    private static Div pane(String id) {
        Div pane = new Div();
        pane.setId(id);
        pane.setSizeFull();
        pane.getStyle().set("overflow", "auto").set("font-family", "var(--lumo-font-family-monospace, monospace)")
                .set("font-size", "var(--lumo-font-size-xs)").set("line-height", "1.5");
        return pane;
    }
}
