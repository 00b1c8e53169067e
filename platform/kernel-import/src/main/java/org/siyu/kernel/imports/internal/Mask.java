package org.siyu.kernel.imports.internal;

/** Masks phone numbers in error reports, logs and downloads (STYLE: mask phone numbers). */
final class Mask {

    private Mask() {
    }

    /**
     * A phone cell with its middle hidden: {@code 13812345678} → {@code 138****5678}, {@code +8613812345678} →
     * {@code +86138****5678}; shorter values keep their first and last character only.
     */
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
}
