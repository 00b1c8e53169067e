package org.siyu.kernel.tagging.internal.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.function.Consumer;
import org.siyu.api.i18n.Text;
import org.siyu.api.security.User;
import org.siyu.api.tags.SegmentSyntaxException;
import org.siyu.kernel.tagging.internal.Tagging;
import org.siyu.kernel.tagging.internal.TaggingPermissions;
import org.siyu.kernel.tagging.internal.export.SegmentExport;
import org.siyu.kernel.tagging.internal.saved.SavedSegment;
import org.siyu.kernel.tagging.internal.saved.SavedSegments;
import org.siyu.kernel.tagging.internal.saved.SegmentFieldException;
import org.siyu.kernel.tagging.internal.saved.SegmentInput;
import org.siyu.kernel.tagging.internal.scope.Scope;
import org.siyu.kernel.tagging.internal.scope.ScopeClosedException;
import org.siyu.kernel.tagging.internal.scope.Scopes;

/**
 * The Segments view: the expression with its live count ({@link SegmentPanel}), a form that saves it under a name,
 * the saved segments with their counts (open, delete), and an export of the current expression to CSV as a job,
 * with a download link when the file is written. Saving and deleting need {@code tagging.edit}, exporting
 * {@code tagging.export}; without them the buttons are not shown. Counts and exports are of the user's data scope
 * ({@link Scopes}), worked out again at each count.
 */
class SavedSegmentsPanel extends Composite<VerticalLayout> {

    private final SavedSegments saved;
    private final SegmentExport export;
    private final Scopes scopes;
    private final User user;
    private final Locale locale;
    private final Consumer<String> notify;
    private final NumberFormat numbers;
    private final SegmentPanel counter;
    private final TextField name = new TextField();
    private final TextField description = new TextField();
    private final Span formError = new Span();
    private final Span listScope = new Span();
    private final Div exportStatus = new Div();
    private final Grid<SavedSegments.Counted> grid = new Grid<>();
    /** The saved segment being edited, or 0 for a new one. */
    private int editing;

