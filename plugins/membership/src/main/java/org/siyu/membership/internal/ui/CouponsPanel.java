package org.siyu.membership.internal.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.siyu.api.ui.ViewContext;
import org.siyu.membership.internal.MemberCards;
import org.siyu.membership.internal.MembershipException;
import org.siyu.membership.internal.MembershipPermissions;
import org.siyu.membership.internal.coupons.Coupons;
import org.siyu.membership.internal.coupons.IssueRuns;
import org.siyu.membership.internal.coupons.TemplateRules;
import org.siyu.membership.internal.model.CouponTemplate;
import org.siyu.membership.internal.model.IssueRun;
import org.siyu.membership.internal.model.TemplateValues;

/**
 * Membership › Coupons: templates with stock and terms, a form for a new one, issuing the selected template to one
 * customer or to a segment (a job), and the recent issue runs (polled every two seconds while one runs).
 */
final class CouponsPanel extends VerticalLayout {

    private static final int POLL_MILLIS = 2000;

    private final Coupons coupons;
    private final IssueRuns runs;
    private final MemberCards cards;
    private final ViewContext context;
    private final Locale locale;
    private final ZoneId zone;
    private final Grid<CouponTemplate> templates = new Grid<>();
    private final Grid<IssueRun> runGrid = new Grid<>();
    private final TextField name = new TextField();
    private final Select<CouponTemplate.Kind> kind = new Select<>();
    private final BigDecimalField amount = new BigDecimalField();
    private final IntegerField percent = new IntegerField();
    private final BigDecimalField cap = new BigDecimalField();
    private final BigDecimalField threshold = new BigDecimalField();
    private final IntegerField days = new IntegerField();
    private final DatePicker until = new DatePicker();
    private final IntegerField stock = new IntegerField();
    private final TextField segment = new TextField();
    private final IntegerField customer = new IntegerField();
    private final Span status = new Span();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private Registration poll;

    CouponsPanel(Coupons coupons, IssueRuns runs, MemberCards cards, boolean commerce, ZoneId zone, ViewContext context) {
        this.coupons = coupons;
        this.runs = runs;
        this.cards = cards;
        this.context = context;
        this.locale = context.locale();
        this.zone = zone;
        setSizeFull();
        setId("membership-coupons");
        add(new Span(commerce
                ? t("Coupons are redeemed on commerce orders by their code; members also get their tier discount there.",
                        "优惠券在交易订单上凭券码使用；会员同时享受等级折扣。")
                : t("Commerce is not installed: selling features are off. Coupons can still be issued, and used on "
                                + "other orders through POST /api/v1/members/{id}/coupons/{code}/redeem.",
                        "未安装交易插件：销售功能已关闭。仍可发券，并可通过 POST /api/v1/members/{id}/coupons/{code}/redeem 在其他订单上核销。")));
        templates.addColumn(CouponTemplate::name).setHeader(t("Name", "名称"));
        templates.addColumn(TemplateRules::describe).setHeader(t("Terms", "规则"));
        templates.addColumn(this::validity).setHeader(t("Valid", "有效期"));
        templates.addColumn(tpl -> tpl.issued() + " / " + tpl.stock()).setHeader(t("Issued / stock", "已发 / 库存"));
        templates.setAllRowsVisible(true);
        templates.setId("membership-coupon-templates");
        add(templates);

        boolean canEdit = context.user().isPermitted(MembershipPermissions.EDIT);
        segment.setPlaceholder("tag:VIP AND NOT tag:流失");
        segment.setWidth("28rem");
        segment.setLabel(t("Segment", "客户分群"));
        segment.setId("membership-coupon-segment");
        Button issue = new Button(t("Issue selected to segment", "向分群发放所选券"), e -> issue());
        issue.setId("membership-coupon-issue");
        Button archive = new Button(t("Archive selected", "停用所选券"), e -> archive());
        archive.setId("membership-coupon-archive");
        issue.setEnabled(canEdit);
        archive.setEnabled(canEdit);
        fields.put("segment", segment);
        labels.put("segment", segment.getLabel());
        HorizontalLayout toSegment = new HorizontalLayout(segment, issue, archive);
        toSegment.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        customer.setLabel(t("Customer ID", "客户 ID"));
        customer.setId("membership-coupon-customer");
        Button issueOne = new Button(t("Issue selected to customer", "向该客户发放所选券"), e -> issueToCustomer());
        issueOne.setId("membership-coupon-issue-customer");
        issueOne.setEnabled(canEdit);
        fields.put("customerId", customer);
        labels.put("customerId", customer.getLabel());
        HorizontalLayout toCustomer = new HorizontalLayout(customer, issueOne);
        toCustomer.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(toSegment, toCustomer);

        add(new H4(t("New template", "新建优惠券模板")));
        FormLayout form = new FormLayout();
        kind.setItems(CouponTemplate.Kind.values());
        kind.setItemLabelGenerator(k -> k == CouponTemplate.Kind.AMOUNT_OFF ? t("Amount off", "满减/立减")
                : t("Percent off", "折扣"));
        kind.setValue(CouponTemplate.Kind.AMOUNT_OFF);
        days.setValue(30);
        stock.setValue(1000);
        threshold.setValue(BigDecimal.ZERO);
        field(form, name, "name", t("Name", "名称"));
        form.addFormItem(kind, t("Kind", "类型"));
        field(form, amount, "amountFen", t("Amount off (¥)", "减免金额（元）"));
        field(form, percent, "percentOff", t("Percent off", "折扣（减百分比）"));
        field(form, cap, "maxDiscountFen", t("At most (¥, optional)", "最多减（元，可选）"));
        field(form, threshold, "thresholdFen", t("Order total from (¥)", "订单满（元）"));
        field(form, days, "validDays", t("Valid days after issue", "发放后有效天数"));
        field(form, until, "validUntil", t("Or valid until (last day)", "或有效至（含当天）"));
        field(form, stock, "stock", t("Stock", "库存"));
        kind.setId("membership-coupon-kind");
        Button create = new Button(t("Create template", "创建模板"), e -> create());
        create.setId("membership-coupon-create");
        create.setEnabled(canEdit);
        status.setId("membership-coupons-status");
        add(form, create, status);

        Button refresh = new Button(t("Refresh", "刷新"), e -> refresh());
        refresh.setId("membership-coupon-runs-refresh");
        HorizontalLayout runsHeading = new HorizontalLayout(new H4(t("Issue runs", "发放记录")), refresh);
        runsHeading.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(runsHeading);
        runGrid.addColumn(IssueRun::id).setHeader("#");
        runGrid.addColumn(IssueRun::segment).setHeader(t("Segment", "分群"));
        runGrid.addColumn(this::state).setHeader(t("State", "状态"));
        runGrid.addColumn(r -> r.issued() + " / " + r.total()).setHeader(t("Issued / customers", "已发 / 客户数"));
        runGrid.addColumn(IssueRun::message).setHeader(t("Result", "结果"));
        runGrid.setAllRowsVisible(true);
        runGrid.setId("membership-coupon-runs");
        add(runGrid);
        refresh();
    }

