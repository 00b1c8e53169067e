package org.siyu.kernel.identity.internal.channel;

import java.util.regex.Pattern;
import org.siyu.api.i18n.Text;
import org.siyu.api.identity.ChannelType;

/**
 * Phone numbers, normalized to E.164 ({@code +8613800000000}). A verified phone is a merge key. Accepted: a number
 * with {@code +} and country code; {@code 86} followed by an 11-digit mainland mobile number; an 11-digit mainland
 * mobile number (starting with 1), which gets {@code +86}. Spaces, dashes, dots and brackets are removed first.
 */
public final class PhoneChannel implements ChannelType {

    public static final String ID = "phone";

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()]");
    private static final Pattern CN_MOBILE = Pattern.compile("1\\d{10}");
    /** E.164: a country code that does not start with 0, at most 15 digits in all. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Text name() {
        return Text.of("Phone", "手机号");
    }

    @Override
    public boolean mergeKey() {
        return true;
    }

    @Override
    public String normalize(String value) {
        String v = SEPARATORS.matcher(value == null ? "" : value).replaceAll("");
        if (v.isEmpty()) {
            throw new IllegalArgumentException("the phone number is empty");
        }
        if (CN_MOBILE.matcher(v).matches()) {
            return "+86" + v;
        }
        if (v.startsWith("86") && CN_MOBILE.matcher(v.substring(2)).matches()) {
            return "+" + v;
        }
        if (v.startsWith("+86")) {
            if (CN_MOBILE.matcher(v.substring(3)).matches()) {
                return v;
            }
            throw new IllegalArgumentException("'" + value + "' is not a mainland mobile number: after +86 come 11 "
                    + "digits starting with 1");
        }
        if (E164.matcher(v).matches()) {
            return v;
        }
        throw new IllegalArgumentException("'" + value + "' is not a phone number: give +<country code><number> "
                + "(E.164, e.g. +8613800000000), 86 and an 11-digit mobile number, or an 11-digit mainland mobile "
                + "number starting with 1");
    }

    @Override
    public String toString() {
        return "channel phone";
    }
}
