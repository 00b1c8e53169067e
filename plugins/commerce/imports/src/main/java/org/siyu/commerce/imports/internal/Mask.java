package org.siyu.commerce.imports.internal;

import java.util.regex.Pattern;

/** Masks phone numbers in error reports, logs and downloads (STYLE: mask phone numbers). */
final class Mask {

    private static final Pattern PHONE_LIKE = Pattern.compile("(\\+?\\d{3})\\d{4,8}(\\d{4})");

    private Mask() {
    }

    /** {@code 13812345678} → {@code 138****5678}; shorter values keep their first and last character. */
    static String phone(String value) {
        String v = value.strip();
        int n = v.length();
        if (n >= 11) {
            return v.substring(0, n - 8) + "****" + v.substring(n - 4);
        }
        if (n >= 7) {
            return v.substring(0, 3) + "****" + v.substring(n - 2);
        }
        if (n >= 3) {
            return v.charAt(0) + "****" + v.charAt(n - 1);
        }
        return "****";
    }

    /** A message that may quote a phone number (OneID's, commerce's), its middle hidden. */
    static String message(String message) {
        return message == null ? "failed" : PHONE_LIKE.matcher(message).replaceAll("$1****$2");
    }
}
