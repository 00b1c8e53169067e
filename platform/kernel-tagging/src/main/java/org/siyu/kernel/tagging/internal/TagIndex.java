package org.siyu.kernel.tagging.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;
import org.siyu.api.tags.SegmentSyntaxException;
import org.siyu.api.tags.TagInfo;
import org.siyu.kernel.tagging.internal.segment.Bitmaps;
import org.siyu.kernel.tagging.internal.segment.Expr;

/**
 * Every tag and, per tag, a RoaringBitmap of the customers that have it, plus the universe that {@code NOT} is
 * relative to: every active customer ({@code tagging_customer}: created and not merged away) and every customer
 * that holds a tag, so a tag is always a subset of the universe. Holds committed state only: writers apply
 * {@link IndexChanges} after their transaction commits. Readers evaluate under a read lock; changes take the write
 * lock for the few microseconds they need.
 */
public final class TagIndex {

    private static final class Entry {
        final TagDef tag;
        final RoaringBitmap customers;

        Entry(TagDef tag, RoaringBitmap customers) {
            this.tag = tag;
            this.customers = customers;
        }
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Entry> byName = new HashMap<>();
    private final Map<Integer, Entry> byId = new HashMap<>();
    /** Customers with an active row in {@code tagging_customer}. */
    private RoaringBitmap active = new RoaringBitmap();
    /** Customers whose row says merged away. */
    private RoaringBitmap mergedAway = new RoaringBitmap();
    /** {@code active} and every customer with a tag. */
    private RoaringBitmap universe = new RoaringBitmap();

