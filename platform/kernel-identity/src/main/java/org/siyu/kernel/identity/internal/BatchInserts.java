package org.siyu.kernel.identity.internal;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;
import org.siyu.kernel.identity.internal.channel.Identity;
import org.siyu.kernel.identity.internal.store.CustomerRow;

/**
 * The new customers of a {@code resolveAll} batch that nothing else in the batch touches, written with plain JDBC
 * batches instead of managed entities. In an import almost every row is such a customer, and as entities each one
 * (its row, its trait collection, its links) would be dirty-checked by every flush Hibernate makes before a query of
 * the batch: the session grew with the batch and the batch went quadratic.
 *
 * <p>What a request must be to come here ({@link BatchResolver} decides): every identity unlinked (the committed index
 * does not know it and this transaction did not link it: exact under the write lock) and named by no other request
 * of the batch. Such a request is always a creation that no other request reads, so its rows can wait until the end
 * of the batch. Its id comes from the entity's own generator in request order, interleaved with the creations the
 * resolver makes, so every customer gets the id a one-by-one run gives it. Events and the index changes are recorded
 * exactly as {@link Resolver} records a creation.
 */
final class BatchInserts {

    /** Rows per JDBC batch. */
    static final int JDBC_BATCH = 500;

    private final EntityManager em;
    private final WriteGate.Txn txn;
    private final CustomerEvents events;
    private final BeforeExecutionGenerator ids;
    private final SharedSessionContractImplementor session;
    private final List<Created> created = new ArrayList<>();

    private record Created(int id, Instant at, List<Identity> identities, Traits traits) {
    }

    BatchInserts(EntityManager em, WriteGate.Txn txn, CustomerEvents events) {
        this.em = em;
        this.txn = txn;
        this.events = events;
        this.session = em.unwrap(SharedSessionContractImplementor.class);
        this.ids = (BeforeExecutionGenerator) session.getFactory().getMappingMetamodel()
                .getEntityDescriptor(CustomerRow.class).getGenerator();
    }

    /** A new customer for {@code identities} (all unlinked) with {@code traits}; written by {@link #write}. */
    int create(List<Identity> identities, Traits traits, Instant now) {
        int id = ((Number) ids.generate(session, null, null, EventType.INSERT)).intValue();
        created.add(new Created(id, now, identities, traits));
        txn.customer(id, true, traits.owner());
        List<String> keys = new ArrayList<>(identities.size());
        for (Identity identity : identities) {
            String key = identity.key();
            txn.link(key, id);
            keys.add(key);
        }
        events.created(id, keys, identities.getFirst().channel());
        return id;
    }

    /** Inserts the customers, their traits and links created so far, in JDBC batches on the transaction's connection. */
    void write() {
        if (created.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(this::insert);
        created.clear();
    }

    private void insert(Connection c) throws SQLException {
        try (PreparedStatement customers = c.prepareStatement("INSERT INTO identity_customer (id, created_at, "
                + "first_channel, campaign, owner, merged_into) VALUES (?, ?, ?, ?, ?, 0)");
                PreparedStatement traits = c.prepareStatement("INSERT INTO identity_trait (customer_id, trait_name, "
                        + "trait_value) VALUES (?, ?, ?)")) {
            int pendingCustomers = 0;
            int pendingTraits = 0;
            for (Created row : created) {
                customers.setInt(1, row.id());
                customers.setObject(2, OffsetDateTime.ofInstant(row.at(), ZoneOffset.UTC));
                customers.setString(3, row.identities().getFirst().channel());
                text(customers, 4, row.traits().campaign());
                text(customers, 5, row.traits().owner());
                customers.addBatch();
                pendingCustomers = flushAt(customers, pendingCustomers + 1);
                for (Map.Entry<String, String> trait : row.traits().others().entrySet()) {
                    traits.setInt(1, row.id());
                    traits.setString(2, trait.getKey());
                    traits.setString(3, trait.getValue());
                    traits.addBatch();
                    pendingTraits = flushAt(traits, pendingTraits + 1);
                }
            }
            if (pendingCustomers > 0) {
                customers.executeBatch();
            }
            if (pendingTraits > 0) {
                traits.executeBatch();
            }
        }
        insertLinks(c);
    }

    /**
     * The links in the order of their keys. Customer and trait rows arrive in key order by themselves (ids grow); the
     * identity keys of a batch are scattered over the whole link index, and inserted as they come each one walks the
     * B-tree from its root to a different leaf. In key order consecutive inserts mostly land in the leaf the previous
     * one touched, which H2 still holds (plain JDBC batches of an import's rows on an H2 file with
     * {@code WRITE_DELAY=0}: 135 → 106 µs of CPU per row).
     */
    private void insertLinks(Connection c) throws SQLException {
        record Link(String key, int customer, String channel, Instant at) {
        }
        List<Link> all = new ArrayList<>(created.size() * 3);
        for (Created row : created) {
            for (Identity identity : row.identities()) {
                all.add(new Link(identity.key(), row.id(), identity.channel(), row.at()));
            }
        }
        all.sort(Comparator.comparing(Link::key));
        try (PreparedStatement links = c.prepareStatement("INSERT INTO identity_link (identity, customer_id, channel, "
                + "linked_at, brought_by_merge) VALUES (?, ?, ?, ?, NULL)")) {
            int pending = 0;
            for (Link link : all) {
                links.setString(1, link.key());
                links.setInt(2, link.customer());
                links.setString(3, link.channel());
                links.setObject(4, OffsetDateTime.ofInstant(link.at(), ZoneOffset.UTC));
                links.addBatch();
                pending = flushAt(links, pending + 1);
            }
            if (pending > 0) {
                links.executeBatch();
            }
        }
    }

    private static int flushAt(PreparedStatement statement, int pending) throws SQLException {
        if (pending < JDBC_BATCH) {
            return pending;
        }
        statement.executeBatch();
        return 0;
    }

    private static void text(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}
