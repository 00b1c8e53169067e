package org.siyu.bench.identity.peer;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.bench.identity.IdentityData;

/**
 * The online peer: resolution as a straightforward Hibernate application writes it. In one transaction per call,
 * find each identity by its key, then merge the customers found when a merge key connects them, create a customer
 * when none is found, link the new identities. To give the same partition as OneID on the same stream it applies
 * OneID's rules in the simplest way: a poison merge key (a row in {@code oneidpeer_poison}) takes no part; a merge
 * is preceded by recording the claimants of the call's merge keys and flagging a key whose distinct claimants pass
 * the threshold; everyone merges into the lowest id; a record that reaches one customer only through merge keys and
 * brings a channel that customer already has becomes a customer of its own that claims the keys. What it leaves
 * out, because nothing in the benchmark needs it: events, traits, merge history and undo, the in-memory index and
 * the write lock (one thread).
 */
public final class LookupThenMerge {

    private final PersistenceUnit unit;
    private final int threshold;

    public LookupThenMerge(PersistenceUnit unit, int threshold) {
        this.unit = unit;
        this.threshold = threshold;
    }

    /** The customer of the identities (normalised keys), after creating, linking and merging as needed. */
    public int resolve(String[] keys) {
        return unit.inTransaction(em -> resolve(em, keys));
    }

    private int resolve(EntityManager em, String[] given) {
        List<String> keys = List.copyOf(new LinkedHashSet<>(List.of(given)));
        Map<String, PeerIdentity> links = new HashMap<>();
        for (String key : keys) {
            PeerIdentity found = em.find(PeerIdentity.class, key);
            if (found != null) {
                links.put(key, found);
            }
        }
        Set<String> poison = new HashSet<>();
        for (String key : keys) {
            if (IdentityData.mergeKey(key) && links.containsKey(key) && em.find(PeerPoison.class, key) != null) {
                poison.add(key);
            }
        }
        Set<Integer> customers = customers(keys, links, poison);
        List<String> mergeKeys = mergeKeys(keys, links, poison);
        if (customers.size() == 1 && !mergeKeys.isEmpty() && onlyMergeKeys(keys, links, poison)
                && collides(em, customers.iterator().next(), keys, links)) {
            // OneID's rule: a record that reaches one customer only through merge keys and brings a channel that
            // customer already has is a customer of its own that claims the keys
            PeerCustomer provisional = new PeerCustomer();
            em.persist(provisional);
            for (String key : keys) {
                if (!links.containsKey(key)) {
                    PeerIdentity row = new PeerIdentity(key, provisional.getId(), IdentityData.mergeKey(key));
                    em.persist(row);
                    links.put(key, row);
                }
            }
            customers.add(provisional.getId());
        }
        if (customers.size() > 1 && !mergeKeys.isEmpty()) {
            boolean flagged = false;
            for (String key : mergeKeys) {
                if (claim(em, key, links.get(key).getCustomerId(), customers)) {
                    poison.add(key);
                    flagged = true;
                }
            }
            if (flagged) {
                customers = customers(keys, links, poison);
                mergeKeys = mergeKeys(keys, links, poison);
            }
        }
        int answer;
        if (customers.isEmpty()) {
            if (links.size() == keys.size()) { // only poison identities: their holder
                return links.get(keys.getFirst()).getCustomerId();
            }
            PeerCustomer created = new PeerCustomer();
            em.persist(created);
            answer = created.getId();
        } else {
            answer = customers.iterator().next();
            if (customers.size() > 1 && !mergeKeys.isEmpty()) {
                int survivor = Collections.min(customers);
                for (int other : customers) {
                    if (other != survivor) {
                        merge(em, survivor, other);
                    }
                }
                answer = survivor;
            }
        }
        for (String key : keys) {
            if (!links.containsKey(key)) {
                em.persist(new PeerIdentity(key, answer, IdentityData.mergeKey(key)));
            }
        }
        return answer;
    }

    private static boolean onlyMergeKeys(List<String> keys, Map<String, PeerIdentity> links, Set<String> poison) {
        for (String key : keys) {
            if (links.containsKey(key) && !poison.contains(key) && !IdentityData.mergeKey(key)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a new key of the call is of a channel (the part before ':') in which {@code customer} holds one. */
    private static boolean collides(EntityManager em, int customer, List<String> keys,
            Map<String, PeerIdentity> links) {
        Set<String> fresh = new HashSet<>();
        for (String key : keys) {
            if (!links.containsKey(key)) {
                fresh.add(key.substring(0, key.indexOf(':')));
            }
        }
        if (fresh.isEmpty()) {
            return false;
        }
        for (String held : em.createQuery("select i.identity from PeerIdentity i where i.customerId = :c",
                String.class).setParameter("c", customer).getResultList()) {
            if (fresh.contains(held.substring(0, held.indexOf(':')))) {
                return true;
            }
        }
        return false;
    }

    private static Set<Integer> customers(List<String> keys, Map<String, PeerIdentity> links, Set<String> poison) {
        Set<Integer> customers = new LinkedHashSet<>();
        for (String key : keys) {
            PeerIdentity link = links.get(key);
            if (link != null && !poison.contains(key)) {
                customers.add(link.getCustomerId());
            }
        }
        return customers;
    }

    private static List<String> mergeKeys(List<String> keys, Map<String, PeerIdentity> links, Set<String> poison) {
        List<String> merge = new ArrayList<>();
        for (String key : keys) {
            if (IdentityData.mergeKey(key) && links.containsKey(key) && !poison.contains(key)) {
                merge.add(key);
            }
        }
        return merge;
    }

    /** Records the claimants of {@code key}; returns whether it is poison now. */
    private boolean claim(EntityManager em, String key, int holder, Set<Integer> callCustomers) {
        Set<Integer> all = new HashSet<>(em.createQuery("select c.customerId from PeerClaim c where c.identity = :k",
                Integer.class).setParameter("k", key).getResultList());
        List<Integer> claimants = new ArrayList<>();
        claimants.add(holder);
        claimants.addAll(callCustomers);
        for (int customer : claimants) {
            if (all.add(customer)) {
                em.persist(new PeerClaim(key, customer));
            }
        }
        if (all.size() <= threshold) {
            return false;
        }
        em.persist(new PeerPoison(key, all.size()));
        return true;
    }

    private static void merge(EntityManager em, int survivor, int merged) {
        for (PeerIdentity identity : em.createQuery("select i from PeerIdentity i where i.customerId = :c",
                PeerIdentity.class).setParameter("c", merged).getResultList()) {
            identity.setCustomerId(survivor);
        }
        em.find(PeerCustomer.class, merged).setMergedInto(survivor);
    }
}
