package org.siyu.membership.internal.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.siyu.api.i18n.Text;

/** What the membership views share: the navigator group, texts, times. */
final class Ui {

    /** The navigator group of membership's views. */
    static final Text GROUP = Text.of("Membership", "会员");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Ui() {
    }

    static String t(Locale locale, String en, String zh) {
        return Text.of(en, zh).get(locale);
    }

    static String day(Instant at, ZoneId zone) {
        return at == null ? "—" : DAY.format(at.atZone(zone));
    }

    static String minute(Instant at, ZoneId zone) {
        return at == null ? "—" : MINUTE.format(at.atZone(zone));
    }

    /** The last day a coupon or lot can be used, for an exclusive end. */
    static String lastDay(Instant end, ZoneId zone) {
        return end == null ? "—" : DAY.format(end.minusNanos(1).atZone(zone));
    }

    static String tierName(Locale locale, String zh, String en) {
        return Text.of(en, zh).get(locale);
    }
}
