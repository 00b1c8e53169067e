package org.siyu.membership.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.siyu.api.persistence.EntityContribution;
import org.siyu.membership.internal.model.Coupon;
import org.siyu.membership.internal.model.CouponTemplate;
import org.siyu.membership.internal.model.IssueRun;
import org.siyu.membership.internal.model.LedgerEntry;
import org.siyu.membership.internal.model.Member;
import org.siyu.membership.internal.model.OrderFact;
import org.siyu.membership.internal.model.PointsLot;
import org.siyu.membership.internal.model.Tier;
import org.siyu.membership.internal.model.Birthday;

/** Unit {@code mb}: tables {@code mb_*}, migrations in {@code db/migration/mb}, history {@code flyway_mb}. */
@Component
public class MembershipEntities implements EntityContribution {

    /** The unit's name, also the table prefix. */
    public static final String UNIT = "mb";

    /** The target filter of this bundle's persistence unit. */
    public static final String TARGET = "(siyu.persistence.unit=" + UNIT + ")";

    @Override
    public String unit() {
        return UNIT;
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(Tier.class, Member.class, LedgerEntry.class, PointsLot.class, OrderFact.class,
                CouponTemplate.class, Coupon.class, IssueRun.class, Birthday.class);
    }
}
