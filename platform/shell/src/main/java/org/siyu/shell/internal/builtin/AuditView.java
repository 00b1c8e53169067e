package org.siyu.shell.internal.builtin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.siyu.api.ui.ViewContext;
import org.siyu.shell.backend.AuditTrail.Entry;
import org.siyu.shell.backend.ShellBackend;
import org.siyu.shell.internal.Messages;
import org.siyu.shell.internal.Ui;

/** The newest 500 audit entries ({@code audit-grid}). */
final class AuditView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final ShellBackend backend;
    private final Grid<Entry> grid = new Grid<>();

    AuditView(ShellBackend backend, ViewContext ctx) {
        this.backend = backend;
        Messages m = Messages.of(ctx.locale());
        setId("audit-view");
        setSizeFull();
        Button refresh = new Button(m.t("common.refresh"), e -> refresh());
        refresh.setId("audit-refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(e -> e.time() == null ? "" : TIME.format(e.time())).setHeader(m.t("audit.col.time"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Entry::actor).setHeader(m.t("audit.col.actor")).setAutoWidth(true);
        grid.addColumn(Entry::action).setHeader(m.t("audit.col.action")).setAutoWidth(true);
        grid.addColumn(Entry::target).setHeader(m.t("audit.col.target")).setAutoWidth(true);
        grid.addColumn(Entry::before).setHeader(m.t("audit.col.before")).setFlexGrow(1);
        grid.addColumn(Entry::after).setHeader(m.t("audit.col.after")).setFlexGrow(1);
        add(refresh, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private void refresh() {
        try {
            grid.setItems(backend.audit().recent(500));
        } catch (RuntimeException e) {
            Ui.error(Ui.describe(e));
        }
    }
}
