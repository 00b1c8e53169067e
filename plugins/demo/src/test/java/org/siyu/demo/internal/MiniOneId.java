package org.siyu.demo.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.PrimitiveIterator;
import java.util.Set;
import java.util.stream.IntStream;
import org.siyu.api.identity.Customer;
import org.siyu.api.identity.IdentityService;
import org.siyu.api.identity.Merge;
import org.siyu.api.identity.Resolution;
import org.siyu.api.identity.ResolveRequest;

/**
 * OneID's resolution rules in memory, as kernel-identity's README states them: look up, merge the call's customers
 * into the lowest id when the call holds a merge key ({@code wechat}, {@code phone}) linked to one of them, claims per
 * key and poison above the threshold (3), link the rest. For measuring what the demo data does to OneID.
 */
final class MiniOneId implements IdentityService {

    static final int POISON_THRESHOLD = 3;

    final Map<String, Integer> links = new HashMap<>();
    final Map<Integer, Integer> mergedInto = new HashMap<>();
    final Map<Integer, String> owners = new HashMap<>();
    final Map<String, Set<Integer>> claims = new HashMap<>();
    final Set<String> poison = new HashSet<>();
    int created;
    int merges;

    private static boolean mergeKey(String identity) {
        return identity.startsWith("wechat:") || identity.startsWith("phone:");
    }

    private int live(int id) {
        while (mergedInto.containsKey(id)) {
            id = mergedInto.get(id);
        }
        return id;
    }

    @Override
    public Resolution resolve(List<String> identities, Map<String, String> traits) {
        LinkedHashSet<Integer> customers = new LinkedHashSet<>();
        for (String identity : identities) {
            Integer holder = links.get(identity);
            if (holder != null && !poison.contains(identity)) {
                customers.add(live(holder));
            }
        }
        int answer;
        boolean isNew = false;
        List<Integer> merged = new ArrayList<>();
        if (customers.isEmpty()) {
            Integer poisonHolder = identities.stream().filter(links::containsKey).map(links::get).findFirst().orElse(null);
            if (poisonHolder != null && identities.stream().allMatch(links::containsKey)) {
                return new Resolution(live(poisonHolder), false, List.of());
            }
            answer = ++created;
            isNew = true;
        } else if (customers.size() == 1) {
            answer = customers.iterator().next();
        } else {
            boolean merging = false;
            for (String identity : identities) {
                Integer holder = links.get(identity);
                if (mergeKey(identity) && holder != null && !poison.contains(identity)) {
                    Set<Integer> c = claims.computeIfAbsent(identity, k -> new HashSet<>());
                    c.add(live(holder));
                    c.addAll(customers);
                    if (c.size() > POISON_THRESHOLD) {
                        poison.add(identity);
                    } else {
                        merging = true;
                    }
                }
            }
            if (merging) {
                answer = customers.stream().min(Integer::compare).orElseThrow();
                for (int c : customers) {
                    if (c != answer) {
                        mergedInto.put(c, answer);
                        merged.add(c);
                        merges++;
                    }
                }
            } else {
                answer = customers.iterator().next();
            }
        }
        for (String identity : identities) {
            links.putIfAbsent(identity, answer);
        }
        return new Resolution(answer, isNew, merged);
    }

    @Override
    public List<Resolution> resolveAll(List<ResolveRequest> requests) {
        return requests.stream().map(r -> resolve(r.identities(), r.traits())).toList();
    }

    @Override
    public void assignOwner(int customerId, String staffId, String actor) {
        if (mergedInto.containsKey(customerId) || customerId > created) {
            throw new IllegalArgumentException("no live customer " + customerId);
        }
        owners.put(customerId, staffId);
    }

    @Override
    public int count() {
        return created - mergedInto.size();
    }

    @Override
    public Optional<Customer> customer(int id) {
        return Optional.empty();
    }

    @Override
    public OptionalInt find(String identity) {
        Integer c = links.get(identity);
        return c == null ? OptionalInt.empty() : OptionalInt.of(c);
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
    public PrimitiveIterator.OfInt ids() {
        return IntStream.rangeClosed(1, created).filter(i -> !mergedInto.containsKey(i)).iterator();
    }

    @Override
    public List<Customer> customers(int[] ids) {
        return List.of();
    }
}
