package org.siyu.kernel.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.siyu.api.events.EventBus;
import org.siyu.api.identity.Customer;
import org.siyu.api.identity.IdentityService;
import org.siyu.api.identity.Merge;
import org.siyu.api.identity.Resolution;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.kernel.identity.internal.channel.Channels;
import org.siyu.kernel.identity.internal.channel.Identity;
import org.siyu.kernel.identity.internal.store.CustomerRow;
import org.siyu.kernel.identity.internal.store.LinkRow;
import org.siyu.kernel.identity.internal.store.MergeRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kernel's {@link IdentityService}. Resolutions of identities that are all known and belong to one customer are
 * answered from the {@link IdentityIndex} without SQL or locks; everything else runs the {@link Resolver} in a
 * transaction of the {@code identity} unit (joining the caller's) under the {@link WriteGate}.
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
    private final WriteGate gate;
    private final Merger merger;
    private final Resolver resolver;
    private volatile Config config;

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
        this.gate = new WriteGate(index, config.writeLockTimeoutSeconds() * 1000L);
        CustomerEvents events = new CustomerEvents(bus);
        this.merger = new Merger(events);
        this.resolver = new Resolver(new Claims(() -> this.config.poisonThreshold(), events), merger, events);
        long started = System.nanoTime();
        unit.inTransaction(em -> {
            try (var rows = em.createQuery("select l.identity, l.customerId from LinkRow l", Object[].class)
                    .getResultStream()) {
                rows.forEach(row -> index.put((String) row[0], (Integer) row[1]));
            }
            return null;
        });
        LOG.info("OneID ready: {} identities indexed in {} ms", index.size(), (System.nanoTime() - started) / 1_000_000);
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
            int known = knownCustomer(parsed);
            if (known != 0) {
                return new Outcome(new Resolution(known, false, List.of()), List.of());
            }
        }
        return unit.inTransaction(em -> resolver.resolve(em, gate.enter(em), parsed, checked, now()));
    }

    /** The one customer all identities belong to by the index, or 0. */
    private int knownCustomer(List<Identity> identities) {
        int customer = 0;
        for (Identity identity : identities) {
            int c = index.get(identity.key());
            if (c == 0 || (customer != 0 && c != customer)) {
                return 0;
            }
            customer = c;
        }
        return customer;
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
        return unit.inTransaction(em -> {
            CustomerRow row = em.find(CustomerRow.class, id);
            if (row == null) {
                return Optional.empty();
            }
            List<String> identities = em.createQuery("select l.identity from LinkRow l where l.customerId = :c "
                            + "order by l.linkedAt, l.identity", String.class)
                    .setParameter("c", id)
                    .getResultList();
            Map<String, String> traits = new LinkedHashMap<>(row.getTraits());
            absorbedTraits(em, id, traits);
            int survivor = row.getMergedInto();
            Set<Integer> seen = new LinkedHashSet<>();
            while (survivor != 0 && seen.add(survivor)) {
                int next = em.find(CustomerRow.class, survivor).getMergedInto();
                if (next == 0) {
                    break;
                }
                survivor = next;
            }
            return Optional.of(new Customer(row.getId(), identities, traits, row.getCreatedAt(), row.getFirstChannel(),
                    row.getCampaign(), row.getOwner(), survivor));
        });
    }

    /** Fills in, where the customer has none of its own, the traits of the customers merged into it (transitively). */
    private static void absorbedTraits(jakarta.persistence.EntityManager em, int id, Map<String, String> traits) {
        Deque<Integer> todo = new ArrayDeque<>(List.of(id));
        Set<Integer> seen = new LinkedHashSet<>(todo);
        while (!todo.isEmpty()) {
            List<CustomerRow> absorbed = em.createQuery("select c from CustomerRow c where c.mergedInto = :c "
                            + "order by c.id", CustomerRow.class)
                    .setParameter("c", todo.poll())
                    .getResultList();
            for (CustomerRow row : absorbed) {
                if (seen.add(row.getId())) {
                    row.getTraits().forEach(traits::putIfAbsent);
                    todo.add(row.getId());
                }
            }
        }
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
        String by = actor == null || actor.isBlank() ? "unknown" : actor.strip();
        by = by.length() > 100 ? by.substring(0, 100) : by;
        String who = by;
        unit.inTransaction(em -> merger.undo(em, gate.enter(em), mergeId, who, now()));
    }

    @Override
    public int count() {
        return unit.inTransaction(em -> em.createQuery("select count(c) from CustomerRow c where c.mergedInto = 0",
                Long.class).getSingleResult().intValue());
    }

    /** How many identities the in-memory index holds. */
    int indexed() {
        return index.size();
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
