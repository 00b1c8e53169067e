package org.siyu.kernel.identity.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Committed customers in memory: which ids are live (not merged away) and who owns each, with one bitmap of live
 * customers per owner. It answers {@code ids()} and the data scope of the customer list ("customers owned by these
 * 40 guides") without SQL. Like the {@link IdentityIndex} it changes only after a commit, through the
 * {@link WriteGate}. Cost: an {@code int} per id for the owner, a bit per id for each bitmap; owners are interned.
 */
public final class CustomerIndex {

    /** What a transaction left a customer as. */
    record State(boolean live, String owner) {
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final BitSet live = new BitSet();
    /** Per id, the code of its owner in {@link #owners}; 0 for nobody. */
    private int[] ownerOf = new int[1024];
    private final List<String> owners = new ArrayList<>(List.of(""));
    private final Map<String, Integer> codes = new HashMap<>();
    private final Map<Integer, BitSet> byOwner = new HashMap<>();

    /** Sets one customer; used while loading and by {@link #apply}. Callers hold the write lock. */
    private void set(int id, State state) {
        if (id >= ownerOf.length) {
            ownerOf = Arrays.copyOf(ownerOf, Math.max(id + 1, ownerOf.length * 2));
        }
        BitSet previous = byOwner.get(ownerOf[id]); // none when its customers were all merged away at loading
        if (previous != null) {
            previous.clear(id);
        }
        int code = code(state.owner());
        ownerOf[id] = code;
        live.set(id, state.live());
        if (code != 0 && state.live()) {
            byOwner.computeIfAbsent(code, c -> new BitSet()).set(id);
        }
    }

    private int code(String owner) {
        if (owner == null) {
            return 0;
        }
        return codes.computeIfAbsent(owner, o -> {
            owners.add(o);
            return owners.size() - 1;
        });
    }

    /** Adds a committed customer while loading. */
    void load(int id, boolean isLive, String owner) {
        lock.writeLock().lock();
        try {
            set(id, new State(isLive, owner));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Applies the customer changes of a committed transaction. */
    void apply(Map<Integer, State> changes) {
        if (changes.isEmpty()) {
            return;
        }
        lock.writeLock().lock();
        try {
            changes.forEach(this::set);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The live customers, a snapshot. */
    public IdSet live() {
        lock.readLock().lock();
        try {
            return IdSet.of(live);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The live customers owned by any of {@code staffIds}, a snapshot. */
    public IdSet ownedBy(Collection<String> staffIds) {
        lock.readLock().lock();
        try {
            BitSet union = new BitSet();
            for (String staff : staffIds) {
                Integer code = codes.get(staff);
                BitSet owned = code == null ? null : byOwner.get(code);
                if (owned != null) {
                    union.or(owned);
                }
            }
            return IdSet.of(union);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Whether the customer is live (committed and not merged away). */
    public boolean isLive(int id) {
        lock.readLock().lock();
        try {
            return live.get(id);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The committed owner of a customer, or {@code null}. */
    public String owner(int id) {
        lock.readLock().lock();
        try {
            return id >= 0 && id < ownerOf.length && ownerOf[id] != 0 ? owners.get(ownerOf[id]) : null;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many live customers there are. */
    public int size() {
        lock.readLock().lock();
        try {
            return live.cardinality();
        } finally {
            lock.readLock().unlock();
        }
    }
}
