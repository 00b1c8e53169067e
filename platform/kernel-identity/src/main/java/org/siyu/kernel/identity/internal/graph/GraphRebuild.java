package org.siyu.kernel.identity.internal.graph;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Rebuilds the identity graph from scratch: which source records (the identities presented together in one
 * resolution) are one customer, with the poison rule applied to the whole graph <em>before</em> anything is joined.
 *
 * <p>Online, OneID learns that a merge key (a unionid, a phone) is poison only when its claimants pass the threshold,
 * so up to that many customers, and every customer that presented it with nothing but new identities, have been
 * joined through it by then. Here the distinct records presenting each merge key are counted over the whole graph
 * first; a merge key presented by more than {@code poisonThreshold} records is poison and joins nobody. Then records
 * are joined through every identity they share that is not poison (an identity belongs to one customer, as
 * {@code identity_link} has it; only merge keys can be poison, as online). No component is therefore ever joined
 * through a poison identity.
 *
 * <p>Identities are interned to ints in an open-addressing table; records are kept as one flat array with offsets;
 * the join is a union-find over record numbers in an {@code int[]} whose roots are always the smallest record of
 * their component. No object per edge or per record: 1 M records with 2.5 M identities take about a hundred bytes
 * per identity and about a second on one core, most of it waiting for memory: the keys, the table's slots and the
 * interned keys lie all over the heap. So records are interned {@value #GROUP} at a time, in three passes: hash every
 * key, then read the slot (and the interned key) each key's probe starts at, then intern; the reads of the middle pass
 * do not depend on each other, so the processor overlaps their cache misses instead of waiting for one after the
 * other (1.4–1.9× faster than one key at a time, on the identity benchmark's 1 M people).
 *
 * <p>Use: {@link #add} every record, then {@link #run} once. Not thread-safe.
 */
public final class GraphRebuild {

    /** A merge key is {@code <channel>:<value>} of one of these channels (OneID's {@code ChannelType.mergeKey()}). */
    public static Predicate<String> mergeChannels(String... channels) {
        String[] prefixes = Arrays.stream(channels).map(c -> c + ":").toArray(String[]::new);
        return key -> {
            for (String prefix : prefixes) {
                if (key.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        };
    }

    private final int threshold;
    private final Predicate<String> mergeKey;

    // Interning: open addressing; a slot holds the key's mixed hash (high half) and its identity number + 1 (low
    // half; 0 = empty). Probing and growing read the hash from the slot: one cache line, no String touched (the keys
    // lie all over the heap).
    private long[] slots = new long[1 << 16];
    private String[] keys = new String[1 << 15];
    private boolean[] merge = new boolean[1 << 15];
    private int identities;

    // Records: members[start[r] .. start[r + 1]) are record r's identities, duplicates dropped.
    private int[] start = new int[1 << 15];
    private int[] members = new int[1 << 16];
    private int records;
    private int incidences;
    /** Records interned so far; the others wait in {@link #pending}. */
    private int interned;

    /** Records interned together (see the class comment). */
    static final int GROUP = 64;
    private final String[][] pending = new String[GROUP][];
    private int pendingCount;
    private int pendingKeys;
    private String[] groupKeys = new String[GROUP * 4];
    private int[] groupHashes = new int[GROUP * 4];
    /** Keeps the middle pass's reads from being optimised away. */
    private long touched;
    /** Per identity: 1 + the last record that presented it (drops duplicates within a record). */
    private int[] lastRecord = new int[1 << 15];
    private boolean ran;
    /** The records added by {@link #attach}: their first member does not count. */
    private final BitSet attached = new BitSet();

    /**
     * @param poisonThreshold how many distinct records may present one merge key; more makes it poison (OneID's
     *                        {@code poisonThreshold}, default 3)
     * @param mergeKey        which identity keys are merge keys (see {@link #mergeChannels})
     */
    public GraphRebuild(int poisonThreshold, Predicate<String> mergeKey) {
        if (poisonThreshold < 1) {
            throw new IllegalArgumentException("poisonThreshold must be at least 1, not " + poisonThreshold);
        }
        this.threshold = poisonThreshold;
        this.mergeKey = Objects.requireNonNull(mergeKey, "mergeKey");
    }

    /**
     * Adds the next record (number {@link #records()} before the call): the normalised identity keys presented
     * together. A key given twice counts once. The array is kept until its group is interned: do not change it
     * afterwards.
     *
     * @throws IllegalArgumentException for an empty record or a null or empty key (naming the record and position)
     * @throws IllegalStateException    after {@link #run}
     */
    public void add(String... identityKeys) {
        record(identityKeys);
    }

    /**
     * Adds the next record as one that joins through {@code tie} without counting as presenting it, and presents
     * {@code own} like {@link #add}. The graph check adds so the identities a resolution linked to a customer it
     * reached through {@code tie}: OneID counts no claim there (ADR 0015), and a person's repeated visits through their
     * own phone must not make it poison.
     */
    public void attach(String tie, String... own) {
        String[] keys = new String[own.length + 1];
        keys[0] = tie;
        System.arraycopy(own, 0, keys, 1, own.length);
        int r = records;
        record(keys);
        attached.set(r);
    }

    private void record(String... identityKeys) {
        if (ran) {
            throw new IllegalStateException("the graph was already rebuilt; make a new GraphRebuild");
        }
        if (identityKeys.length == 0) {
            throw new IllegalArgumentException("record " + records + " has no identity");
        }
        if (records + 2 > start.length) {
            start = Arrays.copyOf(start, start.length * 2);
        }
        int needed = incidences + pendingKeys + identityKeys.length;
        if (needed > members.length) {
            members = Arrays.copyOf(members, Math.max(members.length * 2, needed));
        }
        for (int i = 0; i < identityKeys.length; i++) { // all checked first: a refused record leaves no trace
            if (identityKeys[i] == null || identityKeys[i].isEmpty()) {
                throw new IllegalArgumentException("record " + records + ": identity " + i + " is "
                        + (identityKeys[i] == null ? "null" : "empty"));
            }
        }
        pending[pendingCount++] = identityKeys;
        pendingKeys += identityKeys.length;
        records++;
        if (pendingCount == GROUP) {
            internPending();
        }
    }

    /** Interns the pending records' keys and stores the records (see the class comment for the three passes). */
    private void internPending() {
        int n = pendingKeys;
        if (groupKeys.length < n) {
            groupKeys = new String[n * 2];
            groupHashes = new int[n * 2];
        }
        int k = 0;
        for (int p = 0; p < pendingCount; p++) {
            for (String key : pending[p]) {
                groupKeys[k] = key;
                groupHashes[k++] = mix(key.hashCode());
            }
        }
        int mask = slots.length - 1;
        int seen = 0;
        for (int i = 0; i < n; i++) {
            long s = slots[groupHashes[i] & mask];
            if (s != 0 && (int) (s >>> 32) == groupHashes[i] && keys[(int) s - 1] == groupKeys[i]) {
                seen++; // the same String object: what is counted does not matter, the reads do
            }
        }
        touched += seen;
        k = 0;
        for (int p = 0; p < pendingCount; p++) {
            int r = interned++;
            start[r] = incidences;
            int stamp = r + 1;
            for (int j = 0, size = pending[p].length; j < size; j++, k++) {
                int id = intern(groupKeys[k], groupHashes[k]);
                if (lastRecord[id] != stamp) {
                    lastRecord[id] = stamp;
                    members[incidences++] = id;
                }
            }
            start[r + 1] = incidences;
            pending[p] = null;
        }
        Arrays.fill(groupKeys, 0, n, null);
        pendingCount = 0;
        pendingKeys = 0;
    }

    /** Records added so far. */
    public int records() {
        return records;
    }

    /** Distinct identities added so far. */
    public int identities() {
        internPending();
        return identities;
    }

    /** The key of identity number {@code id}. */
    public String key(int id) {
        internPending();
        Objects.checkIndex(id, identities);
        return keys[id];
    }

    private int intern(String key, int hash) {
        int mask = slots.length - 1;
        int slot = hash & mask;
        while (true) {
            long s = slots[slot];
            if (s == 0) {
                break;
            }
            if ((int) (s >>> 32) == hash) {
                int candidate = (int) s - 1;
                if (keys[candidate].equals(key)) {
                    return candidate;
                }
            }
            slot = (slot + 1) & mask;
        }
        int id = identities++;
        if (id == keys.length) {
            int n = keys.length * 2;
            keys = Arrays.copyOf(keys, n);
            merge = Arrays.copyOf(merge, n);
            lastRecord = Arrays.copyOf(lastRecord, n);
        }
        keys[id] = key;
        merge[id] = mergeKey.test(key);
        slots[slot] = ((long) hash << 32) | (id + 1);
        if (identities * 2 > slots.length) { // load ≤ 0.5 keeps probes short
            rehash();
        }
        return id;
    }

    private void rehash() {
        long[] bigger = new long[slots.length * 2];
        int mask = bigger.length - 1;
        for (long s : slots) {
            if (s != 0) {
                int slot = (int) (s >>> 32) & mask;
                while (bigger[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                bigger[slot] = s;
            }
        }
        slots = bigger;
    }

    /** String hashes of similar keys differ in their low bits poorly; spread them (murmur3's finaliser). */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    /**
     * Counts the claims of every merge key, marks the poison ones, joins the records through the rest.
     *
     * @throws IllegalStateException when called twice
     */
    public Partition run() {
        if (ran) {
            throw new IllegalStateException("the graph was already rebuilt");
        }
        internPending();
        ran = true;
        // Duplicates within a record were dropped on add, so occurrences are distinct claiming records.
        int[] claims = new int[identities];
        if (attached.isEmpty()) {
            for (int i = 0; i < incidences; i++) {
                claims[members[i]]++;
            }
        } else {
            for (int r = 0; r < records; r++) {
                // an attached record's tie is its first member (the first occurrence of a key is the one kept)
                for (int i = attached.get(r) ? start[r] + 1 : start[r], end = start[r + 1]; i < end; i++) {
                    claims[members[i]]++;
                }
            }
        }
        boolean[] poison = new boolean[identities];
        int poisonCount = 0;
        for (int id = 0; id < identities; id++) {
            if (merge[id] && claims[id] > threshold) {
                poison[id] = true;
                poisonCount++;
            }
        }
        int[] parent = new int[records];
        for (int r = 0; r < records; r++) {
            parent[r] = r;
        }
        // first[id]: the first record that presented the identity, which every later one is joined to.
        int[] first = lastRecord; // reused: its stamps are no longer needed
        Arrays.fill(first, 0, identities, -1);
        for (int r = 0; r < records; r++) {
            for (int i = start[r], end = start[r + 1]; i < end; i++) {
                int id = members[i];
                if (poison[id]) {
                    continue;
                }
                if (first[id] < 0) {
                    first[id] = r;
                } else {
                    union(parent, first[id], r);
                }
            }
        }
        int components = 0;
        for (int r = 0; r < records; r++) {
            int root = find(parent, r);
            parent[r] = root;
            if (root == r) {
                components++;
            }
        }
        int[] poisonIds = new int[poisonCount];
        int[] poisonClaims = new int[poisonCount];
        for (int id = 0, p = 0; id < identities; id++) {
            if (poison[id]) {
                poisonIds[p] = id;
                poisonClaims[p++] = claims[id];
            }
        }
        return new Partition(parent, components, poisonIds, poisonClaims, identities, incidences);
    }

    /** The smaller root becomes the parent, so a root is always the smallest record of its component. */
    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra < rb) {
            parent[rb] = ra;
        } else if (rb < ra) {
            parent[ra] = rb;
        }
    }

    private static int find(int[] parent, int r) {
        while (parent[r] != r) {
            parent[r] = parent[parent[r]]; // path halving
            r = parent[r];
        }
        return r;
    }

    /**
     * The rebuilt graph.
     *
     * @param component     per record, the smallest record of its component: records are one customer exactly when
     *                      their entries are equal (a canonical form, comparable across implementations)
     * @param components    how many components (customers)
     * @param poison        the identity numbers of the poison merge keys, ascending ({@link GraphRebuild#key})
     * @param poisonClaims  per poison identity, the distinct records that presented it (attached ones not counted)
     * @param identities    distinct identities
     * @param incidences    record–identity pairs
     */
    public record Partition(int[] component, int components, int[] poison, int[] poisonClaims, int identities,
            long incidences) {
    }
}
