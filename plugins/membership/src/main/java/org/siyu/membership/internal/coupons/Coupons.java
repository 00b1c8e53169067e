package org.siyu.membership.internal.coupons;

import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.events.EventBus;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.membership.internal.Announcer;
import org.siyu.membership.internal.MembershipEntities;
import org.siyu.membership.internal.MembershipException;
import org.siyu.membership.internal.Money;
import org.siyu.membership.internal.model.Coupon;
import org.siyu.membership.internal.model.CouponTemplate;
import org.siyu.membership.internal.model.TemplateValues;

/**
 * Coupon templates and coupons: issue (idempotent per customer and issue key, never beyond the stock), check against
 * an order, use, release, expire. Each change publishes its event in the change's transaction.
 */
@Component(service = Coupons.class)
public class Coupons {

    /** Code letters without look-alikes (no 0/O, 1/I/L). */
    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How far ahead of this clock a caller's "now" may be (clocks of two machines). */
    static final java.time.Duration SKEW = java.time.Duration.ofMinutes(5);
    /** Coupons expired per transaction. */
    static final int EXPIRE_BATCH = 500;

    private final PersistenceUnit unit;
    private final Announcer announcer;
    private final Clock clock;

    @Activate
    public Coupons(@Reference(target = MembershipEntities.TARGET) PersistenceUnit unit, @Reference EventBus bus) {
        this(unit, bus, Clock.systemUTC());
    }

