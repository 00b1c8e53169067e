package org.siyu.commerce.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.PrimitiveIterator;
import java.util.concurrent.ConcurrentHashMap;
import org.siyu.api.identity.Customer;
import org.siyu.api.identity.IdentityService;
import org.siyu.api.identity.Merge;
import org.siyu.api.identity.ResolveRequest;
import org.siyu.api.identity.Resolution;

/** Customers in memory with owners and merges: what commerce asks OneID. */
public final class FakeIdentity implements IdentityService {

    private final Map<Integer, Customer> customers = new ConcurrentHashMap<>();

    public FakeIdentity add(int id, String owner) {
        customers.put(id, new Customer(id, List.of("phone:1380000" + id), Map.of("name", "客户" + id),
                Instant.parse("2026-01-01T00:00:00Z"), "wecom", null, owner, 0));
        return this;
    }

    public FakeIdentity merged(int id, int into) {
        customers.put(id, new Customer(id, List.of(), Map.of(), Instant.parse("2026-01-01T00:00:00Z"), "wecom", null,
                null, into));
        return this;
    }

    @Override
    public Optional<Customer> customer(int id) {
        return Optional.ofNullable(customers.get(id));
    }

    @Override
    public List<Customer> customers(int[] ids) {
        List<Customer> found = new ArrayList<>();
        for (int id : ids) {
            Customer c = customers.get(id);
            if (c != null) {
                found.add(c);
            }
        }
        return found;
    }

    @Override
    public PrimitiveIterator.OfInt ids() {
        return customers.values().stream().filter(c -> c.mergedInto() == 0).mapToInt(Customer::id).sorted().iterator();
    }

    @Override
    public int count() {
        return customers.size();
    }

    @Override
    public Resolution resolve(List<String> identities, Map<String, String> traits) {
        throw new UnsupportedOperationException();
    }

    @Override
    public OptionalInt find(String identity) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Merge> merges(int customerId) {
        return List.of();
    }

    @Override
    public void undoMerge(long mergeId, String actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Resolution> resolveAll(List<ResolveRequest> requests) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void assignOwner(int customerId, String staffId, String actor) {
        throw new UnsupportedOperationException();
    }
}
