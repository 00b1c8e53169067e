package org.siyu.membership.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.siyu.api.ui.ViewContext;
import org.siyu.membership.internal.MembershipException;
import org.siyu.membership.internal.MembershipPermissions;
import org.siyu.membership.internal.Money;
import org.siyu.membership.internal.Settings;
import org.siyu.membership.internal.coupons.Coupons;
import org.siyu.membership.internal.coupons.TemplateRules;
import org.siyu.membership.internal.model.CouponTemplate;
import org.siyu.membership.internal.model.Tier;
import org.siyu.membership.internal.model.TierValues;
import org.siyu.membership.internal.tiers.Tiers;

/** Membership › Tiers: the ladder with thresholds and benefits; an editor below for the selected tier. */
final class TiersPanel extends VerticalLayout {

    private final Tiers tiers;
    private final Coupons coupons;
    private final ViewContext context;
    private final Locale locale;
    private final Grid<Tier> grid = new Grid<>();
    private final FormLayout form = new FormLayout();
    private final TextField code = new TextField();
    private final IntegerField rank = new IntegerField();
    private final TextField nameZh = new TextField();
    private final TextField nameEn = new TextField();
    private final BigDecimalField minSpend = new BigDecimalField();
    private final IntegerField minGrowth = new IntegerField();
    private final IntegerField discount = new IntegerField();
    private final Checkbox freeShipping = new Checkbox();
    private final IntegerField warranty = new IntegerField();
    private final TextField gift = new TextField();
    private final ComboBox<CouponTemplate> birthdayCoupon = new ComboBox<>();
    private final IntegerField rate = new IntegerField();
    private final Span status = new Span();
    private final Map<String, com.vaadin.flow.component.HasValidation> fields = new LinkedHashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private Tier editing;