    public Coupons(PersistenceUnit unit, EventBus bus, Clock clock) {
        this.unit = unit;
        this.announcer = new Announcer(bus);
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    // ---- templates

    /** Templates, newest first; archived ones only if asked. */
    public List<CouponTemplate> templates(boolean archived) {
        return unit.inTransaction(em -> em.createQuery("select t from CouponTemplate t where t.active = true or :all = true "
                + "order by t.id desc", CouponTemplate.class).setParameter("all", archived).getResultList());
    }

    /** @throws MembershipException NOT_FOUND naming {@code templateId} */
    public CouponTemplate template(long id) {
        return unit.inTransaction(em -> find(em, id));
    }

    public CouponTemplate create(TemplateValues values, String actor) {
        TemplateRules.check(values);
        return unit.inTransaction(em -> {
            CouponTemplate t = new CouponTemplate(values, actor, clock.instant());
            em.persist(t);
            return t;
        });
    }

    /** @throws MembershipException INVALID {@code stock} below what was issued already */
    public CouponTemplate update(long id, TemplateValues values) {
        TemplateRules.check(values);
        return unit.inTransaction(em -> {
            CouponTemplate t = find(em, id);
            em.lock(t, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            em.refresh(t);
            if (values.stock() < t.issued()) {
                throw MembershipException.invalid("stock", "stock cannot go below the " + t.issued()
                        + " coupons already issued, was " + values.stock());
            }
            t.update(values, clock.instant());
            return t;
        });
    }

    /** Stops further issues of the template; its coupons stay usable. */
    public CouponTemplate archive(long id) {
        return unit.inTransaction(em -> {
            CouponTemplate t = find(em, id);
            t.archive(clock.instant());
            return t;
        });
    }

    static CouponTemplate find(EntityManager em, long id) {
        CouponTemplate t = em.find(CouponTemplate.class, id);
        if (t == null) {
            throw MembershipException.notFound("templateId", "no coupon template with id " + id);
        }
        return t;
    }

    // ---- issue

    /**
     * A coupon issue's result.
     *
     * @param created false when the customer already had the coupon of this issue key
     */
    public record Issued(Coupon coupon, boolean created) {
    }

    /**
     * Issues a coupon of {@code templateId} to a customer, in the caller's transaction or one of its own.
     *
     * @param issueKey makes the issue count once per customer ({@code run:<id>}, {@code req:<id>}), or {@code null}
     * @throws MembershipException NOT_FOUND for the template; CONFLICT {@code stock} when every coupon is issued,
     *                             {@code templateId} when it is archived or its validity has ended
     */
    public Issued issue(long templateId, int customerId, String issueKey, String actor) {
        return issue(templateId, customerId, issueKey, null, actor);
    }

    /**
     * Issues a coupon as of {@code issuedAt} (a history recorded later: the validity counts from it, the event carries
     * it), or now for {@code null}. A coupon whose validity ended before now is issued as {@code EXPIRED}; it can still
     * be used on an order placed while it was valid ({@link #check(CouponWithTemplate, int, long, String, Instant)}).
     *
     * @throws MembershipException INVALID {@code issuedAt} in the future, and as {@link #issue(long, int, String, String)}
     */
    public Issued issue(long templateId, int customerId, String issueKey, Instant issuedAt, String actor) {
        if (issuedAt != null && issuedAt.isAfter(clock.instant().plus(SKEW))) {
            throw MembershipException.invalid("issuedAt", "issuedAt must not be in the future, was " + issuedAt);
        }
        if (customerId <= 0) {
            throw MembershipException.invalid("customerId", "customerId must be a customer id > 0, was " + customerId);
        }
        if (issueKey != null && issueKey.length() > 200) {
            throw MembershipException.invalid("requestId", "requestId must be at most 190 characters");
        }
        return unit.inTransaction(em -> {
            if (issueKey != null) {
                List<Coupon> existing = em.createQuery("select c from Coupon c where c.customerId = :c and c.issueKey = :k",
                        Coupon.class).setParameter("c", customerId).setParameter("k", issueKey).getResultList();
                if (!existing.isEmpty()) {
                    return new Issued(existing.getFirst(), false);
                }
            }
            CouponTemplate t = find(em, templateId);
            Instant now = issuedAt == null ? clock.instant() : issuedAt;
            if (!t.active()) {
                throw MembershipException.conflict("templateId", "coupon template " + templateId + " is archived");
            }
            Instant[] validity = TemplateRules.validity(t, now);
            if (!now.isBefore(validity[1])) {
                throw MembershipException.conflict("templateId", "coupon template " + templateId + " ended at " + validity[1]);
            }
            // One conditional UPDATE: the row lock serialises concurrent issues, and the condition is re-checked on the
            // locked row, so no two transactions can both take the last coupon.
            int taken = em.createNativeQuery("update mb_coupon_template set issued = issued + 1 "
                            + "where id = :id and issued < stock")
                    .setParameter("id", templateId).executeUpdate();
            if (taken == 0) {
                throw MembershipException.conflict("stock", "coupon template " + templateId + " is out of stock: all "
                        + t.stock() + " coupons are issued");
            }
            Coupon coupon = new Coupon(newCode(), templateId, customerId, issueKey, now, validity[0], validity[1]);
            if (!clock.instant().isBefore(validity[1])) {
                coupon.expired();
            }
            em.persist(coupon);
            em.flush();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("code", coupon.code());
            data.put("templateId", templateId);
            data.put("name", t.name());
            data.put("validUntil", coupon.validUntil().toString());
            data.put("actor", actor);
            announcer.publish("membership:coupon:" + coupon.id() + ":issued", "coupon.issued", customerId, now, data);
            // written: not kept in the session, where every later query of a long transaction (a segment run, a demo
            // batch issuing thousands) would dirty-check it again before running
            em.detach(coupon);
            return new Issued(coupon, true);
        });
    }

    static String newCode() {
        char[] code = new char[12];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return "MB" + new String(code);
    }

    // ---- use

    public static String normalise(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }

    /** A coupon by code, with its template; empty when the code is not membership's. */
    public Optional<CouponWithTemplate> byCode(String code) {
        String normal = normalise(code);
        if (normal.isEmpty()) {
            return Optional.empty();
        }
        return unit.inTransaction(em -> em.createQuery("select c from Coupon c where c.code = :code", Coupon.class)
                .setParameter("code", normal).getResultStream().findFirst()
                .map(c -> new CouponWithTemplate(c, em.find(CouponTemplate.class, c.templateId()))));
    }

    /** A coupon and its template. */
    public record CouponWithTemplate(Coupon coupon, CouponTemplate template) {
    }

    /**
     * Checks that {@code found} can be used by {@code customerId} on an order of {@code totalFen} now.
     *
     * @return the discount it grants
     * @throws MembershipException INVALID naming {@code field}
     */
    public long check(CouponWithTemplate found, int customerId, long totalFen, String field) {
        return check(found, customerId, totalFen, field, clock.instant());
    }

    /**
     * Checks that {@code found} can be used by {@code customerId} on an order of {@code totalFen} placed at
     * {@code now}: judged at the order's time, so a coupon marked expired since can be used on an order of the time it
     * was valid (a history recorded later).
     */
    public long check(CouponWithTemplate found, int customerId, long totalFen, String field, Instant now) {
        Coupon c = found.coupon();
        if (c.customerId() != customerId) {
            throw MembershipException.invalid(field, "coupon " + c.code() + " belongs to another customer");
        }
        if (c.status() == Coupon.Status.USED) {
            throw MembershipException.invalid(field, "coupon " + c.code() + " was used on order " + c.orderId());
        }
        if (!now.isBefore(c.validUntil())) {
            throw MembershipException.invalid(field, "coupon " + c.code() + " expired at " + c.validUntil());
        }
        if (now.isBefore(c.validFrom())) {
            throw MembershipException.invalid(field, "coupon " + c.code() + " is valid from " + c.validFrom());
        }
        if (totalFen < found.template().thresholdFen()) {
            throw MembershipException.invalid(field, "coupon " + c.code() + " needs an order of at least "
                    + Money.yuan(found.template().thresholdFen()) + ", this one is " + Money.yuan(totalFen));
        }
        return TemplateRules.discount(found.template(), totalFen);
    }

    /**
     * Marks a coupon used on an order, in the caller's transaction; publishes {@code coupon.redeemed}.
     *
     * @throws MembershipException CONFLICT naming {@code field} if it is no longer unused (used concurrently)
     */
    public void use(String code, int customerId, String orderId, long discountFen, String field) {
        use(code, customerId, orderId, discountFen, field, clock.instant());
    }

    /**
     * Marks a coupon used on an order placed at {@code at}; a coupon marked expired since is taken too (the caller
     * has checked it was valid at {@code at}).
     */
    public void use(String code, int customerId, String orderId, long discountFen, String field, Instant at) {
        unit.inTransaction(em -> {
            Instant now = at;
            int updated = em.createQuery("update Coupon c set c.status = :used, c.orderId = :o, c.usedAt = :now, "
                            + "c.discountFen = :d "
                            + "where c.code = :code and c.customerId = :cust and c.status in (:issued, :expired)")
                    .setParameter("used", Coupon.Status.USED).setParameter("o", orderId).setParameter("now", now)
                    .setParameter("d", discountFen)
                    .setParameter("code", normalise(code)).setParameter("cust", customerId)
                    .setParameter("issued", Coupon.Status.ISSUED).setParameter("expired", Coupon.Status.EXPIRED)
                    .executeUpdate();
            if (updated == 0) {
                throw MembershipException.conflict(field, "coupon " + normalise(code) + " is no longer available");
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("code", normalise(code));
            data.put("orderId", orderId);
            data.put("discountFen", discountFen);
            announcer.publish("membership:coupon:" + normalise(code) + ":redeemed:" + orderId, "coupon.redeemed",
                    customerId, now, data);
            return null;
        });
    }

    /**
     * Gives back the coupons used on an order that was cancelled before payment, each with a {@code coupon.released}
     * event in the same transaction. @return how many
     */
    public int release(String orderId) {
        return unit.inTransaction(em -> {
            List<Coupon> used = em.createQuery("select c from Coupon c where c.orderId = :o and c.status = :used "
                            + "order by c.id", Coupon.class)
                    .setParameter("o", orderId).setParameter("used", Coupon.Status.USED).getResultList();
            Instant now = clock.instant();
            for (Coupon c : used) {
                c.released();
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("code", c.code());
                data.put("orderId", orderId);
                // the id names the order: released from another order later, it is another event
                announcer.publish("membership:coupon:" + c.code() + ":released:" + orderId, "coupon.released",
                        c.customerId(), now, data);
            }
            return used.size();
        });
    }

    /** The customer's coupons, newest first. */
    public List<CouponWithTemplate> couponsOf(int customerId) {
        return unit.inTransaction(em -> em.createQuery("select c from Coupon c where c.customerId = :c order by c.id desc",
                        Coupon.class).setParameter("c", customerId).setMaxResults(200).getResultList().stream()
                .map(c -> new CouponWithTemplate(c, em.find(CouponTemplate.class, c.templateId()))).toList());
    }

    /**
     * Marks every unused coupon past its end as expired (the daily job), {@value #EXPIRE_BATCH} per transaction, each with
     * a {@code coupon.expired} event in its transaction. @return how many
     */
    public int expireDue() {
        Instant now = clock.instant();
        int total = 0;
        while (true) {
            int done = unit.inTransaction(em -> {
                List<Coupon> due = em.createQuery("select c from Coupon c where c.status = :issued "
                                + "and c.validUntil <= :now order by c.id", Coupon.class)
                        .setParameter("issued", Coupon.Status.ISSUED).setParameter("now", now)
                        .setMaxResults(EXPIRE_BATCH).getResultList();
                for (Coupon c : due) {
                    c.expired();
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("code", c.code());
                    data.put("templateId", c.templateId());
                    data.put("validUntil", c.validUntil().toString());
                    // event time = when the coupon ended, not when the job noticed
                    announcer.publish("membership:coupon:" + c.id() + ":expired", "coupon.expired", c.customerId(),
                            c.validUntil(), data);
                }
                return due.size();
            });
            total += done;
            if (done < EXPIRE_BATCH) {
                return total;
            }
        }
    }
}
