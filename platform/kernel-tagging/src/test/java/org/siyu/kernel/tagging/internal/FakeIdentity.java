package org.siyu.kernel.tagging.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.PrimitiveIterator;
import org.siyu.api.identity.Customer;
import org.siyu.api.identity.IdentityService;
import org.siyu.api.identity.Merge;
import org.siyu.api.identity.Resolution;
import org.siyu.api.identity.ResolveRequest;

/** OneID as far as tagging reads it: customers by id ({@code customers(int[])}, SDK 1.1), kept in a map. */
public final class FakeIdentity implements IdentityService {

    private final Map<Integer, Customer> customers = new LinkedHashMap<>();
    /** How many times {@link #customers(int[])} was called, and with how many ids at most. */
    public int calls;
    public int largestPage;

    public FakeIdentity put(Customer customer) {
        customers.put(customer.id(), customer);
        return this;
    }

    @Override
    public List<Customer> customers(int[] ids) {
        calls++;
        largestPage = Math.max(largestPage, ids.length);
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
    public Optional<Customer> customer(int id) {
        return Optional.ofNullable(customers.get(id));
    }

    @Override
    public PrimitiveIterator.OfInt ids() {
        return customers.keySet().stream().mapToInt(Integer::intValue).sorted().iterator();
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
        throw new UnsupportedOperationException();
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
