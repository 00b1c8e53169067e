package org.siyu.membership.internal.points;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.events.EventBus;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.membership.internal.Announcer;
import org.siyu.membership.internal.MembershipEntities;
import org.siyu.membership.internal.MembershipException;
import org.siyu.membership.internal.Settings;
import org.siyu.membership.internal.SettingsSource;
import org.siyu.membership.internal.model.Cause;
import org.siyu.membership.internal.model.LedgerEntry;
import org.siyu.membership.internal.model.LedgerEntry.Kind;
import org.siyu.membership.internal.model.Member;
import org.siyu.membership.internal.model.PointsLot;
import org.siyu.membership.internal.tiers.Tiers;

/**
 * The points ledger. Every movement is one {@link LedgerEntry} with its cause, written with the change of the member's
 * balance in one transaction while the member row is locked, so the balance always equals the sum of the ledger.
 * Earned points form lots that expire as a whole ({@link Expiry}); redemptions and claw-backs take from the oldest
 * lot first. A cause with a key (an order, a refund, a request, a lot) moves points at most once.
 */
@Component(service = PointsLedger.class)
public class PointsLedger {

    private final PersistenceUnit unit;
    private final Tiers tiers;
    private final Announcer announcer;
    private final Supplier<Settings> settings;
    private final Clock clock;

    @Activate
    public PointsLedger(@Reference(target = MembershipEntities.TARGET) PersistenceUnit unit, @Reference Tiers tiers,
            @Reference EventBus bus, @Reference SettingsSource settings) {
        this(unit, tiers, bus, settings, Clock.systemUTC());
    }

