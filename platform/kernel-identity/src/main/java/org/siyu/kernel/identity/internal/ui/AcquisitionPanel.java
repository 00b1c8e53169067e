package org.siyu.kernel.identity.internal.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.ViewContext;
import org.siyu.api.ui.chart.Chart;
import org.siyu.api.ui.chart.ChartSpec;
import org.siyu.kernel.identity.internal.IdentityPermissions;
import org.siyu.kernel.identity.internal.acquisition.Acquisition;

/** The acquisition report (获客成本) of a period, and a form that records a day's cost of a channel and campaign. */
class AcquisitionPanel extends Composite<VerticalLayout> {

    private final Acquisition acquisition;
    private final ViewContext context;
    private final Locale locale;
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Grid<Acquisition.Row> grid = new Grid<>();
    private final Span note = new Span();
    private final Chart chart = new Chart(costPerOwnedChart(List.of()));
    private final ComboBox<String> channel = new ComboBox<>();
    private final TextField campaign = new TextField();
    private final DatePicker day = new DatePicker();
    private final BigDecimalField yuan = new BigDecimalField();
    private final Div error = new Div();

    AcquisitionPanel(Acquisition acquisition, ViewContext context) {
        this.acquisition = acquisition;
        this.context = context;
        this.locale = context.locale();
        LocalDate today = LocalDate.now(Acquisition.ZONE);

        from.setId("acquisition-from");
        from.setLabel(t("From", "开始日期"));
        from.setValue(today.withDayOfMonth(1));
        to.setId("acquisition-to");
        to.setLabel(t("To", "结束日期"));
        to.setValue(today);
        Button show = new Button(t("Show", "查询"), e -> refresh());
        show.setId("acquisition-show");
        HorizontalLayout period = new HorizontalLayout(from, to, show);
        period.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        NumberFormat count = NumberFormat.getIntegerInstance(locale);
        grid.setId("acquisition-report");
        grid.addColumn(Acquisition.Row::channel).setHeader(t("Channel", "渠道")).setAutoWidth(true);
        grid.addColumn(r -> r.campaign() == null ? t("(no campaign)", "（无活动）") : r.campaign())
                .setHeader(t("Campaign", "活动")).setFlexGrow(1);
        grid.addColumn(r -> yuan(r.costFen(), locale)).setHeader(t("Cost", "成本")).setAutoWidth(true);
        grid.addColumn(r -> count.format(r.customers())).setHeader(t("Customers", "新客户")).setAutoWidth(true);
        grid.addColumn(r -> r.ownedCustomers() == null ? "—" : count.format(r.ownedCustomers()))
                .setHeader(t("Owned now", "已拥有")).setAutoWidth(true);
        grid.addColumn(r -> r.costPerOwnedFen() == null ? "—" : yuan(r.costPerOwnedFen(), locale))
                .setHeader(t("Cost per owned", "每位已拥有客户成本")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        note.setId("acquisition-note");

        VerticalLayout root = getContent();
        root.setId("acquisition-view");
        root.setWidthFull();
        chart.setId("acquisition-chart");
        chart.setHeight("16rem");
        root.add(period, note, chart, grid);
        if (context.user().isPermitted(IdentityPermissions.EDIT)) {
            root.add(new H4(t("Record a cost", "录入成本")), form(), error);
        }
        refresh();
    }

    private String t(String en, String zh) {
        return Text.of(en, zh).get(locale);
    }

    private HorizontalLayout form() {
        channel.setId("acquisition-channel");
        channel.setLabel(t("Channel", "渠道"));
        channel.setItems(acquisition.channelIds());
        campaign.setId("acquisition-campaign");
        campaign.setLabel(t("Campaign (optional)", "活动（可选）"));
        campaign.setMaxLength(200);
        day.setId("acquisition-day");
        day.setLabel(t("Day", "日期"));
        day.setValue(LocalDate.now(Acquisition.ZONE));
        yuan.setId("acquisition-cost");
        yuan.setLabel(t("Cost (yuan)", "成本（元）"));
        Button record = new Button(t("Record", "录入"), e -> record());
        record.setId("acquisition-record");
        record.addThemeVariants(ButtonVariant.PRIMARY);
        error.setId("acquisition-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        HorizontalLayout form = new HorizontalLayout(channel, campaign, day, yuan, record);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return form;
    }

    /** Reads the report of the chosen period. */
    void refresh() {
        try {
            Acquisition.Report report = acquisition.report(from.getValue(), to.getValue());
            grid.setItems(report.rows());
            chart.setSpec(costPerOwnedChart(report.rows()));
            note.setText(report.ownedKnown() ? t("Days in " + report.zone() + ". Owned: customers tagged "
                            + Acquisition.OWNED + " now.", "日期按 " + report.zone() + " 计。已拥有：当前带有 "
                            + Acquisition.OWNED + " 标签的客户。")
                    : t("Tagging is not running: owned customers are unknown.", "标签服务未运行：无法统计已拥有客户。"));
        } catch (IllegalArgumentException e) {
            grid.setItems();
            chart.setSpec(costPerOwnedChart(List.of()));
            note.setText(e.getMessage());
        }
    }

    /**
     * Cost per owned customer by channel, as bars: the channel's cost over its owned customers, all campaigns together
     * (a customer has one first-touch campaign, so the rows add up). A channel without owned customers (or while
     * ownership is unknown) has no bar; a report without any bar shows "no data".
     */
    static ChartSpec costPerOwnedChart(List<Acquisition.Row> rows) {
        Map<String, long[]> byChannel = new LinkedHashMap<>(); // cost, owned; rows come sorted by channel
        boolean ownedKnown = true;
        for (Acquisition.Row r : rows) {
            long[] f = byChannel.computeIfAbsent(r.channel(), c -> new long[2]);
            f[0] += r.costFen();
            if (r.ownedCustomers() == null) {
                ownedKnown = false;
            } else {
                f[1] += r.ownedCustomers();
            }
        }
        List<Number> perOwned = new ArrayList<>(byChannel.size());
        for (long[] f : byChannel.values()) {
            perOwned.add(!ownedKnown || f[1] == 0 ? null : Math.round((double) f[0] / f[1]));
        }
        return ChartSpec.builder(ChartSpec.Kind.BAR)
                .title(Text.of("Cost per owned customer by channel", "各渠道每位已拥有客户成本"))
                .xAxisName(Text.of("Channel", "渠道"))
                .format(ChartSpec.ValueFormat.FEN)
                .categories(List.copyOf(byChannel.keySet()))
                .series(Text.of("Cost per owned customer", "每位已拥有客户成本"), perOwned)
                .build();
    }

    Chart chart() {
        return chart;
    }

    /** Records the form's cost; a refusal is shown under the form, naming the field. */
    void record() {
        try {
            long fen = fen(yuan.getValue());
            boolean replaced = acquisition.record(channel.getValue(), campaign.getValue(), day.getValue(), fen,
                    context.user().username());
            error.setText("");
            context.notify(replaced ? t("Cost replaced", "已更新成本") : t("Cost recorded", "已录入成本"));
            refresh();
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
        }
    }

    /**
     * Yuan as typed → whole fen.
     *
     * @throws IllegalArgumentException naming the field: nothing typed, negative, or more than two decimals
     */
    static long fen(BigDecimal yuan) {
        if (yuan == null) {
            throw new IllegalArgumentException("field 'costFen' is required: type the cost in yuan");
        }
        if (yuan.signum() < 0) {
            throw new IllegalArgumentException("field 'costFen' must not be negative");
        }
        try {
            return yuan.movePointRight(2).setScale(0, java.math.RoundingMode.UNNECESSARY).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("field 'costFen': " + yuan + " yuan is not a whole number of fen "
                    + "(at most two decimals)");
        }
    }

    /** Fen as yuan with two decimals and the locale's grouping: {@code ¥1,234.50}. */
    static String yuan(long fen, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale == null ? Locale.ENGLISH : locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return "¥" + format.format(BigDecimal.valueOf(fen, 2));
    }

    Grid<Acquisition.Row> grid() {
        return grid;
    }

    String noteText() {
        return note.getText();
    }

    String errorText() {
        return error.getText();
    }
}
