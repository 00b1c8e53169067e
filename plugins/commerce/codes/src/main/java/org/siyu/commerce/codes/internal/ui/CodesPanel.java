package org.siyu.commerce.codes.internal.ui;

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
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.shared.Registration;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.siyu.api.commerce.Product;
import org.siyu.api.commerce.Sku;
import org.siyu.api.i18n.Text;
import org.siyu.commerce.codes.internal.Batch;
import org.siyu.commerce.codes.internal.BatchState;
import org.siyu.commerce.codes.internal.CodeExceptions;
import org.siyu.commerce.codes.internal.CodeInfo;
import org.siyu.commerce.codes.internal.CodeService;
import org.siyu.commerce.codes.internal.Exports;

/**
 * Product codes in one session: a form to create a batch (product and SKU from commerce's catalogue, quantity), the
 * batches with their progress (polled every two seconds while one generates), their CSV and printable QR sheet,
 * resume and cancel, and a code lookup. Without commerce the form is off and a line says why; lookups still work.
 */
class CodesPanel extends Composite<VerticalLayout> {

    private static final int POLL_MILLIS = 2000;
    /** The node's time zone, as the shell's Jobs view shows times; an ISO instant with nanoseconds is not for people. */
    private static final DateTimeFormatter BOUND_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CodeService codes;
    private final Locale locale;
    private final String actor;
    private final boolean manage;
    private final Consumer<String> notify;

    private final Span unavailable = new Span();
    private final ComboBox<Product> product = new ComboBox<>();
    private final ComboBox<String> sku = new ComboBox<>();
    private final IntegerField quantity = new IntegerField();
    private final TextField note = new TextField();
    private final Button create = new Button();
    private final Grid<Batch> batches = new Grid<>();
    private final HorizontalLayout exports = new HorizontalLayout();
    private final TextField lookup = new TextField();
    private final Span found = new Span();
    private Registration poll;

