package org.siyu.membership.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.siyu.api.identity.Customer;
import org.siyu.api.identity.IdentityService;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.membership.internal.birthdays.BirthdayGifts;
import org.siyu.membership.internal.coupons.Coupons;
import org.siyu.membership.internal.coupons.TemplateRules;
import org.siyu.membership.internal.model.Coupon;
import org.siyu.membership.internal.model.Member;
import org.siyu.membership.internal.model.Tier;
import org.siyu.membership.internal.points.PointsLedger;
import org.siyu.membership.internal.tiers.Tiers;

/** A customer's membership at a glance: what the member card, the inspector and {@code GET /members/{id}} show. */
@Component(service = MemberCards.class)
public class MemberCards {

    private final PersistenceUnit unit;
    private final Tiers tiers;
    private final PointsLedger ledger;
    private final Coupons coupons;
    private final BirthdayGifts birthdays;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile IdentityService identity;

    @Activate
    public MemberCards(@Reference(target = MembershipEntities.TARGET) PersistenceUnit unit, @Reference Tiers tiers,
            @Reference PointsLedger ledger, @Reference Coupons coupons, @Reference BirthdayGifts birthdays) {
        this(unit, tiers, ledger, coupons, birthdays, null);
    }

    public MemberCards(PersistenceUnit unit, Tiers tiers, PointsLedger ledger, Coupons coupons,
            BirthdayGifts birthdays, IdentityService identity) {
        this.unit = unit;
        this.tiers = tiers;
        this.ledger = ledger;
        this.coupons = coupons;
        this.birthdays = birthdays;
        this.identity = identity;
    }

    /**
     * The card of a customer; a customer who never earned anything holds the entry tier with no points.
     *
     * @throws MembershipException NOT_FOUND when OneID runs and knows no such customer
     */
    public Card card(int customerId) {
        requireCustomer(customerId);
        List<Tier> all = tiers.list();
        Object[] state = unit.inTransaction(em -> {
            Member m = em.find(Member.class, customerId);
            long spend = m == null ? 0 : tiers.qualifyingValueOfSpend(em, m, tiers.now());
            return new Object[] {m, spend};
        });
        Member member = (Member) state[0];
        Tier tier = member == null ? all.getFirst() : Tiers.index(all).getOrDefault(member.tierCode(), all.getFirst());
        Tier next = all.stream().filter(t -> t.rank() > tier.rank()).findFirst().orElse(null);
        PointsLedger.Balance balance = ledger.balance(customerId);
        List<CouponLine> lines = coupons.couponsOf(customerId).stream()
                .map(c -> new CouponLine(c.coupon().code(), c.template() == null ? "?" : c.template().name(),
                        c.template() == null ? "" : TemplateRules.describe(c.template()), c.coupon().status(),
                        c.coupon().validFrom(), c.coupon().validUntil(), c.coupon().orderId()))
                .toList();
        return new Card(customerId, member != null, tier.code(), tier.nameZh(), tier.nameEn(),
                member == null ? null : member.tierSince(), member == null ? null : member.reviewAt(),
                balance.points(), balance.expiringPoints(), balance.nextExpiry(), member == null ? 0 : member.growth(),
                (Long) state[1], next == null ? null : next.code(), next == null ? null : next.nameZh(),
                new Benefits(tier.discountPercent(), tier.freeShipping(), tier.warrantyMonths(), tier.birthdayGift(),
                        tier.pointsPer100()),
                lines, birthdays.of(customerId).map(BirthdayGifts::format).orElse(null));
    }

    /**
     * Checks that {@code customerId} names a customer that was not merged away (when OneID runs).
     *
     * @throws MembershipException NOT_FOUND naming {@code customerId}
     */
    public void requireCustomer(int customerId) {
        IdentityService oneId = identity;
        if (customerId <= 0) {
            throw MembershipException.notFound("customerId", "no customer with id " + customerId);
        }
        if (oneId != null) {
            Optional<Customer> customer = oneId.customer(customerId);
            if (customer.isEmpty()) {
                throw MembershipException.notFound("customerId", "no customer with id " + customerId);
            }
            if (customer.get().mergedInto() != 0) {
                throw MembershipException.notFound("customerId", "customer " + customerId + " was merged into "
                        + customer.get().mergedInto());
            }
        }
    }

    /**
     * A member card.
     *
     * @param member         whether the customer has a membership record (has earned something)
     * @param spend12mFen    net paid in the 12 months before now
     * @param nextTier       the tier above, or {@code null} at the top
     * @param birthday       {@code MM-dd}, or {@code null} when not given
     */
    public record Card(int customerId, boolean member, String tier, String tierName, String tierNameEn,
            Instant tierSince, Instant reviewAt, long points, long expiringPoints, Instant nextExpiry, long growth,
            long spend12mFen, String nextTier, String nextTierName, Benefits benefits, List<CouponLine> coupons,
            String birthday) {
    }

    /** A tier's benefits. */
    public record Benefits(int discountPercent, boolean freeShipping, int warrantyMonths, String birthdayGift,
            int pointsPer100) {
    }

    /** One coupon on the card. */
    public record CouponLine(String code, String name, String terms, Coupon.Status status, Instant validFrom,
            Instant validUntil, String orderId) {
    }
}
