package org.siyu.demo.internal;

import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.PrimitiveIterator;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.siyu.api.events.Event;
import org.siyu.api.events.EventBus;
import org.siyu.api.identity.Customer;
import org.siyu.api.identity.IdentityService;
import org.siyu.api.identity.Merge;
import org.siyu.api.identity.Resolution;
import org.siyu.api.identity.ResolveRequest;
import org.siyu.api.tags.TagAssignment;
import org.siyu.api.tags.TagInfo;
import org.siyu.api.tags.TagService;
import org.siyu.testkit.TestPersistenceUnit;

/**
 * Identity, tags and the bus as tables in the demo unit's own database, written in the caller's transaction like the
 * kernel's: a batch that rolls back leaves nothing in them. Identity links without merging (the merge rules are
 * {@link MiniOneId}'s business); the bus skips known ids as the real one does. {@link #failOnPublish} makes the n-th
 * {@code publishAll} throw: a crash in the middle of a batch.
 */
final class SqlFakes {

    final TestPersistenceUnit unit;
    final AtomicInteger publishCalls = new AtomicInteger();
    volatile int failOnPublish = -1;

    SqlFakes(TestPersistenceUnit unit) throws SQLException {
        this.unit = unit;
        unit.execute("CREATE TABLE fake_customer (id INT PRIMARY KEY, owner VARCHAR(64))");
        unit.execute("CREATE TABLE fake_link (identity VARCHAR(200) PRIMARY KEY, customer INT NOT NULL)");
        unit.execute("CREATE TABLE fake_tag (customer INT NOT NULL, tag VARCHAR(64) NOT NULL, source VARCHAR(100),"
                + " PRIMARY KEY (customer, tag))");
        unit.execute("CREATE TABLE fake_event (id VARCHAR(100) PRIMARY KEY, type VARCHAR(64), subject INT)");
    }

    long count(String table) throws SQLException {
        return unit.queryLong("SELECT COUNT(*) FROM " + table);
    }

    final IdentityService identity = new IdentityService() {

        @Override
        public List<Resolution> resolveAll(List<ResolveRequest> requests) {
            return unit.inTransaction(em -> {
                List<Resolution> out = new ArrayList<>();
                for (ResolveRequest r : requests) {
                    out.add(resolve(em, r.identities()));
                }
                return out;
            });
        }

        private Resolution resolve(EntityManager em, List<String> identities) {
            Set<Integer> customers = new LinkedHashSet<>();
            for (String identity : identities) {
                em.createNativeQuery("SELECT customer FROM fake_link WHERE identity = :i", Integer.class)
                        .setParameter("i", identity).getResultStream().forEach(c -> customers.add((Integer) c));
            }
            boolean created = customers.isEmpty();
            int answer;
            if (created) {
                answer = ((Number) em.createNativeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM fake_customer")
                        .getSingleResult()).intValue();
                em.createNativeQuery("INSERT INTO fake_customer (id) VALUES (:id)").setParameter("id", answer)
                        .executeUpdate();
            } else {
                answer = customers.iterator().next();
            }
            for (String identity : identities) {
                em.createNativeQuery("INSERT INTO fake_link (identity, customer) SELECT :i, :c FROM (VALUES (1)) v"
                                + " WHERE NOT EXISTS (SELECT 1 FROM fake_link WHERE identity = :i)")
                        .setParameter("i", identity).setParameter("c", answer).executeUpdate();
            }
            return new Resolution(answer, created, List.of());
        }

        @Override
        public Resolution resolve(List<String> identities, Map<String, String> traits) {
            return unit.inTransaction(em -> resolve(em, identities));
        }

        @Override
        public void assignOwner(int customerId, String staffId, String actor) {
            unit.inTransaction(em -> em.createNativeQuery("UPDATE fake_customer SET owner = :o WHERE id = :id")
                    .setParameter("o", staffId).setParameter("id", customerId).executeUpdate());
        }

        @Override
        public int count() {
            return unit.inTransaction(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM fake_customer")
                    .getSingleResult()).intValue());
        }

        @Override
        public Optional<Customer> customer(int id) {
            return Optional.empty();
        }

        @Override
        public OptionalInt find(String identity) {
            return OptionalInt.empty();
        }

        @Override
        public List<Merge> merges(int customerId) {
            return List.of();
        }

        @Override
        public void undoMerge(long mergeId, String actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PrimitiveIterator.OfInt ids() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Customer> customers(int[] ids) {
            return List.of();
        }
    };

    final TagService tags = new TagService() {
        @Override
        public boolean assign(int customerId, String tag, String source, String evidence) {
            return unit.inTransaction(em -> em.createNativeQuery("INSERT INTO fake_tag (customer, tag, source)"
                            + " SELECT :c, :t, :s FROM (VALUES (1)) v WHERE NOT EXISTS"
                            + " (SELECT 1 FROM fake_tag WHERE customer = :c AND tag = :t)")
                    .setParameter("c", customerId).setParameter("t", tag).setParameter("s", source)
                    .executeUpdate() == 1);
        }

        @Override
        public boolean unassign(int customerId, String tag, String actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<TagAssignment> tags(int customerId) {
            return List.of();
        }

        @Override
        public List<TagInfo> list() {
            return List.of();
        }

        @Override
        public long count(String expression) {
            return 0;
        }

        @Override
        public PrimitiveIterator.OfInt members(String expression) {
            throw new UnsupportedOperationException();
        }
    };

    final EventBus bus = new EventBus() {
        @Override
        public Event publish(Event event) {
            return publishAll(List.of(event)).stream().findFirst().orElse(event);
        }

        @Override
        public List<Event> publishAll(List<Event> events) {
            if (publishCalls.incrementAndGet() == failOnPublish) {
                throw new IllegalStateException("simulated crash in publishAll call " + failOnPublish);
            }
            return unit.inTransaction(em -> {
                List<Event> fresh = new ArrayList<>();
                for (Event e : events) {
                    int n = em.createNativeQuery("INSERT INTO fake_event (id, type, subject) SELECT :id, :t, :s"
                                    + " FROM (VALUES (1)) v WHERE NOT EXISTS (SELECT 1 FROM fake_event WHERE id = :id)")
                            .setParameter("id", e.id()).setParameter("t", e.type()).setParameter("s", e.subject())
                            .executeUpdate();
                    if (n == 1) {
                        fresh.add(e);
                    }
                }
                return fresh;
            });
        }

        @Override
        public List<Event> read(long afterOffset, int limit) {
            return List.of();
        }

        @Override
        public List<Event> timeline(int subject, int limit) {
            return List.of();
        }
    };
}
