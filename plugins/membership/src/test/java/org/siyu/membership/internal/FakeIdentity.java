package org.siyu.membership.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.PrimitiveIterator;
import java.util.TreeMap;
import org.siyu.api.identity.Customer;
import org.siyu.api.identity.IdentityService;
import org.siyu.api.identity.Merge;
import org.siyu.api.identity.Resolution;
import org.siyu.api.identity.ResolveRequest;

/** OneID as far as membership reads it: customers by id with their first channel, kept in a map. */
public final class FakeIdentity implements IdentityService {

    private final Map<Integer, Customer> customers = new TreeMap<>();

    public FakeIdentity add(int id, String firstChannel) {
        customers.put(id, new Customer(id, List.of(), Map.of(), Instant.EPOCH, firstChannel, null, null, 0));
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
            if (customers.containsKey(id)) {
                found.add(customers.get(id));
            }
        }
        return found;
    }

    @Override
    public PrimitiveIterator.OfInt ids() {
        return customers.keySet().stream().mapToInt(Integer::intValue).iterator();
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
