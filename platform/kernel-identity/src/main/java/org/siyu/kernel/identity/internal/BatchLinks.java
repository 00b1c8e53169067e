package org.siyu.kernel.identity.internal;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.siyu.kernel.identity.internal.store.LinkRow;

/**
 * The links of a whole {@code resolveAll} batch, read with a few IN queries before the first request and then kept
 * current with the links the batch creates. The rows are the session's managed entities, so a merge that moves one
 * (it changes the managed row) is seen by the next request of the batch. An identity that is not here is not linked:
 * the batch holds the write lock, so nobody else links it meanwhile.
 *
 * <p>Only identities that may be linked are read: those the committed {@link IdentityIndex} knows and those this
 * transaction linked before the batch. Holding the write lock makes the index exact for committed links (the lock is
 * released only after a commit's links are applied), so a batch of new identities reads nothing.
 */
final class BatchLinks implements Resolver.Links {

    /** Keys per IN query: far below PostgreSQL's 32,767 parameters and H2's limits. */
    static final int CHUNK = 500;

    private final Map<String, LinkRow> rows = new HashMap<>();

    static BatchLinks load(EntityManager em, Collection<String> keys, IdentityIndex index, WriteGate.Txn txn) {
        BatchLinks links = new BatchLinks();
        List<String> all = keys.stream().filter(key -> index.get(key) != 0 || txn.linked(key)).toList();
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            em.createQuery("select l from LinkRow l where l.identity in :keys", LinkRow.class)
                    .setParameter("keys", chunk)
                    .getResultList()
                    .forEach(link -> links.rows.put(link.getIdentity(), link));
        }
        return links;
    }

    @Override
    public LinkRow find(EntityManager em, String key) {
        return rows.get(key);
    }

    @Override
    public void linked(LinkRow row) {
        rows.put(row.getIdentity(), row);
    }
}
