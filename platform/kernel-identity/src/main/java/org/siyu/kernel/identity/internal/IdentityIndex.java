package org.siyu.kernel.identity.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.siyu.kernel.identity.internal.channel.Identity;

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

    /** The one customer all {@code identities} are linked to, or 0 if one is unknown or they belong to several. */
    int customerOfAll(List<Identity> identities) {
        int customer = 0;
        for (Identity identity : identities) {
            int c = get(identity.key());
            if (c == 0 || (customer != 0 && c != customer)) {
                return 0;
            }
            customer = c;
        }
        return customer;
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
