package org.siyu.membership.internal.ui;

import com.vaadin.flow.component.Component;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.ViewContext;
import org.siyu.api.ui.ViewContribution;
import org.siyu.membership.internal.MembershipPermissions;
import org.siyu.membership.internal.SettingsSource;
import org.siyu.membership.internal.coupons.Coupons;
import org.siyu.membership.internal.tiers.Tiers;

/** The navigator node Membership › Tiers (会员 › 会员等级). */
@org.osgi.service.component.annotations.Component
public class TiersView implements ViewContribution {

    private final Tiers tiers;
    private final Coupons coupons;
    private final SettingsSource settings;

    @Activate
    public TiersView(@Reference Tiers tiers, @Reference Coupons coupons, @Reference SettingsSource settings) {
        this.tiers = tiers;
        this.coupons = coupons;
        this.settings = settings;
    }

    @Override
    public String id() {
        return "membership.tiers";
    }

    @Override
    public Text title() {
        return Text.of("Tiers", "会员等级");
    }

    @Override
    public Text group() {
        return Ui.GROUP;
    }

    @Override
    public String icon() {
        return "STAR";
    }

    @Override
    public String permission() {
        return MembershipPermissions.VIEW;
    }

    @Override
    public Component createView(ViewContext context) {
        return new TiersPanel(tiers, coupons, settings.get(), context);
    }
}