    public PointsLedger(PersistenceUnit unit, Tiers tiers, EventBus bus, Supplier<Settings> settings, Clock clock) {
        this.unit = unit;
        this.tiers = tiers;
        this.announcer = new Announcer(bus);
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether a cause key has moved points already. */
    public static boolean done(EntityManager em, String causeKey) {
        Number n = (Number) em.createNativeQuery("select count(*) from mb_points_ledger where cause_key = :k")
                .setParameter("k", causeKey).getSingleResult();
        return n.longValue() > 0;
    }

    /**
     * Credits {@code points} earned at {@code at} (the event's time, which also starts the lot's validity) to the
     * locked {@code member}. A negative balance (a claw-back debt, where allowed) is paid first.
     *
     * @return the ledger row, or {@code null} if the cause was applied before or {@code points} is 0
     */
    public LedgerEntry earn(EntityManager em, Member member, long points, Instant at, Cause cause) {
        if (points <= 0 || (cause.key() != null && done(em, cause.key()))) {
            return null;
        }
        long debt = Math.max(0, -member.points());
        member.addPoints(points, clock.instant());
        LedgerEntry entry = new LedgerEntry(member.customerId(), Kind.EARN, points, member.points(), 0, cause, at,
                clock.instant());
        em.persist(entry);
        Instant expiresAt = Expiry.of(at, settings.get());
        PointsLot lot = new PointsLot(member.customerId(), entry.id(), points, Math.max(0, points - debt), at, expiresAt);
        em.persist(lot);
        Map<String, Object> data = data(entry);
        data.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
        data.put("lotId", lot.id());
        announcer.publish("membership:ledger:" + entry.id(), "points.earned", member.customerId(), at, data);
        return entry;
    }

    /**
     * Takes points from the locked {@code member}, oldest lot first, after expiring the lots that are due. A
     * redemption needs the whole amount; a claw-back takes what is there and records the shortfall, or overdraws when
     * the settings allow a negative balance.
     *
     * @return the ledger row, or {@code null} if the cause was applied before or {@code points} is 0
     * @throws MembershipException CONFLICT (field {@code points}) when a redemption exceeds the balance
     */
    public LedgerEntry debit(EntityManager em, Member member, Kind kind, long points, Instant at, Cause cause) {
        if (kind == Kind.EARN || kind == Kind.EXPIRE) {
            throw new IllegalArgumentException("debit of kind " + kind);
        }
        if (points <= 0 || (cause.key() != null && done(em, cause.key()))) {
            return null;
        }
        expireDue(em, member, clock.instant());
        long available = Math.max(0, member.points());
        long take;
        if (kind == Kind.REDEEM) {
            if (points > available) {
                throw MembershipException.conflict("points", "cannot redeem " + points + " points: customer "
                        + member.customerId() + " has " + available);
            }
            take = points;
        } else {
            take = settings.get().allowNegativeBalance() ? points : Math.min(points, available);
        }
        member.addPoints(-take, clock.instant());
        LedgerEntry entry = new LedgerEntry(member.customerId(), kind, -take, member.points(), points - take, cause, at,
                clock.instant());
        em.persist(entry);
        consume(em, member.customerId(), entry.id(), Math.min(take, available));
        Map<String, Object> data = data(entry);
        data.put("shortfall", points - take);
        String type = kind == Kind.REDEEM ? "points.redeemed" : "points.clawback";
        announcer.publish("membership:ledger:" + entry.id(), type, member.customerId(), at, data);
        return entry;
    }

    /**
     * Moves {@code points} (negative: a debt) from the locked member {@code from} to the locked member {@code to}: a
     * {@code TRANSFER_OUT} row on one and a {@code TRANSFER_IN} row on the other, so both balances stay the sums of
     * their ledgers. The caller re-points the lots that go with the points first; then each side's lots are brought
     * to its balance ({@link #reconcile}). Publishes nothing: the merge that causes it is the event.
     *
     * @param key the cause key stem: the rows get {@code <key>:out} and {@code <key>:in}
     * @return false if the cause was applied before or {@code points} is 0 (no rows)
     */
    public boolean transfer(EntityManager em, Member from, Member to, long points, Instant at, String key, String note) {
        if (points == 0 || done(em, key + ":out")) {
            return false;
        }
        Instant now = clock.instant();
        from.addPoints(-points, now);
        LedgerEntry out = new LedgerEntry(from.customerId(), Kind.TRANSFER_OUT, -points, from.points(), 0,
                new Cause(key + ":out", null, null, "system", note), at, now);
        em.persist(out);
        to.addPoints(points, now);
        LedgerEntry in = new LedgerEntry(to.customerId(), Kind.TRANSFER_IN, points, to.points(), 0,
                new Cause(key + ":in", null, null, "system", note), at, now);
        em.persist(in);
        em.flush();
        reconcile(em, from, out, at);
        reconcile(em, to, in, at);
        return true;
    }

    /**
     * Brings the lots of a member to its balance after a transfer: the lots' remaining points must equal
     * {@code max(0, balance)}. A surplus (the points paid a debt) is taken oldest lot first and recorded against
     * {@code row} in {@code mb_points_use}; a gap (a debt given back) becomes a new lot of {@code row}, earned at
     * {@code at}.
     */
    void reconcile(EntityManager em, Member member, LedgerEntry row, Instant at) {
        Number held = (Number) em.createNativeQuery("select coalesce(sum(remaining), 0) from mb_points_lot "
                + "where customer_id = :c").setParameter("c", member.customerId()).getSingleResult();
        long target = Math.max(0, member.points());
        long surplus = held.longValue() - target;
        if (surplus > 0) {
            consume(em, member.customerId(), row.id(), surplus);
        } else if (surplus < 0) {
            em.persist(new PointsLot(member.customerId(), row.id(), -surplus, -surplus, at, Expiry.of(at, settings.get())));
        }
    }

    /**
     * Redeems points for a customer in a transaction of its own (or the caller's).
     *
     * @param requestId makes a retried request count once, or {@code null}
     * @return the ledger row (the earlier one for a repeated request id)
     * @throws MembershipException INVALID for points ≤ 0, NOT_FOUND for a customer without points, CONFLICT when the
     *                             balance is short
     */
    public LedgerEntry redeem(int customerId, long points, String requestId, String actor, String note) {
        if (points <= 0) {
            throw MembershipException.invalid("points", "points must be a whole number > 0, was " + points);
        }
        if (requestId != null && (requestId.isBlank() || requestId.length() > 200)) {
            throw MembershipException.invalid("requestId", "requestId must be 1–200 characters");
        }
        String key = requestId == null ? null : "redeem:" + customerId + ":" + requestId.strip();
        return unit.inTransaction(em -> {
            Member member = tiers.lock(em, customerId);
            if (member == null) {
                throw MembershipException.conflict("points", "cannot redeem " + points + " points: customer " + customerId
                        + " has none");
            }
            if (key != null && done(em, key)) {
                return em.createQuery("select e from LedgerEntry e where e.causeKey = :k", LedgerEntry.class)
                        .setParameter("k", key).getSingleResult();
            }
            Instant now = clock.instant();
            return debit(em, member, Kind.REDEEM, points, now,
                    new Cause(key, null, null, actor, note == null || note.isBlank() ? "redeemed" : note.strip()));
        });
    }

    /**
     * Expires the member's lots that are due at {@code now}: one ledger row and one {@code points.expired} per lot.
     *
     * @return the points expired
     */
    public long expireDue(EntityManager em, Member member, Instant now) {
        List<PointsLot> due = em.createQuery("select l from PointsLot l where l.customerId = :c and l.remaining > 0 "
                        + "and l.expiresAt <= :now order by l.earnedAt, l.id", PointsLot.class)
                .setParameter("c", member.customerId()).setParameter("now", now).getResultList();
        long expired = 0;
        for (PointsLot lot : due) {
            long points = lot.take(lot.remaining());
            member.addPoints(-points, now);
            LedgerEntry entry = new LedgerEntry(member.customerId(), Kind.EXPIRE, -points, member.points(), 0,
                    new Cause("expire:" + lot.id(), null, null, "system", "lot " + lot.id() + " earned "
                            + lot.earnedAt() + " expired"), lot.expiresAt(), now);
            em.persist(entry);
            use(em, entry.id(), lot.id(), points);
            Map<String, Object> data = data(entry);
            data.put("lotId", lot.id());
            data.put("earnedAt", lot.earnedAt().toString());
            announcer.publish("membership:ledger:" + entry.id(), "points.expired", member.customerId(), lot.expiresAt(),
                    data);
            expired += points;
        }
        return expired;
    }

    /**
     * Expires every due lot, {@code batch} customers per transaction (the daily job).
     *
     * @return the points expired
     */
    public long expireAll(int batch, java.util.function.LongConsumer progress) {
        Instant now = clock.instant();
        long total = 0;
        int after = Integer.MIN_VALUE;
        while (true) {
            final int from = after;
            List<Integer> customers = unit.inTransaction(em -> em.createQuery("select distinct l.customerId from "
                            + "PointsLot l where l.remaining > 0 and l.expiresAt <= :now and l.customerId > :after "
                            + "order by l.customerId", Integer.class)
                    .setParameter("now", now).setParameter("after", from).setMaxResults(batch).getResultList());
            if (customers.isEmpty()) {
                return total;
            }
            total += unit.inTransaction(em -> {
                long expired = 0;
                for (int customerId : customers) {
                    Member member = tiers.lock(em, customerId);
                    if (member != null) {
                        expired += expireDue(em, member, now);
                    }
                }
                return expired;
            });
            progress.accept(total);
            after = customers.getLast();
        }
    }

    /** The customer's balance and what expires next. */
    public Balance balance(int customerId) {
        return unit.inTransaction(em -> {
            Member member = em.find(Member.class, customerId);
            if (member == null) {
                return new Balance(customerId, 0, 0, null);
            }
            List<Object[]> next = em.createQuery("select l.expiresAt, sum(l.remaining) from PointsLot l where "
                            + "l.customerId = :c and l.remaining > 0 and l.expiresAt is not null group by l.expiresAt "
                            + "order by l.expiresAt", Object[].class)
                    .setParameter("c", customerId).setMaxResults(1).getResultList();
            if (next.isEmpty()) {
                return new Balance(customerId, member.points(), 0, null);
            }
            return new Balance(customerId, member.points(), ((Number) next.getFirst()[1]).longValue(),
                    (Instant) next.getFirst()[0]);
        });
    }

    /** The customer's newest ledger rows first. */
    public List<LedgerEntry> ledger(int customerId, int limit) {
        return unit.inTransaction(em -> em.createQuery("select e from LedgerEntry e where e.customerId = :c "
                        + "order by e.id desc", LedgerEntry.class)
                .setParameter("c", customerId).setMaxResults(limit).getResultList());
    }

    /**
     * A balance.
     *
     * @param points         the balance (negative only for a claw-back debt, where allowed)
     * @param expiringPoints points of the lots that expire next, 0 if none
     * @param nextExpiry     when they expire, or {@code null}
     */
    public record Balance(int customerId, long points, long expiringPoints, Instant nextExpiry) {
    }

    private void consume(EntityManager em, int customerId, long ledgerId, long points) {
        if (points <= 0) {
            return;
        }
        List<PointsLot> lots = em.createQuery("select l from PointsLot l where l.customerId = :c and l.remaining > 0 "
                        + "order by l.earnedAt, l.id", PointsLot.class)
                .setParameter("c", customerId).getResultList();
        long wanted = points;
        for (PointsLot lot : lots) {
            if (wanted == 0) {
                break;
            }
            long taken = lot.take(wanted);
            wanted -= taken;
            use(em, ledgerId, lot.id(), taken);
        }
        if (wanted != 0) {
            // The balance said the points were there; the lots disagree. Refuse rather than break the invariant.
            throw new IllegalStateException("customer " + customerId + ": lots hold " + (points - wanted)
                    + " points, the balance promised " + points);
        }
    }

    private static void use(EntityManager em, long ledgerId, long lotId, long points) {
        em.createNativeQuery("insert into mb_points_use (ledger_id, lot_id, points) values (:l, :lot, :p)")
                .setParameter("l", ledgerId).setParameter("lot", lotId).setParameter("p", points).executeUpdate();
    }

    private static Map<String, Object> data(LedgerEntry entry) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ledgerId", entry.id());
        data.put("kind", entry.kind().name());
        data.put("points", entry.points());
        data.put("balance", entry.balanceAfter());
        if (entry.orderId() != null) {
            data.put("orderId", entry.orderId());
        }
        if (entry.eventId() != null) {
            data.put("cause", entry.eventId());
        }
        if (entry.actor() != null) {
            data.put("actor", entry.actor());
        }
        data.put("note", entry.note());
        return data;
    }
}
