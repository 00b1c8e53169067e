package org.siyu.kernel.identity.internal.graph;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.siyu.api.jobs.JobProgress;
import org.siyu.kernel.identity.internal.channel.Mask;
import org.siyu.kernel.identity.internal.graph.StoredGraph.Group;
import org.siyu.kernel.identity.internal.graph.StoredGraph.MergeInfo;

/**
 * Rebuilds the identity graph from what OneID stored and compares it with the customers as they are: which merges a
 * from-scratch rebuild would not make because the keys that made them are poison now, and which identities were
 * linked to a customer only through such a key.
 *
 * <p>The source records of past resolutions are not stored, but what joins them is. A merge happens only in a
 * resolution that had several customers and a merge key, and such a resolution first records every customer of the
 * call as a claimant of each of its merge keys ({@code identity_claim}). Every customer was created by one resolution
 * with its own identities (its record); the identities a later resolution linked to an existing customer carry the
 * identity it came through and the first one it linked ({@code linked_via}, {@code linked_with}: a <em>link
 * group</em>, ADR 0015). The rebuild ({@link RebuiltGraph}) takes as records the customers that hold or claimed a
 * claimed key or a group's tie, each with those keys (a key's original holder is found by following
 * {@code brought_by_merge} back through the merges that moved it), and every link group, with its tie and its own
 * identities that join anything. A link group does not count as presenting its tie ({@link GraphRebuild#attach}), as
 * online: OneID links it without a claim, as the same person returning with a new identity. A key claimed by more
 * records than the poison threshold is poison over the whole graph; then the records are joined through the other
 * keys, leaving out the claims of customers that were in the claiming call only through poison keys. Identities that
 * join nothing are not read.
 *
 * <p>A merge that is not undone and whose two customers the rebuild puts in different components was made through a
 * key that is poison now (online, a key turns poison only when its claimants pass the threshold, so up to that many
 * customers were merged through it first). Those merges are listed with the poison keys both customers claimed; an
 * operator undoes them ({@code POST /api/v1/merges/<id>/undo}). A link group that is with another customer than the
 * one its component's customers are with now (or that is with a customer although its component has none: a person
 * OneID never created a customer for) is listed as a split, per component and customer: its identities belong with
 * that customer or a new one ({@code OneId.split}). Customers that the rebuild joins but that are apart now are listed
 * as joins ({@code OneId.join}: undoing a merge through a poison key can separate a person from a customer of their
 * own that had been merged into the same survivor), unless an operator undid a merge between two of them outside
 * what the check lists (the claims do not forget): those are counted.
 *
 * <p>Reads only, in one transaction, without OneID's write lock; a resolution committed during the check may be half
 * seen, which the answer counts ({@code unresolved}).
 */
public final class GraphCheck {

    /** At most this many merges, splits and keys are listed in a result; the counts are complete. */
    public static final int LIST_LIMIT = 500;

    private GraphCheck() {
    }

    /** One merge the rebuild would not make. Keys are masked; {@code at} is ISO-8601 (UTC), as REST shows times. */
    public record SuspectMerge(long mergeId, int survivor, int merged, String rule, String evidence, String at,
            int customerNow, List<String> poisonKeys) {
    }

    /**
     * Link groups of one rebuilt component that are with a customer they do not belong with. Keys are masked.
     *
     * @param ref         the split's number in this result ({@code POST …/graph-check/splits/<ref>})
     * @param customerNow where the identities are
     * @param moveTo      the customer they belong with, 0 for a new customer
     * @param groups      link groups (resolutions that linked them)
     * @param identities  identities to move
     * @param ties        the identities the groups were linked through
     * @param poisonKeys  those of them that are poison now
     * @param at          when the last of them was linked, ISO-8601 (UTC)
     */
    public record SuspectLinks(int ref, int customerNow, int moveTo, int groups, int identities, List<String> ties,
            List<String> poisonKeys, String at) {
    }

    /**
     * Live customers the rebuild joins, apart now, and never separated by an undo between them.
     *
     * @param ref       the join's number in this result ({@code POST …/graph-check/joins/<ref>})
     * @param customers the live customers, ascending; the others would merge into the first
     * @param evidence  a key their records share (masked), the merge's evidence
     */
    public record SuspectApart(int ref, List<Integer> customers, String evidence) {
    }

    /** What {@code OneId.split} needs for a listed split and the result does not show: the groups' leads, unmasked. */
    public record Split(int from, int to, List<String> leads, String evidence) {
    }

