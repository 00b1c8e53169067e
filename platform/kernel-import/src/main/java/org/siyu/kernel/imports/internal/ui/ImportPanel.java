package org.siyu.kernel.imports.internal.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.siyu.api.i18n.Text;
import org.siyu.kernel.imports.internal.DryRunReport;
import org.siyu.kernel.imports.internal.Importer;
import org.siyu.kernel.imports.internal.RowError;
import org.siyu.support.csv.CsvFile;
import org.siyu.support.csv.CsvFileException;
import org.siyu.support.csv.CsvSource;
import org.siyu.support.csv.Delimiter;
import org.siyu.support.csv.Encoding;
import org.siyu.support.csv.Row;
import org.siyu.kernel.imports.internal.mapping.Mapping;
import org.siyu.kernel.imports.internal.mapping.Target;

/**
 * The import of one session: upload (to a temporary file, at most 200 MB), encoding and delimiter, a preview of the
 * first rows, one target per column (guessed from the header, or a saved mapping), the dry-run report with its errors
 * as a CSV download, the start of the job, and the history of imports with their errors ({@link ImportHistory}).
 */
class ImportPanel extends Composite<VerticalLayout> {

    static final int MAX_BYTES = 200 * 1024 * 1024;
    static final int PREVIEW_ROWS = 10;

    private final Importer importer;
    private final Locale locale;
    private final String actor;
    private final Consumer<String> notify;

    private final Select<Encoding> encoding = new Select<>();
    private final Select<Delimiter> delimiter = new Select<>();
    private final Span fileInfo = new Span();
    private final Grid<Row> preview = new Grid<>();
    private final Grid<Integer> columns = new Grid<>();
    private final ComboBox<String> saved = new ComboBox<>();
    private final TextField saveName = new TextField();
    private final Button dryRun = new Button();
    private final Button start = new Button();
    private final Span report = new Span();
    private final Grid<RowError> errors = new Grid<>();
    private final Anchor download = new Anchor();
    private final ImportHistory history;

    private CsvSource source;
    private CsvFile file;
    /** The target chosen for each column, by column index. */
    private final List<Target> targets = new ArrayList<>();
    private List<RowError> lastErrors = List.of();

    /**
     * @param notify   shows a short message to the user (the shell's {@code ViewContext.notify})
     * @param openJobs opens the shell's jobs view, where a job's progress and log are
     */
    ImportPanel(Importer importer, Locale locale, String actor, Consumer<String> notify, Runnable openJobs) {
        this.importer = importer;
        this.locale = locale;
        this.actor = actor;
        this.notify = notify;
        this.history = new ImportHistory(importer, locale, actor, notify, openJobs);

        encoding.setId("import-encoding");
        encoding.setLabel(t("Encoding", "编码"));
        encoding.setItems(Encoding.values());
        encoding.setItemLabelGenerator(e -> switch (e) {
            case AUTO -> t("Detect", "自动识别");
            case UTF_8 -> "UTF-8";
            case GB18030 -> t("GB18030 / GBK (Chinese Excel)", "GB18030 / GBK（中文 Excel）");
        });
        encoding.setValue(Encoding.AUTO);
        delimiter.setId("import-delimiter");
        delimiter.setLabel(t("Delimiter", "分隔符"));
        delimiter.setItems(Delimiter.values());
        delimiter.setItemLabelGenerator(d -> switch (d) {
            case AUTO -> t("Detect", "自动识别");
            case COMMA -> t("Comma ,", "逗号 ,");
            case SEMICOLON -> t("Semicolon ;", "分号 ;");
            case TAB -> t("Tab", "制表符");
        });
        delimiter.setValue(Delimiter.AUTO);
        encoding.addValueChangeListener(e -> reopen());
        delimiter.addValueChangeListener(e -> reopen());

        Upload upload = new Upload(UploadHandler.toTempFile((meta, tmp) -> getUI().ifPresent(ui -> ui.access(() ->
                load(CsvSource.temporary(meta.fileName(), tmp.toPath()))))));
        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_BYTES);
        upload.setAcceptedFileTypes(".csv", ".txt", ".tsv", "text/csv", "text/plain");
        upload.addFileRejectedListener(e -> notifyUser(t("File refused: at most 200 MB, a .csv, .txt or .tsv file ("
                + e.getErrorMessage() + ")", "文件被拒绝：最大 200 MB，须为 .csv、.txt 或 .tsv 文件（" + e.getErrorMessage()
                + "）")));
        fileInfo.setId("import-file");

