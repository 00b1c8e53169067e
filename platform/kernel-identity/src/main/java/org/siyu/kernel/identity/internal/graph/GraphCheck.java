package org.siyu.kernel.identity.internal.graph;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;
import org.siyu.api.jobs.JobProgress;
import org.siyu.kernel.identity.internal.channel.Mask;

/**
 * Rebuilds the identity graph from what OneID stored and compares it with the customers as they are: which merges a
 * from-scratch rebuild would not make because the keys that made them are poison now.
 *
 * <p>The source records of past resolutions are not stored, but what joins customers is: a merge happens only in a
 * resolution that had several customers and a merge key, and such a resolution first records every customer of the
 * call as a claimant of each of its merge keys ({@code identity_claim}). Every customer was created by one resolution
 * with its own identities (its record), and an identity is linked to one customer, so two records share an identity
 * only through a claim. The rebuild therefore takes as records the customers that hold or claimed a claimed key, each
 * with those keys (the key's original holder is found by following {@code brought_by_merge} back through the merges
 * that moved it), and runs {@link GraphRebuild}: a key presented by more records than the poison threshold is
 * poison over the whole graph, and only the other keys join. Identities nobody claimed join nothing and are not
 * read: the work grows with the claims, not with the identities.
 *
 * <p>A merge that is not undone and whose two customers the rebuild puts in different components was made through a
 * key that is poison now (online, a key turns poison only when its claimants pass the threshold, so up to that many
 * customers were merged through it first). Those merges are listed with the poison keys both customers claimed; an
 * operator undoes them ({@code POST /api/v1/merges/<id>/undo}). Customers that the rebuild joins but that are apart
 * now (an operator undid their merge, which the claims do not forget) are counted, not listed.
 *
 * <p>Reads only, in one transaction, without OneID's write lock: links are read before the merges and moves, so every
 * merge a link names is there; a resolution committed during the check may be half seen, which the answer counts
 * ({@code unresolved}).
 */
public final class GraphCheck {

    /** At most this many merges and keys are listed in a result; the counts are complete. */
    public static final int LIST_LIMIT = 500;

    private GraphCheck() {
    }

    /** One merge the rebuild would not make. Keys are masked; {@code at} is ISO-8601 (UTC), as REST shows times. */
    public record SuspectMerge(long mergeId, int survivor, int merged, String rule, String evidence, String at,
            int customerNow, List<String> poisonKeys) {
    }

    /**
     * What the check found.
     *
     * @param checkedAt          when, ISO-8601 (UTC)
     * @param claimedKeys        merge keys with claims (the records' identities)
     * @param records            customers that hold or claimed one of them
     * @param merges             merges that are not undone
     * @param poisonNow          keys flagged poison online ({@code identity_poison})
     * @param poisonRebuilt      keys poison in the rebuild (presented by more records than the threshold)
     * @param newlyPoison        keys poison in the rebuild but not flagged online, masked (at most the limit)
     * @param mergesThroughPoison merges the rebuild would not make
     * @param customersAffected  live customers that hold such a merge
     * @param suspects           those merges, newest first (at most the limit)
     * @param apartNow           rebuilt components whose customers are several live customers now
     * @param unresolved         links whose merge chain was not found (written while the check read)
     * @param millis             how long the check took
     */
    public record Result(String checkedAt, int threshold, int claimedKeys, int records, int merges, int poisonNow,
            int poisonRebuilt, List<String> newlyPoison, int mergesThroughPoison, int customersAffected,
            List<SuspectMerge> suspects, int apartNow, int unresolved, long millis) {

        /** The job's one-line summary. */
        public String summary() {
            return mergesThroughPoison + " merges through keys that are poison now (" + customersAffected
                    + " customers), " + poisonRebuilt + " poison keys in the rebuild (" + poisonNow + " flagged), "
                    + claimedKeys + " claimed keys, " + merges + " merges checked";
        }
    }

    private record MergeInfo(long id, int survivor, int merged, String rule, String evidence, Instant at,
            boolean undone) {
    }

