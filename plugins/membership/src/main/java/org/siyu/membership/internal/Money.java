package org.siyu.membership.internal;

import java.util.Locale;

/** Fen as people read it. */
public final class Money {

    private Money() {
    }

    /** {@code 523000} → {@code ¥5,230.00}; negative amounts keep their sign. */
    public static String yuan(long fen) {
        String sign = fen < 0 ? "-" : "";
        long abs = Math.abs(fen);
        return sign + "¥" + String.format(Locale.ROOT, "%,d.%02d", abs / 100, abs % 100);
    }

    /** A member discount in percent off as 折: 5 → 95折, 10 → 9折, 12 → 88折. */
    public static String zhe(int percentOff) {
        int rest = 100 - percentOff;
        return (rest % 10 == 0 ? String.valueOf(rest / 10) : String.valueOf(rest)) + "折";
    }
}