    private void field(FormLayout form, com.vaadin.flow.component.Component field, String key, String label) {
        field.setId("membership-coupon-" + key);
        form.addFormItem(field, label);
        fields.put(key, (HasValidation) field);
        labels.put(key, label);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
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
        super.onDetach(event);
    }

    /** Reloads templates (their issued counts) and runs; polls while a run is going so its progress shows. */
    void refresh() {
        CouponTemplate selected = templates.asSingleSelect().getValue();
        templates.setItems(coupons.templates(false));
        if (selected != null) {
            select(selected.id()); // setItems drops the selection; the operator's template stays selected
        }
        List<IssueRun> recent = runs.recent(20);
        runGrid.setItems(recent);
        boolean running = recent.stream().anyMatch(r -> r.state() == IssueRun.State.RUNNING);
        getUI().ifPresent(ui -> ui.setPollInterval(running ? POLL_MILLIS : -1));
    }

    /** Selects the listed template with this id (entities are not equal across reads). */
    private void select(long templateId) {
        templates.getListDataView().getItems().filter(x -> x.id() == templateId).findFirst()
                .ifPresent(templates::select);
    }

    private String state(IssueRun r) {
        return switch (r.state()) {
            case RUNNING -> r.total() > 0 ? t("running ", "发放中 ") + (r.issued() + r.skipped()) * 100 / r.total() + "%"
                    : t("running", "发放中");
            case DONE -> t("done", "已完成");
            case STOCK_OUT -> t("out of stock", "库存不足");
            case FAILED -> t("failed", "失败");
            case CANCELLED -> t("cancelled", "已取消");
        };
    }

    private String validity(CouponTemplate t) {
        return t.validDays() != null ? t("" + t.validDays() + " days after issue", "发放后 " + t.validDays() + " 天")
                : Ui.day(t.validFrom(), zone) + " – " + Ui.lastDay(t.validUntil(), zone);
    }

    void create() {
        if (!context.user().isPermitted(MembershipPermissions.EDIT)) {
            status.setText(t("You may not create coupon templates.", "你没有创建优惠券模板的权限。"));
            return;
        }
        fields.values().forEach(f -> f.setInvalid(false));
        try {
            boolean absolute = until.getValue() != null;
            CouponTemplate.Kind k = kind.getValue();
            // The form takes yuan: amounts are checked here, in yuan and in the UI's language, before the rules
            // (which speak fen) could answer "amountFen must be > 0, was -500" to someone who typed −5.
            Long amountFen = fen(amount, "amountFen", 0L);
            if (k == CouponTemplate.Kind.AMOUNT_OFF && amountFen <= 0) {
                throw MembershipException.invalid("amountFen", t("an amount-off coupon needs an amount above ¥0",
                        "立减券的减免金额须大于 0 元"));
            }
            Long capFen = fen(cap, "maxDiscountFen", null);
            if (capFen != null && capFen <= 0) {
                throw MembershipException.invalid("maxDiscountFen", t("above ¥0, or leave it empty",
                        "须大于 0 元，或留空"));
            }
            Long thresholdFen = fen(threshold, "thresholdFen", 0L);
            if (thresholdFen < 0) {
                throw MembershipException.invalid("thresholdFen", t("¥0 or more", "不能小于 0 元"));
            }
            TemplateValues values = new TemplateValues(name.getValue(), k, amountFen,
                    percent.getValue() == null ? 0 : percent.getValue(), capFen, thresholdFen, null,
                    absolute ? until.getValue().plusDays(1).atStartOfDay(zone).toInstant() : null,
                    absolute ? null : days.getValue(), stock.getValue() == null ? -1 : stock.getValue());
            CouponTemplate created = coupons.create(values, context.user().username());
            status.setText(t("Created ", "已创建 ") + created.name());
            refresh();
            select(created.id());
        } catch (MembershipException e) {
            show(e);
        }
    }