    /**
     * Runs the check in {@code em}'s transaction.
     *
     * @param threshold OneID's poison threshold
     */
    public static Result run(EntityManager em, int threshold, JobProgress progress) {
        long started = System.nanoTime();
        progress.total(5);
        progress.message("reading claims");
        // key -> claimants, in key order so records and the result come out the same on every run
        Map<String, Set<Integer>> claimants = new TreeMap<>();
        try (var rows = em.createQuery("select c.identity, c.customerId from ClaimRow c", Object[].class)
                .getResultStream()) {
            rows.forEach(r -> claimants.computeIfAbsent((String) r[0], k -> new LinkedHashSet<>()).add((Integer) r[1]));
        }
        progress.advance(1);
        if (progress.cancelled()) {
            return null;
        }

        progress.message("reading the links of claimed keys");
        Map<String, Object[]> links = new HashMap<>(); // key -> {customerId, broughtByMerge}
        try (var rows = em.createQuery("select l.identity, l.customerId, l.broughtByMerge from LinkRow l "
                + "where l.identity in (select c.identity from ClaimRow c)", Object[].class).getResultStream()) {
            rows.forEach(r -> links.put((String) r[0], new Object[] {r[1], r[2]}));
        }
        progress.advance(1);

        progress.message("reading merges");
        Map<Long, MergeInfo> merges = new HashMap<>();
        try (var rows = em.createQuery("select m.id, m.survivor, m.merged, m.rule, m.evidence, m.mergedAt, m.undoneAt "
                + "from MergeRow m", Object[].class).getResultStream()) {
            rows.forEach(r -> merges.put((Long) r[0], new MergeInfo((Long) r[0], (Integer) r[1], (Integer) r[2],
                    (String) r[3], (String) r[4], (Instant) r[5], r[6] != null)));
        }
        Map<String, Long> moves = new HashMap<>(); // mergeId + " " + key -> previous merge (absent: linked directly)
        Set<String> moved = new HashSet<>();
        try (var rows = em.createQuery("select m.mergeId, m.identity, m.previousMerge from MoveRow m "
                + "where m.identity in (select c.identity from ClaimRow c)", Object[].class).getResultStream()) {
            rows.forEach(r -> {
                String k = r[0] + " " + r[1];
                moved.add(k);
                if (r[2] != null) {
                    moves.put(k, (Long) r[2]);
                }
            });
        }
        Map<Integer, Integer> mergedInto = new HashMap<>();
        try (var rows = em.createQuery("select c.id, c.mergedInto from CustomerRow c where c.mergedInto <> 0",
                Object[].class).getResultStream()) {
            rows.forEach(r -> mergedInto.put((Integer) r[0], (Integer) r[1]));
        }
        Set<String> poisonNow = new HashSet<>(em.createQuery("select p.identity from PoisonRow p", String.class)
                .getResultList());
        progress.advance(1);
        if (progress.cancelled()) {
            return null;
        }

        progress.message("rebuilding the graph");
        // customer -> the claimed keys its record holds: those it was created with and those it claimed
        TreeMap<Integer, List<String>> records = new TreeMap<>();
        int unresolved = 0;
        for (Map.Entry<String, Set<Integer>> e : claimants.entrySet()) {
            String key = e.getKey();
            Object[] link = links.get(key);
            if (link != null) {
                int holder = (Integer) link[0];
                Long by = (Long) link[1];
                int hops = 0;
                while (by != null && hops++ <= merges.size()) {
                    MergeInfo m = merges.get(by);
                    String k = by + " " + key;
                    if (m == null || !moved.contains(k)) {
                        unresolved++;
                        break;
                    }
                    holder = m.merged();
                    by = moves.get(k);
                }
                records.computeIfAbsent(holder, c -> new ArrayList<>()).add(key);
            }
            for (int customer : e.getValue()) {
                List<String> keys = records.computeIfAbsent(customer, c -> new ArrayList<>());
                if (keys.isEmpty() || !keys.getLast().equals(key)) {
                    keys.add(key);
                }
            }
        }
        GraphRebuild graph = new GraphRebuild(threshold, k -> true); // only merge keys are claimed
        int[] customerOf = new int[records.size()];
        Map<Integer, Integer> recordOf = new HashMap<>();
        int r = 0;
        for (Map.Entry<Integer, List<String>> e : records.entrySet()) {
            customerOf[r] = e.getKey();
            recordOf.put(e.getKey(), r++);
            graph.add(e.getValue().toArray(String[]::new));
        }
        GraphRebuild.Partition partition = graph.run();
        Set<String> poisonRebuilt = new HashSet<>();
        for (int id : partition.poison()) {
            poisonRebuilt.add(graph.key(id));
        }
        progress.advance(1);

        progress.message("comparing with the customers");
        // the smallest customer of the component: records were added in ascending customer order
        IntUnaryOperator component = c -> {
            Integer rec = recordOf.get(c);
            return rec == null ? c : customerOf[partition.component()[rec]];
        };
        IntUnaryOperator now = c -> {
            int x = c;
            for (int hops = 0; mergedInto.containsKey(x) && hops <= mergedInto.size(); hops++) {
                x = mergedInto.get(x);
            }
            return x;
        };
        List<MergeInfo> suspects = new ArrayList<>();
        int active = 0;
        for (MergeInfo m : merges.values()) {
            if (m.undone()) {
                continue;
            }
            active++;
            if (component.applyAsInt(m.survivor()) != component.applyAsInt(m.merged())) {
                suspects.add(m);
            }
        }
        suspects.sort((a, b) -> Long.compare(b.id(), a.id()));
        Set<Integer> affected = new HashSet<>();
        List<SuspectMerge> listed = new ArrayList<>();
        for (MergeInfo m : suspects) {
            int customerNow = now.applyAsInt(m.survivor());
            affected.add(customerNow);
            if (listed.size() < LIST_LIMIT) {
                List<String> shared = new ArrayList<>();
                List<String> a = records.getOrDefault(m.survivor(), List.of());
                for (String key : records.getOrDefault(m.merged(), List.of())) {
                    if (poisonRebuilt.contains(key) && a.contains(key)) {
                        shared.add(Mask.identity(key));
                    }
                }
                listed.add(new SuspectMerge(m.id(), m.survivor(), m.merged(), m.rule(), m.evidence(),
                        m.at().toString(), customerNow, List.copyOf(shared)));
            }
        }
        Map<Integer, Set<Integer>> liveOfComponent = new HashMap<>();
        for (int customer : records.keySet()) {
            liveOfComponent.computeIfAbsent(component.applyAsInt(customer), c -> new HashSet<>())
                    .add(now.applyAsInt(customer));
        }
        int apart = (int) liveOfComponent.values().stream().filter(s -> s.size() > 1).count();
        List<String> newly = poisonRebuilt.stream().filter(k -> !poisonNow.contains(k)).sorted().limit(LIST_LIMIT)
                .map(Mask::identity).toList();
        progress.advance(1);
        return new Result(Instant.now().toString(), threshold, claimants.size(), records.size(), active,
                poisonNow.size(), poisonRebuilt.size(), newly, suspects.size(), affected.size(), List.copyOf(listed),
                apart, unresolved, (System.nanoTime() - started) / 1_000_000);
    }
}
