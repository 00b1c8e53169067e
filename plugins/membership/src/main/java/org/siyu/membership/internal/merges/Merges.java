package org.siyu.membership.internal.merges;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.siyu.api.events.Event;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.membership.internal.Json;
import org.siyu.membership.internal.Seen;
import org.siyu.membership.internal.model.Coupon;
import org.siyu.membership.internal.model.Member;
import org.siyu.membership.internal.model.OrderFact;
import org.siyu.membership.internal.model.PointsLot;
import org.siyu.membership.internal.model.Tier;
import org.siyu.membership.internal.points.PointsLedger;
import org.siyu.membership.internal.tiers.Tiers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * What membership does about OneID's {@code customer.merged} {survivor, merged, mergeId} and
 * {@code customer.unmerged} {survivor, merged, mergeId}: the merged customer's points (with their lots and dates),
 * coupons and order facts go to the survivor, and come back on the undo. Each move is recorded in
 * {@code mb_merge_move}, so the undo gives back exactly what the merge moved, whatever happened in between.
 *
 * <p>The ledgers stay where they were written: each side gets one transfer row ({@code TRANSFER_OUT} /
 * {@code TRANSFER_IN}, cause {@code merge:<mergeId>:out|in}), so every customer's balance stays the sum of its own
 * ledger and the merged customer's history remains readable under its id. All of it in one transaction with the
 * event id recorded: a redelivered event changes nothing.
 */
public final class Merges {

    private static final Logger LOG = LoggerFactory.getLogger(Merges.class);

    /** The idempotency scope of event ids. */
    static final String EVENTS = "membership.merges";
    /** Chains longer than this are not followed (OneID flattens chains: mergedInto is the final survivor). */
    private static final int MAX_HOPS = 20;

    private final PersistenceUnit unit;
    private final Tiers tiers;
    private final PointsLedger ledger;
    private final Clock clock;

