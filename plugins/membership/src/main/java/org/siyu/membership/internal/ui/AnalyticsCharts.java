package org.siyu.membership.internal.ui;

import java.util.ArrayList;
import java.util.List;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.chart.ChartSpec;
import org.siyu.api.ui.chart.ChartSpec.Kind;
import org.siyu.api.ui.chart.ChartSpec.ValueFormat;
import org.siyu.membership.internal.analytics.Analytics;
import org.siyu.membership.internal.analytics.MembershipAnalytics;

/** The analytics report as chart specs. Plain functions, tested directly. */
final class AnalyticsCharts {

    private AnalyticsCharts() {
    }

    /** Cohort × months since the first order: the share of the cohort that bought again that month. */
    static ChartSpec cohortHeatmap(Analytics.Cohorts c) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < c.cohorts().size(); i++) {
            rows.add(c.cohorts().get(i) + " (" + c.sizes().get(i) + ")");
        }
        return ChartSpec.builder(Kind.HEATMAP)
                .title(Text.of("Repurchase by cohort month", "按首购月份的复购率"))
                .xAxisName(Text.of("Months after the first order", "首购后月数"))
                .yAxisName(Text.of("Cohort (customers)", "首购月份（客户数）"))
                .format(ValueFormat.PERCENT)
                .categories(c.months())
                .yCategories(rows)
                .matrix(c.matrix())
                .build();
    }

    /** The share of each cohort that ever bought again. */
    static ChartSpec repurchaseRate(Analytics.Cohorts c) {
        return ChartSpec.builder(Kind.BAR)
                .title(Text.of("Bought again, by cohort", "各月新客的复购率"))
                .format(ValueFormat.PERCENT)
                .categories(c.cohorts())
                .series(Text.of("Repurchase rate", "复购率"), c.rates())
                .build();
    }

    static ChartSpec secondOrder(MembershipAnalytics.Report r) {
        return ChartSpec.builder(Kind.BAR)
                .title(Text.of("Time to the second order", "二次购买间隔"))
                .xAxisName(Text.of("Days", "天"))
                .yAxisName(Text.of("Customers", "客户数"))
                .categories(new ArrayList<>(r.secondOrder().keySet()))
                .series(Text.of("Customers", "客户数"), new ArrayList<>(r.secondOrder().values()))
                .build();
    }

    static ChartSpec ltv(MembershipAnalytics.Report r) {
        return ChartSpec.builder(Kind.BAR)
                .title(r.channelsFromOrders()
                        ? Text.of("LTV by channel of the first order (OneID not running)", "按首单渠道的客户终身价值（OneID 未运行）")
                        : Text.of("LTV by acquisition channel", "按获客渠道的客户终身价值"))
                .format(ValueFormat.FEN)
                .categories(r.ltv().stream().map(Analytics.Ltv::channel).toList())
                .series(Text.of("Average net paid per customer", "客均净消费"),
                        r.ltv().stream().map(Analytics.Ltv::averageFen).toList())
                .build();
    }

    static ChartSpec liability(Analytics.Liability l) {
        return ChartSpec.builder(Kind.BAR)
                .title(Text.of("Outstanding points by last month of use", "未使用积分（按到期月份）"))
                .categories(new ArrayList<>(l.byMonth().keySet()))
                .series(Text.of("Points", "积分"), new ArrayList<>(l.byMonth().values()))
                .build();
    }
}
