package org.siyu.kernel.identity.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Committed links in memory: identity key ({@code <channel>:<value>}) → customer id. Readers never lock. Writers
 * change it only through {@link WriteGate} after their transaction committed, so it never shows data that was
 * rolled back. Holds every linked identity: about 100–150 bytes each on a 64-bit JVM with compressed oops.
 */
public final class IdentityIndex {

    private final Map<String, Integer> customers = new ConcurrentHashMap<>(1 << 12);

    /** The customer of a committed identity, or 0 (ids start at 1). */
    public int get(String key) {
        Integer id = customers.get(key);
        return id == null ? 0 : id;
    }

    /** Adds or moves committed links. */
    void apply(Map<String, Integer> links) {
        customers.putAll(links);
    }

    /** Adds one committed link; used while loading. */
    void put(String key, int customerId) {
        customers.put(key, customerId);
    }

    /** How many identities are indexed. */
    public int size() {
        return customers.size();
    }
}
