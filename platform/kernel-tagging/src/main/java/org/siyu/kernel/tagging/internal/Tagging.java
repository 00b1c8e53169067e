package org.siyu.kernel.tagging.internal;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PrimitiveIterator;
import java.util.UUID;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.roaringbitmap.RoaringBitmap;
import org.siyu.api.events.Event;
import org.siyu.api.events.EventBus;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.api.tags.TagAssignment;
import org.siyu.api.tags.TagInfo;
import org.siyu.api.tags.TagService;
import org.siyu.kernel.tagging.internal.segment.Expr;
import org.siyu.kernel.tagging.internal.segment.Segments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kernel's {@link TagService}: assignments in the database (joining the caller's transaction), one RoaringBitmap
 * per tag in memory, rebuilt at activation and changed after each commit ({@link PendingChanges}). Also registered
 * under its own class for this bundle's subscribers, REST resources and views.
 */
@Component(service = {TagService.class, Tagging.class})
public class Tagging implements TagService {

    /** The group of a tag created by {@link #assign(int, String, String, String)}. */
    static final String DEFAULT_GROUP = "default";
    /** The group of a tag created by a rule. */
    static final String RULES_GROUP = "rules";
    /** The {@code source} of the events this bundle publishes. */
    static final String EVENT_SOURCE = "tagging";

    private static final Logger LOG = LoggerFactory.getLogger(Tagging.class);

    private final PersistenceUnit unit;
    private final EventBus bus;
    private final Clock clock;
    private final TagStore store = new TagStore();
    private final TagIndex index = new TagIndex();
    private final Segments segments = new Segments();
    private final Reconciler reconciler;
    private final PendingChanges pending;

    @Activate
    public Tagging(@Reference(target = "(" + PersistenceUnit.NAME_PROPERTY + "=" + TaggingEntities.UNIT + ")")
            PersistenceUnit unit, @Reference EventBus bus) {
        this(unit, bus, Clock.systemUTC());
    }

    /** For tests: a clock the test moves. */
    public Tagging(PersistenceUnit unit, EventBus bus, Clock clock) {
        this.unit = unit;
        this.bus = bus;
        this.clock = clock;
        this.reconciler = new Reconciler(ids -> unit.inTransaction(em -> store.current(em, ids)), index);
        this.pending = new PendingChanges(index, reconciler);
        rebuild();
    }

    @Deactivate
    public void deactivate() {
        reconciler.close();
    }

    /** Reloads every tag and bitmap from the database. */
    void rebuild() {
        long start = System.nanoTime();
        long rows = unit.inTransaction(em -> {
            List<TagDef> tags = store.allTags(em);
            TagStore.Loaded loaded = store.bitmaps(em);
            TagStore.Customers customers = store.customers(em);
            index.load(tags, loaded.bitmaps(), customers.active(), customers.mergedAway());
            return loaded.rows();
        });
        LOG.info("Tag bitmaps rebuilt from {} assignments in {} ms: {} tags, {} customers in the universe, {} merged "
                        + "away", rows, (System.nanoTime() - start) / 1_000_000, index.list().size(), index.customers(),
                index.mergedAway());
    }

    @Override
    public boolean assign(int customerId, String tag, String source, String evidence) {
        return assign(customerId, tag, DEFAULT_GROUP, source, evidence);
    }

    /** {@link #assign(int, String, String, String)} creating a missing tag in {@code groupIfNew}. */
    public boolean assign(int customerId, String tag, String groupIfNew, String source, String evidence) {
        AssignmentRules.customer(customerId);
        String name = AssignmentRules.name(tag);
        AssignmentRules.source(source);
        AssignmentRules.evidence(evidence);
        return unit.inTransaction(em -> {
            IndexChanges changes = pending.of(em);
            TagDef def = tagFor(em, name, groupIfNew, changes);
            List<String> sources = store.sources(em, customerId, def.id());
            if (sources.contains(source)) {
                return false;
            }
            store.insert(em, customerId, def.id(), source, evidence, Times.now(clock));
            // a customer that gets a tag exists: keep it in the universe when it loses its tags (no write if known)
            // (once per transaction: in H2 2.4 the NOT EXISTS of a second insert-if-missing does not see the row the
            // first inserted in the same transaction, and the insert fails on the key; the system tags give a new
            // customer several tags in one transaction)
            if (!index.known(customerId) && !changes.activates(customerId) && store.addCustomer(em, customerId)) {
                changes.activate(customerId);
            }
            changes.add(customerId, def.id());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("tag", def.name());
            data.put("group", def.group());
            data.put("source", source);
            data.put("evidence", evidence);
            data.put("first", sources.isEmpty());
            publish("tag.assigned", customerId, data);
            return sources.isEmpty();
        });
    }

