package org.siyu.commerce.internal;

/** Amounts in fen as people read them. */
public final class Money {

    private Money() {
    }

    /** {@code 5990} → {@code ¥59.90}; negative amounts keep their sign. */
    public static String yuan(long fen) {
        String sign = fen < 0 ? "-" : "";
        long abs = Math.abs(fen);
        return sign + "¥" + (abs / 100) + "." + String.format("%02d", abs % 100);
    }

    /**
     * Parses {@code 59.9}, {@code ¥59.90} or {@code 59} yuan into fen.
     *
     * @throws IllegalArgumentException if it is not an amount with at most two decimals
     */
    public static long fen(String yuan) {
        String s = yuan == null ? "" : yuan.strip().replace("¥", "").replace("￥", "").replace(",", "");
        if (!s.matches("\\d{1,12}(\\.\\d{1,2})?")) {
            throw new IllegalArgumentException("'" + yuan + "' is not an amount in yuan, such as 59.90");
        }
        int dot = s.indexOf('.');
        if (dot < 0) {
            return Long.parseLong(s) * 100;
        }
        String decimals = (s.substring(dot + 1) + "0").substring(0, 2);
        return Long.parseLong(s.substring(0, dot)) * 100 + Long.parseLong(decimals);
    }
}