    TiersPanel(Tiers tiers, Coupons coupons, Settings settings, ViewContext context) {
        this.tiers = tiers;
        this.coupons = coupons;
        this.context = context;
        this.locale = context.locale();
        setSizeFull();
        add(new Span(settings.basis() == Settings.Basis.SPEND
                ? t("Tiers are measured on the net spend of the last 12 months; up at once, down only on the review date.",
                        "等级按近12个月净消费计算；达标即升级，仅在复核日降级。")
                : t("Tiers are measured on growth value (1 per yuan paid); up at once, down only on the review date.",
                        "等级按成长值（每消费1元得1点）计算；达标即升级，仅在复核日降级。")));
        grid.addColumn(tier -> Ui.tierName(locale, tier.nameZh(), tier.nameEn())).setHeader(t("Tier", "等级"));
        grid.addColumn(tier -> Money.yuan(tier.minSpendFen())).setHeader(t("12-month spend from", "近12个月消费达"));
        grid.addColumn(Tier::minGrowth).setHeader(t("Growth from", "成长值达"));
        grid.addColumn(tier -> tier.discountPercent() == 0 ? "—"
                        : t(tier.discountPercent() + "% off", Money.zhe(tier.discountPercent())))
                .setHeader(t("Discount", "折扣"));
        grid.addColumn(tier -> tier.freeShipping() ? t("yes", "是") : "—").setHeader(t("Free shipping", "包邮"));
        grid.addColumn(tier -> tier.warrantyMonths() == 0 ? "—" : "+" + tier.warrantyMonths())
                .setHeader(t("Warranty (months)", "延保（月）"));
        grid.addColumn(Tier::birthdayGift).setHeader(t("Birthday gift", "生日礼"));
        grid.addColumn(tier -> tier.birthdayTemplateId() == null ? "—" : templateName(tier.birthdayTemplateId()))
                .setHeader(t("Birthday coupon", "生日券"));
        grid.addColumn(Tier::pointsPer100).setHeader(t("Points per ¥100", "每¥100积分"));
        grid.setAllRowsVisible(true);
        grid.setId("membership-tiers-grid");
        grid.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));
        add(grid);

        code.setReadOnly(true);
        minSpend.setValueChangeMode(ValueChangeMode.ON_BLUR);
        field(code, "code", t("Code", "代码"));
        field(rank, "rank", t("Rank (0 = entry)", "级别（0 为入门）"));
        field(nameZh, "nameZh", t("Name (Chinese, also the tag 会员:…)", "中文名（也是标签 会员:…）"));
        field(nameEn, "nameEn", t("Name (English)", "英文名"));
        field(minSpend, "minSpendFen", t("12-month spend from (¥)", "近12个月消费达（元）"));
        field(minGrowth, "minGrowth", t("Growth from", "成长值达"));
        field(discount, "discountPercent", t("Discount (% off)", "折扣（减百分比）"));
        freeShipping.setId("membership-tier-freeShipping");
        form.addFormItem(freeShipping, t("Free shipping", "包邮"));
        field(warranty, "warrantyMonths", t("Extra warranty (months)", "延保（月）"));
        field(gift, "birthdayGift", t("Birthday gift", "生日礼"));
        birthdayCoupon.setItemLabelGenerator(c -> c.name() + " · " + TemplateRules.describe(c));
        birthdayCoupon.setClearButtonVisible(true);
        birthdayCoupon.setPlaceholder(t("none: no coupon is sent", "无：不发券"));
        birthdayCoupon.setHelperText(t("Sent on the member's birthday by the daily job, once a year",
                "每日任务在会员生日当天发放，每年一次"));
        field(birthdayCoupon, "birthdayTemplateId", t("Birthday coupon", "生日券"));
        field(rate, "pointsPer100", t("Points per ¥100", "每¥100积分"));
        Button save = new Button(t("Save tier", "保存等级"), e -> save());
        save.setEnabled(context.user().isPermitted(MembershipPermissions.TIERS));
        save.setId("membership-tier-save");
        status.setId("membership-tiers-status");
        setId("membership-tiers");
        form.setId("membership-tier-form");
        form.setVisible(false);
        add(form, save, status);
        refresh();
    }

    private void field(com.vaadin.flow.component.Component field, String name, String label) {
        field.setId("membership-tier-" + name);
        form.addFormItem(field, label);
        fields.put(name, (com.vaadin.flow.component.HasValidation) field);
        labels.put(name, label);
    }

    void refresh() {
        grid.setItems(tiers.list());
    }

    Grid<Tier> grid() {
        return grid;
    }

    String statusText() {
        return status.getText();
    }

    void edit(Tier tier) {
        fields.values().forEach(f -> f.setInvalid(false));
        form.setVisible(tier != null);
        editing = tier;
        if (tier == null) {
            return;
        }
        code.setValue(tier.code());
        rank.setValue(tier.rank());
        nameZh.setValue(tier.nameZh());
        nameEn.setValue(tier.nameEn());
        minSpend.setValue(BigDecimal.valueOf(tier.minSpendFen(), 2));
        minGrowth.setValue((int) Math.min(Integer.MAX_VALUE, tier.minGrowth()));
        discount.setValue(tier.discountPercent());
        freeShipping.setValue(tier.freeShipping());
        warranty.setValue(tier.warrantyMonths());
        gift.setValue(tier.birthdayGift());
        List<CouponTemplate> active = coupons.templates(false);
        birthdayCoupon.setItems(active);
        birthdayCoupon.setValue(tier.birthdayTemplateId() == null ? null : active.stream()
                .filter(c -> c.id() == tier.birthdayTemplateId()).findFirst().orElse(null));
        rate.setValue(tier.pointsPer100());
    }

    /** Fills the form for tests: which field gets what. */
    Map<String, com.vaadin.flow.component.HasValidation> fields() {
        return fields;
    }

    void save() {
        // The button is disabled without the permission; checked again here, where it cannot be bypassed.
        if (!context.user().isPermitted(MembershipPermissions.TIERS)) {
            status.setText(t("You may not change tiers.", "你没有修改会员等级的权限。"));
            return;
        }
        fields.values().forEach(f -> f.setInvalid(false));
        try {
            if (minSpend.getValue() == null || minSpend.getValue().stripTrailingZeros().scale() > 2) {
                throw MembershipException.invalid("minSpendFen", t("Give the spend in yuan with at most 2 decimals.",
                        "消费额请以元填写，最多两位小数。"));
            }
            long spendFen = minSpend.getValue().setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact();
            TierValues values = new TierValues(code.getValue(), number(rank, "rank"), nameZh.getValue(),
                    nameEn.getValue(), spendFen, number(minGrowth, "minGrowth"), number(discount, "discountPercent"),
                    freeShipping.getValue(), number(warranty, "warrantyMonths"), gift.getValue(),
                    number(rate, "pointsPer100"))
                    .withBirthdayTemplate(birthdayCoupon.getValue() == null ? null : birthdayCoupon.getValue().id());
            Tier saved = tiers.save(values, context.user().username());
            status.setText(t("Saved ", "已保存 ") + saved.nameZh());
            refresh();
        } catch (MembershipException e) {
            com.vaadin.flow.component.HasValidation field = e.field() == null ? null : fields.get(e.field());
            // the rules name fields by their API names: the form's label says which field that is
            String text = field == null ? e.getMessage() : labels.get(e.field()) + ": " + e.getMessage();
            if (field != null) {
                field.setErrorMessage(text);
                field.setInvalid(true);
            }
            status.setText(text);
        }
    }

    private String templateName(long id) {
        try {
            return coupons.template(id).name();
        } catch (MembershipException e) {
            return "#" + id;
        }
    }

    private static int number(IntegerField field, String name) {
        if (field.getValue() == null) {
            throw MembershipException.invalid(name, name + " must be a whole number");
        }
        return field.getValue();
    }

    private String t(String en, String zh) {
        return Ui.t(locale, en, zh);
    }
}
