package org.siyu.membership.internal;

import java.time.ZoneId;

/**
 * The membership settings as the services use them (from {@link MembershipConfig}; tests build them directly).
 *
 * @param basis                what qualifies for a tier
 * @param reviewMonths         months a tier is held before its review
 * @param pointsValidityMonths months after the month of earning at whose end points expire; 0 never
 * @param allowNegativeBalance whether a claw-back may overdraw the balance
 * @param zone                 the zone of months and days
 * @param dailyHour            hour of the daily jobs
 * @param valuePer100PointsFen what 100 points are worth in fen
 */
public record Settings(Basis basis, int reviewMonths, int pointsValidityMonths, boolean allowNegativeBalance,
        ZoneId zone, int dailyHour, int valuePer100PointsFen) {

    /** What qualifies a customer for a tier. */
    public enum Basis {
        SPEND, GROWTH
    }

    /** The defaults of {@link MembershipConfig}. */
    public static final Settings DEFAULTS = new Settings(Basis.SPEND, 12, 12, false, ZoneId.of("Asia/Shanghai"), 3, 100);

    /**
     * The settings of a configuration.
     *
     * @throws IllegalArgumentException naming the attribute that is wrong
     */
    public static Settings of(MembershipConfig config) {
        Basis basis;
        try {
            basis = Basis.valueOf(config.tierBasis().strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tierBasis: '" + config.tierBasis() + "' is neither SPEND nor GROWTH");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(config.zone().strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("zone: '" + config.zone() + "' is not a time zone (e.g. Asia/Shanghai)");
        }
        return new Settings(basis, Math.max(1, config.reviewMonths()), Math.max(0, config.pointsValidityMonths()),
                config.allowNegativeBalance(), zone, Math.floorMod(config.dailyHour(), 24),
                Math.max(0, config.valuePer100PointsFen()));
    }

    public Settings withBasis(Basis basis) {
        return new Settings(basis, reviewMonths, pointsValidityMonths, allowNegativeBalance, zone, dailyHour,
                valuePer100PointsFen);
    }

    public Settings withNegativeBalance(boolean allow) {
        return new Settings(basis, reviewMonths, pointsValidityMonths, allow, zone, dailyHour, valuePer100PointsFen);
    }
}
