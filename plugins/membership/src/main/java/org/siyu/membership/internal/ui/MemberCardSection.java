package org.siyu.membership.internal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.InspectorSection;
import org.siyu.api.ui.Selection;
import org.siyu.api.ui.ViewContext;
import org.siyu.membership.internal.MemberCards;
import org.siyu.membership.internal.MembershipException;
import org.siyu.membership.internal.MembershipPermissions;
import org.siyu.membership.internal.SettingsSource;
import org.siyu.membership.internal.model.Tier;
import org.siyu.membership.internal.tiers.Tiers;

/** The member card in the inspector of a customer (the kernel's record type {@code customer}). */
@org.osgi.service.component.annotations.Component
public class MemberCardSection implements InspectorSection {

    /** The kernel's record type of customers. */
    static final String CUSTOMER = "customer";

    private final MemberCards cards;
    private final SettingsSource settings;
    private final Tiers tiers;

    @Activate
    public MemberCardSection(@Reference MemberCards cards, @Reference SettingsSource settings, @Reference Tiers tiers) {
        this.cards = cards;
        this.settings = settings;
        this.tiers = tiers;
    }

    @Override
    public Text title() {
        return Text.of("Member card", "会员卡");
    }

    /** Called for every selection: a type comparison, no database. */
    @Override
    public boolean appliesTo(Selection selection) {
        return CUSTOMER.equals(selection.type());
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public Component create(Selection selection, ViewContext context) {
        if (!context.user().isPermitted(MembershipPermissions.VIEW)) {
            return new Span(Ui.t(context.locale(), "You may not see membership.", "你没有查看会员信息的权限。"));
        }
        try {
            int customerId = Integer.parseInt(selection.id().strip());
            MemberCards.Card card = cards.card(customerId);
            // The card names the next tier in Chinese only; the ladder has its English name.
            String nextEn = card.nextTier() == null ? null : tiers.find(card.nextTier()).map(Tier::nameEn).orElse(null);
            return new MemberCardPanel(card, nextEn, context.locale(), settings.get().zone());
        } catch (NumberFormatException | MembershipException e) {
            return new Span(Ui.t(context.locale(), "No member card: ", "无会员卡：") + e.getMessage());
        }
    }
}
