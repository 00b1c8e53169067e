package org.siyu.kernel.identity.internal.channel;

import java.util.regex.Pattern;

/** Masks identities for logs, the admin and merge evidence (STYLE: mask phone numbers and channel ids). */
public final class Mask {

    /** E.164 with a country code of 1–3 digits: keeps the code, the first three and the last four digits. */
    private static final Pattern PHONE = Pattern.compile("(\\+86|\\+\\d{1,3}?)(\\d{3})(\\d+)(\\d{4})");

    private Mask() {
    }

    /**
     * {@code phone:+8613800000000} → {@code phone:+86138****0000}; other values keep their first and last four
     * characters ({@code wechat:oUnion****wxyz}), or their first and last one when they are short.
     */
    public static String identity(String identity) {
        int colon = identity.indexOf(':');
        if (colon < 0) {
            return value(identity);
        }
        String channel = identity.substring(0, colon);
        String value = identity.substring(colon + 1);
        if (channel.equals(PhoneChannel.ID)) {
            var m = PHONE.matcher(value);
            if (m.matches()) {
                return channel + ":" + m.group(1) + m.group(2) + "****" + m.group(4);
            }
        }
        return channel + ":" + value(value);
    }

    private static String value(String value) {
        int n = value.codePointCount(0, value.length());
        if (n <= 2) {
            return "****";
        }
        int keep = n >= 12 ? 4 : 1;
        int head = value.offsetByCodePoints(0, keep);
        int tail = value.offsetByCodePoints(value.length(), -keep);
        return value.substring(0, head) + "****" + value.substring(tail);
    }
}
