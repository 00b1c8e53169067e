package org.siyu.kernel.imports.internal.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.siyu.api.i18n.Text;
import org.siyu.kernel.imports.internal.ImportRecord;
import org.siyu.kernel.imports.internal.ImportState;
import org.siyu.kernel.imports.internal.Importer;
import org.siyu.kernel.imports.internal.RowError;

/**
 * The imports of the node, newest first (the last 50), with the errors of the selected one, a refresh and a cancel of
 * the selected import. While one of them runs, the UI polls every {@value #POLL_MILLIS} ms and the list follows.
 */
class ImportHistory extends Composite<VerticalLayout> {

    private static final int POLL_MILLIS = 2000;

    private final Importer importer;
    private final Locale locale;
    private final String actor;
    private final Consumer<String> notify;
    private final Grid<ImportRecord> history = new Grid<>();
    private final Grid<RowError> historyErrors = new Grid<>();
    private Registration pollRegistration;

    /**
     * @param notify   shows a short message to the user
     * @param openJobs opens the shell's jobs view, where a job's progress and log are
     */
    ImportHistory(Importer importer, Locale locale, String actor, Consumer<String> notify, Runnable openJobs) {
        this.importer = importer;
        this.locale = locale;
        this.actor = actor;
        this.notify = notify;

        history.setId("import-history");
        history.setHeight("14em");
        history.addColumn(ImportRecord::id).setHeader("#").setAutoWidth(true);
        history.addColumn(ImportRecord::fileName).setHeader(t("File", "文件")).setFlexGrow(1);
        history.addColumn(this::state).setHeader(t("State", "状态")).setAutoWidth(true);
        history.addColumn(r -> String.format(locale, "%,d / %,d", r.rowsDone(), r.rowsTotal()))
                .setHeader(t("Rows done", "已处理行")).setAutoWidth(true);
        history.addColumn(ImportRecord::rowsImported).setHeader(t("Imported", "已导入")).setAutoWidth(true);
        history.addColumn(ImportRecord::rowsRejected).setHeader(t("Rejected", "已拒绝")).setAutoWidth(true);
        history.addColumn(ImportRecord::customersCreated).setHeader(t("New customers", "新客户")).setAutoWidth(true);
        history.addComponentColumn(r -> {
            if (r.jobId() == null) {
                return new Span();
            }
            Button job = new Button(t("job ", "任务 ") + r.jobId(), e -> openJobs.run());
            job.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            return job;
        }).setHeader(t("Job", "任务")).setAutoWidth(true);
        history.addColumn(ImportRecord::message).setHeader(t("Message", "信息")).setFlexGrow(1);
        history.addSelectionListener(e -> showErrors(e.getFirstSelectedItem().orElse(null)));
        historyErrors.setId("import-history-errors");
        historyErrors.setHeight("12em");
        errorColumns(historyErrors, locale);
        Button refresh = new Button(t("Refresh", "刷新"), e -> refresh());
        refresh.setId("import-refresh");
        Button cancel = new Button(t("Cancel selected import", "取消所选导入"), e -> cancelSelected());
        cancel.setId("import-cancel");

        VerticalLayout root = getContent();
        root.setPadding(false);
        root.setWidthFull();
        root.add(new HorizontalLayout(refresh, cancel), history, historyErrors);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        refresh();
        pollRegistration = event.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (pollRegistration != null) {
            pollRegistration.remove(); // a panel attached again must not refresh twice per poll
            pollRegistration = null;
        }
    }

    /** Reads the imports again; polls while one runs. */
    void refresh() {
        List<ImportRecord> records = importer.recent(50);
        history.setItems(records);
        boolean running = records.stream().anyMatch(r -> !r.state().ended());
        getUI().ifPresent(ui -> ui.setPollInterval(running ? POLL_MILLIS : -1));
    }

    private void showErrors(ImportRecord record) {
        historyErrors.setItems(record == null ? List.of() : importer.errors(record.id(), 0, 10_000));
    }

    private void cancelSelected() {
        history.getSelectedItems().stream().findFirst().ifPresent(r -> notify.accept(importer.cancel(r.id(), actor)
                ? t("Cancelling: the import stops after its current chunk", "正在取消：当前批次完成后停止")
                : t("This import is not running", "该导入未在运行")));
    }

    private String state(ImportRecord r) {
        String state = switch (r.state()) {
            case QUEUED -> t("queued", "排队中");
            case RUNNING -> t("running", "运行中");
            case SUCCEEDED -> t("done", "已完成");
            case FAILED -> t("failed", "失败");
            case CANCELLED -> t("cancelled", "已取消");
            case INTERRUPTED -> t("interrupted", "已中断");
        };
        if (r.state() == ImportState.RUNNING && r.rowsTotal() > 0) {
            state += String.format(" %d%%", r.rowsDone() * 100L / r.rowsTotal());
        }
        return state;
    }

    /** The columns of a grid of row errors: row, column, value, problem. */
    static void errorColumns(Grid<RowError> grid, Locale locale) {
        grid.addColumn(RowError::row).setHeader(Text.of("Row", "行").get(locale)).setAutoWidth(true);
        grid.addColumn(RowError::column).setHeader(Text.of("Column", "列").get(locale)).setAutoWidth(true);
        grid.addColumn(RowError::value).setHeader(Text.of("Value", "值").get(locale)).setAutoWidth(true);
        grid.addColumn(RowError::detail).setHeader(Text.of("Problem", "问题").get(locale)).setFlexGrow(1);
    }

    private String t(String en, String zh) {
        return Text.of(en, zh).get(locale);
    }
}
