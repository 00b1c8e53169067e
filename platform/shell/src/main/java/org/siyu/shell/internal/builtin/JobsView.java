package org.siyu.shell.internal.builtin;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.dataview.GridListDataView;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.siyu.api.jobs.JobInfo;
import org.siyu.api.jobs.JobInfo.State;
import org.siyu.api.ui.ViewContext;
import org.siyu.shell.backend.ShellBackend;
import org.siyu.shell.internal.Access;
import org.siyu.shell.internal.Messages;
import org.siyu.shell.internal.Ui;

/**
 * Jobs ({@code jobs-grid}): the newest {@value #SHOWN} jobs with their progress, live while the view is attached (the
 * host pushes a job's change at most about once a second). Queued and running jobs have a Cancel button
 * ({@code job-cancel-<id>}) for users who may cancel. Each row's title is {@code job-<id>}, its state
 * {@code job-state-<id>} with attribute {@code data-state}.
 */
final class JobsView extends VerticalLayout {

    static final int SHOWN = 200;
    private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter EARLIER = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final ShellBackend backend;
    private final ViewContext ctx;
    private final Messages m;
    private final Grid<JobInfo> grid = new Grid<>();
    private final List<JobInfo> items = new ArrayList<>();
    private GridListDataView<JobInfo> view;
    private Runnable subscription;

    JobsView(ShellBackend backend, ViewContext ctx) {
        this.backend = backend;
        this.ctx = ctx;
        this.m = Messages.of(ctx.locale());
        setId("jobs-view");
        setSizeFull();
        Button refresh = new Button(m.t("common.refresh"), e -> refresh());
        refresh.setId("jobs-refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        grid.setId("jobs-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        // Lit renderers update a row's elements in place; component renderers would replace them at every progress
        // push (about once a second), and a click landing on a replaced Cancel button would be lost.
        grid.addColumn(LitRenderer.<JobInfo>of("<span id='job-${item.id}'>${item.title}</span>")
                .withProperty("id", JobInfo::id).withProperty("title", JobInfo::title))
                .setHeader(m.t("jobs.col.title")).setAutoWidth(true).setResizable(true);
        grid.addColumn(JobInfo::kind).setHeader(m.t("jobs.col.kind")).setAutoWidth(true);
        grid.addColumn(JobInfo::actor).setHeader(m.t("jobs.col.actor")).setAutoWidth(true);
        grid.addColumn(LitRenderer.<JobInfo>of("<span id='job-state-${item.id}' data-state='${item.state}'"
                        + " theme='badge ${item.theme}'>${item.label}</span>")
                .withProperty("id", JobInfo::id).withProperty("state", j -> j.state().name())
                .withProperty("theme", JobsView::theme).withProperty("label", j -> m.t("jobs.state." + j.state().name())))
                .setHeader(m.t("jobs.col.state")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(LitRenderer.<JobInfo>of("<div style='display:flex;align-items:center;gap:var(--lumo-space-s)'>"
                        + "<vaadin-progress-bar style='width:5em;margin:0' .value='${item.value}'"
                        + " ?indeterminate='${item.indeterminate}'></vaadin-progress-bar>"
                        + "<span style='font-size:var(--lumo-font-size-xs);white-space:nowrap'>${item.numbers}</span></div>")
                .withProperty("value", JobsView::barValue)
                .withProperty("indeterminate", j -> j.fraction() < 0 && j.state() == State.RUNNING)
                .withProperty("numbers", j -> numbers(j, m)))
                .setHeader(m.t("jobs.col.progress")).setWidth("12em").setFlexGrow(0);
        grid.addColumn(JobInfo::message).setHeader(m.t("jobs.col.message")).setWidth("16em").setFlexGrow(1)
                .setResizable(true).setTooltipGenerator(JobInfo::message);
        grid.addColumn(j -> time(j.started())).setHeader(m.t("jobs.col.started")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(j -> time(j.finished())).setHeader(m.t("jobs.col.finished")).setAutoWidth(true).setFlexGrow(0);
        boolean mayCancel = ctx.user().isPermitted(Access.JOBS_CANCEL);
        grid.addColumn(LitRenderer.<JobInfo>of("<vaadin-button id='job-cancel-${item.id}' theme='small tertiary error'"
                        + " ?hidden='${!item.cancellable}' @click='${cancel}'>" + m.t("jobs.cancel") + "</vaadin-button>")
                .withProperty("id", JobInfo::id)
                .withProperty("cancellable", j -> mayCancel && !j.state().ended())
                .withFunction("cancel", j -> cancel(j.id())))
                .setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        add(refresh, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    /** "21:46:23" today, "11-22 21:46" before. */
    private static String time(java.time.Instant at) {
        if (at == null) {
            return "";
        }
        java.time.ZonedDateTime t = at.atZone(ZoneId.systemDefault());
        return t.toLocalDate().equals(java.time.LocalDate.now()) ? TODAY.format(t) : EARLIER.format(t);
    }

    private static String theme(JobInfo job) {
        return switch (job.state()) {
            case SUCCEEDED -> "success";
            case FAILED, INTERRUPTED -> "error";
            case CANCELLED, QUEUED -> "contrast";
            case RUNNING -> "primary";
        };
    }

    private static double barValue(JobInfo job) {
        double f = job.fraction();
        return f >= 0 ? f : job.state() == State.SUCCEEDED ? 1 : 0;
    }

    /** "1,234 / 5,000", "1,234 done" while the total is unknown, or nothing. */
    static String numbers(JobInfo job, Messages m) {
        return job.total() > 0 ? m.t("jobs.progress", job.done(), job.total())
                : job.done() > 0 ? m.t("jobs.progress.done", job.done()) : "";
    }

    private void cancel(long id) {
        if (!ctx.user().isPermitted(Access.JOBS_CANCEL)) {
            Ui.error(m.t("error.denied"));
            return;
        }
        try {
            if (backend.jobs().cancel(id, ctx.user().username())) {
                Ui.info(m.t("jobs.cancelling", id));
            } else {
                Ui.info(m.t("jobs.ended", id));
            }
        } catch (RuntimeException e) {
            Ui.error(Ui.describe(e));
        }
        backend.jobs().job(id).ifPresent(this::update);
    }

    private void refresh() {
        try {
            items.clear();
            items.addAll(backend.jobs().recent(SHOWN));
            view = grid.setItems(items);
            view.setIdentifierProvider(JobInfo::id);
        } catch (RuntimeException e) {
            Ui.error(Ui.describe(e));
        }
    }

    /** Puts the job's newer record in place, or at the top if it is new. */
    private void update(JobInfo job) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id() == job.id()) {
                items.set(i, job);
                view.refreshItem(job);
                return;
            }
        }
        items.add(0, job);
        if (items.size() > SHOWN) {
            items.remove(items.size() - 1);
        }
        view.refreshAll();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        subscription = backend.jobs().subscribe(job -> Ui.access(ui, () -> update(job)));
        refresh();   // what changed while it was detached
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
