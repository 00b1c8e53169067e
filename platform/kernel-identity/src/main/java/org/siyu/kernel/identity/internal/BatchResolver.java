package org.siyu.kernel.identity.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.siyu.api.identity.Resolution;
import org.siyu.api.identity.ResolveRequest;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.kernel.identity.internal.channel.Identity;

/**
 * {@link OneId#resolveAll}: the import and ingestion path. Every request is checked before anything is written; then
 * the batch runs in one transaction under the write lock, with the links of all its identities read up front
 * ({@link BatchLinks}), the events published with one {@code publishAll} and the inserts sent in JDBC batches of
 * {@value #JDBC_BATCH}. A batch whose requests are all answered by the index (known identities of one customer each,
 * no traits) writes nothing and takes no lock. Gives exactly what one {@code resolve} per request gives.
 */
final class BatchResolver {

    /** Statements per JDBC batch while a batch flushes its inserts. */
    static final int JDBC_BATCH = 100;

    private final PersistenceUnit unit;
    private final WriteGate gate;
    private final CustomerEvents events;
    private final Resolver resolver;
    private final IdentityIndex index;
    /** OneID's parse of one request's identities: registered channels, normalised, duplicates dropped. */
    private final Function<List<String>, List<Identity>> parse;
    private final Supplier<Instant> now;

    BatchResolver(PersistenceUnit unit, WriteGate gate, CustomerEvents events, Resolver resolver, IdentityIndex index,
            Function<List<String>, List<Identity>> parse, Supplier<Instant> now) {
        this.unit = unit;
        this.gate = gate;
        this.events = events;
        this.resolver = resolver;
        this.index = index;
        this.parse = parse;
        this.now = now;
    }

    /**
     * The resolutions of {@code requests}, in order.
     *
     * @throws IllegalArgumentException {@code request <i>: <what is wrong with which identity or trait>}; nothing of
     *                                  the batch is written then
     */
    List<Resolution> resolveAll(List<ResolveRequest> requests) {
        Objects.requireNonNull(requests, "requests");
        List<List<Identity>> parsed = new ArrayList<>(requests.size());
        List<Traits> traits = new ArrayList<>(requests.size());
        // every key of the batch -> how many requests name it (a request's own duplicates are already dropped)
        Map<String, Integer> keys = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            ResolveRequest request = requests.get(i);
            if (request == null) {
                throw new IllegalArgumentException("request " + i + " is null");
            }
            try {
                List<Identity> identities = parse.apply(request.identities());
                traits.add(Traits.of(request.traits()));
                parsed.add(identities);
                identities.forEach(identity -> keys.merge(identity.key(), 1, Integer::sum));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("request " + i + ": " + e.getMessage(), e);
            }
        }
        if (requests.isEmpty()) {
            return List.of();
        }
        List<Resolution> known = knownCustomers(parsed, traits);
        if (known != null) {
            return known;
        }
        return unit.inTransaction(em -> {
            WriteGate.Txn txn = gate.enter(em);
            Session session = em.unwrap(Session.class);
            Integer batchSize = session.getJdbcBatchSize();
            session.setJdbcBatchSize(JDBC_BATCH);
            events.startBatch();
            try {
                BatchLinks links = BatchLinks.load(em, keys.keySet(), index, txn);
                BatchInserts inserts = new BatchInserts(em, txn, events);
                List<Resolution> resolutions = new ArrayList<>(parsed.size());
                for (int i = 0; i < parsed.size(); i++) {
                    List<Identity> identities = parsed.get(i);
                    Instant at = now.get();
                    if (alone(identities, keys, txn)) {
                        resolutions.add(new Resolution(inserts.create(identities, traits.get(i), at), true, List.of()));
                    } else {
                        resolutions.add(resolver.resolve(em, txn, links, identities, traits.get(i), at).resolution());
                    }
                }
                inserts.write();
                events.publishBatch();
                em.flush(); // while the batch size is ours
                // The batch's entities are written and nothing reads them again; left managed, every later query of a
                // caller's transaction (the demo seeds owners, tags and orders in the same one) would first
                // dirty-check them all (Hibernate's auto-flush).
                em.clear();
                return resolutions;
            } finally {
                events.endBatch();
                session.setJdbcBatchSize(batchSize);
            }
        });
    }

    /**
     * One resolution, as {@code OneId.resolve} gives it: a call whose identities are all unlinked is created with
     * {@link BatchInserts} (plain JDBC, no entities), anything else goes through the {@link Resolver}. A creation is the
     * commonest write of a stream of first contacts, and as entities its customer, traits and links cost a flush that
     * dirty-checks them and an insert per row through Hibernate's persisters.
     */
    Outcome resolveOne(List<Identity> identities, Traits traits) {
        return unit.inTransaction(em -> {
            WriteGate.Txn txn = gate.enter(em);
            Instant at = now.get();
            if (!unlinked(identities, txn)) {
                return resolver.resolve(em, txn, identities, traits, at);
            }
            events.startBatch();
            try {
                BatchInserts inserts = new BatchInserts(em, txn, events);
                int id = inserts.create(identities, traits, at);
                inserts.write();
                events.publishBatch();
                return new Outcome(new Resolution(id, true, List.of()), List.of());
            } finally {
                events.endBatch();
            }
        });
    }

    /** Whether no identity is linked: the committed index is exact under the write lock, plus this transaction's. */
    private boolean unlinked(List<Identity> identities, WriteGate.Txn txn) {
        for (Identity identity : identities) {
            if (index.get(identity.key()) != 0 || txn.linked(identity.key())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the request is a new customer that no other request of the batch touches: each of its identities is
     * unlinked (under the write lock the committed index is exact, and this transaction's own links are in
     * {@code txn}) and named by this request only. Such a request is created by {@link BatchInserts} without entities.
     */
    private boolean alone(List<Identity> identities, Map<String, Integer> keys, WriteGate.Txn txn) {
        for (Identity identity : identities) {
            if (keys.get(identity.key()) != 1) {
                return false;
            }
        }
        return unlinked(identities, txn);
    }

    /** The answers from the index if every request has one (no traits, all identities of one customer), else null. */
    private List<Resolution> knownCustomers(List<List<Identity>> parsed, List<Traits> traits) {
        if (gate.writing()) {
            return null;
        }
        List<Resolution> answers = new ArrayList<>(parsed.size());
        for (int i = 0; i < parsed.size(); i++) {
            int customer = traits.get(i).isEmpty() ? index.customerOfAll(parsed.get(i)) : 0;
            if (customer == 0) {
                return null;
            }
            answers.add(new Resolution(customer, false, List.of()));
        }
        return answers;
    }
}
