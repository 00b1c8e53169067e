package org.siyu.membership.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.security.Role;
import org.siyu.api.security.User;
import org.siyu.api.ui.Selection;
import org.siyu.api.ui.ViewContext;
import org.siyu.api.ui.chart.ChartSpec;
import org.siyu.membership.internal.Fixture;
import org.siyu.membership.internal.MembershipPermissions;
import org.siyu.membership.internal.analytics.Analytics;
import org.siyu.membership.internal.model.CouponTemplate;
import org.siyu.membership.internal.model.Tier;
import org.siyu.membership.internal.model.TierValues;

/** The views on the server side: what they show and what a save does, in both languages. */
class UiTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static Fixture f;

    @BeforeAll
    static void open() {
        f = new Fixture();
    }

    @AfterAll
    static void close() {
        f.close();
    }

    @BeforeEach
    void empty() throws Exception {
        f.reset();
    }

    @Test
    void shouldShowTheMemberCardOfACustomerSelection() {
        f.identity.add(7, "tmall");
        f.orders.apply(Fixture.paid("e1", 7, "o1", 600_000, Fixture.T0));
        f.coupons.issue(f.amountOff(5).id(), 7, null, "op");
        MemberCardSection section = new MemberCardSection(f.cards, f.settings, f.tiers);
        Selection customer = new Selection("customer", "7", "王小明", null);
        assertTrue(section.appliesTo(customer));
        assertFalse(section.appliesTo(new Selection("notes.note", "7", null, null)));

        MemberCardPanel panel = (MemberCardPanel) section.create(customer, context(Locale.SIMPLIFIED_CHINESE, p -> true));
        assertEquals("member-card", panel.getComponentAt(0).getId().orElseThrow());
        var card = f.cards.card(7);
        assertEquals("6,000（6,000 分于 2027-03-31 后过期）", MemberCardPanel.points(card, Locale.SIMPLIFIED_CHINESE, SHANGHAI));
        assertEquals("95折 · 包邮 · 延保 6 个月 · 生日礼：生日券 ¥50 · 每 ¥100 得 150 分",
                MemberCardPanel.benefits(card.benefits(), Locale.SIMPLIFIED_CHINESE));
        assertEquals("5% off · free shipping · +6 months warranty · birthday: 生日券 ¥50 · 150 points per ¥100",
                MemberCardPanel.benefits(card.benefits(), Locale.ENGLISH));
        assertTrue(MemberCardPanel.coupons(card, Locale.ENGLISH, SHANGHAI).startsWith("满199减30 MB"));
        // a customer OneID does not know: the section says so instead of failing
        assertFalse(section.create(new Selection("customer", "404", null, null), context(Locale.ENGLISH, p -> true))
                instanceof MemberCardPanel);
    }

    @Test
    void shouldMarkTheTierFieldAtFaultAndKeepTheTier() {
        TiersPanel panel = new TiersPanel(f.tiers, f.coupons, f.settings.get(), context(Locale.ENGLISH, p -> true));
        Tier silver = f.tiers.find("silver").orElseThrow();
        panel.edit(silver);
        ((com.vaadin.flow.component.textfield.BigDecimalField) panel.fields().get("minSpendFen"))
                .setValue(new BigDecimal("9000.00")); // above gold's ¥5,000
        panel.save();
        assertTrue(panel.fields().get("minSpendFen").isInvalid());
        assertTrue(panel.statusText().contains("gold ranks above silver"), panel.statusText());
        assertEquals(100_000, f.tiers.find("silver").orElseThrow().minSpendFen());

        TierValues before = silver.values();
        try {
            ((com.vaadin.flow.component.textfield.BigDecimalField) panel.fields().get("minSpendFen"))
                    .setValue(new BigDecimal("1200.50"));
            panel.save();
            assertEquals(120_050, f.tiers.find("silver").orElseThrow().minSpendFen());
        } finally {
            f.tiers.save(before, "test");
        }

        // the birthday coupon: chosen from the active templates, kept by a later save, cleared to send none
        CouponTemplate gift = f.amountOff(100);
        panel.edit(f.tiers.find("silver").orElseThrow());
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.combobox.ComboBox<CouponTemplate> coupon =
                (com.vaadin.flow.component.combobox.ComboBox<CouponTemplate>) panel.fields().get("birthdayTemplateId");
        coupon.setValue(coupon.getListDataView().getItems().filter(c -> c.id() == gift.id()).findFirst().orElseThrow());
        panel.save();
        assertEquals(gift.id(), f.tiers.find("silver").orElseThrow().birthdayTemplateId());
        panel.edit(f.tiers.find("silver").orElseThrow());
        assertEquals(gift.id(), coupon.getValue().id(), "the form shows the tier's coupon");
        panel.save();
        assertEquals(gift.id(), f.tiers.find("silver").orElseThrow().birthdayTemplateId(), "kept by a save");
        coupon.clear();
        panel.save();
        assertEquals(null, f.tiers.find("silver").orElseThrow().birthdayTemplateId());

        TiersPanel viewer = new TiersPanel(f.tiers, f.coupons, f.settings.get(), context(Locale.SIMPLIFIED_CHINESE,
                p -> !MembershipPermissions.TIERS.equals(p)));
        viewer.edit(silver);
        viewer.save();
        assertEquals("你没有修改会员等级的权限。", viewer.statusText());
    }

    @Test
    void shouldCreateATemplateAndRefuseABadOneNamingTheField() {
        CouponsPanel panel = new CouponsPanel(f.coupons, f.runs, f.cards, false, SHANGHAI, context(Locale.ENGLISH, p -> true));
        panel.nameField().setValue("新客立减");
        panel.create();
        assertTrue(panel.fields().get("amountFen").isInvalid(), "no amount given");
        assertEquals("Amount off (¥): an amount-off coupon needs an amount above ¥0", panel.statusText());
        assertEquals(0, f.coupons.templates(true).size());
        panel.amountField().setValue(new BigDecimal("-5"));
        panel.create();
        assertEquals("Amount off (¥): an amount-off coupon needs an amount above ¥0", panel.statusText(),
                "−5 yuan is refused in yuan, not as −500 fen");

        panel.amountField().setValue(new BigDecimal("10.50"));
        panel.create();
        assertEquals("Created 新客立减", panel.statusText());
        assertEquals(1_050, f.coupons.templates(false).getFirst().amountFen());

        assertEquals(f.coupons.templates(false).getFirst().id(), panel.templateGrid().asSingleSelect().getValue().id(),
                "the new template is selected");
        panel.segmentField().setValue("tag:nope");
        panel.issue();
        assertTrue(panel.fields().get("segment").isInvalid());

        // To one customer: one OneID does not know is refused under the field; a known one gets a coupon.
        f.identity.add(7, "tmall");
        panel.customerField().setValue(404);
        panel.issueToCustomer();
        assertTrue(panel.fields().get("customerId").isInvalid());
        assertTrue(panel.statusText().startsWith("Customer ID: no customer with id 404"), panel.statusText());
        assertEquals(0, f.coupons.couponsOf(404).size());
        panel.customerField().setValue(7);
        panel.issueToCustomer();
        assertFalse(panel.fields().get("customerId").isInvalid());
        String code = f.coupons.couponsOf(7).getFirst().coupon().code();
        assertEquals("Issued 新客立减 " + code + " to customer 7", panel.statusText());
    }

    @Test
    void shouldBuildTheChartsFromTheReport() {
        Analytics.Cohorts cohorts = new Analytics.Cohorts(List.of("M+0", "M+1"), List.of("2026-01", "2026-02"),
                List.of(2, 3), List.of(2, 1), List.of(Arrays.asList(0.5, 0.5), Arrays.asList(0.0, null)));
        ChartSpec heatmap = AnalyticsCharts.cohortHeatmap(cohorts);
        assertEquals(ChartSpec.Kind.HEATMAP, heatmap.kind());
        assertEquals(List.of("2026-01 (2)", "2026-02 (3)"), heatmap.yCategories());
        assertEquals(ChartSpec.ValueFormat.PERCENT, heatmap.format());
        ChartSpec rate = AnalyticsCharts.repurchaseRate(cohorts);
        assertEquals(List.of(1.0, 1.0 / 3), new ArrayList<>(rate.series().getFirst().values()));
        Analytics.Liability liability = Analytics.liability(List.of(), SHANGHAI, 100);
        assertTrue(AnalyticsCharts.liability(liability).isEmpty());
    }

    static ViewContext context(Locale locale, Predicate<String> permitted) {
        User user = new User() {
            @Override
            public String username() {
                return "operator1";
            }

            @Override
            public Role role() {
                return Role.OPERATOR;
            }

            @Override
            public boolean isPermitted(String permission) {
                return permission == null || permitted.test(permission);
            }
        };
        return new ViewContext() {
            @Override
            public User user() {
                return user;
            }

            @Override
            public Locale locale() {
                return locale;
            }

            @Override
            public void openEditor(String type, String recordId) {
            }

            @Override
            public void openView(String viewId) {
            }

            @Override
            public void select(Selection selection) {
            }

            @Override
            public void notify(String message) {
            }

            @Override
            public void log(String line) {
            }
        };
    }
}
