package org.siyu.kernel.identity.internal.graph;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.siyu.kernel.identity.internal.graph.StoredGraph.Group;

/**
 * The records the {@link GraphCheck} rebuilds from what OneID stored, and their partition. Two passes:
 *
 * <ol>
 * <li><b>Poison.</b> Every customer that holds or claimed a key that joins is a record with those keys; every link
 * group is a record attached through its tie. A claim by the customer the key was with when it claimed is the
 * holder's: the record that holds the key presents it. {@link GraphRebuild} counts each key's records: more than the
 * threshold is poison, as OneID counts distinct claimants.</li>
 * <li><b>Joins.</b> The same records without the poison keys, and without the claims of a customer that was in the
 * claiming call only through poison keys: a call's claimants all claim each of its merge keys, so a customer that
 * held only a shop's phone in the call claimed the visitor's own phone too, which would join the shop to the visitor
 * through a key that is not poison. Such a claim is recognised when the keys claimed at that instant (one call)
 * include keys the customer held then, all poison; where they do not show what it held (a key all of whose claimants
 * had claimed it before is not recorded again), the claim is kept.</li>
 * </ol>
 * Customers come first in ascending order, so a component's smallest record is its smallest customer whenever it has
 * one; then the groups, in lead order.
 */
final class RebuiltGraph {

    /** Customer -> the keys its record presents. */
    final TreeMap<Integer, List<String>> founders = new TreeMap<>();
    final List<Group> groups;
    final int[] customerOf;
    final Map<Integer, Integer> recordOf = new HashMap<>();
    final int[] component;
    /** The poison keys: those of the first pass. */
    final Set<String> poison;

    private RebuiltGraph(StoredGraph stored, int threshold, Set<String> poison) {
        Map<String, List<String>> groupKeys = new HashMap<>();
        for (Map.Entry<String, Set<Integer>> e : stored.claimants.entrySet()) {
            String key = e.getKey();
            place(stored, key, groupKeys);
            for (int customer : e.getValue()) {
                if (!stored.claimedAsHolder(key, customer)
                        && (poison == null || !throughPoisonOnly(stored, customer, key, poison))) {
                    add(founders.computeIfAbsent(customer, c -> new ArrayList<>()), key);
                }
            }
        }
        for (Group g : stored.groups.values()) {
            if (g.via != null && !stored.claimants.containsKey(g.via)) {
                place(stored, g.via, groupKeys);
            }
        }
        groups = new ArrayList<>(stored.groups.values());
        GraphRebuild graph = new GraphRebuild(poison == null ? threshold : Integer.MAX_VALUE, k -> true);
        customerOf = new int[founders.size()];
        int r = 0;
        for (Map.Entry<Integer, List<String>> e : founders.entrySet()) {
            customerOf[r] = e.getKey();
            recordOf.put(e.getKey(), r++);
            graph.add(keep(e.getValue(), poison, "#customer:" + e.getKey()));
        }
        for (Group g : groups) {
            List<String> own = new ArrayList<>(groupKeys.getOrDefault(g.lead, List.of()));
            own.add(g.lead); // a lead nobody else names joins nothing
            String tie = g.via == null || (poison != null && poison.contains(g.via)) ? "#group:" + g.lead : g.via;
            graph.attach(tie, keep(own, poison, "#group:" + g.lead));
        }
        GraphRebuild.Partition partition = graph.run();
        component = partition.component();
        if (poison == null) {
            Set<String> found = new HashSet<>();
            for (int id : partition.poison()) {
                found.add(graph.key(id));
            }
            this.poison = found;
        } else {
            this.poison = poison;
        }
    }

    /** Both passes: the partition of the second, the poison keys of the first. */
    static RebuiltGraph of(StoredGraph stored, int threshold) {
        RebuiltGraph first = new RebuiltGraph(stored, threshold, null);
        return new RebuiltGraph(stored, threshold, first.poison);
    }

    /** A key that two of {@code customers}' records present and that is not poison, or "" if none. */
    String sharedKey(List<Integer> customers) {
        Set<String> seen = new HashSet<>();
        for (int customer : customers) {
            for (String key : founders.getOrDefault(customer, List.of())) {
                if (!poison.contains(key) && !seen.add(key)) {
                    return key;
                }
            }
        }
        return "";
    }

    /** The smallest customer of {@code customer}'s component, or itself when it is no record. */
    int componentOf(int customer) {
        Integer rec = recordOf.get(customer);
        return rec == null ? customer : customerOf[component[rec]];
    }

    /** The component (its smallest record) of customer {@code customer}'s record, which must exist. */
    int componentOfRecord(int customer) {
        return component[recordOf.get(customer)];
    }

    /** The component (its smallest record) of group {@code i}. */
    int componentOfGroup(int i) {
        return component[customerOf.length + i];
    }

    /** The customer whose record a component's smallest record is, or 0 for a component of groups only. */
    int customerOfRoot(int root) {
        return root < customerOf.length ? customerOf[root] : 0;
    }

    /**
     * Whether {@code customer} was in the call that claimed {@code key} only through poison keys: the identity the
     * claim recorded it came through is poison (claims since V4); for older claims, of that call's keys (as far as
     * its claims show them), those it held then are all poison, and there is at least one.
     */
    private static boolean throughPoisonOnly(StoredGraph stored, int customer, String key, Set<String> poison) {
        StoredGraph.Recorded recorded = stored.recorded(key, customer);
        if (recorded != null) {
            return recorded.through() != null && poison.contains(recorded.through());
        }
        Map.Entry<Instant, List<String>> call = stored.callOf(customer, key);
        if (call == null) {
            return false;
        }
        boolean held = false;
        for (String other : call.getValue()) {
            if (stored.holderAt(other, call.getKey()) == customer) {
                if (!poison.contains(other)) {
                    return false;
                }
                held = true;
            }
        }
        return held;
    }

    /** Puts a key that joins into the record that holds it: its link group, else the customer created with it. */
    private void place(StoredGraph stored, String key, Map<String, List<String>> groupKeys) {
        String lead = stored.leadOf.get(key);
        if (lead != null) {
            add(groupKeys.computeIfAbsent(lead, l -> new ArrayList<>()), key);
        } else if (stored.founding.containsKey(key)) {
            add(founders.computeIfAbsent(stored.firstHolder(key), c -> new ArrayList<>()), key);
        }
    }

    private static void add(List<String> keys, String key) {
        if (keys.isEmpty() || !keys.getLast().equals(key)) {
            keys.add(key);
        }
    }

    /** The keys without the poison ones; a record left without any gets a key of its own, which joins nothing. */
    private static String[] keep(List<String> keys, Set<String> poison, String own) {
        List<String> kept = poison == null ? keys : keys.stream().filter(k -> !poison.contains(k)).toList();
        return kept.isEmpty() ? new String[] {own} : kept.toArray(String[]::new);
    }
}
