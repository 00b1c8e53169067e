package org.siyu.commerce.imports.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.regex.Pattern;

/**
 * Reads the cells of marketplace reports, which Excel and the marketplaces decorate: order numbers written as
 * {@code ="2024…"} or with a leading apostrophe or tab so Excel keeps them as text, amounts with {@code ¥} and
 * thousands separators, times in Beijing time with slashes or dashes, {@code -} or {@code null} for "none".
 */
final class Values {

    /** The marketplaces report Beijing time without a zone. */
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private static final Pattern EXCEL_NUMBER = Pattern.compile("\\d(\\.\\d+)?[eE]\\+?\\d+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()]");
    private static final Pattern CN_MOBILE = Pattern.compile("1\\d{10}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final long MAX_FEN = 1_000_000_000_000L;
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu[-][/]M[-][/]d")
            .optionalStart().optionalStart().appendLiteral(' ').optionalEnd().optionalStart().appendLiteral('T')
            .optionalEnd()
            .appendPattern("H:mm").optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .toFormatter();

    private Values() {
    }

    /** The cell without Excel's text markers ({@code ="…"}, a leading {@code '}) and surrounding white space. */
    static String clean(String cell) {
        String v = cell == null ? "" : cell.strip();
        if (v.startsWith("=\"") && v.endsWith("\"") && v.length() >= 3) {
            v = v.substring(2, v.length() - 1).strip();
        }
        if (v.startsWith("'")) {
            v = v.substring(1).strip();
        }
        return v;
    }

    /** Whether the cell means "no value": empty, {@code -}, {@code --}, {@code null}, {@code 无}. */
    static boolean none(String cleaned) {
        return cleaned.isEmpty() || cleaned.equals("-") || cleaned.equals("--") || cleaned.equalsIgnoreCase("null")
                || cleaned.equals("无");
    }

    /**
     * An order number.
     *
     * @throws IllegalArgumentException for a number Excel turned into scientific notation, or one too long
     */
    static String orderNo(String cleaned) {
        if (EXCEL_NUMBER.matcher(cleaned).matches()) {
            throw new IllegalArgumentException("the order number was turned into a number by Excel (" + cleaned
                    + "): its digits are lost; export the report again and open it as text, or keep the CSV as "
                    + "downloaded");
        }
        if (cleaned.length() > 64) {
            throw new IllegalArgumentException("the order number is " + cleaned.length()
                    + " characters long; at most 64 are allowed");
        }
        return cleaned;
    }

    /**
     * An amount in yuan as fen: {@code 59}, {@code 59.9}, {@code ¥1,299.00}.
     *
     * @return fen, or {@code null} for no value
     * @throws IllegalArgumentException for a negative amount, more than two decimals, or not a number
     */
    static Long fen(String cleaned) {
        if (none(cleaned)) {
            return null;
        }
        String v = cleaned.replace("¥", "").replace("￥", "").replace("元", "").replace(",", "").strip();
        BigDecimal yuan;
        try {
            yuan = new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + cleaned + "' is not an amount in yuan (e.g. 59.90)");
        }
        if (yuan.signum() < 0) {
            throw new IllegalArgumentException("the amount " + cleaned + " is negative");
        }
        BigDecimal fen = yuan.movePointRight(2).stripTrailingZeros();
        if (fen.scale() > 0) {
            throw new IllegalArgumentException("the amount " + cleaned + " has more than two decimals (fen)");
        }
        if (fen.compareTo(BigDecimal.valueOf(MAX_FEN)) > 0) {
            throw new IllegalArgumentException("the amount " + cleaned + " is too large");
        }
        return fen.longValueExact();
    }

    /**
     * A quantity, 1 when empty.
     *
     * @throws IllegalArgumentException for anything but a whole number from 1 to 1,000,000
     */
    static int quantity(String cleaned) {
        if (none(cleaned)) {
            return 1;
        }
        String v = cleaned.endsWith(".0") ? cleaned.substring(0, cleaned.length() - 2) : cleaned;
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= 1_000_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("'" + cleaned + "' is not a quantity: a whole number from 1");
    }

    /**
     * A time in Beijing time: {@code 2024-11-11 00:01:02}, {@code 2024/11/11 0:01}, {@code 2024-11-11}.
     *
     * @return the instant, or {@code null} for no value ({@code 0000-00-00 …} too, as JD writes for "never")
     * @throws IllegalArgumentException naming the accepted forms
     */
    static Instant time(String cleaned) {
        if (none(cleaned) || cleaned.startsWith("0000")) {
            return null;
        }
        try {
            var parsed = TIME.parseBest(cleaned, LocalDateTime::from, LocalDate::from);
            LocalDateTime local = parsed instanceof LocalDateTime t ? t : ((LocalDate) parsed).atStartOfDay();
            return local.atZone(BEIJING).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + cleaned + "' is not a time: use 2024-11-11 20:00:00 "
                    + "(Beijing time; slashes, no seconds or a date alone also work)");
        }
    }

    /** A phone cell's reading: an E.164 number, masked (not an identity), or a landline (not an identity). */
    record Phone(String e164, boolean masked) {
    }

    /**
     * A phone number as OneID's phone channel normalizes it ({@code +86…} for a mainland mobile). A masked number
     * ({@code 138****0000}, as the marketplaces export since their privacy rules) and a landline (starting with 0)
     * say nothing about who the buyer is: they come back without a number.
     *
     * @return {@code null} for no value
     * @throws IllegalArgumentException when the value is neither a phone number nor masked
     */
    static Phone phone(String cleaned) {
        if (none(cleaned)) {
            return null;
        }
        if (cleaned.indexOf('*') >= 0) {
            return new Phone(null, true);
        }
        String v = SEPARATORS.matcher(cleaned).replaceAll("");
        if (v.startsWith("0")) {
            return new Phone(null, false);
        }
        if (CN_MOBILE.matcher(v).matches()) {
            return new Phone("+86" + v, false);
        }
        if (v.startsWith("86") && CN_MOBILE.matcher(v.substring(2)).matches()) {
            return new Phone("+" + v, false);
        }
        if (v.startsWith("+86") && !CN_MOBILE.matcher(v.substring(3)).matches()) {
            throw new IllegalArgumentException("'" + Mask.phone(cleaned) + "' is not a mainland mobile number");
        }
        if (E164.matcher(v).matches()) {
            return new Phone(v, false);
        }
        throw new IllegalArgumentException("'" + Mask.phone(cleaned) + "' is not a phone number (an 11-digit "
                + "mobile number, or +<country code><number>)");
    }
}