        preview.setId("import-preview");
        preview.setHeight("14em");
        columns.setId("import-mapping");
        columns.setHeight("18em");
        columns.addColumn(i -> file.headers().get(i)).setHeader(t("Column", "列")).setAutoWidth(true);
        columns.addColumn(this::samples).setHeader(t("First values", "示例值")).setFlexGrow(1);
        columns.addComponentColumn(this::targetSelect).setHeader(t("Import as", "导入为")).setWidth("18em")
                .setFlexGrow(0);

        saved.setId("import-saved");
        saved.setLabel(t("Saved mapping", "已保存的映射"));
        saved.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                applySaved(e.getValue());
            }
        });
        saveName.setId("import-save-name");
        saveName.setLabel(t("Save mapping as", "映射另存为"));
        Button save = new Button(t("Save", "保存"), e -> saveMapping());
        save.setId("import-save-mapping");

        dryRun.setText(t("Dry run", "试运行"));
        dryRun.setId("import-dry-run");
        dryRun.addClickListener(e -> dryRun());
        start.setText(t("Start import", "开始导入"));
        start.setId("import-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> startImport());
        report.setId("import-report");
        errors.setId("import-errors");
        errors.setHeight("14em");
        ImportHistory.errorColumns(errors, locale);
        download.setId("import-errors-download");
        download.setText(t("Download errors (CSV)", "下载错误（CSV）"));
        download.setVisible(false);

        HorizontalLayout options = new HorizontalLayout(encoding, delimiter, fileInfo);
        options.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout mappings = new HorizontalLayout(saved, saveName, save);
        mappings.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout actions = new HorizontalLayout(dryRun, start, report);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        VerticalLayout root = getContent();
        root.setId("import-view");
        root.setWidthFull();
        root.add(new H4(t("Upload a CSV file", "上传 CSV 文件")), upload, options,
                new H4(t("Preview", "预览")), preview,
                new H4(t("Columns", "列映射")), mappings, columns, actions, errors, download,
                new H4(t("Imports", "导入记录")), history);
        enableActions();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // a download is a resource of the session: registered once the panel is in a UI
        download.setHref(DownloadHandler.fromInputStream(e -> {
            byte[] csv = ErrorCsv.write(lastErrors);
            return new DownloadResponse(new ByteArrayInputStream(csv), "import-errors.csv", "text/csv", csv.length);
        }));
        saved.setItems(importer.mappingNames());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        forgetSource(); // an upload that was not imported leaves no temporary file behind
    }

    /** Takes an uploaded file: settles encoding and delimiter, shows the preview and the guessed mapping. */
    void load(CsvSource uploaded) {
        forgetSource();
        source = uploaded;
        targets.clear();
        reopen();
        if (file != null) {
            targets.clear(); // reopen() filled them with "ignore"
            targets.addAll(importer.guess(file).targets());
            columns.setItems(indexes());
        }
        enableActions();
    }

    private void reopen() {
        if (source == null) {
            return;
        }
        try {
            file = CsvFile.open(source, encoding.getValue(), delimiter.getValue());
            List<Row> rows = file.preview(PREVIEW_ROWS);
            preview.removeAllColumns();
            for (int i = 0; i < file.headers().size(); i++) {
                int column = i;
                preview.addColumn(r -> r.cell(column)).setHeader(file.headers().get(i)).setAutoWidth(true);
            }
            preview.setItems(rows);
            fileInfo.setText(source.name() + " · " + file.charset().name() + " · "
                    + t("delimiter ", "分隔符 ") + delimiterName(file.delimiter()) + " · "
                    + file.headers().size() + t(" columns", " 列"));
            while (targets.size() < file.headers().size()) {
                targets.add(Target.IGNORE);
            }
            while (targets.size() > file.headers().size()) {
                targets.removeLast();
            }
            columns.setItems(indexes());
        } catch (CsvFileException e) {
            file = null;
            preview.setItems(List.of());
            columns.setItems(List.of());
            fileInfo.setText(source.name() + ": " + e.getMessage());
        }
        enableActions();
    }

    private List<Integer> indexes() {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < file.headers().size(); i++) {
            indexes.add(i);
        }
        return indexes;
    }

    private String samples(int column) {
        List<String> values = new ArrayList<>();
        try {
            for (Row row : file.preview(PREVIEW_ROWS)) {
                String v = row.cell(column).strip();
                if (!v.isEmpty() && values.size() < 3) {
                    Target target = targets.get(column);
                    values.add(target.kind() == Target.Kind.IDENTITY && "phone".equals(target.name())
                            ? v.substring(0, Math.min(3, v.length())) + "…" : v);
                }
            }
        } catch (CsvFileException e) {
            return "";
        }
        return String.join(" | ", values);
    }

    private Select<Target> targetSelect(int column) {
        Select<Target> select = new Select<>();
        List<Target> options = new ArrayList<>(List.of(Target.IGNORE, Target.TAGS));
        importer.channels().ids().forEach(c -> options.add(Target.identity(c)));
        Target.TRAITS.forEach(n -> options.add(Target.trait(n)));
        if (!options.contains(targets.get(column))) {
            options.add(targets.get(column)); // a channel that went away stays visible as chosen
        }
        select.setItems(options);
        select.setItemLabelGenerator(o -> o.label(o.kind() == Target.Kind.IDENTITY
                ? importer.channels().name(o.name()) : Text.of(o.token())).get(locale));
        select.setValue(targets.get(column));
        select.setWidthFull();
        select.setId("import-target-" + column);
        select.addValueChangeListener(e -> targets.set(column, e.getValue()));
        return select;
    }

    /** The mapping as chosen in the grid; a notification says what is wrong with it, and null is returned. */
    Mapping mapping() {
        if (file == null) {
            return null;
        }
        Mapping mapping = new Mapping(file.headers(), targets);
        try {
            mapping.check();
            return mapping;
        } catch (IllegalArgumentException e) {
            notifyUser(e.getMessage());
            return null;
        }
    }

    void setTarget(int column, Target target) {
        targets.set(column, target);
        columns.getDataProvider().refreshAll();
    }

    private void applySaved(String name) {
        try {
            Mapping m = importer.savedMapping(file, name);
            targets.clear();
            targets.addAll(m.targets());
            columns.getDataProvider().refreshAll();
        } catch (IllegalArgumentException e) {
            notifyUser(e.getMessage());
        }
    }

    private void saveMapping() {
        Mapping m = mapping();
        if (m == null) {
            return;
        }
        try {
            importer.saveMapping(saveName.getValue(), m, actor);
            saved.setItems(importer.mappingNames());
            notifyUser(t("Mapping saved", "映射已保存"));
        } catch (IllegalArgumentException e) {
            notifyUser(e.getMessage());
        }
    }

    void dryRun() {
        Mapping m = mapping();
        if (m == null) {
            return;
        }
        try {
            DryRunReport r = importer.dryRun(file, m);
            lastErrors = r.errors();
            errors.setItems(r.errors());
            download.setVisible(!r.errors().isEmpty());
            report.setText(String.format(locale, t("%,d rows: %,d ok, %,d with errors; %,d new customers, %,d "
                            + "existing; %,d duplicate rows", "共 %,d 行：%,d 行无误，%,d 行有错误；新客户 %,d 位，已有客户 %,d "
                            + "位；重复行 %,d 行"), r.rows(), r.ok(), r.rejected(), r.created(), r.existing(),
                    r.duplicates()));
        } catch (CsvFileException e) {
            report.setText(e.getMessage());
        }
    }

    void startImport() {
        Mapping m = mapping();
        if (m == null) {
            return;
        }
        try {
            Importer.Started started = importer.start(file, m, actor);
            notifyUser(String.format(t("Import %d started (job %d)", "导入 %d 已开始（任务 %d）"), started.importId(),
                    started.jobId()));
            source = null; // the job owns the temporary file now and deletes it when it ends
            file = null;
            targets.clear();
            preview.setItems(List.of());
            columns.setItems(List.of());
            fileInfo.setText("");
            enableActions();
            history.refresh();
        } catch (IllegalArgumentException | IllegalStateException e) {
            notifyUser(e.getMessage());
        }
    }

    private void enableActions() {
        boolean ready = file != null;
        dryRun.setEnabled(ready);
        start.setEnabled(ready && importer.jobsAvailable());
        start.setTooltipText(importer.jobsAvailable() ? null
                : t("The platform's job service is not running: only dry runs work now",
                        "平台的任务服务未运行：目前只能试运行"));
    }

    private void forgetSource() {
        if (source != null) {
            source.release();
            source = null;
        }
    }

    private String delimiterName(Delimiter d) {
        return switch (d) {
            case COMMA -> ",";
            case SEMICOLON -> ";";
            case TAB -> t("tab", "制表符");
            case AUTO -> "?";
        };
    }

    private void notifyUser(String message) {
        notify.accept(message);
    }

    private String t(String en, String zh) {
        return Text.of(en, zh).get(locale);
    }

    // for tests
    String reportText() {
        return report.getText();
    }

    String fileText() {
        return fileInfo.getText();
    }

    List<Target> targets() {
        return List.copyOf(targets);
    }

    Map<String, String> chosen() {
        Map<String, String> m = new HashMap<>();
        if (file != null) {
            m.putAll(new Mapping(file.headers(), targets).byColumn());
        }
        return m;
    }
}
