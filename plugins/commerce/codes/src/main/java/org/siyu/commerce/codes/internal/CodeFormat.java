package org.siyu.commerce.codes.internal;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Random;

/**
 * The codes: {@value #LENGTH} characters of Crockford's base32 (digits and upper-case letters without I, L, O, U), 60
 * random bits from {@link SecureRandom}, so a code cannot be guessed from another (a million codes leave a random
 * guess a chance of one in 10^12). Printed in groups of four ({@code 7KQ2-M9XD-4TFB}); read back without case,
 * dashes or spaces, with {@code O} read as 0 and {@code I}, {@code L} as 1, as Crockford's alphabet intends.
 */
final class CodeFormat {

    static final int LENGTH = 12;
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private CodeFormat() {
    }

    /** A new random code. */
    static String next(Random random) {
        long bits = random.nextLong();
        char[] c = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            c[i] = ALPHABET.charAt((int) (bits & 31));
            bits >>>= 5;
        }
        return new String(c);
    }

    /**
     * A code as typed or scanned, in its stored form.
     *
     * @return the code, or {@code null} when it cannot be one (wrong length or characters)
     */
    static String normalize(String input) {
        if (input == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(LENGTH);
        for (char ch : input.toUpperCase(Locale.ROOT).toCharArray()) {
            char c = switch (ch) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> ch;
            };
            if (c == '-' || c == ' ') {
                continue;
            }
            if (ALPHABET.indexOf(c) < 0) {
                return null;
            }
            out.append(c);
        }
        return out.length() == LENGTH ? out.toString() : null;
    }

    /** The printed form, {@code 7KQ2-M9XD-4TFB}. */
    static String display(String code) {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
    }
}
