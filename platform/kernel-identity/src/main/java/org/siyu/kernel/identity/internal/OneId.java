package org.siyu.kernel.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.PrimitiveIterator;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.siyu.api.events.EventBus;
import org.siyu.api.identity.Customer;
import org.siyu.api.identity.IdentityService;
import org.siyu.api.identity.Merge;
import org.siyu.api.identity.Resolution;
import org.siyu.api.identity.ResolveRequest;
import org.siyu.api.org.OrgService;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.kernel.identity.internal.channel.Channels;
import org.siyu.kernel.identity.internal.channel.Identity;
import org.siyu.kernel.identity.internal.graph.GraphCheck;
import org.siyu.kernel.identity.internal.store.CustomerRow;
import org.siyu.kernel.identity.internal.store.LinkRow;
import org.siyu.kernel.identity.internal.store.MergeRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kernel's {@link IdentityService}. Resolutions of identities that are all known and belong to one customer are
 * answered from the {@link IdentityIndex} without SQL or locks; everything else runs the {@link Resolver} in a
 * transaction of the {@code identity} unit (joining the caller's) under the {@link WriteGate}. The
 * {@link CustomerIndex} answers {@link #ids()} and owner scopes from memory.
 */
@Component(service = {IdentityService.class, OneId.class}, configurationPid = OneId.PID)
@Designate(ocd = OneId.Config.class)
public class OneId implements IdentityService {

    /** The configuration PID. It is a public contract (configuration files name it): never change it. */
    public static final String PID = "org.siyu.kernel.identity";

    @ObjectClassDefinition(id = PID, name = "OneID", description = "How customers are resolved and merged.")
    public @interface Config {

        @AttributeDefinition(name = "Poison threshold", min = "1",
                description = "How many distinct customers may claim one merge-key identity (a unionid, a phone) "
                        + "before it is poison and merges nobody any more. Up to this many customers can be merged "
                        + "through one identity. Default: 3.")
        int poisonThreshold() default 3;

        @AttributeDefinition(name = "Write lock timeout (seconds)", min = "1",
                description = "How long a resolution that changes data waits for another transaction's identity "
                        + "writes to end before it fails. Default: 30 seconds.")
        int writeLockTimeoutSeconds() default 30;
    }

    private static final Logger LOG = LoggerFactory.getLogger(OneId.class);

    private final PersistenceUnit unit;
    private final Channels channels;
    private final Clock clock;

    private final IdentityIndex index = new IdentityIndex();
    private final CustomerIndex customers = new CustomerIndex();
    private final WriteGate gate;
    private final CustomerEvents events;
    private final Merger merger;
    private final Splitter splitter;
    private final Owners owners;
    private final Resolver resolver;
    private final BatchResolver batches;
    private volatile Config config;

    /** When the org bundle runs, {@link #assignOwner} accepts only its active staff. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile OrgService org;

    @Activate
    public OneId(@Reference(target = "(" + PersistenceUnit.NAME_PROPERTY + "=identity)") PersistenceUnit unit,
            @Reference EventBus bus, @Reference Channels channels, Config config) {
        this(unit, bus, channels, config, Clock.systemUTC());
    }

    /** For tests: a clock that the test controls. */
    OneId(PersistenceUnit unit, EventBus bus, Channels channels, Config config, Clock clock) {
        this.unit = unit;
        this.channels = channels;
        this.clock = clock;
        this.config = config;
        this.gate = new WriteGate(index, customers, config.writeLockTimeoutSeconds() * 1000L);
        this.events = new CustomerEvents(bus);
        this.merger = new Merger(events);
        this.splitter = new Splitter(events);
        this.owners = new Owners(events, () -> this.org);
        this.resolver = new Resolver(new Claims(() -> this.config.poisonThreshold(), events, index), merger, events,
                index);
        this.batches = new BatchResolver(unit, gate, events, resolver, index, this::parse, this::now);
        long started = System.nanoTime();
        unit.inTransaction(em -> {
            try (var rows = em.createQuery("select l.identity, l.customerId from LinkRow l", Object[].class)
                    .getResultStream()) {
                rows.forEach(row -> index.put((String) row[0], (Integer) row[1]));
            }
            try (var rows = em.createQuery("select c.id, c.mergedInto, c.owner from CustomerRow c", Object[].class)
                    .getResultStream()) {
                rows.forEach(row -> customers.load((Integer) row[0], (Integer) row[1] == 0, (String) row[2]));
            }
            index.poisoned(Set.copyOf(em.createQuery("select p.identity from PoisonRow p", String.class)
                    .getResultList()));
            return null;
        });
        LOG.info("OneID ready: {} identities, {} poison, and {} customers indexed in {} ms", index.size(),
                index.poisonCount(), customers.size(), (System.nanoTime() - started) / 1_000_000);
    }

    @Modified
    void modified(Config config) {
        this.config = config;
        gate.timeout(config.writeLockTimeoutSeconds() * 1000L);
    }

    @Override
    public Resolution resolve(List<String> identities, Map<String, String> traits) {
        return resolveReporting(identities, traits).resolution();
    }

    /**
     * {@link #resolve} that also says which poison identities were left out (for the REST answer).
     *
     * @throws IllegalArgumentException naming the bad identity or trait
     */
    public Outcome resolveReporting(List<String> identities, Map<String, String> traits) {
        List<Identity> parsed = parse(identities);
        Traits checked = Traits.of(traits);
        if (checked.isEmpty() && !gate.writing()) {
            int known = index.customerOfAll(parsed);
            if (known != 0) {
                return new Outcome(new Resolution(known, false, List.of()), leftOut(parsed, known));
            }
        }
        return batches.resolveOne(parsed, checked);
    }

    /**
     * The poison keys of a call answered from the index that stay with another customer (masked), as the write path
     * reports them.
     */
    private List<String> leftOut(List<Identity> identities, int answer) {
        if (index.poisonCount() == 0) {
            return List.of();
        }
        List<String> left = null;
        for (Identity identity : identities) {
            if (identity.mergeKey() && index.poison(identity.key()) && index.get(identity.key()) != answer) {
                if (left == null) {
                    left = new ArrayList<>(1);
                }
                left.add(identity.masked());
            }
        }
        return left == null ? List.of() : List.copyOf(left);
    }

    private List<Identity> parse(List<String> identities) {
        if (identities == null || identities.isEmpty()) {
            throw new IllegalArgumentException("at least one identity is required");
        }
        Map<String, Identity> unique = new LinkedHashMap<>();
        for (String identity : identities) {
            Identity parsed = channels.parse(identity);
            unique.putIfAbsent(parsed.key(), parsed);
        }
        return List.copyOf(unique.values());
    }

    @Override
    public Optional<Customer> customer(int id) {
        List<Customer> found = customers(new int[] {id});
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    /** {@inheritDoc} A fixed number of queries per 500 ids ({@link CustomerReader}). */
    @Override
    public List<Customer> customers(int[] ids) {
        Objects.requireNonNull(ids, "ids");
        return unit.inTransaction(em -> CustomerReader.read(em, ids));
    }

    /**
     * {@inheritDoc} From the committed {@link CustomerIndex}: a thread inside a transaction that has written through
     * OneID does not see its own new customers here until it commits.
     */
    @Override
    public PrimitiveIterator.OfInt ids() {
        return customers.live().iterator();
    }

    /** The live customers, committed, as a set that pages (the customer list). */
    public IdSet liveIds() {
        return customers.live();
    }

    /** The committed owner (staff id) of a customer, or {@code null}. */
    public String owner(int id) {
        return customers.owner(id);
    }

    /** Whether the customer exists and was not merged away, committed. */
    public boolean isLive(int id) {
        return customers.isLive(id);
    }

    /** The live customers owned by any of {@code staffIds} (a data scope), committed. */
    public IdSet ownedBy(Collection<String> staffIds) {
        return customers.ownedBy(staffIds);
    }

    /**
     * {@inheritDoc} From the committed {@link CustomerIndex}: an OR of the owners' bitmaps, no SQL (a store of 40
     * guides among 1 M customers is microseconds).
     */
    @Override
    public int[] idsOwnedBy(Collection<String> staffIds) {
        Objects.requireNonNull(staffIds, "staffIds");
        return customers.ownedBy(staffIds).toArray();
    }

    /**
     * {@inheritDoc} Every request is checked before anything is written; then the batch runs in one transaction
     * under the write lock ({@link BatchResolver}).
     *
     * @throws IllegalArgumentException {@code request <i>: <what is wrong with which identity or trait>}
     */
    @Override
    public List<Resolution> resolveAll(List<ResolveRequest> requests) {
        return batches.resolveAll(requests);
    }

    /**
     * {@inheritDoc} Refused before anything is written: a staff id longer than 200 characters, and, while the org
     * bundle runs, a staff id it does not know or an inactive member. Assigning the current owner changes nothing and
     * publishes nothing.
     *
     * @throws IllegalArgumentException naming the customer or the staff id
     */
    @Override
    public void assignOwner(int customerId, String staffId, String actor) {
        String owner = owners.checked(staffId);
        String by = actor(actor);
        unit.inTransaction(em -> {
            owners.assign(em, gate.enter(em), customerId, owner, by);
            return null;
        });
    }

    /** For tests and the components of this bundle: the org service to check staff against, or null. */
    void org(OrgService service) {
        this.org = service;
    }

    private static String actor(String actor) {
        String by = actor == null || actor.isBlank() ? "unknown" : actor.strip();
        return by.length() > 100 ? by.substring(0, 100) : by;
    }

    @Override
    public OptionalInt find(String identity) {
        String key = channels.parse(identity).key();
        if (!gate.writing()) {
            int customer = index.get(key);
            return customer == 0 ? OptionalInt.empty() : OptionalInt.of(customer);
        }
        return unit.inTransaction(em -> {
            LinkRow link = em.find(LinkRow.class, key);
            return link == null ? OptionalInt.empty() : OptionalInt.of(link.getCustomerId());
        });
    }

    @Override
    public List<Merge> merges(int customerId) {
        return unit.inTransaction(em -> em.createQuery("select m from MergeRow m where m.survivor = :c or m.merged = :c "
                        + "order by m.id desc", MergeRow.class)
                .setParameter("c", customerId)
                .getResultList()
                .stream().map(MergeRow::toMerge).toList());
    }

    /** One merge, if there is such a merge. */
    public Optional<Merge> merge(long mergeId) {
        return unit.inTransaction(em -> Optional.ofNullable(em.find(MergeRow.class, mergeId)).map(MergeRow::toMerge));
    }

    /**
     * @throws IllegalArgumentException if there is no such merge or it was already undone
     * @throws IllegalStateException    if the survivor has since been merged into another customer
     */
    @Override
    public void undoMerge(long mergeId, String actor) {
        String who = actor(actor);
        unit.inTransaction(em -> merger.undo(em, gate.enter(em), mergeId, who, now()));
    }

    /**
     * Carries out a split the graph check listed: moves the identities of its link groups off the customer they were
     * linked to through a key that is poison now (ADR 0015), to the customer they belong with or a new one, and
     * records it in {@code identity_split}.
     *
     * @return the customer the identities are with now
     * @throws IllegalArgumentException if the split names nothing or a customer that does not exist
     * @throws IllegalStateException    if the customers or the groups changed since the check: run it again
     */
    public int split(GraphCheck.Split split, String actor) {
        String who = actor(actor);
        return unit.inTransaction(em -> splitter.split(em, gate.enter(em), split.from(), split.to(), split.leads(),
                split.evidence(), who, now())).customer();
    }

    /**
     * Carries out a join the graph check listed: merges live customers the rebuilt graph joins into the lowest id
     * (rule {@code graph-check}; audited and undoable like any merge).
     *
     * @param evidence a key their records share, masked, or "" (recorded as {@code rebuilt graph})
     * @return the survivor
     * @throws IllegalArgumentException if fewer than two customers are named, or one does not exist
     * @throws IllegalStateException    if one was merged since, or an operator separated two of them
     */
    public int join(List<Integer> customerIds, String evidence, String actor) {
        return unit.inTransaction(em -> merger.join(em, gate.enter(em), customerIds, evidence, actor(actor), now()));
    }

    @Override
    public int count() {
        return unit.inTransaction(em -> em.createQuery("select count(c) from CustomerRow c where c.mergedInto = 0",
                Long.class).getSingleResult().intValue());
    }

    /** The configured poison threshold (the graph check applies the same). */
    public int poisonThreshold() {
        return config.poisonThreshold();
    }

    /** How many identities the in-memory index holds. */
    int indexed() {
        return index.size();
    }

    /** The committed index; for tests. */
    IdentityIndex index() {
        return index;
    }

    /** The customer of a key in the committed index, or 0; for tests. */
    int indexed(String key) {
        return index.get(key);
    }

    /** Microseconds are what both databases store; truncating keeps values equal once read back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