    SavedSegmentsPanel(Tagging tagging, SavedSegments saved, SegmentExport export, Scopes scopes, User user,
            Locale locale, Consumer<String> notify) {
        this.saved = saved;
        this.export = export;
        this.scopes = scopes;
        this.user = user;
        this.locale = locale;
        this.notify = notify;
        this.numbers = NumberFormat.getIntegerInstance(locale == null ? Locale.ENGLISH : locale);
        this.counter = new SegmentPanel(tagging::count, () -> scopes.of(user), locale);
        boolean mayEdit = user.isPermitted(TaggingPermissions.EDIT);
        boolean mayExport = user.isPermitted(TaggingPermissions.EXPORT);

        name.setId("segment-name");
        name.setLabel(t("Segment name", "分群名称"));
        name.setMaxLength(100);
        description.setId("segment-description");
        description.setLabel(t("Description", "说明"));
        description.setMaxLength(500);
        description.setWidth("24em");
        Button save = new Button(t("Save", "保存"), VaadinIcon.CHECK.create(), e -> save());
        save.setId("segment-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button fresh = new Button(t("New", "新建"), VaadinIcon.PLUS.create(), e -> startNew());
        fresh.setId("segment-new");
        Button exportButton = new Button(t("Export CSV", "导出 CSV"), VaadinIcon.DOWNLOAD.create(), e -> export());
        exportButton.setId("segment-export");
        HorizontalLayout form = new HorizontalLayout(name, description, save, fresh, exportButton);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        save.setVisible(mayEdit);
        fresh.setVisible(mayEdit);
        name.setVisible(mayEdit);
        description.setVisible(mayEdit);
        exportButton.setVisible(mayExport);
        formError.setId("segment-save-error");
        formError.getStyle().set("color", "var(--lumo-error-text-color)");
        exportStatus.setId("segment-export-status");
        listScope.setId("segments-scope");
        listScope.getStyle().set("color", "var(--lumo-secondary-text-color)");

        grid.setId("segments-grid");
        grid.addColumn(c -> c.segment().name()).setHeader(t("Saved segment", "已保存分群")).setAutoWidth(true)
                .setSortable(true);
        grid.addColumn(c -> c.segment().expression()).setHeader(t("Expression", "表达式")).setFlexGrow(1);
        grid.addColumn(c -> c.count() < 0 ? c.error() : numbers.format(c.count()))
                .setHeader(t("Customers", "客户数")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(c -> c.segment().description() == null ? "" : c.segment().description())
                .setHeader(t("Description", "说明")).setAutoWidth(true);
        grid.addComponentColumn(c -> {
            Button open = new Button(t("Open", "打开"), e -> open(c.segment()));
            open.setId("segment-open-" + c.segment().id());
            open.addThemeVariants(ButtonVariant.SMALL);
            Button delete = new Button(t("Delete", "删除"), e -> confirmDelete(c.segment()));
            delete.setId("segment-delete-" + c.segment().id());
            delete.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.ERROR);
            delete.setVisible(mayEdit);
            return new HorizontalLayout(open, delete);
        }).setAutoWidth(true);

        VerticalLayout root = getContent();
        root.setId("segments-view");
        root.setSizeFull();
        root.add(counter, form, formError, exportStatus, listScope);
        root.addAndExpand(grid);
        addAttachListener(e -> refresh());
    }

    void refresh() {
        Scope scope = scopes.of(user);
        grid.setItems(saved.list(scope.within()));
        listScope.setText(scope.unrestricted() ? "" : scope.closed() ? scope.problem().get(locale)
                : t("Customers: those of your data scope (unit ", "客户数：您的数据范围内（组织 ") + scope.unit()
                        + t(")", "）"));
    }

    /** Saves the expression under the name: a new segment, or the one opened. */
    void save() {
        formError.setText("");
        name.setInvalid(false);
        counter.expressionField().setInvalid(false);
        SegmentInput input = new SegmentInput(name.getValue(), counter.expression(), description.getValue());
        try {
            java.util.Optional<SavedSegment> result = editing == 0 ? java.util.Optional.of(saved.create(input,
                    user.username())) : saved.update(editing, input, user.username());
            if (result.isEmpty()) {
                editing = 0;
                formError.setText(t("The segment was deleted meanwhile; save again to create it.",
                        "该分群已被删除；再次保存将新建。"));
                refresh();
                return;
            }
            SavedSegment segment = result.get();
            editing = segment.id();
            notify.accept(t("Saved segment ", "已保存分群 ") + segment.name());
            refresh();
        } catch (SegmentFieldException e) {
            formError.setText(e.getMessage());
            if (e.field().equals("expression")) {
                counter.expressionField().setInvalid(true);
            } else if (e.field().equals("name")) {
                name.setInvalid(true);
            } else {
                description.setInvalid(true);
            }
        }
    }

    void open(SavedSegment segment) {
        editing = segment.id();
        name.setValue(segment.name());
        description.setValue(segment.description() == null ? "" : segment.description());
        formError.setText("");
        counter.load(segment.expression());
    }

    void startNew() {
        editing = 0;
        name.clear();
        description.clear();
        formError.setText("");
        counter.load("");
    }

    private void confirmDelete(SavedSegment segment) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(t("Delete segment", "删除分群"));
        dialog.setText(t("Delete the saved segment '", "删除已保存的分群“") + segment.name()
                + t("'? Its customers and tags stay.", "”？客户和标签不受影响。"));
        dialog.setCancelable(true);
        dialog.setCancelText(t("Cancel", "取消"));
        dialog.setConfirmText(t("Delete", "删除"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> delete(segment.id()));
        dialog.open();
    }

    void delete(int id) {
        if (saved.delete(id, user.username())) {
            if (editing == id) {
                editing = 0;
            }
            notify.accept(t("Deleted segment ", "已删除分群 ") + id);
        }
        refresh();
    }

    /**
     * Exports the customers of the expression in the field as a job; a download link appears when it is done.
     *
     * @return the job's summary (completed at once, with {@code null}, when the export could not start)
     */
    java.util.concurrent.CompletableFuture<?> export() {
        String expression = counter.expression();
        exportStatus.removeAll();
        try {
            SegmentExport.Started started = export.start(expression, editing == 0 ? "expr" : String.valueOf(editing),
                    t("Export segment ", "导出分群 ") + (name.isEmpty() ? expression : name.getValue()),
                    user.username());
            ProgressBar bar = new ProgressBar();
            bar.setIndeterminate(true);
            bar.setWidth("12em");
            String scoped = started.scope().unrestricted() ? ""
                    : t(" of your data scope (unit ", "（您的数据范围内，组织 ") + started.scope().unit() + t(")", "）");
            exportStatus.add(new Span(t("Exporting ", "正在导出 ") + numbers.format(started.count())
                    + t(" customers", " 位客户") + scoped + t("… (see the job list)", "…（见任务列表）")), bar);
            UI ui = UI.getCurrent();
            started.job().done().whenComplete((summary, failure) -> {
                if (ui == null) {
                    return; // not started from a session: nobody to show it to
                }
                try {
                    ui.access(() -> finished(started.file(), summary, failure));
                } catch (UIDetachedException gone) {
                    // the user left; the file is in the exports folder and the job list
                }
            });
            return started.job().done();
        } catch (SegmentSyntaxException e) {
            exportStatus.add(new Span(t("Cannot export: ", "无法导出：") + e.getMessage()));
        } catch (ScopeClosedException e) {
            exportStatus.add(new Span(t("Cannot export: ", "无法导出：") + e.text().get(locale)));
        } catch (java.io.IOException | RuntimeException e) {
            exportStatus.add(new Span(t("Export failed: ", "导出失败：") + e.getMessage()));
        }
        return java.util.concurrent.CompletableFuture.completedFuture(null);
    }

    /** Shows the outcome of an export: the download link, or the failure. Runs with the UI locked. */
    void finished(Path file, String summary, Throwable failure) {
        exportStatus.removeAll();
        if (failure != null) {
            exportStatus.add(new Span(t("Export failed: ", "导出失败：") + failure.getMessage()));
            return;
        }
        Anchor download = new Anchor(DownloadHandler.forFile(file.toFile(), file.getFileName().toString()),
                AttachmentType.DOWNLOAD, t("Download ", "下载 ") + file.getFileName());
        download.setId("segment-download");
        exportStatus.add(new Span(summary + " "), download);
    }

    String formErrorText() {
        return formError.getText();
    }

    java.util.List<SavedSegments.Counted> gridItems() {
        return grid.getListDataView().getItems().toList();
    }

    String listScopeText() {
        return listScope.getText();
    }

    Div exportStatus() {
        return exportStatus;
    }

    TextField nameField() {
        return name;
    }

    SegmentPanel counter() {
        return counter;
    }

    int editing() {
        return editing;
    }

    private String t(String en, String zh) {
        return Text.of(en, zh).get(locale);
    }
}
