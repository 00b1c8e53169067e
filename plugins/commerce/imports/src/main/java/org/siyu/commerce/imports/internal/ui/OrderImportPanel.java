package org.siyu.commerce.imports.internal.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.siyu.api.i18n.Text;
import org.siyu.commerce.imports.internal.DryRunReport;
import org.siyu.commerce.imports.internal.ImportRecord;
import org.siyu.commerce.imports.internal.ImportState;
import org.siyu.commerce.imports.internal.OrderImporter;
import org.siyu.commerce.imports.internal.RowError;
import org.siyu.support.csv.CsvFile;
import org.siyu.support.csv.CsvFileException;
import org.siyu.support.csv.CsvSource;
import org.siyu.support.csv.Delimiter;
import org.siyu.support.csv.Encoding;
import org.siyu.commerce.imports.internal.source.ColumnMapping;
import org.siyu.commerce.imports.internal.source.Field;
import org.siyu.commerce.imports.internal.source.Source;

/**
 * The order import of one session: upload a report (temporary file, at most 200 MB), its source (guessed from the
 * header), the column of each field (guessed from the source's header names), the dry run with its errors, the start
 * of the job, the history (polled every two seconds while an import runs), and the sources' mappings
 * ({@link SourceConfigPanel}). Without commerce the panel says so and its actions are off.
 */
class OrderImportPanel extends Composite<VerticalLayout> {

    static final int MAX_BYTES = 200 * 1024 * 1024;
    private static final int POLL_MILLIS = 2000;
    private static final String NONE = "—";

    private final OrderImporter importer;
    private final Locale locale;
    private final String actor;
    private final Consumer<String> notify;

    private final Span unavailable = new Span();
    private final Span fileInfo = new Span();
    private final Select<Source> source = new Select<>();
    private final Grid<Field> fields = new Grid<>();
    private final Button dryRun = new Button();
    private final Button start = new Button();
    private final Span report = new Span();
    private final Grid<RowError> errors = new Grid<>();
    private final Grid<ImportRecord> history = new Grid<>();
    private final Grid<RowError> historyErrors = new Grid<>();

    private Upload uploader;
    private CsvSource upload;
    private CsvFile file;
    /** The column chosen for each field ({@link #NONE}: no column). */
    private final Map<Field, String> chosen = new EnumMap<>(Field.class);
    private Registration poll;

