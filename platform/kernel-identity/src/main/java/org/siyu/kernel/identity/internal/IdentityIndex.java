package org.siyu.kernel.identity.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.siyu.kernel.identity.internal.channel.Identity;

/**
 * Committed links in memory: identity key ({@code <channel>:<value>}) → customer id, and the committed poison keys.
 * Readers never lock. Writers change it only through {@link WriteGate} after their transaction committed, so it never
 * shows data that was rolled back. Holds every linked identity: about 100–150 bytes each on a 64-bit JVM with
 * compressed oops; the poison keys are a handful (0.1 % of the identities in the benchmark's data).
 */
public final class IdentityIndex {

    private final Map<String, Integer> customers = new ConcurrentHashMap<>(1 << 12);
    /** Poison is never lifted (OneID has no operation that removes an {@code identity_poison} row). */
    private final Set<String> poison = ConcurrentHashMap.newKeySet();

    /** The customer of a committed identity, or 0 (ids start at 1). */
    public int get(String key) {
        Integer id = customers.get(key);
        return id == null ? 0 : id;
    }

    /** Whether {@code key} is a committed poison key. */
    public boolean poison(String key) {
        return !poison.isEmpty() && poison.contains(key);
    }

    /**
     * The customer the write path would answer for {@code identities} without writing anything, or 0 if it would
     * write (an unknown identity) or could merge (the non-poison identities belong to several customers). Poison keys
     * take no part, as in {@link Resolver}: they stay with their holder. So a known record that also presents a
     * store's phone held by another customer is answered here, by the customer of its other identities; when every
     * identity is poison, by the holder of the first, as the write path does.
     */
    int customerOfAll(List<Identity> identities) {
        int customer = 0;
        int firstHolder = 0;
        for (Identity identity : identities) {
            int c = get(identity.key());
            if (c == 0) {
                return 0;
            }
            if (firstHolder == 0) {
                firstHolder = c;
            }
            if (identity.mergeKey() && poison(identity.key())) {
                continue;
            }
            if (customer != 0 && c != customer) {
                return 0;
            }
            customer = c;
        }
        return customer != 0 ? customer : firstHolder;
    }

    /** Adds or moves committed links. */
    void apply(Map<String, Integer> links) {
        customers.putAll(links);
    }

    /** Adds committed poison keys. */
    void poisoned(Set<String> keys) {
        poison.addAll(keys);
    }

    /** Adds one committed link; used while loading. */
    void put(String key, int customerId) {
        customers.put(key, customerId);
    }

    /** How many identities are indexed. */
    public int size() {
        return customers.size();
    }

    /** How many poison keys are indexed. */
    public int poisonCount() {
        return poison.size();
    }
}
