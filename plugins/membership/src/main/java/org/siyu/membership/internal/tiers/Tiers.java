package org.siyu.membership.internal.tiers;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.events.EventBus;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.membership.internal.Announcer;
import org.siyu.membership.internal.MembershipEntities;
import org.siyu.membership.internal.MembershipException;
import org.siyu.membership.internal.Money;
import org.siyu.membership.internal.Settings;
import org.siyu.membership.internal.SettingsSource;
import org.siyu.membership.internal.model.Member;
import org.siyu.membership.internal.model.Tier;
import org.siyu.membership.internal.model.CouponTemplate;
import org.siyu.membership.internal.model.TierValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tiers and members' places in them. A member goes up as soon as an order qualifies it ({@link #upgrade}) and is
 * reviewed on its review date ({@link #review}), the only time it can go down. Every change publishes
 * {@code member.tier.changed} and moves the tier tag, in the transaction of the change.
 */
@Component(service = Tiers.class)
public class Tiers {

    private static final Logger LOG = LoggerFactory.getLogger(Tiers.class);

    private final PersistenceUnit unit;
    private final Announcer announcer;
    private final TierTags tags;
    private final Supplier<Settings> settings;
    private final Clock clock;

    @Activate
    public Tiers(@Reference(target = MembershipEntities.TARGET) PersistenceUnit unit, @Reference EventBus bus,
            @Reference TierTags tags, @Reference SettingsSource settings) {
        this(unit, bus, tags, settings, Clock.systemUTC());
    }

    public Tiers(PersistenceUnit unit, EventBus bus, TierTags tags, Supplier<Settings> settings, Clock clock) {
        this.unit = unit;
        this.announcer = new Announcer(bus);
        this.tags = tags;
        this.settings = settings;
        this.clock = clock;
    }

    /** Now, by this service's clock. */
    public Instant now() {
        return clock.instant();
    }

    /** Every tier, lowest rank first. */
    public List<Tier> list() {
        return unit.inTransaction(Tiers::all);
    }

    public static List<Tier> all(EntityManager em) {
        return em.createQuery("select t from Tier t order by t.rankNo", Tier.class).getResultList();
    }

    public Optional<Tier> find(String code) {
        return unit.inTransaction(em -> Optional.ofNullable(em.find(Tier.class, code)));
    }

    /**
     * Changes a tier's values (the code stays), or adds a tier with a new code.
     *
     * @throws MembershipException INVALID naming the field; the ladder must stay consistent (see {@link TierRules})
     */
    public Tier save(TierValues values, String actor) {
        TierRules.check(values);
        Instant now = clock.instant();
        return unit.inTransaction(em -> {
            Tier tier = em.find(Tier.class, values.code());
            String oldName = tier == null ? null : tier.nameZh();
            for (Tier other : all(em)) {
                if (!other.code().equals(values.code()) && other.rank() == values.rank()) {
                    throw MembershipException.invalid("rank", "rank " + values.rank() + " is taken by " + other.code());
                }
            }
            Long gift = values.birthdayTemplateId();
            if (gift != null) {
                CouponTemplate template = em.find(CouponTemplate.class, gift);
                if (template == null) {
                    throw MembershipException.invalid("birthdayTemplateId", "no coupon template with id " + gift);
                }
                if (!template.active()) {
                    throw MembershipException.invalid("birthdayTemplateId", "coupon template " + gift + " ("
                            + template.name() + ") is archived");
                }
            }
            if (tier == null) {
                tier = new Tier(values.code(), values.rank(), values.nameZh(), values.nameEn());
                tier.update(values, actor, now);
                em.persist(tier);
            } else {
                tier.update(values, actor, now);
            }
            em.flush();
            TierRules.checkLadder(all(em));
            if (oldName != null && !oldName.equals(tier.nameZh())) {
                LOG.info("Tier {} renamed from {} to {}: run membership.sync-tags to move its members' tags", tier.code(),
                        oldName, tier.nameZh());
            }
            return tier;
        });
    }

    /**
     * The member row of {@code customerId}, locked for this transaction; a customer seen for the first time becomes a
     * member of the entry tier at {@code at} (publishing {@code member.tier.changed} from none).
     */
    public Member lockOrJoin(EntityManager em, int customerId, Instant at, String why) {
        Member member = em.find(Member.class, customerId, LockModeType.PESSIMISTIC_WRITE);
        if (member != null) {
            return member;
        }
        Tier entry = all(em).getFirst();
        member = new Member(customerId, entry.code(), at, nextReview(at), clock.instant());
        em.persist(member);
        em.flush();
        changed(em, member, null, entry, at, "joined: " + why, 0);
        return member;
    }

    /** The member row, locked, or {@code null} for a customer who never earned anything. */
    public Member lock(EntityManager em, int customerId) {
        return em.find(Member.class, customerId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * What the member's tier is measured on as of {@code asOf}: net spend in the 12 months before (fen), or the growth
     * value.
     */
    public long qualifyingValue(EntityManager em, Member member, Instant asOf) {
        if (settings.get().basis() == Settings.Basis.GROWTH) {
            return member.growth();
        }
        return qualifyingValueOfSpend(em, member, asOf);
    }

    /** Net spend in the 12 months before {@code asOf} (fen), whatever the basis. */
    public long qualifyingValueOfSpend(EntityManager em, Member member, Instant asOf) {
        Instant from = asOf.atZone(settings.get().zone()).minusMonths(12).toInstant();
        Number sum = (Number) em.createNativeQuery("select coalesce(sum(paid_fen - refunded_fen), 0) from mb_order_fact "
                        + "where customer_id = :c and paid_at > :from and paid_at <= :to")
                .setParameter("c", member.customerId()).setParameter("from", from).setParameter("to", asOf)
                .getSingleResult();
        return Math.max(0, sum.longValue());
    }

    /** Raises the member's tier if its value as of {@code at} qualifies for a better one; never lowers it. */
    public void upgrade(EntityManager em, Member member, Instant at, String why) {
        List<Tier> tiers = all(em);
        Tier current = byCode(tiers, member.tierCode());
        long value = qualifyingValue(em, member, at);
        Tier qualifying = TierRules.qualifying(tiers, settings.get().basis(), value);
        if (current == null || qualifying.rank() > current.rank()) {
            member.changeTier(qualifying.code(), at, nextReview(at), clock.instant());
            changed(em, member, current, qualifying, at, why, value);
        }
    }

    /**
     * Reviews every member whose review date has come: the tier becomes what the value qualifies for now (up, down or
     * the same), held until the next review.
     *
     * @return how many members changed tier
     */
    public int review(int batch) {
        Instant now = clock.instant();
        int changed = 0;
        while (true) {
            int[] result = unit.inTransaction(em -> {
                List<Integer> due = em.createQuery("select m.customerId from Member m where m.reviewAt <= :now "
                                + "and m.mergedInto = 0 order by m.reviewAt", Integer.class)
                        .setParameter("now", now).setMaxResults(batch).getResultList();
                int moved = 0;
                List<Tier> tiers = all(em);
                for (int customerId : due) {
                    Member member = lock(em, customerId);
                    if (member == null || member.reviewAt().isAfter(now) || member.mergedInto() != 0) {
                        continue;
                    }
                    Tier current = byCode(tiers, member.tierCode());
                    long value = qualifyingValue(em, member, now);
                    Tier qualifying = TierRules.qualifying(tiers, settings.get().basis(), value);
                    if (current == null || !qualifying.code().equals(current.code())) {
                        member.changeTier(qualifying.code(), now, nextReview(now), now);
                        changed(em, member, current, qualifying, now, "review", value);
                        moved++;
                    } else {
                        member.reviewed(nextReview(now), now);
                    }
                }
                return new int[] {due.size(), moved};
            });
            changed += result[1];
            if (result[0] < batch) {
                return changed;
            }
        }
    }

    /**
     * Puts every member's tier tag right (after the tag service was away, or a tier was renamed).
     *
     * @return how many members were tagged
     */
    public int syncTags(java.util.function.LongConsumer progress) {
        if (!tags.available()) {
            throw MembershipException.conflict(null, "the tag service is not running: tier tags cannot be written now");
        }
        List<Tier> tiers = list();
        Map<String, Tier> byCode = new LinkedHashMap<>();
        tiers.forEach(t -> byCode.put(t.code(), t));
        int done = 0;
        int after = Integer.MIN_VALUE;
        while (true) {
            final int from = after;
            List<Member> page = unit.inTransaction(em -> em.createQuery(
                            "select m from Member m where m.customerId > :after and m.mergedInto = 0 "
                                    + "order by m.customerId", Member.class)
                    .setParameter("after", from).setMaxResults(500).getResultList());
            if (page.isEmpty()) {
                return done;
            }
            unit.inTransaction(em -> {
                for (Member m : page) {
                    Tier tier = byCode.get(m.tierCode());
                    if (tier == null) {
                        continue;
                    }
                    for (Tier other : tiers) {
                        if (!other.code().equals(tier.code())) {
                            tags.drop(m.customerId(), other.nameZh());
                        }
                    }
                    tags.retag(m.customerId(), null, tier.nameZh(), "tier " + tier.code() + " since "
                            + m.tierSince() + " (membership.sync-tags)");
                }
                return null;
            });
            done += page.size();
            progress.accept(done);
            after = page.getLast().customerId();
        }
    }

    /**
     * Puts the member in the tier {@code code} as of {@code since} until {@code reviewAt} (a OneID merge: the survivor
     * takes the better tier of the two; its undo: the tier the survivor held before), publishing
     * {@code member.tier.changed} at {@code at} when the tier changes.
     */
    public void place(EntityManager em, Member member, String code, Instant since, Instant reviewAt, Instant at,
            String why) {
        List<Tier> tiers = all(em);
        Tier current = byCode(tiers, member.tierCode());
        Tier to = byCode(tiers, code);
        if (to == null) {
            to = tiers.getFirst(); // a tier deleted since: the entry tier
        }
        member.changeTier(to.code(), since, reviewAt, clock.instant());
        if (current == null || !current.code().equals(to.code())) {
            changed(em, member, current, to, at, why, qualifyingValue(em, member, at));
        }
    }

    /** The rank of a tier code, -1 for none. */
    public static int rank(List<Tier> tiers, String code) {
        Tier tier = byCode(tiers, code);
        return tier == null ? -1 : tier.rank();
    }

    /**
     * Leaves the customer exactly the tier tag of {@code code} ({@code null}: none), dropping the other tiers' tags
     * (the tagging kernel moves a merged customer's tags to the survivor by itself, in either order with us).
     */
    public void retagExactly(EntityManager em, int customerId, String code, String evidence) {
        for (Tier tier : all(em)) {
            if (!tier.code().equals(code)) {
                tags.drop(customerId, tier.nameZh());
            } else {
                tags.retag(customerId, null, tier.nameZh(), evidence);
            }
        }
    }

    /** A year (the settings' review period) after {@code from}. */
    public Instant reviewAfter(Instant from) {
        return nextReview(from);
    }

    private void changed(EntityManager em, Member member, Tier from, Tier to, Instant at, String why, long value) {
        Settings s = settings.get();
        String measure = s.basis() == Settings.Basis.SPEND
                ? "12-month spend " + Money.yuan(value) + " (needs " + Money.yuan(to.minSpendFen()) + ")"
                : "growth " + value + " (needs " + to.minGrowth() + ")";
        String evidence = to.nameZh() + ": " + measure + "; " + why;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("from", from == null ? null : from.code());
        data.put("to", to.code());
        data.put("toName", to.nameZh());
        data.put("direction", from == null ? "join" : to.rank() > from.rank() ? "up" : "down");
        data.put("basis", s.basis().name());
        data.put("value", value);
        data.put("reason", why);
        data.put("reviewAt", member.reviewAt().toString());
        announcer.publish("membership:tier:" + member.customerId() + ":" + to.code() + ":" + at.toEpochMilli(),
                "member.tier.changed", member.customerId(), at, data);
        tags.retag(member.customerId(), from == null ? null : from.nameZh(), to.nameZh(), evidence);
    }

    private Instant nextReview(Instant from) {
        Settings s = settings.get();
        return from.atZone(s.zone()).plusMonths(s.reviewMonths()).toInstant();
    }

    public static Tier byCode(List<Tier> tiers, String code) {
        for (Tier tier : tiers) {
            if (tier.code().equals(code)) {
                return tier;
            }
        }
        return null;
    }

    /** For the member card: tiers by code. */
    public static Map<String, Tier> index(List<Tier> tiers) {
        Map<String, Tier> map = new LinkedHashMap<>();
        new ArrayList<>(tiers).forEach(t -> map.put(t.code(), t));
        return map;
    }
}
