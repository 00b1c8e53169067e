package org.siyu.membership.internal.ui;

import com.vaadin.flow.component.Component;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.Perspective;
import org.siyu.api.ui.ViewContext;
import org.siyu.api.ui.ViewContribution;
import org.siyu.membership.internal.MembershipPermissions;
import org.siyu.membership.internal.analytics.MembershipAnalytics;

/** The navigator node Membership › Repurchase analytics (会员 › 复购分析), in the Analytics perspective. */
@org.osgi.service.component.annotations.Component
public class AnalyticsView implements ViewContribution {

    private final MembershipAnalytics analytics;

    @Activate
    public AnalyticsView(@Reference MembershipAnalytics analytics) {
        this.analytics = analytics;
    }

    @Override
    public String id() {
        return "membership.analytics";
    }

    @Override
    public Text title() {
        return Text.of("Repurchase analytics", "复购分析");
    }

    @Override
    public Text group() {
        return Ui.GROUP;
    }

    @Override
    public String icon() {
        return "CHART";
    }

    @Override
    public Perspective perspective() {
        return Perspective.ANALYTICS;
    }

    @Override
    public String permission() {
        return MembershipPermissions.VIEW;
    }

    @Override
    public Component createView(ViewContext context) {
        return new AnalyticsPanel(analytics, context.locale());
    }
}
