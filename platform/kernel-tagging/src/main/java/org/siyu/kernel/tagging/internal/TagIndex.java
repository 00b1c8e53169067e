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
 * Every tag and, per tag, a RoaringBitmap of the customers that have it, plus the universe (customers with at least
 * one tag). Holds committed state only: writers apply {@link IndexChanges} after their transaction commits. Readers
 * evaluate under a read lock; changes take the write lock for the few microseconds they need.
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
    private RoaringBitmap universe = new RoaringBitmap();

    /** Replaces everything: {@code customers} holds the bitmap of each tag id (missing ones are empty). */
    public void load(List<TagDef> tags, Map<Integer, RoaringBitmap> customers) {
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
            universe = byId.isEmpty() ? new RoaringBitmap()
                    : FastAggregation.or(byId.values().stream().map(e -> e.customers).toArray(RoaringBitmap[]::new));
            universe.runOptimize();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Applies one transaction's changes, in order. */
    void apply(IndexChanges changes) {
        lock.writeLock().lock();
        try {
            for (IndexChanges.Op op : changes.ops()) {
                switch (op) {
                    case IndexChanges.NewTag(TagDef tag) -> {
                        if (!byId.containsKey(tag.id())) {
                            Entry entry = new Entry(tag, new RoaringBitmap());
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
                            forgetIfUntagged(customer);
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
                        if (tags.stream().anyMatch(byId::containsKey)) {
                            universe.add(customer);
                        } else {
                            universe.remove(customer);
                        }
                    }
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void forgetIfUntagged(int customer) {
        for (Entry entry : byId.values()) {
            if (entry.customers.contains(customer)) {
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
        lock.readLock().lock();
        try {
            List<TagInfo> tags = new ArrayList<>(byId.size());
            for (Entry entry : byId.values()) {
                tags.add(new TagInfo(entry.tag.name(), entry.tag.group(), entry.tag.system(),
                        entry.customers.getLongCardinality()));
            }
            tags.sort(Comparator.comparing(TagInfo::group).thenComparing(TagInfo::name));
            return tags;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many customers have at least one tag. */
    public long customers() {
        return read(b -> b.universe().getLongCardinality());
    }
}
