package org.siyu.membership.internal.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.siyu.api.ui.ViewContext;
import org.siyu.membership.internal.MembershipException;
import org.siyu.membership.internal.MembershipPermissions;
import org.siyu.membership.internal.coupons.Coupons;
import org.siyu.membership.internal.coupons.IssueRuns;
import org.siyu.membership.internal.coupons.TemplateRules;
import org.siyu.membership.internal.model.CouponTemplate;
import org.siyu.membership.internal.model.IssueRun;
import org.siyu.membership.internal.model.TemplateValues;

/**
 * Membership › Coupons: templates with stock and terms, a form for a new one, issuing the selected template to a
 * segment (a job), and the recent issue runs.
 */
final class CouponsPanel extends VerticalLayout {

    private final Coupons coupons;
    private final IssueRuns runs;
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
    private final Span status = new Span();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    CouponsPanel(Coupons coupons, IssueRuns runs, boolean commerce, ZoneId zone, ViewContext context) {
        this.coupons = coupons;
        this.runs = runs;
        this.context = context;
        this.locale = context.locale();
        this.zone = zone;
        setSizeFull();
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
        add(templates);

        boolean canEdit = context.user().isPermitted(MembershipPermissions.EDIT);
        segment.setPlaceholder("tag:VIP AND NOT tag:流失");
        segment.setWidth("28rem");
        Button issue = new Button(t("Issue selected to segment", "向分群发放所选券"), e -> issue());
        Button archive = new Button(t("Archive selected", "停用所选券"), e -> archive());
        issue.setEnabled(canEdit);
        archive.setEnabled(canEdit);
        fields.put("segment", segment);
        add(new HorizontalLayout(segment, issue, archive));

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
        Button create = new Button(t("Create template", "创建模板"), e -> create());
        create.setEnabled(canEdit);
        add(form, create, status);

        add(new H4(t("Issue runs", "发放记录")));
        runGrid.addColumn(IssueRun::id).setHeader("#");
        runGrid.addColumn(IssueRun::segment).setHeader(t("Segment", "分群"));
        runGrid.addColumn(r -> r.state().name()).setHeader(t("State", "状态"));
        runGrid.addColumn(r -> r.issued() + " / " + r.total()).setHeader(t("Issued / customers", "已发 / 客户数"));
        runGrid.addColumn(IssueRun::message).setHeader(t("Result", "结果"));
        runGrid.setAllRowsVisible(true);
        add(runGrid);
        refresh();
    }

    private void field(FormLayout form, com.vaadin.flow.component.Component field, String key, String label) {
        form.addFormItem(field, label);
        fields.put(key, (HasValidation) field);
    }

    void refresh() {
        templates.setItems(coupons.templates(false));
        runGrid.setItems(runs.recent(20));
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
            TemplateValues values = new TemplateValues(name.getValue(), kind.getValue(), fen(amount, "amountFen", 0L),
                    percent.getValue() == null ? 0 : percent.getValue(), fen(cap, "maxDiscountFen", null),
                    fen(threshold, "thresholdFen", 0L), null,
                    absolute ? until.getValue().plusDays(1).atStartOfDay(zone).toInstant() : null,
                    absolute ? null : days.getValue(), stock.getValue() == null ? -1 : stock.getValue());
            CouponTemplate created = coupons.create(values, context.user().username());
            status.setText(t("Created ", "已创建 ") + created.name());
            refresh();
        } catch (MembershipException e) {
            show(e);
        }
    }

    void issue() {
        CouponTemplate selected = templates.asSingleSelect().getValue();
        if (selected == null) {
            status.setText(t("Select a template first.", "请先选择一个模板。"));
            return;
        }
        if (!context.user().isPermitted(MembershipPermissions.EDIT)) {
            status.setText(t("You may not issue coupons.", "你没有发放优惠券的权限。"));
            return;
        }
        segment.setInvalid(false);
        try {
            IssueRuns.Started started = runs.start(selected.id(), segment.getValue(), context.user().username());
            status.setText(t("Issuing to " + started.run().total() + " customers as run " + started.run().id()
                    + "; see Developer › Jobs.", "正在向 " + started.run().total() + " 位客户发放（第 " + started.run().id()
                    + " 次发放），进度见 开发 › 任务。"));
            refresh();
        } catch (MembershipException e) {
            show(e);
        }
    }

    void archive() {
        CouponTemplate selected = templates.asSingleSelect().getValue();
        if (selected != null && context.user().isPermitted(MembershipPermissions.EDIT)) {
            coupons.archive(selected.id());
            refresh();
        }
    }

    private void show(MembershipException e) {
        HasValidation field = e.field() == null ? null : fields.get(e.field());
        if (field != null) {
            field.setErrorMessage(e.getMessage());
            field.setInvalid(true);
        }
        status.setText(e.getMessage());
    }

    private static Long fen(BigDecimalField field, String name, Long empty) {
        BigDecimal yuan = field.getValue();
        if (yuan == null) {
            return empty;
        }
        if (yuan.stripTrailingZeros().scale() > 2) {
            throw MembershipException.invalid(name, name + ": at most 2 decimals (fen)");
        }
        return yuan.movePointRight(2).longValue();
    }

    // for tests
    TextField nameField() { return name; }
    BigDecimalField amountField() { return amount; }
    TextField segmentField() { return segment; }
    Grid<CouponTemplate> templateGrid() { return templates; }
    String statusText() { return status.getText(); }
    Map<String, HasValidation> fields() { return fields; }

    private String t(String en, String zh) {
        return Ui.t(locale, en, zh);
    }
}