    @Override
    public boolean unassign(int customerId, String tag, String actor) {
        AssignmentRules.customer(customerId);
        String name = AssignmentRules.name(tag);
        AssignmentRules.actor(actor);
        return unit.inTransaction(em -> {
            Optional<TagDef> def = index.find(name).or(() -> store.findTag(em, name));
            if (def.isEmpty()) {
                return false;
            }
            List<String> sources = store.sources(em, customerId, def.get().id());
            if (sources.isEmpty()) {
                return false;
            }
            store.delete(em, customerId, def.get().id());
            pending.of(em).remove(customerId, def.get().id());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("tag", def.get().name());
            data.put("group", def.get().group());
            data.put("sources", sources);
            data.put("actor", actor);
            publish("tag.removed", customerId, data);
            return true;
        });
    }

    /**
     * Removes the customer's assignment of the tag from one source only (the system tags take back their own
     * assignment and leave a manual one). Publishes {@code tag.removed} with {@code sources: [source]} and the
     * sources that still give the customer the tag in {@code remaining}; the bitmap changes only when none remain.
     *
     * @return whether the customer had the tag from {@code source}
     */
    public boolean unassignSource(int customerId, String tag, String source, String actor) {
        AssignmentRules.customer(customerId);
        String name = AssignmentRules.name(tag);
        AssignmentRules.source(source);
        AssignmentRules.actor(actor);
        return unit.inTransaction(em -> {
            Optional<TagDef> def = index.find(name).or(() -> store.findTag(em, name));
            if (def.isEmpty() || store.deleteSource(em, customerId, def.get().id(), source) == 0) {
                return false;
            }
            List<String> remaining = store.sources(em, customerId, def.get().id());
            if (remaining.isEmpty()) {
                pending.of(em).remove(customerId, def.get().id());
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("tag", def.get().name());
            data.put("group", def.get().group());
            data.put("sources", List.of(source));
            data.put("actor", actor);
            data.put("remaining", remaining);
            publish("tag.removed", customerId, data);
            return true;
        });
    }

    /** Every group, system groups first, then by name. */
    public List<TagGroup> groups() {
        return unit.inTransaction(store::groups);
    }

    /**
     * Creates a tag in an existing group (not a system group: the kernel maintains those).
     *
     * @throws IllegalArgumentException naming the field: a bad or taken name, an unknown or system group, a title
     *                                  longer than 64 characters
     */
    public TagDef createTag(String tag, String group, String titleEn, String titleZh) {
        String name = AssignmentRules.name(tag);
        String en = AssignmentRules.title("titleEn", titleEn);
        String zh = AssignmentRules.title("titleZh", titleZh);
        return unit.inTransaction(em -> {
            TagGroup g = store.groups(em).stream().filter(x -> x.name().equals(group)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("group: there is no group '" + group + "'"));
            if (g.system()) {
                throw new IllegalArgumentException("group: '" + group + "' is a system group; its tags are "
                        + "maintained by the kernel");
            }
            if (index.find(name).isPresent() || store.findTag(em, name).isPresent()) {
                throw new IllegalArgumentException("name: a tag '" + name + "' exists already");
            }
            TagDef def = store.createTag(em, name, g.name(), Times.now(clock), en, zh);
            pending.of(em).newTag(def);
            return def;
        });
    }

    /**
     * Sets a tag's display titles (blank clears one; the admin then shows the name). Works for system tags too: a
     * brand may call its stages differently.
     *
     * @throws IllegalArgumentException naming the field: no such tag, a title longer than 64 characters
     */
    public TagDef retitle(String tag, String titleEn, String titleZh) {
        String name = AssignmentRules.name(tag);
        String en = AssignmentRules.title("titleEn", titleEn);
        String zh = AssignmentRules.title("titleZh", titleZh);
        return unit.inTransaction(em -> {
            TagDef def = store.retitle(em, name, en, zh)
                    .orElseThrow(() -> new IllegalArgumentException("name: there is no tag '" + name + "'"));
            pending.of(em).newTag(def);
            return def;
        });
    }

    @Override
    public List<TagAssignment> tags(int customerId) {
        return unit.inTransaction(em -> store.assignments(em, customerId));
    }

    @Override
    public List<TagInfo> list() {
        return index.list();
    }

    @Override
    public long count(String expression) {
        Expr expr = segments.parse(expression);
        return index.read(bitmaps -> Segments.count(expr, bitmaps));
    }

    @Override
    public PrimitiveIterator.OfInt members(String expression) {
        Expr expr = segments.parse(expression);
        RoaringBitmap members = index.read(bitmaps -> Segments.select(expr, bitmaps));
        return members.stream().iterator();
    }

    /**
     * How many customers of {@code within} the expression selects ({@link #count(String)} for {@code null}).
     *
     * @throws org.siyu.api.tags.SegmentSyntaxException if it is not valid or names an unknown tag
     */
    public long count(String expression, RoaringBitmap within) {
        if (within == null) {
            return count(expression);
        }
        Expr expr = segments.parse(expression);
        return index.read(bitmaps -> Segments.count(expr, bitmaps, within));
    }

    /**
     * The customers of {@code within} the expression selects, ascending, as a bitmap of their own ({@code null}: of
     * all customers).
     *
     * @throws org.siyu.api.tags.SegmentSyntaxException if it is not valid or names an unknown tag
     */
    public RoaringBitmap select(String expression, RoaringBitmap within) {
        Expr expr = segments.parse(expression);
        return index.read(bitmaps -> within == null ? Segments.select(expr, bitmaps)
                : Segments.select(expr, bitmaps, within));
    }

    /** Every tag with how many customers of {@code within} hold it ({@link #list()} for {@code null}). */
    public List<TagInfo> list(RoaringBitmap within) {
        return index.list(within);
    }

    /** The names of the tags each of {@code customers} holds, by name; customers without tags are absent. */
    public Map<Integer, List<String>> tagNames(java.util.Collection<Integer> customers) {
        return customers.isEmpty() ? Map.of() : unit.inTransaction(em -> store.tagNames(em, customers));
    }

    /** The tag called {@code name}, as the index knows it (committed tags only). */
    public Optional<TagDef> tag(String name) {
        return index.find(name);
    }

    // --- for this bundle's subscribers ---

    /** Runs {@code work} in this unit's transaction (joining the caller's). */
    public <R> R inTransaction(PersistenceUnit.Work<R> work) {
        return unit.inTransaction(work);
    }

    /** The index changes of {@code em}'s transaction, applied when it commits. */
    IndexChanges changes(EntityManager em) {
        return pending.of(em);
    }

    TagStore store() {
        return store;
    }

    public Instant now() {
        return Times.now(clock);
    }

    /** Waits until the re-reads queued by completed transactions are done (tests). */
    public void awaitReconciled() {
        reconciler.awaitIdle();
    }

    private TagDef tagFor(EntityManager em, String name, String groupIfNew, IndexChanges changes) {
        Optional<TagDef> known = index.find(name);
        if (known.isPresent()) {
            return known.get();
        }
        // created by a transaction whose changes are not applied yet, or new
        TagDef def = store.findTag(em, name).orElseGet(() -> {
            TagDef created = store.createTag(em, name, groupIfNew, Times.now(clock));
            LOG.debug("Created tag {} ({}) in group {}", created.name(), created.id(), created.group());
            return created;
        });
        changes.newTag(def);
        return def;
    }

    private void publish(String type, int customerId, Map<String, Object> data) {
        bus.publish(new Event(0, UUID.randomUUID().toString(), type, EVENT_SOURCE, customerId, clock.instant(),
                EventJson.write(data)));
    }
}
