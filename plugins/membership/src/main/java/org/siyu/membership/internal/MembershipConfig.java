package org.siyu.membership.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** The membership settings an administrator can change (Developer › Platform › Configuration). */
@ObjectClassDefinition(id = MembershipConfig.PID, name = "Membership",
        description = "Tiers, points and coupons of the membership plugin (会员云).")
public @interface MembershipConfig {

    /** The configuration PID: a public contract, never change it. */
    String PID = "org.siyu.membership";

    @AttributeDefinition(name = "Tier basis",
            description = "What qualifies a customer for a tier: SPEND (net paid in the rolling 12 months before, in "
                    + "fen, against each tier's minimum spend) or GROWTH (growth value, 1 per yuan net paid, against "
                    + "each tier's minimum growth). Default: SPEND.",
            options = {@Option(value = "SPEND", label = "Rolling 12-month spend"),
                    @Option(value = "GROWTH", label = "Growth value")})
    String tierBasis() default "SPEND";

    @AttributeDefinition(name = "Tier held for (months)", min = "1",
            description = "How long a tier is held after it was reached or reviewed: the next review date. A tier goes "
                    + "up at once, down only on its review date. Default: 12.")
    int reviewMonths() default 12;

    @AttributeDefinition(name = "Points validity (months)", min = "0",
            description = "Points earned in a month expire at the end of the same month this many months later "
                    + "(12: earned in March 2026, expire at the end of March 2027). 0: never. Default: 12.")
    int pointsValidityMonths() default 12;

    @AttributeDefinition(name = "Allow a negative balance on claw-back",
            description = "When a refund claws back points the customer has already spent: true lets the balance go "
                    + "negative (the debt is paid from later earnings); false takes what is left and records the "
                    + "shortfall on the ledger row. Redemptions can never overdraw. Default: false.")
    boolean allowNegativeBalance() default false;

    @AttributeDefinition(name = "Time zone",
            description = "The zone of months and days (points expiry, cohorts, the daily jobs). Default: Asia/Shanghai.")
    String zone() default "Asia/Shanghai";

    @AttributeDefinition(name = "Daily jobs at (hour)", min = "0", max = "23",
            description = "Hour of the day, in the time zone above, at which points and coupons expire and tiers are "
                    + "reviewed. Default: 3.")
    int dailyHour() default 3;

    @AttributeDefinition(name = "Value of 100 points (fen)", min = "0",
            description = "What 100 points are worth, for the points liability in the analytics. Default: 100 (¥1).")
    int valuePer100PointsFen() default 100;
}
