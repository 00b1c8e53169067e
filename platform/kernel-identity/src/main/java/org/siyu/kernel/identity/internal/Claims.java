package org.siyu.kernel.identity.internal;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import org.siyu.kernel.identity.internal.channel.Identity;
import org.siyu.kernel.identity.internal.store.ClaimRow;
import org.siyu.kernel.identity.internal.store.PoisonRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merge protection. A merge-key identity is <em>claimed</em> by every distinct customer that held it or presented it
 * in a resolution that would merge through it. When the number of its claimants exceeds the poison threshold it is
 * flagged poison: from then on it merges nobody (the resolution that pushed it over included).
 */
final class Claims {

    private static final Logger LOG = LoggerFactory.getLogger(Claims.class);

    private final IntSupplier threshold;
    private final CustomerEvents events;
    private final IdentityIndex index;

    Claims(IntSupplier threshold, CustomerEvents events, IdentityIndex index) {
        this.threshold = threshold;
        this.events = events;
        this.index = index;
    }

    /**
     * The keys among {@code keys} that are poison, from memory: the caller holds the write lock, and a transaction
     * that flags a key adds it to the committed index before it releases the lock, so the committed poison keys plus
     * those {@code txn} flagged are exactly what the database holds. (It was one primary-key query per linked merge
     * key of every write.)
     */
    Set<String> poison(WriteGate.Txn txn, Collection<String> keys) {
        Set<String> poison = new HashSet<>();
        for (String key : keys) {
            if (index.poison(key) || txn.flagged(key)) {
                poison.add(key);
            }
        }
        return poison;
    }

    /**
     * Records that {@code claimants} claim {@code key} (held by {@code holder}) and flags it when they are too many.
     * Each new claim records whether its claimant is the holder and {@code through} it: the call's identity that made
     * it one of the call's customers (the graph check reads both).
     *
     * @return whether {@code key} is poison now
     */
    boolean claim(EntityManager em, WriteGate.Txn txn, Identity key, int holder, Collection<Integer> claimants,
            Map<Integer, String> through, Instant now) {
        List<Integer> known = em.createQuery("select c.customerId from ClaimRow c where c.identity = :key", Integer.class)
                .setParameter("key", key.key())
                .getResultList();
        Set<Integer> all = new HashSet<>(known);
        List<Integer> fresh = new ArrayList<>();
        for (int customer : claimants) {
            if (all.add(customer)) {
                fresh.add(customer);
            }
        }
        for (int customer : fresh) {
            em.persist(new ClaimRow(key.key(), customer, now, customer == holder, through.get(customer)));
        }
        int limit = threshold.getAsInt();
        if (all.size() <= limit) {
            return false;
        }
        em.persist(new PoisonRow(key.key(), all.size(), now));
        txn.poisoned(key.key());
        LOG.warn("Identity {} is poison: {} customers claimed it (threshold {}); it no longer merges customers",
                key.masked(), all.size(), limit);
        events.poisoned(holder, key.masked(), all.size());
        return true;
    }
}
