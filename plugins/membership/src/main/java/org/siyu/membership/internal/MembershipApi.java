package org.siyu.membership.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.membership.CouponKind;
import org.siyu.api.membership.CouponStatus;
import org.siyu.api.membership.CouponTemplate;
import org.siyu.api.membership.IssuedCoupon;
import org.siyu.api.membership.MemberCard;
import org.siyu.api.membership.MembershipException;
import org.siyu.api.membership.MembershipService;
import org.siyu.api.membership.NewCouponTemplate;
import org.siyu.api.membership.Redemption;
import org.siyu.api.persistence.PersistenceUnit;
import java.time.MonthDay;
import java.util.Optional;
import org.siyu.membership.internal.birthdays.BirthdayGifts;
import org.siyu.membership.internal.coupons.Coupons;
import org.siyu.membership.internal.coupons.TemplateRules;
import org.siyu.membership.internal.model.Coupon;
import org.siyu.membership.internal.model.TemplateValues;

/**
 * The SDK's {@link MembershipService} over membership's own services: the same checks, events and idempotency as
 * the REST resources, and the same refusals (the internal reason and field become the SDK's
 * {@link MembershipException}, which a REST resource of another plugin turns into the same 4xx).
 */
@Component(service = MembershipService.class)
public class MembershipApi implements MembershipService {

    private final PersistenceUnit unit;
    private final Coupons coupons;
    private final MemberCards cards;
    private final BirthdayGifts birthdays;

    @Activate
    public MembershipApi(@Reference(target = MembershipEntities.TARGET) PersistenceUnit unit,
            @Reference Coupons coupons, @Reference MemberCards cards, @Reference BirthdayGifts birthdays) {
        this.unit = unit;
        this.coupons = coupons;
        this.cards = cards;
        this.birthdays = birthdays;
    }

    @Override
    public void setBirthday(int customerId, MonthDay birthday, String actor) {
        if (birthday == null) {
            throw new MembershipException(MembershipException.Reason.INVALID, "birthday", "birthday is missing");
        }
        translated(() -> {
            cards.requireCustomer(customerId);
            birthdays.set(customerId, birthday, actor);
            return null;
        });
    }

    @Override
    public Optional<MonthDay> birthday(int customerId) {
        return translated(() -> birthdays.of(customerId));
    }

    @Override
    public MemberCard card(int customerId) {
        MemberCards.Card card = translated(() -> cards.card(customerId));
        List<MemberCard.Coupon> lines = translated(() -> coupons.couponsOf(customerId)).stream()
                .map(c -> new MemberCard.Coupon(c.coupon().code(), c.coupon().templateId(),
                        c.template() == null ? "?" : c.template().name(),
                        c.template() == null ? "" : TemplateRules.describe(c.template()), status(c.coupon().status()),
                        c.coupon().validFrom(), c.coupon().validUntil(), c.coupon().orderId()))
                .toList();
        return new MemberCard(card.customerId(), card.member(), card.tier(), card.tierName(), card.tierNameEn(),
                card.points(), card.expiringPoints(), card.nextExpiry(), lines);
    }

    @Override
    public List<CouponTemplate> templates() {
        return translated(() -> coupons.templates(false)).stream().map(MembershipApi::template).toList();
    }

    @Override
    public CouponTemplate createTemplate(NewCouponTemplate t, String actor) {
        if (t == null) {
            throw invalid("template", "template is required");
        }
        String who = actor(actor);
        TemplateValues values = new TemplateValues(t.name(), t.kind() == null ? null
                : org.siyu.membership.internal.model.CouponTemplate.Kind.valueOf(t.kind().name()), t.amountFen(),
                t.percentOff(), t.maxDiscountFen(), t.thresholdFen(), t.validFrom(), t.validUntil(), t.validDays(),
                t.stock());
        return template(translated(() -> coupons.create(values, who)));
    }