    CodesPanel(CodeService codes, Locale locale, String actor, boolean manage, Consumer<String> notify) {
        this.codes = codes;
        this.locale = locale;
        this.actor = actor;
        this.manage = manage;
        this.notify = notify;

        unavailable.setId("codes-unavailable");
        unavailable.setText(t("Commerce is not installed: new batches need its catalogue. Codes already printed can "
                + "still be looked up and bound.", "交易模块未安装：新建批次需要其商品库。已印刷的码仍可查询和绑定。"));
        unavailable.getStyle().set("color", "var(--lumo-error-text-color)");

        product.setId("codes-product");
        product.setLabel(t("Product", "商品"));
        product.setItemLabelGenerator(Product::name);
        product.setWidth("22em");
        product.addValueChangeListener(e -> {
            Product p = e.getValue();
            sku.clear();
            sku.setItems(p == null ? List.of() : p.skus().stream().map(Sku::code).toList());
        });
        sku.setId("codes-sku");
        sku.setLabel(t("SKU (optional)", "SKU（可选）"));
        quantity.setId("codes-quantity");
        quantity.setLabel(t("Quantity", "数量"));
        quantity.setMin(1);
        quantity.setMax(CodeService.MAX_QUANTITY);
        quantity.setValue(1000);
        quantity.setStepButtonsVisible(true);
        note.setId("codes-note");
        note.setLabel(t("Note", "备注"));
        note.setMaxLength(200);
        create.setId("codes-create");
        create.setText(t("Create batch", "新建批次"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> createBatch());

        batches.setId("codes-batches");
        batches.setHeight("20em");
        batches.addColumn(Batch::id).setHeader("#").setAutoWidth(true);
        batches.addColumn(b -> b.productName() + (b.skuCode() == null ? "" : " · " + b.skuCode()))
                .setHeader(t("Product", "商品")).setFlexGrow(1);
        batches.addColumn(this::state).setHeader(t("State", "状态")).setAutoWidth(true);
        batches.addColumn(b -> String.format(locale, "%,d / %,d", b.generated(), b.quantity()))
                .setHeader(t("Codes", "码数")).setAutoWidth(true);
        batches.addColumn(b -> String.format(locale, "%,d", b.bound())).setHeader(t("Bound", "已绑定"))
                .setAutoWidth(true);
        batches.addColumn(Batch::createdBy).setHeader(t("Created by", "创建人")).setAutoWidth(true);
        batches.addColumn(Batch::message).setHeader(t("Message", "信息")).setFlexGrow(1);
        batches.addSelectionListener(e -> showExports(e.getFirstSelectedItem().orElse(null)));
        exports.setId("codes-exports");

        lookup.setId("codes-lookup");
        lookup.setLabel(t("Look a code up", "查询码"));
        lookup.setPlaceholder("XXXX-XXXX-XXXX");
        Button find = new Button(t("Find", "查询"), e -> lookUp());
        find.setId("codes-find");
        found.setId("codes-found");

        HorizontalLayout form = new HorizontalLayout(product, sku, quantity, note, create);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setVisible(manage);
        HorizontalLayout look = new HorizontalLayout(lookup, find, found);
        look.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        Button refresh = new Button(t("Refresh", "刷新"), e -> refresh());
        refresh.setId("codes-refresh");
        VerticalLayout root = getContent();
        root.setId("codes-view");
        root.setWidthFull();
        root.add(unavailable, new H4(t("New batch", "新建批次")), form, new H4(t("Batches", "批次")), refresh, batches,
                exports, new H4(t("Lookup", "查询")), look);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        boolean commerce = codes.commerceAvailable();
        unavailable.setVisible(!commerce);
        create.setEnabled(commerce && codes.jobsAvailable());
        create.setTooltipText(codes.jobsAvailable() ? null : t("The platform's job service is not running",
                "平台的任务服务未运行"));
        if (commerce) {
            product.setItems(codes.products("", 500));
        }
        refresh();
        poll = event.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (poll != null) {
            poll.remove();
            poll = null;
        }
    }

    void createBatch() {
        if (product.getValue() == null) {
            notify.accept(t("Choose a product", "请选择商品"));
            return;
        }
        if (quantity.getValue() == null) {
            notify.accept(t("Give the number of codes", "请填写数量"));
            return;
        }
        try {
            CodeService.Started s = codes.createBatch(product.getValue().id(), sku.getValue(), quantity.getValue(),
                    note.getValue(), actor);
            notify.accept(String.format(t("Batch %d started (job %d)", "批次 %d 已开始生成（任务 %d）"), s.batchId(),
                    s.jobId()));
            refresh();
        } catch (IllegalArgumentException | IllegalStateException e) {
            notify.accept(e.getMessage());
        }
    }

    void refresh() {
        List<Batch> all = codes.batches(100);
        batches.setItems(all);
        boolean running = all.stream().anyMatch(b -> b.state() == BatchState.GENERATING);
        getUI().ifPresent(ui -> ui.setPollInterval(running ? POLL_MILLIS : -1));
    }

    private void showExports(Batch batch) {
        exports.removeAll();
        if (batch == null || !manage) {
            return;
        }
        Anchor csv = new Anchor(DownloadHandler.fromInputStream(e -> {
            byte[] bytes = bytes(out -> Exports.csv(codes, batch, out));
            return new DownloadResponse(new ByteArrayInputStream(bytes), "codes-" + batch.id() + ".csv", "text/csv",
                    bytes.length);
        }), t("Download codes (CSV)", "下载码（CSV）"));
        csv.setId("codes-csv");
        exports.add(csv);
        int sheets = Math.max(1, (batch.generated() + Exports.MAX_SHEET - 1) / Exports.MAX_SHEET);
        for (int i = 0; i < Math.min(sheets, 20); i++) {
            int from = i * Exports.MAX_SHEET + 1;
            int count = Math.min(Exports.MAX_SHEET, Math.max(1, batch.generated() - from + 1));
            Anchor sheet = new Anchor(DownloadHandler.fromInputStream(e -> {
                byte[] bytes = bytes(out -> Exports.sheet(codes, batch, from, count, out));
                return new DownloadResponse(new ByteArrayInputStream(bytes), "codes-" + batch.id() + "-" + from
                        + ".html", "text/html", bytes.length);
            }), String.format(t("QR sheet %,d–%,d", "二维码页 %,d–%,d"), from, from + count - 1));
            sheet.setTarget("_blank");
            sheet.setId("codes-sheet-" + i);
            exports.add(sheet);
        }
        if (batch.state() == BatchState.GENERATING) {
            Button cancel = new Button(t("Cancel", "取消"), e -> notify.accept(codes.cancel(batch.id(), actor)
                    ? t("Cancelling after the current chunk", "当前批次完成后取消") : t("Not running", "未在运行")));
            exports.add(cancel);
        } else if (batch.state() != BatchState.READY) {
            Button resume = new Button(t("Make the rest", "继续生成"), e -> {
                try {
                    codes.resume(batch.id(), actor);
                    refresh();
                } catch (IllegalArgumentException | IllegalStateException ex) {
                    notify.accept(ex.getMessage());
                }
            });
            resume.setId("codes-resume");
            exports.add(resume);
        }
    }

    @FunctionalInterface
    private interface Writing {
        void write(ByteArrayOutputStream out) throws IOException;
    }

    private static byte[] bytes(Writing writing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writing.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    void lookUp() {
        try {
            CodeInfo c = codes.code(lookup.getValue());
            found.setText(c.bound()
                    ? String.format(t("%s: batch %d #%d, bound to customer %d on %s (%s)",
                            "%s：批次 %d 第 %d 个，已于 %5$s 绑定到客户 %4$d（%6$s）"), Exports.display(c.code()), c.batchId(),
                            c.serial(), c.customerId(), BOUND_AT.format(c.boundAt().atZone(ZoneId.systemDefault())),
                            c.channel() == null ? "—" : c.channel())
                    : String.format(t("%s: batch %d #%d, not bound yet", "%s：批次 %d 第 %d 个，尚未绑定"),
                            Exports.display(c.code()), c.batchId(), c.serial()));
        } catch (CodeExceptions.UnknownCode e) {
            found.setText(t("No such code", "没有这个码"));
        }
    }

    private String state(Batch b) {
        String s = switch (b.state()) {
            case GENERATING -> t("generating", "生成中");
            case READY -> t("ready", "已完成");
            case FAILED -> t("failed", "失败");
            case CANCELLED -> t("cancelled", "已取消");
            case INTERRUPTED -> t("interrupted", "已中断");
        };
        if (b.state() == BatchState.GENERATING && b.quantity() > 0) {
            s += String.format(" %d%%", b.generated() * 100L / b.quantity());
        }
        return s;
    }

    private String t(String en, String zh) {
        return Text.of(en, zh).get(locale);
    }

    // for tests
    String foundText() {
        return found.getText();
    }

    void lookUp(String code) {
        lookup.setValue(code);
        lookUp();
    }

    boolean unavailableShown() {
        return unavailable.isVisible();
    }
}