    OrderImportPanel(OrderImporter importer, Locale locale, String actor, Consumer<String> notify, Runnable openJobs) {
        this.importer = importer;
        this.locale = locale;
        this.actor = actor;
        this.notify = notify;

        unavailable.setId("order-import-unavailable");
        unavailable.setText(t("Commerce is not installed: orders cannot be imported until it is.",
                "交易模块未安装：安装后才能导入订单。"));
        unavailable.getStyle().set("color", "var(--lumo-error-text-color)");

        uploader = new Upload(UploadHandler.toTempFile((meta, tmp) -> getUI().ifPresent(ui -> ui.access(() -> {
            load(CsvSource.temporary(meta.fileName(), tmp.toPath()));
            // With at most one file the upload refuses the next one while this one is listed: the file is read,
            // its name shows beside the source, so the list is emptied for the next report (or the same one again).
            uploader.clearFileList();
        }))));
        uploader.setId("order-import-upload");
        uploader.setMaxFiles(1);
        uploader.setMaxFileSize(MAX_BYTES);
        uploader.setAcceptedFileTypes(".csv", ".txt", ".tsv", "text/csv", "text/plain");
        uploader.addFileRejectedListener(e -> notify.accept(t("File refused: at most 200 MB, a .csv, .txt or .tsv "
                + "file (" + e.getErrorMessage() + ")", "文件被拒绝：最大 200 MB，须为 .csv、.txt 或 .tsv 文件（"
                + e.getErrorMessage() + "）")));
        fileInfo.setId("order-import-file");

        source.setId("order-import-source");
        source.setLabel(t("Marketplace", "平台"));
        source.setItems(Source.values());
        source.setItemLabelGenerator(s -> s.title().get(locale));
        source.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                guessColumns();
            }
        });

        fields.setId("order-import-mapping");
        fields.setHeight("20em");
        fields.addColumn(f -> f.title().get(locale) + (f.required() ? " *" : "")).setHeader(t("Field", "字段"))
                .setAutoWidth(true);
        fields.addComponentColumn(this::columnSelect).setHeader(t("Column in the file", "文件中的列")).setFlexGrow(1);

        dryRun.setText(t("Dry run", "试运行"));
        dryRun.setId("order-import-dry-run");
        dryRun.addClickListener(e -> dryRun());
        start.setText(t("Start import", "开始导入"));
        start.setId("order-import-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> startImport());
        report.setId("order-import-report");
        errors.setId("order-import-errors");
        errors.setHeight("14em");
        errorColumns(errors);

        history.setId("order-import-history");
        history.setHeight("14em");
        history.addColumn(ImportRecord::id).setHeader("#").setAutoWidth(true);
        history.addColumn(ImportRecord::source).setHeader(t("Source", "平台")).setAutoWidth(true);
        history.addColumn(ImportRecord::fileName).setHeader(t("File", "文件")).setFlexGrow(1);
        history.addColumn(this::state).setHeader(t("State", "状态")).setAutoWidth(true);
        history.addColumn(r -> String.format(locale, "%,d / %,d", r.ordersDone(), r.ordersTotal()))
                .setHeader(t("Orders done", "已处理订单")).setAutoWidth(true);
        history.addColumn(ImportRecord::ordersCreated).setHeader(t("Created", "新建")).setAutoWidth(true);
        history.addColumn(ImportRecord::ordersExisting).setHeader(t("Already recorded", "已存在")).setAutoWidth(true);
        history.addColumn(ImportRecord::ordersRejected).setHeader(t("Rejected", "已拒绝")).setAutoWidth(true);
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
        history.addSelectionListener(e -> historyErrors.setItems(e.getFirstSelectedItem()
                .map(r -> importer.errors(r.id(), 0, 10_000)).orElse(List.of())));
        historyErrors.setId("order-import-history-errors");
        historyErrors.setHeight("12em");
        errorColumns(historyErrors);
        Button refresh = new Button(t("Refresh", "刷新"), e -> refreshHistory());
        refresh.setId("order-import-refresh");
        Button cancel = new Button(t("Cancel selected import", "取消所选导入"), e -> history.getSelectedItems()
                .stream().findFirst().ifPresent(r -> notify.accept(importer.cancel(r.id(), actor)
                        ? t("Cancelling: the import stops after its current chunk", "正在取消：当前批次完成后停止")
                        : t("This import is not running", "该导入未在运行"))));
        cancel.setId("order-import-cancel");

        HorizontalLayout actions = new HorizontalLayout(dryRun, start, report);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout sourceRow = new HorizontalLayout(source, fileInfo);
        sourceRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        VerticalLayout root = getContent();
        root.setId("order-import-view");
        root.setWidthFull();
        root.add(unavailable, new H4(t("Upload a marketplace order report (CSV)", "上传电商平台订单报表（CSV）")),
                uploader, sourceRow, new H4(t("Columns", "列映射")), fields, actions, errors,
                new H4(t("Imports", "导入记录")), new HorizontalLayout(refresh, cancel), history, historyErrors,
                new H4(t("Mappings per marketplace", "各平台映射")), new SourceConfigPanel(importer, locale, actor,
                        notify));
        enableActions();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        refreshHistory();
        enableActions();
        poll = event.getUI().addPollListener(e -> refreshHistory());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (poll != null) {
            poll.remove();
            poll = null;
        }
        forget();
    }

    /** Takes an uploaded report: reads its header, guesses its source and columns. */
    void load(CsvSource uploaded) {
        forget();
        upload = uploaded;
        try {
            file = CsvFile.open(uploaded, Encoding.AUTO, Delimiter.AUTO);
            fileInfo.setText(uploaded.name() + " · " + file.charset().name() + " · " + file.headers().size()
                    + t(" columns", " 列"));
            source.setValue(importer.guessSource(file).orElse(null));
            if (source.getValue() == null) {
                notify.accept(t("The marketplace cannot be told from the header: choose it",
                        "无法从表头判断平台：请选择"));
            }
            guessColumns();
        } catch (CsvFileException e) {
            file = null;
            fileInfo.setText(uploaded.name() + ": " + e.getMessage());
            fields.setItems(List.of());
        }
        enableActions();
    }

    private void guessColumns() {
        chosen.clear();
        if (file == null || source.getValue() == null) {
            fields.setItems(List.of());
            return;
        }
        ColumnMapping guess = importer.guess(source.getValue(), file);
        for (Field f : Field.values()) {
            String header = guess.header(f);
            chosen.put(f, header == null ? NONE : header);
        }
        fields.setItems(Field.values());
        enableActions();
    }

    private Select<String> columnSelect(Field field) {
        Select<String> select = new Select<>();
        List<String> options = new ArrayList<>();
        options.add(NONE);
        options.addAll(file == null ? List.of() : file.headers());
        select.setItems(options);
        select.setValue(chosen.getOrDefault(field, NONE));
        select.setWidthFull();
        select.setId("order-import-column-" + field.token());
        select.addValueChangeListener(e -> chosen.put(field, e.getValue()));
        return select;
    }

    /** The columns as chosen; a notification says what is wrong, and null is returned. */
    ColumnMapping mapping() {
        if (file == null || source.getValue() == null) {
            return null;
        }
        Map<String, String> byColumn = new java.util.LinkedHashMap<>();
        try {
            for (Map.Entry<Field, String> e : chosen.entrySet()) {
                if (!NONE.equals(e.getValue())) {
                    String before = byColumn.put(e.getValue(), e.getKey().token());
                    if (before != null) {
                        throw new IllegalArgumentException(String.format(t("The column %s is chosen for two fields",
                                "列 %s 被选给了两个字段"), e.getValue()));
                    }
                }
            }
            ColumnMapping m = ColumnMapping.of(source.getValue(), file.headers(), byColumn);
            m.check(importer.config(source.getValue()));
            return m;
        } catch (IllegalArgumentException e) {
            notify.accept(e.getMessage());
            return null;
        }
    }

    void dryRun() {
        ColumnMapping m = mapping();
        if (m == null) {
            return;
        }
        try {
            DryRunReport r = importer.dryRun(file, m);
            errors.setItems(r.errors());
            report.setText(String.format(locale, t("%,d rows, %,d orders: %,d ok (%,d new, %,d already recorded, "
                            + "%,d with several items), %,d rejected; %,d new customers, %,d existing; %,d masked phones "
                            + "ignored", "共 %,d 行、%,d 个订单：%,d 个无误（新订单 %,d，已存在 %,d，多商品订单 %,d），%,d 个有错误；"
                            + "新客户 %,d 位，已有客户 %,d 位；%,d 个打码手机号未使用"), r.rows(), r.orders(), r.ok(),
                    r.newOrders(), r.recorded(), r.multiLine(), r.rejected(), r.newCustomers(),
                    r.existingCustomers(), r.maskedPhones())
                    + (r.unknownSkus().isEmpty() ? "" : t("; SKU codes not in the catalogue: ", "；商品库中没有的商家编码：")
                    + String.join(", ", r.unknownSkus())));
        } catch (CsvFileException | IllegalStateException e) {
            report.setText(e.getMessage());
        }
    }

    void startImport() {
        ColumnMapping m = mapping();
        if (m == null) {
            return;
        }
        try {
            OrderImporter.Started started = importer.start(file, m, actor);
            notify.accept(String.format(t("Import %d started (job %d)", "导入 %d 已开始（任务 %d）"),
                    started.importId(), started.jobId()));
            upload = null; // the job owns the temporary file now and deletes it when it ends
            file = null;
            chosen.clear();
            fields.setItems(List.of());
            fileInfo.setText("");
            enableActions();
            refreshHistory();
        } catch (IllegalArgumentException | IllegalStateException e) {
            notify.accept(e.getMessage());
        }
    }

    void refreshHistory() {
        List<ImportRecord> records = importer.recent(50);
        history.setItems(records);
        boolean running = records.stream().anyMatch(r -> !r.state().ended());
        getUI().ifPresent(ui -> ui.setPollInterval(running ? POLL_MILLIS : -1));
    }

    private String state(ImportRecord r) {
        String s = switch (r.state()) {
            case QUEUED -> t("queued", "排队中");
            case RUNNING -> t("running", "运行中");
            case SUCCEEDED -> t("done", "已完成");
            case FAILED -> t("failed", "失败");
            case CANCELLED -> t("cancelled", "已取消");
            case INTERRUPTED -> t("interrupted", "已中断");
        };
        if (r.state() == ImportState.RUNNING && r.ordersTotal() > 0) {
            s += String.format(" %d%%", r.ordersDone() * 100L / r.ordersTotal());
        }
        return s;
    }

    private void errorColumns(Grid<RowError> grid) {
        grid.addColumn(RowError::row).setHeader(t("Row", "行")).setAutoWidth(true);
        grid.addColumn(RowError::column).setHeader(t("Column", "列")).setAutoWidth(true);
        grid.addColumn(RowError::value).setHeader(t("Value", "值")).setAutoWidth(true);
        grid.addColumn(RowError::detail).setHeader(t("Problem", "问题")).setFlexGrow(1);
    }

    private void enableActions() {
        boolean commerce = importer.commerceAvailable();
        unavailable.setVisible(!commerce);
        boolean ready = file != null && source.getValue() != null && commerce;
        dryRun.setEnabled(ready);
        start.setEnabled(ready && importer.jobsAvailable());
        start.setTooltipText(importer.jobsAvailable() ? null
                : t("The platform's job service is not running: only dry runs work now",
                        "平台的任务服务未运行：目前只能试运行"));
    }

    private void forget() {
        if (upload != null) {
            upload.release();
            upload = null;
        }
    }

    private String t(String en, String zh) {
        return Text.of(en, zh).get(locale);
    }

    // for tests
    String reportText() {
        return report.getText();
    }

    boolean unavailableShown() {
        return unavailable.isVisible();
    }

    Source chosenSource() {
        return source.getValue();
    }
}