    void issue() {
        CouponTemplate selected = selectedForIssue();
        if (selected == null) {
            return;
        }
        segment.setInvalid(false);
        try {
            IssueRuns.Started started = runs.start(selected.id(), segment.getValue(), context.user().username());
            // Without the host's job service the run goes on a thread of this bundle: no job to point to.
            String job = started.job().job() == null ? "" : String.valueOf(started.job().job().id());
            status.setText(job.isEmpty()
                    ? t("Issuing " + selected.name() + " to " + started.run().total() + " customers as run "
                            + started.run().id() + "; progress below.", "正在向 " + started.run().total() + " 位客户发放"
                            + selected.name() + "（第 " + started.run().id() + " 次发放），进度见下方。")
                    : t("Issuing " + selected.name() + " to " + started.run().total() + " customers as run "
                            + started.run().id() + " (job " + job + "); progress below and in Platform › Jobs.",
                            "正在向 " + started.run().total() + " 位客户发放" + selected.name() + "（第 "
                                    + started.run().id() + " 次发放，任务 " + job + "），进度见下方及 平台 › 任务。"));
            refresh();
        } catch (MembershipException e) {
            show(e);
        }
    }

    /** One coupon of the selected template to the customer whose id is given; each click issues one more. */
    void issueToCustomer() {
        CouponTemplate selected = selectedForIssue();
        if (selected == null) {
            return;
        }
        customer.setInvalid(false);
        try {
            if (customer.getValue() == null) {
                throw MembershipException.invalid("customerId", t("give the customer's ID (a number)",
                        "请填写客户 ID（数字）"));
            }
            cards.card(customer.getValue()); // NOT_FOUND for a customer OneID does not know
            Coupons.Issued issued = coupons.issue(selected.id(), customer.getValue(), null, context.user().username());
            status.setText(t("Issued " + selected.name() + " " + issued.coupon().code() + " to customer "
                    + customer.getValue(), "已向客户 " + customer.getValue() + " 发放" + selected.name() + " "
                    + issued.coupon().code()));
            refresh();
        } catch (MembershipException e) {
            show(e);
        }
    }

    private CouponTemplate selectedForIssue() {
        CouponTemplate selected = templates.asSingleSelect().getValue();
        if (selected == null) {
            status.setText(t("Select a template first.", "请先选择一个模板。"));
            return null;
        }
        if (!context.user().isPermitted(MembershipPermissions.EDIT)) {
            status.setText(t("You may not issue coupons.", "你没有发放优惠券的权限。"));
            return null;
        }
        return selected;
    }

    void archive() {
        CouponTemplate selected = templates.asSingleSelect().getValue();
        if (selected != null && context.user().isPermitted(MembershipPermissions.EDIT)) {
            coupons.archive(selected.id());
            refresh();
        }
    }

    /** The refusal under its field, prefixed with the field's label (the rules name fields by their API names). */
    private void show(MembershipException e) {
        HasValidation field = e.field() == null ? null : fields.get(e.field());
        String text = e.field() != null && labels.containsKey(e.field())
                ? labels.get(e.field()) + ": " + e.getMessage() : e.getMessage();
        if (field != null) {
            field.setErrorMessage(text);
            field.setInvalid(true);
        }
        status.setText(text);
    }

    private Long fen(BigDecimalField field, String name, Long empty) {
        BigDecimal yuan = field.getValue();
        if (yuan == null) {
            return empty;
        }
        if (yuan.stripTrailingZeros().scale() > 2) {
            throw MembershipException.invalid(name, t("at most 2 decimals (fen), was " + yuan.toPlainString(),
                    "最多两位小数（分），填写的是 " + yuan.toPlainString()));
        }
        return yuan.movePointRight(2).longValue();
    }

    // for tests
    TextField nameField() { return name; }
    BigDecimalField amountField() { return amount; }
    TextField segmentField() { return segment; }
    IntegerField customerField() { return customer; }
    Grid<CouponTemplate> templateGrid() { return templates; }
    String statusText() { return status.getText(); }
    Map<String, HasValidation> fields() { return fields; }

    private String t(String en, String zh) {
        return Ui.t(locale, en, zh);
    }
}
