package org.siyu.shell.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.siyu.api.i18n.Text;

/**
 * The shell's own labels in English and simplified Chinese, from {@code org/siyu/shell/messages*.properties}
 * (UTF-8). Instances are cheap; create one per locale with {@link #of(Locale)}.
 */
public final class Messages {

    public static final String BUNDLE = "org.siyu.shell.messages";
    public static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    public static final Locale EN = Locale.ENGLISH;

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Locale locale;
    private final ResourceBundle bundle;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(), NO_FALLBACK);
    }

    /** The labels for {@code locale}: Chinese for any {@code zh} locale, English otherwise. */
    public static Messages of(Locale locale) {
        return new Messages(supported(locale));
    }

    /** The supported locale closest to {@code locale}. */
    public static Locale supported(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? ZH : EN;
    }

    /** The shell's label as a {@link Text} with both forms, for the shell's own contributions. */
    public static Text text(String key) {
        return Text.of(of(EN).t(key), of(ZH).t(key));
    }

    public Locale locale() {
        return locale;
    }

    /** The label for {@code key}, formatted with {@code args} ({@link MessageFormat}) when there are any. */
    public String t(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