    public Merges(PersistenceUnit unit, Tiers tiers, PointsLedger ledger, Clock clock) {
        this.unit = unit;
        this.tiers = tiers;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** What {@link #apply} did. */
    public enum Outcome {
        MERGED, UNMERGED, NOTHING, DUPLICATE, IGNORED
    }

    /**
     * Applies one event.
     *
     * @throws IllegalArgumentException naming the field when the event's data is unusable (the bus retries it and then
     *                                  keeps it in the dead letters)
     */
    public Outcome apply(Event event) {
        boolean merge = "customer.merged".equals(event.type());
        if (!merge && !"customer.unmerged".equals(event.type())) {
            return Outcome.IGNORED;
        }
        JsonNode data = Json.read(event.data(), event.type());
        int survivor = id(data, "survivor", event);
        int merged = id(data, "merged", event);
        Long mergeId = Json.number(data, "mergeId", null, event.type());
        if (mergeId == null) {
            throw new IllegalArgumentException(event.type() + " " + event.id() + ": field 'mergeId' is missing");
        }
        if (survivor == merged) {
            throw new IllegalArgumentException(event.type() + " " + event.id() + ": field 'merged' equals 'survivor' ("
                    + survivor + ")");
        }
        Instant at = event.time() == null ? clock.instant() : event.time();
        return unit.inTransaction(em -> {
            if (!Seen.first(em, EVENTS, event.id(), clock.instant())) {
                return Outcome.DUPLICATE;
            }
            return merge ? merge(em, mergeId, survivor, merged, at) : unmerge(em, mergeId, survivor, merged, at);
        });
    }

    private static int id(JsonNode data, String field, Event event) {
        Long value = Json.number(data, field, null, event.type());
        if (value == null || value <= 0 || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(event.type() + " " + event.id() + ": field '" + field
                    + "' is missing or not a customer id");
        }
        return value.intValue();
    }

    /**
     * The customer whose membership {@code customerId}'s now is: itself, or the survivor of the merges (not undone)
     * it went into. Order events published for a merged customer after its merge was applied land there.
     */
    public static int survivorOf(EntityManager em, int customerId) {
        int current = customerId;
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            List<?> next = em.createNativeQuery("select survivor_id from mb_merge_move where merged_id = :m "
                            + "and kind = 'MERGE' and restored_at is null order by merge_id desc")
                    .setParameter("m", current).setMaxResults(1).getResultList();
            if (next.isEmpty()) {
                return current;
            }
            current = ((Number) next.getFirst()).intValue();
        }
        return current;
    }

    private Outcome merge(EntityManager em, long mergeId, int survivorId, int mergedId, Instant at) {
        if (moved(em, mergeId, "MERGE") != null) {
            return Outcome.DUPLICATE; // the same merge announced under another event id
        }
        Instant now = clock.instant();
        // Both rows locked in id order, like any two-member change, so concurrent merges cannot deadlock on them.
        Member first = tiers.lock(em, Math.min(survivorId, mergedId));
        Member second = tiers.lock(em, Math.max(survivorId, mergedId));
        Member merged = mergedId < survivorId ? first : second;
        Member survivor = mergedId < survivorId ? second : first;
        List<OrderFact> facts = em.createQuery("select f from OrderFact f where f.customerId = :c", OrderFact.class)
                .setParameter("c", mergedId).getResultList();
        List<Coupon> coupons = em.createQuery("select c from Coupon c where c.customerId = :c", Coupon.class)
                .setParameter("c", mergedId).getResultList();
        if (merged == null && facts.isEmpty() && coupons.isEmpty()) {
            record(em, mergeId, "MERGE", Integer.toString(mergedId), survivorId, mergedId, 0, null, now);
            return Outcome.NOTHING;
        }
        String why = "customer " + mergedId + " merged into " + survivorId + " (merge " + mergeId + ")";
        String before = survivor == null ? null
                : survivor.tierCode() + "|" + survivor.tierSince() + "|" + survivor.reviewAt();
        if (survivor == null) {
            survivor = tiers.lockOrJoin(em, survivorId, at, why);
        }
        long points = 0;
        if (merged != null) {
            // Lots due on the merged customer expire there, where they were earned, before anything moves.
            ledger.expireDue(em, merged, now);
            points = merged.points();
            for (PointsLot lot : em.createQuery("select l from PointsLot l where l.customerId = :c and l.remaining > 0",
                    PointsLot.class).setParameter("c", mergedId).getResultList()) {
                record(em, mergeId, "LOT", Long.toString(lot.id()), survivorId, mergedId, lot.remaining(), null, now);
                lot.moveTo(survivorId);
            }
            em.flush();
            ledger.transfer(em, merged, survivor, points, at, "merge:" + mergeId, why);
            merged.mergedInto(survivorId, now);
        }
        long growth = 0;
        for (OrderFact fact : facts) {
            record(em, mergeId, "FACT", fact.orderId(), survivorId, mergedId, fact.netFen(), null, now);
            fact.moveTo(survivorId);
            growth += fact.growth();
        }
        moveGrowth(merged, survivor, growth, now);
        for (Coupon coupon : coupons) {
            String key = coupon.issueKey();
            String newKey = key == null || !hasKey(em, survivorId, key) ? key : renamed(key, mergedId);
            record(em, mergeId, "COUPON", Long.toString(coupon.id()), survivorId, mergedId, 0, key, now);
            coupon.moveTo(survivorId, newKey);
        }
        record(em, mergeId, "MERGE", Integer.toString(mergedId), survivorId, mergedId, points, before, now);
        em.flush();
        // The person holds the better of the two tiers (with its dates), then whatever the orders together qualify for.
        List<Tier> ladder = Tiers.all(em);
        if (merged != null && Tiers.rank(ladder, merged.tierCode()) > Tiers.rank(ladder, survivor.tierCode())) {
            tiers.place(em, survivor, merged.tierCode(), merged.tierSince(), merged.reviewAt(), at, why);
        }
        tiers.upgrade(em, survivor, at, why);
        tiers.retagExactly(em, survivorId, survivor.tierCode(), "tier " + survivor.tierCode() + ": " + why);
        tiers.retagExactly(em, mergedId, null, why);
        LOG.debug("Merge {}: {} points, {} orders, {} coupons moved from {} to {}", mergeId, points, facts.size(),
                coupons.size(), mergedId, survivorId);
        return Outcome.MERGED;
    }

    private Outcome unmerge(EntityManager em, long mergeId, int survivorId, int mergedId, Instant at) {
        Object[] mergeRow = moved(em, mergeId, "MERGE");
        if (mergeRow == null || mergeRow[1] != null) {
            // never applied (membership was not there, or held nothing of the merged customer), or undone already
            return mergeRow == null ? Outcome.NOTHING : Outcome.DUPLICATE;
        }
        Instant now = clock.instant();
        String why = "merge " + mergeId + " of customer " + mergedId + " into " + survivorId + " undone";
        Member first = tiers.lock(em, Math.min(survivorId, mergedId));
        Member second = tiers.lock(em, Math.max(survivorId, mergedId));
        Member merged = mergedId < survivorId ? first : second;
        Member survivor = mergedId < survivorId ? second : first;
        List<Object[]> moves = rows(em, mergeId);
        if (survivor != null && merged != null) {
            ledger.expireDue(em, survivor, now);
            // What is left of the lots the merged customer brought goes back with their dates; a debt it brought
            // (a negative balance moved at the merge) goes back too.
            long back = 0;
            for (Object[] move : moves) {
                if (move[0].equals("LOT")) {
                    PointsLot lot = em.find(PointsLot.class, Long.parseLong((String) move[1]));
                    if (lot != null && lot.customerId() == survivorId) {
                        back += lot.remaining();
                        lot.moveTo(mergedId);
                    }
                }
            }
            long debt = Math.max(0, -((Number) mergeRow[0]).longValue());
            em.flush();
            ledger.transfer(em, survivor, merged, back - debt, at, "unmerge:" + mergeId, why);
        }
        if (merged != null) {
            merged.mergedInto(0, now);
        }
        long growth = 0;
        for (Object[] move : moves) {
            if (move[0].equals("FACT")) {
                OrderFact fact = em.find(OrderFact.class, move[1]);
                if (fact != null && fact.customerId() == survivorId) {
                    fact.moveTo(mergedId);
                    growth += fact.growth();
                }
            } else if (move[0].equals("COUPON")) {
                Coupon coupon = em.find(Coupon.class, Long.parseLong((String) move[1]));
                if (coupon != null && coupon.customerId() == survivorId) {
                    coupon.moveTo(mergedId, (String) move[2]);
                }
            }
        }
        moveGrowth(survivor, merged, growth, now);
        em.createNativeQuery("update mb_merge_move set restored_at = :now where merge_id = :id and restored_at is null")
                .setParameter("now", now).setParameter("id", mergeId).executeUpdate();
        em.flush();
        if (survivor != null) {
            // The survivor gets back the tier it held before (until that tier's review), or what its own orders
            // qualify for now if that is better.
            String before = (String) mergeRow[2];
            if (before != null) {
                String[] parts = before.split("\\|");
                tiers.place(em, survivor, parts[0], Instant.parse(parts[1]), Instant.parse(parts[2]), at, why);
            } else {
                Tier entry = Tiers.all(em).getFirst();
                tiers.place(em, survivor, entry.code(), at, tiers.reviewAfter(at), at, why);
            }
            tiers.upgrade(em, survivor, at, why);
            tiers.retagExactly(em, survivorId, survivor.tierCode(), "tier " + survivor.tierCode() + ": " + why);
        }
        if (merged != null) {
            tiers.retagExactly(em, mergedId, merged.tierCode(), "tier " + merged.tierCode() + ": " + why);
        }
        return Outcome.UNMERGED;
    }

    private static void moveGrowth(Member from, Member to, long growth, Instant now) {
        if (growth == 0) {
            return;
        }
        if (from != null) {
            from.addGrowth(-growth, now);
        }
        if (to != null) {
            to.addGrowth(growth, now);
        }
    }

    private static boolean hasKey(EntityManager em, int customerId, String key) {
        Number n = (Number) em.createNativeQuery("select count(*) from mb_coupon where customer_id = :c and issue_key = :k")
                .setParameter("c", customerId).setParameter("k", key).getSingleResult();
        return n.longValue() > 0;
    }

    /** An issue key the survivor does not hold, kept within the column's 200 characters. */
    private static String renamed(String key, int mergedId) {
        String suffix = "~merged:" + mergedId;
        return (key.length() + suffix.length() > 200 ? key.substring(0, 200 - suffix.length()) : key) + suffix;
    }

    /** The {@code amount}, {@code restored_at} and {@code detail} of a move, or {@code null}. */
    private static Object[] moved(EntityManager em, long mergeId, String kind) {
        List<?> rows = em.createNativeQuery("select amount, restored_at, detail from mb_merge_move where merge_id = :id "
                + "and kind = :k").setParameter("id", mergeId).setParameter("k", kind).getResultList();
        return rows.isEmpty() ? null : (Object[]) rows.getFirst();
    }

    /** {@code kind, ref, detail} of a merge's moves not given back yet. */
    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(EntityManager em, long mergeId) {
        return new ArrayList<>((List<Object[]>) em.createNativeQuery("select kind, ref, detail from mb_merge_move "
                + "where merge_id = :id and restored_at is null").setParameter("id", mergeId).getResultList());
    }

    private static void record(EntityManager em, long mergeId, String kind, String ref, int survivor, int merged,
            long amount, String detail, Instant now) {
        em.createNativeQuery("insert into mb_merge_move (merge_id, kind, ref, survivor_id, merged_id, amount, detail, "
                        + "moved_at) values (:id, :k, :r, :s, :m, :a, :d, :now)")
                .setParameter("id", mergeId).setParameter("k", kind).setParameter("r", ref).setParameter("s", survivor)
                .setParameter("m", merged).setParameter("a", amount).setParameter("d", detail).setParameter("now", now)
                .executeUpdate();
    }
}
