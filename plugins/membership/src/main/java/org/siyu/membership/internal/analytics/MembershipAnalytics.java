package org.siyu.membership.internal.analytics;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.siyu.api.identity.Customer;
import org.siyu.api.identity.IdentityService;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.membership.internal.MembershipEntities;
import org.siyu.membership.internal.Settings;
import org.siyu.membership.internal.SettingsSource;

/**
 * Reads the order facts and the points lots and hands them to {@link Analytics}. OneID is optional: without it, LTV
 * takes each customer's channel from the first order, and {@link Report#channelsFromOrders()} says so.
 */
@Component(service = MembershipAnalytics.class)
public class MembershipAnalytics {

    /** Cohort months shown. */
    public static final int MONTHS = 12;

    private final PersistenceUnit unit;
    private final Supplier<Settings> settings;
    private final Clock clock;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile IdentityService identity;

    @Activate
    public MembershipAnalytics(@Reference(target = MembershipEntities.TARGET) PersistenceUnit unit,
            @Reference SettingsSource settings) {
        this(unit, settings, null, Clock.systemUTC());
    }

    public MembershipAnalytics(PersistenceUnit unit, Supplier<Settings> settings, IdentityService identity, Clock clock) {
        this.unit = unit;
        this.settings = settings;
        this.identity = identity;
        this.clock = clock;
    }

    /** Everything the analytics view shows, computed at one moment. */
    public record Report(Instant at, int orders, Analytics.Cohorts cohorts, Map<String, Integer> secondOrder,
            List<Analytics.Ltv> ltv, boolean channelsFromOrders, Analytics.Liability liability) {
    }

    public Report report() {
        Settings s = settings.get();
        List<Analytics.Fact> facts = facts();
        IdentityService oneId = identity;
        List<Analytics.Ltv> ltv = Analytics.ltvByChannel(facts, ids -> channels(oneId, ids));
        List<Object[]> lots = unit.inTransaction(em -> em.createQuery("select l.expiresAt, l.remaining from PointsLot l "
                + "where l.remaining > 0", Object[].class).getResultList());
        Instant now = clock.instant();
        return new Report(now, facts.size(), Analytics.cohorts(facts, s.zone(), MONTHS, now),
                Analytics.timeToSecondOrder(facts), ltv, oneId == null,
                Analytics.liability(lots, s.zone(), s.valuePer100PointsFen()));
    }

    /** Every order fact. The projection is one narrow row per order; paging it is a known limit (README). */
    List<Analytics.Fact> facts() {
        return unit.inTransaction(em -> em.createQuery("select f.orderId, f.customerId, f.channel, f.paidAt, f.paidFen, "
                        + "f.refundedFen from OrderFact f", Object[].class).getResultList().stream()
                .map(r -> new Analytics.Fact((String) r[0], (Integer) r[1], (String) r[2], (Instant) r[3], (Long) r[4],
                        (Long) r[5]))
                .toList());
    }

    private static Map<Integer, String> channels(IdentityService oneId, int[] ids) {
        Map<Integer, String> channels = new HashMap<>();
        if (oneId == null) {
            return channels;
        }
        for (int from = 0; from < ids.length; from += 500) {
            int[] page = java.util.Arrays.copyOfRange(ids, from, Math.min(ids.length, from + 500));
            for (Customer c : oneId.customers(page)) {
                if (c.firstChannel() != null) {
                    channels.put(c.id(), c.firstChannel());
                }
            }
        }
        return channels;
    }
}