    /**
     * What the check found.
     *
     * @param checkedAt           when, ISO-8601 (UTC)
     * @param claimedKeys         merge keys with claims
     * @param records             records of the rebuild: customers that hold or claimed a key that joins, and groups
     * @param merges              merges that are not undone
     * @param poisonNow           keys flagged poison online ({@code identity_poison})
     * @param poisonRebuilt       keys poison in the rebuild (claimed by more customers than the threshold)
     * @param newlyPoison         keys poison in the rebuild but not flagged online, masked (at most the limit)
     * @param mergesThroughPoison merges the rebuild would not make
     * @param customersAffected   live customers that hold such a merge
     * @param suspects            those merges, newest first (at most the limit)
     * @param linkGroups          link groups read
     * @param groupsAstray        link groups with a customer they do not belong with
     * @param identitiesAstray    their identities
     * @param splits              those groups per component and customer, newest first (at most the limit)
     * @param joins               rebuilt components whose customers are several live customers now, none
     *                            separated from another by an undo (at most the limit)
     * @param apartNow            rebuilt components whose customers are several live customers now, some separated
     *                            by an operator's undo
     * @param unresolved          links whose merge chain was not found (written while the check read)
     * @param millis              how long the check took
     */
    public record Result(String checkedAt, int threshold, int claimedKeys, int records, int merges, int poisonNow,
            int poisonRebuilt, List<String> newlyPoison, int mergesThroughPoison, int customersAffected,
            List<SuspectMerge> suspects, int linkGroups, int groupsAstray, int identitiesAstray,
            List<SuspectLinks> splits, List<SuspectApart> joins, int apartNow, int unresolved, long millis) {

        /** The job's one-line summary. */
        public String summary() {
            return mergesThroughPoison + " merges through keys that are poison now (" + customersAffected
                    + " customers), " + identitiesAstray + " identities linked through them (" + groupsAstray
                    + " link groups), " + poisonRebuilt + " poison keys in the rebuild (" + poisonNow + " flagged), "
                    + claimedKeys + " claimed keys, " + merges + " merges checked";
        }
    }

    /** The result and, per listed split ({@link SuspectLinks#ref}), what carrying it out needs. */
    public record Checked(Result result, List<Split> splits) {
    }

    /**
     * Runs the check in {@code em}'s transaction.
     *
     * @param threshold OneID's poison threshold
     * @return the result, or null when {@code progress} was cancelled
     */
    public static Checked run(EntityManager em, int threshold, JobProgress progress) {
        long started = System.nanoTime();
        progress.total(5);
        StoredGraph stored = new StoredGraph();
        progress.message("reading claims");
        stored.readClaims(em);
        progress.advance(1);
        if (progress.cancelled()) {
            return null;
        }
        progress.message("reading link groups and the links of claimed keys");
        stored.readLinks(em);
        progress.advance(1);
        progress.message("reading merges");
        stored.readMerges(em);
        progress.advance(1);
        if (progress.cancelled()) {
            return null;
        }

        progress.message("rebuilding the graph");
        RebuiltGraph graph = RebuiltGraph.of(stored, threshold);
        progress.advance(1);

        progress.message("comparing with the customers");
        List<SuspectMerge> suspects = new ArrayList<>();
        int[] counts = suspectMerges(stored, graph, suspects);
        List<Split> splits = new ArrayList<>();
        List<SuspectLinks> listed = new ArrayList<>();
        int[] astray = splits(stored, graph, splits, listed);
        List<SuspectApart> joins = new ArrayList<>();
        int apart = joins(stored, graph, joins);
        List<String> newly = graph.poison.stream().filter(k -> !stored.poisonNow.contains(k)).sorted()
                .limit(LIST_LIMIT).map(Mask::identity).toList();
        progress.advance(1);
        Result result = new Result(Instant.now().toString(), threshold, stored.claimants.size(),
                graph.founders.size() + graph.groups.size(), counts[0], stored.poisonNow.size(), graph.poison.size(),
                newly, counts[1], counts[2], List.copyOf(suspects), graph.groups.size(), astray[0], astray[1],
                List.copyOf(listed), List.copyOf(joins), apart, stored.unresolved,
                (System.nanoTime() - started) / 1_000_000);
        return new Checked(result, List.copyOf(splits));
    }

    /**
     * Lists the rebuilt components whose founders are several live customers now, none of them separated from another
     * by an undone merge between two of its founders.
     *
     * @return components apart now because of such an undo
     */
    private static int joins(StoredGraph stored, RebuiltGraph graph, List<SuspectApart> listed) {
        Map<Integer, List<Integer>> founders = new TreeMap<>(); // component -> its founders
        for (int customer : graph.founders.keySet()) {
            founders.computeIfAbsent(graph.componentOf(customer), c -> new ArrayList<>()).add(customer);
        }
        Set<Integer> separated = new HashSet<>();
        for (MergeInfo m : stored.merges.values()) {
            if (m.undone() && graph.founders.containsKey(m.survivor()) && graph.founders.containsKey(m.merged())
                    && graph.componentOf(m.survivor()) == graph.componentOf(m.merged())
                    && stored.now(m.survivor()) != stored.now(m.merged())) {
                separated.add(graph.componentOf(m.survivor()));
            }
        }
        int apart = 0;
        for (Map.Entry<Integer, List<Integer>> e : founders.entrySet()) {
            Set<Integer> live = new java.util.TreeSet<>();
            e.getValue().forEach(c -> live.add(stored.now(c)));
            if (live.size() < 2) {
                continue;
            }
            if (separated.contains(e.getKey())) {
                apart++;
            } else if (listed.size() < LIST_LIMIT) {
                String key = graph.sharedKey(e.getValue());
                listed.add(new SuspectApart(listed.size(), List.copyOf(live), key.isEmpty() ? "" : Mask.identity(key)));
            }
        }
        return apart;
    }

