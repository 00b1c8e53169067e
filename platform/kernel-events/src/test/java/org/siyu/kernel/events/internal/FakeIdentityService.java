package org.siyu.kernel.events.internal;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.Session;
import org.siyu.api.identity.Customer;
import org.siyu.api.identity.IdentityService;
import org.siyu.api.identity.Merge;
import org.siyu.api.identity.Resolution;
import org.siyu.api.persistence.PersistenceUnit;

/**
 * OneID for tests: channels {@code wechat} and {@code phone}; an unknown channel is refused as the real service
 * refuses it. Links live in {@code test_link}, written in the caller's transaction, so a test sees whether a
 * rolled-back attempt left anything behind.
 */
final class FakeIdentityService implements IdentityService {

    private final PersistenceUnit unit;
    final AtomicInteger resolved = new AtomicInteger();
    private final AtomicInteger next = new AtomicInteger(100);

    FakeIdentityService(PersistenceUnit unit) {
        this.unit = unit;
    }

    @Override
    public Resolution resolve(List<String> identities, Map<String, String> traits) {
        for (String identity : identities) {
            String channel = identity.substring(0, identity.indexOf(':'));
            if (!channel.equals("wechat") && !channel.equals("phone")) {
                throw new IllegalArgumentException("identity '" + identity + "' is of an unknown channel '" + channel + "'");
            }
        }
        return unit.inTransaction(em -> em.unwrap(Session.class).doReturningWork(c -> {
            Integer known = null;
            java.util.Set<String> linked = new java.util.HashSet<>();
            for (String identity : identities) {
                try (PreparedStatement ps = c.prepareStatement("SELECT customer_id FROM test_link WHERE identity = ?")) {
                    ps.setString(1, identity);
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            known = known == null ? rs.getInt(1) : known;
                            linked.add(identity);
                        }
                    }
                }
            }
            int id = known != null ? known : next.incrementAndGet();
            for (String identity : identities) {
                if (!linked.contains(identity)) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO test_link VALUES (?, ?)")) {
                        ps.setString(1, identity);
                        ps.setInt(2, id);
                        ps.executeUpdate();
                    }
                }
            }
            resolved.incrementAndGet();
            return new Resolution(id, known == null, List.of());
        }));
    }

    @Override
    public Optional<Customer> customer(int id) {
        return Optional.empty();
    }

    @Override
    public OptionalInt find(String identity) {
        return OptionalInt.empty();
    }

    @Override
    public List<Merge> merges(int customerId) {
        return List.of();
    }

    @Override
    public void undoMerge(long mergeId, String actor) {
        throw new IllegalArgumentException("no merge " + mergeId);
    }

    @Override
    public int count() {
        return 0;
    }

    @Override
    public List<Resolution> resolveAll(List<org.siyu.api.identity.ResolveRequest> requests) {
        return unit.inTransaction(em -> requests.stream().map(r -> resolve(r.identities(), r.traits())).toList());
    }

    @Override
    public java.util.PrimitiveIterator.OfInt ids() {
        return java.util.stream.IntStream.empty().iterator();
    }

    @Override
    public List<Customer> customers(int[] ids) {
        return List.of();
    }

    @Override
    public void assignOwner(int customerId, String staffId, String actor) {
        throw new IllegalArgumentException("no customer " + customerId);
    }
}
