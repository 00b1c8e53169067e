package org.siyu.kernel.identity.internal;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.siyu.kernel.identity.internal.store.CustomerRow;
import org.siyu.kernel.identity.internal.store.LinkRow;
import org.siyu.kernel.identity.internal.store.MergeRow;
import org.siyu.kernel.identity.internal.store.MoveRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges one customer into another and undoes it. A merge moves every identity of the merged customer to the
 * survivor and records each move with the merge that had brought the identity before, so undo restores the links
 * exactly. Traits are not copied (the survivor shows the merged customer's traits where it has none), so undo
 * needs nothing for them.
 */
final class Merger {

    private static final Logger LOG = LoggerFactory.getLogger(Merger.class);

    private final CustomerEvents events;

    Merger(CustomerEvents events) {
        this.events = events;
    }

    /** Whether a merge between the two customers, either way round, was undone: an operator separated them. */
    boolean separated(EntityManager em, int a, int b) {
        return em.createQuery("select count(m) from MergeRow m where m.undoneAt is not null and "
                        + "((m.survivor = :a and m.merged = :b) or (m.survivor = :b and m.merged = :a))", Long.class)
                .setParameter("a", a)
                .setParameter("b", b)
                .getSingleResult() > 0;
    }

    /** Merges {@code merged} into {@code survivor}; returns the merge's id. */
    long merge(EntityManager em, WriteGate.Txn txn, int survivor, int merged, String rule, String evidence,
            String actor, Instant now) {
        MergeRow row = new MergeRow(survivor, merged, rule, evidence, actor, now);
        em.persist(row);
        long mergeId = row.getId();
        List<LinkRow> links = em.createQuery("select l from LinkRow l where l.customerId = :c", LinkRow.class)
                .setParameter("c", merged)
                .getResultList();
        for (LinkRow link : links) {
            em.persist(new MoveRow(mergeId, link.getIdentity(), link.getBroughtByMerge()));
            link.moveTo(survivor, mergeId);
            txn.link(link.getIdentity(), survivor);
        }
        CustomerRow mergedRow = em.find(CustomerRow.class, merged);
        mergedRow.setMergedInto(survivor);
        txn.customer(merged, false, mergedRow.getOwner());
        LOG.debug("Merged customer {} into {} by {} on {} (merge {}, {} identities)", merged, survivor, rule, evidence,
                mergeId, links.size());
        events.merged(survivor, merged, mergeId, rule);
        return mergeId;
    }

    /**
     * Undoes a merge.
     *
     * @throws IllegalArgumentException if there is no such merge or it was undone already
     * @throws IllegalStateException    if the survivor has since been merged into another customer
     */
    MergeRow undo(EntityManager em, WriteGate.Txn txn, long mergeId, String actor, Instant now) {
        MergeRow row = em.find(MergeRow.class, mergeId);
        if (row == null) {
            throw new IllegalArgumentException("there is no merge " + mergeId);
        }
        if (row.getUndoneAt() != null) {
            throw new IllegalArgumentException("merge " + mergeId + " was already undone at " + row.getUndoneAt());
        }
        int survivor = row.getSurvivor();
        int merged = row.getMerged();
        CustomerRow survivorRow = em.find(CustomerRow.class, survivor);
        if (survivorRow.getMergedInto() != 0) {
            throw new IllegalStateException("customer " + survivor + " has since been merged into customer "
                    + survivorRow.getMergedInto() + "; undo that merge first");
        }
        List<MoveRow> moves = em.createQuery("select m from MoveRow m where m.mergeId = :id", MoveRow.class)
                .setParameter("id", mergeId)
                .getResultList();
        List<LinkRow> back = new ArrayList<>(moves.size());
        int splitOff = 0;
        for (MoveRow move : moves) {
            LinkRow link = em.find(LinkRow.class, move.getIdentity());
            if (link != null && link.getCustomerId() != survivor && link.getBroughtByMerge() == null) {
                splitOff++; // an operator split it off since (OneId.split): it stays where the split put it
                continue;
            }
            if (link == null || link.getCustomerId() != survivor) {
                throw new IllegalStateException("cannot undo merge " + mergeId + ": an identity it moved is no longer "
                        + "with customer " + survivor);
            }
            back.add(link);
            link.moveTo(merged, move.getPreviousMerge());
        }
        back.forEach(link -> txn.link(link.getIdentity(), merged));
        CustomerRow mergedRow = em.find(CustomerRow.class, merged);
        mergedRow.setMergedInto(0);
        txn.customer(merged, true, mergedRow.getOwner());
        row.undo(now, actor);
        LOG.info("Merge {} undone by {}: customer {} separated from {} again ({} identities{})", mergeId, actor, merged,
                survivor, back.size(), splitOff == 0 ? "" : "; " + splitOff + " split off since stay where they are");
        events.unmerged(survivor, merged, mergeId);
        return row;
    }

    /**
     * Merges live customers into the lowest id, rule {@code graph-check} (the graph check's joins).
     *
     * @throws IllegalArgumentException if fewer than two customers are named, or one does not exist
     * @throws IllegalStateException    if one was merged since, or an operator separated two of them
     */
    int join(EntityManager em, WriteGate.Txn txn, List<Integer> customerIds, String evidence, String actor,
            Instant now) {
        if (customerIds.stream().distinct().count() < 2) {
            throw new IllegalArgumentException("a join needs at least two customers, not " + customerIds);
        }
        for (int id : customerIds) {
            CustomerRow row = em.find(CustomerRow.class, id);
            if (row == null) {
                throw new IllegalArgumentException("there is no customer " + id);
            }
            if (row.getMergedInto() != 0) {
                throw new IllegalStateException("customer " + id + " has since been merged into customer "
                        + row.getMergedInto() + "; run the graph check again");
            }
        }
        List<Integer> sorted = customerIds.stream().distinct().sorted().toList();
        int survivor = sorted.getFirst();
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                if (separated(em, sorted.get(i), sorted.get(j))) {
                    throw new IllegalStateException("an operator separated customers " + sorted.get(i) + " and "
                            + sorted.get(j) + " by undoing their merge; merge them by hand if they are one person");
                }
            }
        }
        for (int other : sorted.subList(1, sorted.size())) {
            merge(em, txn, survivor, other, "graph-check", evidence == null || evidence.isBlank() ? "rebuilt graph"
                    : evidence, actor, now);
        }
        return survivor;
    }
}