    @Override
    public IssuedCoupon issue(long templateId, int customerId, String issueKey, Instant issuedAt, String actor) {
        if (templateId <= 0) {
            throw new MembershipException(MembershipException.Reason.NOT_FOUND, "templateId",
                    "no coupon template with id " + templateId);
        }
        if (issueKey != null && (issueKey.isBlank() || issueKey.length() > 190)) {
            throw invalid("issueKey", "issueKey must be 1–190 characters or null");
        }
        String who = actor(actor);
        Coupons.Issued issued = translated(() -> coupons.issue(templateId, customerId,
                issueKey == null ? null : issueKey.strip(), issuedAt, who));
        Coupon c = issued.coupon();
        return new IssuedCoupon(c.code(), c.templateId(), c.customerId(), status(c.status()), c.issuedAt(),
                c.validFrom(), c.validUntil(), issued.created());
    }

    @Override
    public Redemption redeem(String couponCode, int customerId, String orderRef, long orderTotalFen, Instant usedAt,
            String actor) {
        if (couponCode == null || couponCode.isBlank()) {
            throw invalid("couponCode", "couponCode must not be empty");
        }
        if (orderRef == null || orderRef.isBlank() || orderRef.strip().length() > 100) {
            throw invalid("orderRef", "orderRef must be 1–100 characters");
        }
        if (orderTotalFen < 0) {
            throw invalid("orderTotalFen", "orderTotalFen must be ≥ 0, was " + orderTotalFen);
        }
        Instant now = coupons.clock().instant();
        if (usedAt != null && usedAt.isAfter(now.plus(java.time.Duration.ofMinutes(5)))) {
            throw invalid("usedAt", "usedAt must not be in the future, was " + usedAt);
        }
        actor(actor);
        String order = orderRef.strip();
        Instant at = usedAt == null ? now : usedAt;
        return translated(() -> unit.inTransaction(em -> {
            Optional<Coupons.CouponWithTemplate> found = coupons.byCode(couponCode);
            if (found.isEmpty()) {
                throw org.siyu.membership.internal.MembershipException.notFound("couponCode",
                        "no coupon with code " + Coupons.normalise(couponCode));
            }
            Coupon c = found.get().coupon();
            if (c.status() == Coupon.Status.USED && c.customerId() == customerId && order.equals(c.orderId())) {
                return new Redemption(c.code(), customerId, order, c.discountFen() == null ? 0 : c.discountFen(),
                        c.usedAt(), false);
            }
            if (c.status() == Coupon.Status.USED && c.customerId() == customerId) {
                throw org.siyu.membership.internal.MembershipException.conflict("couponCode", "coupon " + c.code()
                        + " was used on order " + c.orderId());
            }
            long discount = coupons.check(found.get(), customerId, orderTotalFen, "couponCode", at);
            coupons.use(c.code(), customerId, order, discount, "couponCode", at);
            return new Redemption(c.code(), customerId, order, discount, at, true);
        }));
    }

    private static String actor(String actor) {
        if (actor == null || actor.isBlank() || actor.length() > 100) {
            throw invalid("actor", "actor must be 1–100 characters");
        }
        return actor.strip();
    }

    static CouponTemplate template(org.siyu.membership.internal.model.CouponTemplate t) {
        return new CouponTemplate(t.id(), t.name(), TemplateRules.describe(t), CouponKind.valueOf(t.kind().name()),
                t.amountFen(), t.percentOff(), t.maxDiscountFen(), t.thresholdFen(), t.validFrom(), t.validUntil(),
                t.validDays(), t.stock(), t.issued(), t.active());
    }

    private static CouponStatus status(Coupon.Status status) {
        return CouponStatus.valueOf(status.name());
    }

    private static MembershipException invalid(String field, String message) {
        return new MembershipException(MembershipException.Reason.INVALID, field, message);
    }

    /** Work whose internal refusals become the SDK's. */
    @FunctionalInterface
    private interface Work<T> {
        T run();
    }

    private static <T> T translated(Work<T> work) {
        try {
            return work.run();
        } catch (org.siyu.membership.internal.MembershipException e) {
            throw new MembershipException(MembershipException.Reason.valueOf(e.reason().name()), e.field(),
                    e.getMessage());
        }
    }
}
