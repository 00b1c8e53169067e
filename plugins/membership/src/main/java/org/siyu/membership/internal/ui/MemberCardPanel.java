package org.siyu.membership.internal.ui;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.siyu.membership.internal.MemberCards;
import org.siyu.membership.internal.Money;
import org.siyu.membership.internal.model.Coupon;

/** The member card: tier, points with the next expiry, growth and spend, benefits, usable coupons. */
final class MemberCardPanel extends VerticalLayout {

    /** Coupons listed on the card; the REST answer has all of them. */
    static final int COUPONS_SHOWN = 5;

    /** @param nextTierEn the English name of the next tier, or null (the Chinese one is shown) */
    MemberCardPanel(MemberCards.Card card, String nextTierEn, Locale locale, ZoneId zone) {
        setPadding(false);
        setSpacing(false);
        FormLayout form = new FormLayout();
        form.setId("member-card");
        form.addFormItem(value("member-card-tier", Ui.tierName(locale, card.tierName(), card.tierNameEn())
                        + (card.tierSince() == null ? "" : " · " + Ui.t(locale, "since ", "自 ") + Ui.day(card.tierSince(), zone))),
                Ui.t(locale, "Tier", "等级"));
        if (card.reviewAt() != null) {
            form.addFormItem(value("member-card-review", Ui.day(card.reviewAt(), zone)), Ui.t(locale, "Review", "复核日期"));
        }
        form.addFormItem(value("member-card-points", points(card, locale, zone)), Ui.t(locale, "Points", "积分"));
        form.addFormItem(value("member-card-spend", Money.yuan(card.spend12mFen()) + " · "
                + Ui.t(locale, "growth ", "成长值 ") + card.growth()), Ui.t(locale, "12-month spend", "近12个月消费"));
        if (card.nextTierName() != null) {
            form.addFormItem(value("member-card-next", Ui.tierName(locale, card.nextTierName(),
                    nextTierEn == null ? card.nextTierName() : nextTierEn)), Ui.t(locale, "Next tier", "下一等级"));
        }
        form.addFormItem(value("member-card-benefits", benefits(card.benefits(), locale)), Ui.t(locale, "Benefits", "权益"));
        if (card.birthday() != null) {
            form.addFormItem(value("member-card-birthday", card.birthday()), Ui.t(locale, "Birthday", "生日"));
        }
        form.addFormItem(value("member-card-coupons", coupons(card, locale, zone)), Ui.t(locale, "Coupons", "优惠券"));
        add(form);
    }

    private static Span value(String id, String text) {
        Span span = new Span(text);
        span.setId(id);
        return span;
    }

    static String points(MemberCards.Card card, Locale locale, ZoneId zone) {
        String text = String.format(Locale.ROOT, "%,d", card.points());
        if (card.nextExpiry() != null && card.expiringPoints() > 0) {
            text += Ui.t(locale, " (" + String.format(Locale.ROOT, "%,d", card.expiringPoints()) + " expire after "
                    + Ui.lastDay(card.nextExpiry(), zone) + ")", "（" + String.format(Locale.ROOT, "%,d",
                    card.expiringPoints()) + " 分于 " + Ui.lastDay(card.nextExpiry(), zone) + " 后过期）");
        }
        return text;
    }

    static String benefits(MemberCards.Benefits b, Locale locale) {
        List<String> parts = new ArrayList<>();
        if (b.discountPercent() > 0) {
            parts.add(Ui.t(locale, b.discountPercent() + "% off", Money.zhe(b.discountPercent())));
        }
        if (b.freeShipping()) {
            parts.add(Ui.t(locale, "free shipping", "包邮"));
        }
        if (b.warrantyMonths() > 0) {
            parts.add(Ui.t(locale, "+" + b.warrantyMonths() + " months warranty", "延保 " + b.warrantyMonths() + " 个月"));
        }
        if (b.birthdayGift() != null && !b.birthdayGift().isBlank()) {
            parts.add(Ui.t(locale, "birthday: ", "生日礼：") + b.birthdayGift());
        }
        parts.add(Ui.t(locale, b.pointsPer100() + " points per ¥100", "每 ¥100 得 " + b.pointsPer100() + " 分"));
        return String.join(" · ", parts);
    }

    static String coupons(MemberCards.Card card, Locale locale, ZoneId zone) {
        List<MemberCards.CouponLine> usable = card.coupons().stream()
                .filter(c -> c.status() == Coupon.Status.ISSUED).toList();
        if (usable.isEmpty()) {
            return Ui.t(locale, "none usable", "无可用优惠券");
        }
        List<String> lines = new ArrayList<>();
        for (MemberCards.CouponLine c : usable.subList(0, Math.min(COUPONS_SHOWN, usable.size()))) {
            lines.add(c.name() + " " + c.code() + Ui.t(locale, " until ", " 至 ") + Ui.lastDay(c.validUntil(), zone));
        }
        if (usable.size() > COUPONS_SHOWN) {
            lines.add(Ui.t(locale, "and " + (usable.size() - COUPONS_SHOWN) + " more", "另有 " + (usable.size() - COUPONS_SHOWN) + " 张"));
        }
        return String.join("; ", lines);
    }
}
