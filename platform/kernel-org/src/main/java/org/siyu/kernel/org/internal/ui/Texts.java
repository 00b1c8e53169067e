package org.siyu.kernel.org.internal.ui;

import java.util.Locale;
import org.siyu.api.i18n.Text;
import org.siyu.api.org.OrgUnit;

/** The view's words in English and Chinese. */
final class Texts {

    private Texts() {
    }

    static String kind(OrgUnit.Kind kind, Locale locale) {
        return switch (kind) {
            case HQ -> Text.of("Headquarters", "总部").get(locale);
            case REGION -> Text.of("Region", "大区").get(locale);
            case STORE -> Text.of("Store", "门店").get(locale);
        };
    }

    static String t(Locale locale, String en, String zh) {
        return Text.of(en, zh).get(locale);
    }
}
