package org.siyu.kernel.identity.internal.graph;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What the {@link GraphCheck} reads of OneID's tables: the claims, the link groups (identities a resolution linked to
 * a customer that existed before it, ADR 0015), the links and merge chains of the keys that join records (claimed
 * keys and the groups' ties), the merges, which customers are merged away, and the flagged poison keys. Links are read
 * before merges and moves, so every merge a link names is there.
 */
final class StoredGraph {

    /** IN lists are cut to this many keys. */
    private static final int CHUNK = 1_000;

    /** One link group: the identities one resolution linked to {@code customer} through {@code via}. */
    static final class Group {
        final String lead;
        final String via;
        final int customer;
        final List<String> identities = new ArrayList<>();
        Instant at;

        Group(String lead, String via, int customer, Instant at) {
            this.lead = lead;
            this.via = via;
            this.customer = customer;
            this.at = at;
        }
    }

    record MergeInfo(long id, int survivor, int merged, String rule, String evidence, Instant at, Instant undoneAt) {

        boolean undone() {
            return undoneAt != null;
        }
    }

    /** Claimed key -> claimants, in key order so records and the result come out the same on every run. */
    final Map<String, Set<Integer>> claimants = new TreeMap<>();
    /** Claimed key -> claimant -> when it claimed. */
    final Map<String, Map<Integer, Instant>> claimedAt = new HashMap<>();

    /** What a claim made since V4 recorded: whether its claimant held the key, and through which identity it came. */
    record Recorded(boolean held, String through) {
    }

    /** Claimed key -> claimant -> what the claim recorded (claims made since V4). */
    final Map<String, Map<Integer, Recorded>> claimRecorded = new HashMap<>();
    /** Lead -> group, in lead order. */
    final TreeMap<String, Group> groups = new TreeMap<>();
    /** Identity of a group -> its group's lead. */
    final Map<String, String> leadOf = new HashMap<>();
    /** Key (claimed or a tie) linked when its customer was created -> {customerId, broughtByMerge}. */
    final Map<String, Object[]> founding = new HashMap<>();
    final Map<Long, MergeInfo> merges = new HashMap<>();
    /** mergeId + " " + key -> the previous merge (absent: linked directly). */
    final Map<String, Long> moves = new HashMap<>();
    /** mergeId + " " + key of every move read. */
    final Set<String> moved = new HashSet<>();
    /** Key -> every merge that moved it, undone ones included. */
    final Map<String, List<Long>> movedBy = new HashMap<>();
    final Map<Integer, Integer> mergedInto = new HashMap<>();
    final Set<String> poisonNow = new HashSet<>();

    void readClaims(EntityManager em) {
        try (var rows = em.createQuery("select c.identity, c.customerId, c.claimedAt, c.held, c.through "
                + "from ClaimRow c", Object[].class).getResultStream()) {
            rows.forEach(r -> {
                claimants.computeIfAbsent((String) r[0], k -> new LinkedHashSet<>()).add((Integer) r[1]);
                claimedAt.computeIfAbsent((String) r[0], k -> new HashMap<>()).put((Integer) r[1], (Instant) r[2]);
                if (r[3] != null) {
                    claimRecorded.computeIfAbsent((String) r[0], k -> new HashMap<>())
                            .put((Integer) r[1], new Recorded((Boolean) r[3], (String) r[4]));
                }
            });
        }
    }

    /** The groups, then the links of the keys that join: claimed keys and ties. */
    void readLinks(EntityManager em) {
        try (var rows = em.createQuery("select l.identity, l.customerId, l.linkedVia, l.linkedWith, l.linkedAt "
                + "from LinkRow l where l.linkedWith is not null", Object[].class).getResultStream()) {
            rows.forEach(r -> {
                String identity = (String) r[0];
                String lead = (String) r[3];
                Instant at = (Instant) r[4];
                Group group = groups.computeIfAbsent(lead, k -> new Group(lead, (String) r[2], (Integer) r[1], at));
                group.identities.add(identity);
                if (at.isAfter(group.at)) {
                    group.at = at;
                }
                leadOf.put(identity, lead);
            });
        }
        try (var rows = em.createQuery("select l.identity, l.customerId, l.broughtByMerge from LinkRow l "
                + "where l.linkedWith is null and l.identity in (select c.identity from ClaimRow c)", Object[].class)
                .getResultStream()) {
            rows.forEach(r -> founding.put((String) r[0], new Object[] {r[1], r[2]}));
        }
        chunked(unplacedTies(), keys -> em.createQuery("select l.identity, l.customerId, l.broughtByMerge "
                        + "from LinkRow l where l.linkedWith is null and l.identity in :keys", Object[].class)
                .setParameter("keys", keys).getResultList()
                .forEach(r -> founding.put((String) r[0], new Object[] {r[1], r[2]})));
    }

    /** The ties that are neither claimed nor in a group: their links are read separately. */
    private List<String> unplacedTies() {
        Set<String> ties = new HashSet<>();
        for (Group g : groups.values()) {
            if (g.via != null && !claimants.containsKey(g.via) && !leadOf.containsKey(g.via)) {
                ties.add(g.via);
            }
        }
        return new ArrayList<>(ties);
    }

    void readMerges(EntityManager em) {
        try (var rows = em.createQuery("select m.id, m.survivor, m.merged, m.rule, m.evidence, m.mergedAt, m.undoneAt "
                + "from MergeRow m", Object[].class).getResultStream()) {
            rows.forEach(r -> merges.put((Long) r[0], new MergeInfo((Long) r[0], (Integer) r[1], (Integer) r[2],
                    (String) r[3], (String) r[4], (Instant) r[5], (Instant) r[6])));
        }
        Consumer<Object[]> move = r -> {
            String k = r[0] + " " + r[1];
            moved.add(k);
            if (r[2] != null) {
                moves.put(k, (Long) r[2]);
            }
            movedBy.computeIfAbsent((String) r[1], x -> new ArrayList<>()).add((Long) r[0]);
        };
        // every move of a claimed key (undone merges' too: holders()), and the founding ties' chains
        try (var rows = em.createQuery("select m.mergeId, m.identity, m.previousMerge from MoveRow m "
                + "where m.identity in (select c.identity from ClaimRow c)", Object[].class).getResultStream()) {
            rows.forEach(move);
        }
        List<String> keys = new ArrayList<>();
        founding.forEach((key, link) -> {
            if (link[1] != null && !claimants.containsKey(key)) {
                keys.add(key);
            }
        });
        chunked(keys, chunk -> em.createQuery("select m.mergeId, m.identity, m.previousMerge from MoveRow m "
                + "where m.identity in :keys", Object[].class).setParameter("keys", chunk).getResultList()
                .forEach(move));
        try (var rows = em.createQuery("select c.id, c.mergedInto from CustomerRow c where c.mergedInto <> 0",
                Object[].class).getResultStream()) {
            rows.forEach(r -> mergedInto.put((Integer) r[0], (Integer) r[1]));
        }
        poisonNow.addAll(em.createQuery("select p.identity from PoisonRow p", String.class).getResultList());
    }

    /** Chains of merges that could not be followed to the end (written while the check read). */
    int unresolved;

    /**
     * The customer a founding key was created with: its customer now, followed back through the merges that moved it
     * (as far as they were read: a chain that breaks off counts in {@link #unresolved}).
     */
    int firstHolder(String key) {
        Object[] link = founding.get(key);
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
        return holder;
    }

    /**
     * Whether {@code customer} claimed {@code key} as its holder: as the claim recorded it, or for a claim made before
     * V4, the key was with that customer when it claimed (a call's claims come before its merges, at the same
     * instant).
     */
    boolean claimedAsHolder(String key, int customer) {
        Recorded recorded = recorded(key, customer);
        if (recorded != null) {
            return recorded.held();
        }
        Instant at = claimedAt.getOrDefault(key, Map.of()).get(customer);
        return at != null && holderAt(key, at) == customer;
    }

    /** What the claim recorded, or null for a claim made before V4. */
    Recorded recorded(String key, int customer) {
        return claimRecorded.getOrDefault(key, Map.of()).get(customer);
    }

    /**
     * The customer {@code key} was with just before {@code at}, replayed from the merges that moved it, undone ones
     * included (moved to the survivor at {@code merged_at}, back at {@code undone_at}); -1 if its link was not read.
     */
    int holderAt(String key, Instant at) {
        List<Object[]> steps = new ArrayList<>(); // {time, from, to, merge id, 0 merge / 1 undo}
        for (long mergeId : movedBy.getOrDefault(key, List.of())) {
            MergeInfo m = merges.get(mergeId);
            if (m != null) {
                steps.add(new Object[] {m.at(), m.merged(), m.survivor(), m.id(), 0});
                if (m.undone()) {
                    steps.add(new Object[] {m.undoneAt(), m.survivor(), m.merged(), m.id(), 1});
                }
            }
        }
        if (steps.isEmpty()) {
            Object[] link = founding.get(key);
            String lead = leadOf.get(key);
            return link != null ? (Integer) link[0] : lead != null ? groups.get(lead).customer : -1;
        }
        // in time order; at one instant (a coarse clock) by merge, a merge before its undo
        steps.sort(Comparator.comparing((Object[] a) -> (Instant) a[0]).thenComparing(a -> (Long) a[3])
                .thenComparing(a -> (Integer) a[4]));
        int holder = (Integer) steps.getFirst()[1];
        for (Object[] step : steps) {
            if (!((Instant) step[0]).isBefore(at)) {
                break;
            }
            holder = (Integer) step[2];
        }
        return holder;
    }

    /**
     * The merge keys of the call in which {@code customer} claimed {@code key}, as far as the claims show them (every
     * key claimed at that instant; a claim already recorded by an earlier call is not recorded again, so a key all of
     * whose claimants had claimed it before is missing), with the instant; null if it did not claim it.
     */
    Map.Entry<Instant, List<String>> callOf(int customer, String key) {
        Instant at = claimedAt.getOrDefault(key, Map.of()).get(customer);
        if (at == null) {
            return null;
        }
        if (byInstant == null) {
            byInstant = new HashMap<>();
            claimedAt.forEach((k, times) -> new HashSet<>(times.values()).forEach(t -> byInstant
                    .computeIfAbsent(t, x -> new ArrayList<>()).add(k)));
        }
        return Map.entry(at, byInstant.getOrDefault(at, List.of()));
    }

    /** Instant -> the keys claimed then; built on first use. */
    private Map<Instant, List<String>> byInstant;

    /** The live customer {@code customer} is part of now. */
    int now(int customer) {
        int x = customer;
        for (int hops = 0; mergedInto.containsKey(x) && hops <= mergedInto.size(); hops++) {
            x = mergedInto.get(x);
        }
        return x;
    }

    private static void chunked(List<String> keys, Consumer<List<String>> read) {
        for (int from = 0; from < keys.size(); from += CHUNK) {
            read.accept(keys.subList(from, Math.min(keys.size(), from + CHUNK)));
        }
    }
}