    /**
     * Lists the merges the rebuild would not make, newest first.
     *
     * @return merges checked, merges through poison, live customers affected
     */
    private static int[] suspectMerges(StoredGraph stored, RebuiltGraph graph, List<SuspectMerge> listed) {
        Set<Integer> claimants = new HashSet<>();
        stored.claimants.values().forEach(claimants::addAll);
        List<MergeInfo> suspects = new ArrayList<>();
        int active = 0;
        for (MergeInfo m : stored.merges.values()) {
            if (m.undone()) {
                continue;
            }
            active++;
            if (m.rule().startsWith("shared-") && !claimants.contains(m.merged())) {
                // a merging call claims before it merges: this one committed after the claims were read
                stored.unresolved++;
            } else if (graph.componentOf(m.survivor()) != graph.componentOf(m.merged())) {
                suspects.add(m);
            }
        }
        suspects.sort((a, b) -> Long.compare(b.id(), a.id()));
        List<String> poison = graph.poison.stream().sorted().toList();
        Set<Integer> affected = new HashSet<>();
        for (MergeInfo m : suspects) {
            int customerNow = stored.now(m.survivor());
            affected.add(customerNow);
            if (listed.size() < LIST_LIMIT) {
                // the call that merged them had both as claimants of each of its merge keys
                List<String> shared = new ArrayList<>();
                for (String key : poison) {
                    Set<Integer> claimed = stored.claimants.get(key);
                    if (claimed != null && claimed.contains(m.survivor()) && claimed.contains(m.merged())) {
                        shared.add(Mask.identity(key));
                    }
                }
                listed.add(new SuspectMerge(m.id(), m.survivor(), m.merged(), m.rule(), m.evidence(),
                        m.at().toString(), customerNow, List.copyOf(shared)));
            }
        }
        return new int[] {active, suspects.size(), affected.size()};
    }

    /**
     * Lists the link groups that are with a customer their component is not with, per component and customer now,
     * newest first.
     *
     * @return groups astray, their identities
     */
    private static int[] splits(StoredGraph stored, RebuiltGraph graph, List<Split> splits,
            List<SuspectLinks> listed) {
        record Astray(int from, int to, List<Group> groups) {
        }
        // per component, the live customers its founders are with now: a group with one of them is at home (when
        // there are several, an operator separated them, and each keeps what it has)
        Map<Integer, Set<Integer>> liveOf = new HashMap<>();
        for (int customer : graph.founders.keySet()) {
            liveOf.computeIfAbsent(graph.componentOfRecord(customer), r -> new HashSet<>()).add(stored.now(customer));
        }
        Map<Long, Astray> byComponent = new LinkedHashMap<>();
        int count = 0;
        int identities = 0;
        for (int i = 0; i < graph.groups.size(); i++) {
            Group g = graph.groups.get(i);
            int root = graph.componentOfGroup(i);
            int founder = graph.customerOfRoot(root);
            int home = founder == 0 ? 0 : stored.now(founder);
            if (home == g.customer || liveOf.getOrDefault(root, Set.of()).contains(g.customer)) {
                continue;
            }
            count++;
            identities += g.identities.size();
            byComponent.computeIfAbsent(((long) root << 32) | (g.customer & 0xffffffffL),
                    k -> new Astray(g.customer, home, new ArrayList<>())).groups().add(g);
        }
        List<Astray> all = new ArrayList<>(byComponent.values());
        Comparator<Astray> newest = Comparator.comparing(a -> a.groups().stream().map(g -> g.at)
                .max(Comparator.naturalOrder()).orElseThrow());
        all.sort(newest.reversed());
        for (Astray a : all.subList(0, Math.min(all.size(), LIST_LIMIT))) {
            Set<String> ties = new LinkedHashSet<>();
            Set<String> poison = new LinkedHashSet<>();
            List<String> leads = new ArrayList<>();
            int n = 0;
            Instant at = Instant.EPOCH;
            for (Group g : a.groups()) {
                leads.add(g.lead);
                n += g.identities.size();
                at = g.at.isAfter(at) ? g.at : at;
                if (g.via != null) {
                    ties.add(Mask.identity(g.via));
                    if (graph.poison.contains(g.via) || stored.poisonNow.contains(g.via)) {
                        poison.add(Mask.identity(g.via));
                    }
                }
            }
            String evidence = poison.isEmpty() ? (ties.isEmpty() ? "" : ties.iterator().next())
                    : poison.iterator().next();
            splits.add(new Split(a.from(), a.to(), List.copyOf(leads), evidence));
            listed.add(new SuspectLinks(listed.size(), a.from(), a.to(), a.groups().size(), n, List.copyOf(ties),
                    List.copyOf(poison), at.toString()));
        }
        return new int[] {count, identities};
    }
}
