package org.siyu.api.i18n;

import java.util.Locale;
import java.util.Objects;

/**
 * A label in English and Chinese. The shell picks the one that matches the user's language; a text
 * without a Chinese form falls back to English.
 *
 * @param en the English text, never blank
 * @param zh the simplified Chinese text, or {@code null} to fall back to {@code en}
 */
public record Text(String en, String zh) {

    public Text {
        Objects.requireNonNull(en, "en");
        if (en.isBlank()) {
            throw new IllegalArgumentException("a Text needs an English form");
        }
    }

    /** A text with both forms. */
    public static Text of(String en, String zh) {
        return new Text(en, zh);
    }

    /** A text that reads the same in every language, such as a product name. */
    public static Text of(String any) {
        return new Text(any, null);
    }

    /** The form for {@code locale}: Chinese for any {@code zh} locale, English otherwise. */
    public String get(Locale locale) {
        if (zh != null && locale != null && "zh".equals(locale.getLanguage())) {
            return zh;
        }
        return en;
    }
}
