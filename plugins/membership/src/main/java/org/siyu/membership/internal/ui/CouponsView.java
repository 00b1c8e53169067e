package org.siyu.membership.internal.ui;

import com.vaadin.flow.component.Component;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.siyu.api.commerce.CommerceService;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.ViewContext;
import org.siyu.api.ui.ViewContribution;
import org.siyu.membership.internal.MemberCards;
import org.siyu.membership.internal.MembershipPermissions;
import org.siyu.membership.internal.SettingsSource;
import org.siyu.membership.internal.coupons.Coupons;
import org.siyu.membership.internal.coupons.IssueRuns;

/**
 * The navigator node Membership › Coupons (会员 › 优惠券). Commerce is optional: the view says whether coupons redeem
 * on its orders or only through REST.
 */
@org.osgi.service.component.annotations.Component
public class CouponsView implements ViewContribution {

    private final Coupons coupons;
    private final IssueRuns runs;
    private final SettingsSource settings;
    private final MemberCards cards;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CommerceService commerce;

    @Activate
    public CouponsView(@Reference Coupons coupons, @Reference IssueRuns runs, @Reference SettingsSource settings,
            @Reference MemberCards cards) {
        this.coupons = coupons;
        this.runs = runs;
        this.settings = settings;
        this.cards = cards;
    }

    @Override
    public String id() {
        return "membership.coupons";
    }

    @Override
    public Text title() {
        return Text.of("Coupons", "优惠券");
    }

    @Override
    public Text group() {
        return Ui.GROUP;
    }

    @Override
    public String icon() {
        return "TICKET";
    }

    @Override
    public String permission() {
        return MembershipPermissions.VIEW;
    }

    @Override
    public Component createView(ViewContext context) {
        return new CouponsPanel(coupons, runs, cards, commerce != null, settings.get().zone(), context);
    }
}
