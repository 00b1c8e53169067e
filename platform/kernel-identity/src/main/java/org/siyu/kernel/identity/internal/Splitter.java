package org.siyu.kernel.identity.internal;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.siyu.kernel.identity.internal.channel.Mask;
import org.siyu.kernel.identity.internal.store.CustomerRow;
import org.siyu.kernel.identity.internal.store.LinkRow;
import org.siyu.kernel.identity.internal.store.SplitRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves link groups (the identities one resolution linked to a customer that existed before it, ADR 0015) off a
 * customer: to the customer they belong with, or to a new one, whose own they then are (as if it had been created
 * with them). The graph check names the groups; a split moves exactly the identities of those groups that are still
 * with the customer the check saw, or refuses. Tags, orders and
 * other facts stay with the customer that had them: a split says who an identity belongs to, not who did what.
 */
final class Splitter {

    private static final Logger LOG = LoggerFactory.getLogger(Splitter.class);

    private final CustomerEvents events;

    Splitter(CustomerEvents events) {
        this.events = events;
    }

    /** What a split did. */
    record Done(long splitId, int customer, boolean created, List<String> identities) {
    }

    /**
     * Moves the groups led by {@code leads} from {@code from} to {@code to}, or to a new customer when {@code to} is 0.
     *
     * @param evidence the key that had linked them, masked
     * @throws IllegalArgumentException when nothing is named, {@code to} equals {@code from}, or a customer is unknown
     * @throws IllegalStateException    when a customer was merged away since, or a group is no longer with
     *                                  {@code from}: the graph check should run again
     */
    Done split(EntityManager em, WriteGate.Txn txn, int from, int to, Collection<String> leads, String evidence,
            String actor, Instant now) {
        if (leads.isEmpty()) {
            throw new IllegalArgumentException("no link group named");
        }
        if (to == from) {
            throw new IllegalArgumentException("the identities are with customer " + from + " already");
        }
        CustomerRow source = live(em, from, "from");
        CustomerRow target = to == 0 ? null : live(em, to, "to");
        Set<String> named = new LinkedHashSet<>(leads);
        List<LinkRow> held = em.createQuery("select l from LinkRow l where l.customerId = :c", LinkRow.class)
                .setParameter("c", from)
                .getResultList();
        List<LinkRow> moving = new ArrayList<>();
        Set<String> found = new HashSet<>();
        for (LinkRow link : held) {
            if (link.getLinkedWith() != null && named.contains(link.getLinkedWith())) {
                moving.add(link);
                found.add(link.getLinkedWith());
            }
        }
        for (String lead : named) {
            if (!found.contains(lead)) {
                throw new IllegalStateException("the identities linked with " + Mask.identity(lead)
                        + " are no longer with customer " + from + "; run the graph check again");
            }
        }
        // A group is never divided: a merge moves all of a customer's links, an undo exactly what its merge moved (or
        // nothing), a split whole groups. So a group found with the customer is wholly there.
        if (moving.size() == held.size()) {
            throw new IllegalStateException("customer " + from + " would be left without identities");
        }
        boolean created = target == null;
        if (created) {
            target = new CustomerRow(now, moving.getFirst().getChannel(), null, null);
            em.persist(target);
            txn.customer(target.getId(), true, null);
        }
        List<String> keys = new ArrayList<>(moving.size());
        for (LinkRow link : moving) {
            link.moveTo(target.getId(), null);
            if (created) {
                link.founding(); // the new customer's own, as if it had been created with them
            }
            txn.link(link.getIdentity(), target.getId());
            keys.add(link.getIdentity());
        }
        SplitRow row = new SplitRow(from, target.getId(), created, moving.size(), evidence == null ? "" : evidence,
                actor, now);
        em.persist(row);
        if (created) {
            events.created(target.getId(), keys, target.getFirstChannel());
        } else {
            events.updated(target.getId(), keys, List.of());
        }
        events.split(source.getId(), target.getId(), row.getId(), created, keys.size());
        LOG.info("Split {}: {} identities linked through {} moved by {} from customer {} to {} customer {}",
                row.getId(), keys.size(), evidence, actor, from, created ? "new" : "existing", target.getId());
        return new Done(row.getId(), target.getId(), created, List.copyOf(keys));
    }

    private static CustomerRow live(EntityManager em, int id, String which) {
        CustomerRow row = em.find(CustomerRow.class, id);
        if (row == null) {
            throw new IllegalArgumentException("there is no customer " + id + " (" + which + ")");
        }
        if (row.getMergedInto() != 0) {
            throw new IllegalStateException("customer " + id + " has since been merged into customer "
                    + row.getMergedInto() + "; run the graph check again");
        }
        return row;
    }
}
