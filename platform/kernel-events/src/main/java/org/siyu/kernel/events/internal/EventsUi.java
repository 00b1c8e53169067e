package org.siyu.kernel.events.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.siyu.api.i18n.Text;

/** What the two views share. */
final class EventsUi {

    static final Text GROUP = Text.of("Event bus", "事件总线");

    private EventsUi() {
    }

    /** A time in the user's language, in the server's time zone (the SDK gives no user time zone). */
    static String time(Instant instant, Locale locale) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(locale).withZone(ZoneId.systemDefault()).format(instant);
    }

    static String shorten(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