    /**
     * Replaces everything: {@code customers} holds the bitmap of each tag id (missing ones are empty); {@code active}
     * and {@code mergedAway} the rows of {@code tagging_customer} (kept by the index, not copied).
     */
    public void load(List<TagDef> tags, Map<Integer, RoaringBitmap> customers, RoaringBitmap active,
            RoaringBitmap mergedAway) {
        lock.writeLock().lock();
        try {
            byName.clear();
            byId.clear();
            for (TagDef tag : tags) {
                RoaringBitmap bitmap = customers.getOrDefault(tag.id(), new RoaringBitmap());
                bitmap.runOptimize();
                Entry entry = new Entry(tag, bitmap);
                byName.put(tag.name(), entry);
                byId.put(tag.id(), entry);
            }
            this.active = active;
            this.mergedAway = mergedAway;
            this.active.runOptimize();
            this.mergedAway.runOptimize();
            List<RoaringBitmap> all = new ArrayList<>(byId.size() + 1);
            all.add(active);
            byId.values().forEach(e -> all.add(e.customers));
            universe = FastAggregation.or(all.toArray(RoaringBitmap[]::new));
            universe.runOptimize();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Per customer, a counter of the committed changes applied to it. A re-read of the database that started before a
     * later commit was applied must not put the older state back ({@link #applyReread}).
     */
    private int[] stamps = new int[1024];

    /** Applies one committed transaction's changes, in order. */
    void apply(IndexChanges changes) {
        lock.writeLock().lock();
        try {
            for (int customer : changes.customers()) {
                if (customer >= stamps.length) {
                    stamps = java.util.Arrays.copyOf(stamps, Math.max(customer + 1, stamps.length * 2));
                }
                stamps[customer]++;
            }
            applyOps(changes.ops());
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The customers' stamps now, to hand to {@link #applyReread} with what is read from the database after this. */
    Map<Integer, Integer> stamps(java.util.Collection<Integer> customers) {
        lock.readLock().lock();
        try {
            Map<Integer, Integer> now = new HashMap<>();
            for (int c : customers) {
                now.put(c, c < stamps.length ? stamps[c] : 0);
            }
            return now;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Applies a re-read of the database, except for the customers that a commit changed since {@code before} was
     * taken: their state in the re-read may be older than what that commit applied (a re-read for them follows).
     */
    void applyReread(IndexChanges changes, Map<Integer, Integer> before) {
        lock.writeLock().lock();
        try {
            List<IndexChanges.Op> current = new ArrayList<>();
            for (IndexChanges.Op op : changes.ops()) {
                Integer customer = switch (op) {
                    case IndexChanges.NewTag t -> null;
                    case IndexChanges.Add(int c, int t) -> c;
                    case IndexChanges.Remove(int c, int t) -> c;
                    case IndexChanges.Replace(int c, var t) -> c;
                    case IndexChanges.Status(int c, Boolean a) -> c;
                };
                if (customer == null || before.getOrDefault(customer, 0)
                        == (customer < stamps.length ? stamps[customer] : 0)) {
                    current.add(op);
                }
            }
            applyOps(current);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Called under the write lock. */
    private void applyOps(List<IndexChanges.Op> ops) {
        {
            for (IndexChanges.Op op : ops) {
                switch (op) {
                    case IndexChanges.NewTag(TagDef tag) -> {
                        Entry known = byId.get(tag.id());
                        if (known == null) {
                            Entry entry = new Entry(tag, new RoaringBitmap());
                            byName.put(tag.name(), entry);
                            byId.put(tag.id(), entry);
                        } else if (!known.tag.equals(tag)) { // new titles: same bitmap
                            Entry entry = new Entry(tag, known.customers);
                            byName.put(tag.name(), entry);
                            byId.put(tag.id(), entry);
                        }
                    }
                    case IndexChanges.Add(int customer, int tag) -> {
                        Entry entry = byId.get(tag);
                        if (entry != null) {
                            entry.customers.add(customer);
                            universe.add(customer);
                        }
                    }
                    case IndexChanges.Remove(int customer, int tag) -> {
                        Entry entry = byId.get(tag);
                        if (entry != null && entry.customers.checkedRemove(customer)) {
                            refresh(customer);
                        }
                    }
                    case IndexChanges.Replace(int customer, var tags) -> {
                        for (Entry entry : byId.values()) {
                            if (tags.contains(entry.tag.id())) {
                                entry.customers.add(customer);
                            } else {
                                entry.customers.remove(customer);
                            }
                        }
                        if (active.contains(customer) || tags.stream().anyMatch(byId::containsKey)) {
                            universe.add(customer);
                        } else {
                            universe.remove(customer);
                        }
                    }
                    case IndexChanges.Status(int customer, Boolean isActive) -> {
                        if (Boolean.TRUE.equals(isActive)) {
                            active.add(customer);
                            mergedAway.remove(customer);
                        } else {
                            active.remove(customer);
                            if (isActive == null) {
                                mergedAway.remove(customer);
                            } else {
                                mergedAway.add(customer);
                            }
                        }
                        refresh(customer);
                    }
                }
            }
        }
    }

    /** Puts the customer in the universe if active or tagged, else takes it out. Called under the write lock. */
    private void refresh(int customer) {
        if (active.contains(customer)) {
            universe.add(customer);
            return;
        }
        for (Entry entry : byId.values()) {
            if (entry.customers.contains(customer)) {
                universe.add(customer);
                return;
            }
        }
        universe.remove(customer);
    }

    /** Runs {@code reader} on a consistent view of the bitmaps; it must not keep them after it returns. */
    public <R> R read(Function<Bitmaps, R> reader) {
        lock.readLock().lock();
        try {
            return reader.apply(view);
        } finally {
            lock.readLock().unlock();
        }
    }

    private final Bitmaps view = new Bitmaps() {
        @Override
        public RoaringBitmap tag(Expr.Tag ref) {
            Entry entry = byName.get(ref.name());
            if (entry == null) {
                throw new SegmentSyntaxException("unknown tag '" + ref.name() + "'" + suggestion(ref.name()),
                        ref.position(), ref.name());
            }
            return entry.customers;
        }

        @Override
        public RoaringBitmap universe() {
            return universe;
        }
    };

    /** " (did you mean 'VIP'?)" when a tag differs only in case, else "". Called under the read lock. */
    private String suggestion(String name) {
        for (String known : byName.keySet()) {
            if (known.equalsIgnoreCase(name)) {
                return " (did you mean '" + known + "'?)";
            }
        }
        return "";
    }

    /** The tag called {@code name}. */
    public Optional<TagDef> find(String name) {
        lock.readLock().lock();
        try {
            Entry entry = byName.get(name);
            return entry == null ? Optional.empty() : Optional.of(entry.tag);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Every tag with how many customers have it, by group then name. */
    public List<TagInfo> list() {
        return list(null);
    }

    /**
     * Every tag with how many customers of {@code within} have it ({@code null}: of all), by group then name. The
     * counts of a scope are intersection cardinalities: nothing is materialised.
     */
    public List<TagInfo> list(RoaringBitmap within) {
        lock.readLock().lock();
        try {
            List<TagInfo> tags = new ArrayList<>(byId.size());
            for (Entry entry : byId.values()) {
                tags.add(new TagInfo(entry.tag.name(), entry.tag.group(), entry.tag.system(), within == null
                        ? entry.customers.getLongCardinality() : RoaringBitmap.andCardinality(entry.customers, within)));
            }
            tags.sort(Comparator.comparing(TagInfo::group).thenComparing(TagInfo::name));
            return tags;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many customers the universe holds (active ones and tagged ones). */
    public long customers() {
        return read(b -> b.universe().getLongCardinality());
    }

    /** How many customers are merged away (out of the universe unless they still hold a tag). */
    public long mergedAway() {
        lock.readLock().lock();
        try {
            return mergedAway.getLongCardinality();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Whether {@code tagging_customer} had a row for the customer at the last commit the index applied. */
    boolean known(int customer) {
        lock.readLock().lock();
        try {
            return active.contains(customer) || mergedAway.contains(customer);
        } finally {
            lock.readLock().unlock();
        }
    }
}
