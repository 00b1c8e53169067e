package org.siyu.shell.internal.builtin;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.siyu.api.ui.ViewContext;
import org.siyu.shell.backend.SearchAdmin.Status;
import org.siyu.shell.backend.SearchAdmin.TypeStatus;
import org.siyu.shell.backend.ShellBackend;
import org.siyu.shell.internal.Access;
import org.siyu.shell.internal.Messages;
import org.siyu.shell.internal.Ui;

/**
 * Search index: its state ({@code search-status}), and per document type ({@code search-types}) the documents it holds,
 * the bundle whose source can rebuild it and a Rebuild button ({@code search-rebuild-<type>}) that starts the job and
 * opens the Jobs view. Refreshes itself when a rebuild ends.
 */
final class SearchIndexView extends VerticalLayout {

    /** The kind of the host's rebuild jobs. */
    static final String REBUILD_KIND = "search.rebuild";

    private final ShellBackend backend;
    private final ViewContext ctx;
    private final Messages m;
    private final Div status = new Div();
    private final Grid<TypeStatus> grid = new Grid<>();
    private Runnable subscription;

    SearchIndexView(ShellBackend backend, ViewContext ctx) {
        this.backend = backend;
        this.ctx = ctx;
        this.m = Messages.of(ctx.locale());
        setId("search-index-view");
        setSizeFull();
        Button refresh = new Button(m.t("common.refresh"), e -> refresh());
        refresh.setId("search-refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        status.setId("search-status");
        status.getStyle().set("white-space", "pre-wrap");
        grid.setId("search-types");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(TypeStatus::type).setHeader(m.t("searchindex.col.type")).setAutoWidth(true);
        grid.addColumn(t -> String.format(ctx.locale(), "%,d", t.documents())).setHeader(m.t("searchindex.col.documents"))
                .setAutoWidth(true);
        grid.addColumn(t -> t.sourceBundle() == null ? m.t("searchindex.nosource") : t.sourceBundle())
                .setHeader(m.t("searchindex.col.source")).setFlexGrow(1);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        add(refresh, status, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private Component actions(TypeStatus t) {
        if (t.sourceBundle() == null || !ctx.user().isPermitted(Access.SEARCH_REBUILD)) {
            return new Span();
        }
        if (t.rebuildJob() != 0) {
            Button running = new Button(m.t("searchindex.rebuilding", t.rebuildJob()),
                    e -> ctx.openView(BuiltInViews.JOBS));
            running.setId(Ui.id("search-rebuild-", t.type()));
            running.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return running;
        }
        Button rebuild = new Button(m.t("searchindex.rebuild"), e -> rebuild(t.type()));
        rebuild.setId(Ui.id("search-rebuild-", t.type()));
        rebuild.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return rebuild;
    }

    private void rebuild(String type) {
        if (!ctx.user().isPermitted(Access.SEARCH_REBUILD)) {
            Ui.error(m.t("error.denied"));
            return;
        }
        try {
            long job = backend.search().rebuild(type, ctx.user().username(), ctx.locale());
            Ui.success(m.t("searchindex.started", type, job));
            refresh();
            if (ctx.user().isPermitted(Access.JOBS_VIEW)) {
                ctx.openView(BuiltInViews.JOBS);
            }
        } catch (RuntimeException e) {
            Ui.error(Ui.describe(e));
        }
    }

    private void refresh() {
        try {
            Status s = backend.search().status();
            String text = m.t("searchindex.state." + s.state(), s.directory());
            status.setText(s.message() == null ? text : text + "\n" + s.message());
            if ("READY".equals(s.state())) {
                grid.setItems(backend.search().types());
            }
        } catch (RuntimeException e) {
            status.setText(Ui.describe(e));
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        subscription = backend.jobs().subscribe(job -> {
            if (REBUILD_KIND.equals(job.kind()) && job.state().ended()) {
                Ui.access(ui, this::refresh);
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            subscription.run();
            subscription = null;
        }
        super.onDetach(event);
    }
}
