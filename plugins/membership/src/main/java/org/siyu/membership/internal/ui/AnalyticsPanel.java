package org.siyu.membership.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Locale;
import org.siyu.api.ui.chart.Chart;
import org.siyu.membership.internal.Money;
import org.siyu.membership.internal.analytics.MembershipAnalytics;

/** Membership › Analytics: repurchase by cohort, time to the second order, LTV by channel, points liability. */
final class AnalyticsPanel extends VerticalLayout {

    private final MembershipAnalytics analytics;
    private final Locale locale;
    private final Span summary = new Span();
    private final Chart heatmap;
    private final Chart rate;
    private final Chart second;
    private final Chart ltv;
    private final Chart liability;

    AnalyticsPanel(MembershipAnalytics analytics, Locale locale) {
        this.analytics = analytics;
        this.locale = locale;
        MembershipAnalytics.Report report = analytics.report();
        heatmap = new Chart(AnalyticsCharts.cohortHeatmap(report.cohorts()));
        heatmap.setHeight("26rem");
        rate = new Chart(AnalyticsCharts.repurchaseRate(report.cohorts()));
        second = new Chart(AnalyticsCharts.secondOrder(report));
        ltv = new Chart(AnalyticsCharts.ltv(report));
        liability = new Chart(AnalyticsCharts.liability(report.liability()));
        // Stable ids: the distribution's browser test reads what each <siyu-chart> drew.
        setId("membership-analytics");
        summary.setId("membership-analytics-summary");
        heatmap.setId("membership-analytics-heatmap");
        rate.setId("membership-analytics-rate");
        second.setId("membership-analytics-second");
        ltv.setId("membership-analytics-ltv");
        liability.setId("membership-analytics-liability");
        Button refresh = new Button(Ui.t(locale, "Refresh", "刷新"), e -> show(analytics.report()));
        refresh.setId("membership-analytics-refresh");
        add(summary, refresh, heatmap, rate, second, ltv, liability);
        show(report);
    }

    void show(MembershipAnalytics.Report report) {
        summary.setText(Ui.t(locale,
                "From " + report.orders() + " paid orders seen on the event bus. Outstanding points: "
                        + String.format(Locale.ROOT, "%,d", report.liability().outstanding()) + " (worth "
                        + Money.yuan(report.liability().valueFen()) + ").",
                "基于事件总线上的 " + report.orders() + " 笔已支付订单。未使用积分："
                        + String.format(Locale.ROOT, "%,d", report.liability().outstanding()) + "（价值 "
                        + Money.yuan(report.liability().valueFen()) + "）。"));
        heatmap.setSpec(AnalyticsCharts.cohortHeatmap(report.cohorts()));
        rate.setSpec(AnalyticsCharts.repurchaseRate(report.cohorts()));
        second.setSpec(AnalyticsCharts.secondOrder(report));
        ltv.setSpec(AnalyticsCharts.ltv(report));
        liability.setSpec(AnalyticsCharts.liability(report.liability()));
    }

    String summaryText() {
        return summary.getText();
    }
}
