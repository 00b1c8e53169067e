package org.siyu.membership.internal.points;

import java.time.Instant;
import java.time.ZonedDateTime;
import org.siyu.membership.internal.Settings;

/** When earned points expire. */
public final class Expiry {

    private Expiry() {
    }

    /**
     * The end of the month {@code pointsValidityMonths} after the month of {@code earnedAt}, in the settings' zone: earned
     * on 2026-03-15 with 12 months, the points can be used until 2027-03-31 and expire at 2027-04-01 00:00. {@code null}
     * when points never expire (0 months).
     */
    public static Instant of(Instant earnedAt, Settings settings) {
        if (settings.pointsValidityMonths() <= 0) {
            return null;
        }
        ZonedDateTime month = earnedAt.atZone(settings.zone()).withDayOfMonth(1).toLocalDate()
                .atStartOfDay(settings.zone());
        return month.plusMonths(settings.pointsValidityMonths() + 1L).toInstant();
    }
}
