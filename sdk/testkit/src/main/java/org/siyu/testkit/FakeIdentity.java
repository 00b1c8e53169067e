package org.siyu.testkit;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.PrimitiveIterator;
import java.util.concurrent.atomic.AtomicInteger;
import org.siyu.api.identity.Customer;
import org.siyu.api.identity.IdentityService;
import org.siyu.api.identity.Merge;
import org.siyu.api.identity.ResolveRequest;
import org.siyu.api.identity.Resolution;
import org.siyu.api.persistence.PersistenceUnit;

/**
 * OneID as its SDK contract describes {@code resolveAll}, over tables in a unit of the test's own: in the caller's
 * transaction, in order, finds the customer of the first linked identity or creates one, links the rest, idempotent;
 * any failure rolls back with the caller. No merges. An identity whose value contains {@code BOOM} passes every
 * channel check but makes the call throw an {@code IllegalArgumentException} naming the request, as a refusal inside
 * OneID would. Only {@code resolveAll}, {@code resolve}, {@code find} and {@code merges} are implemented; the rest
 * throw {@code UnsupportedOperationException}. Not final: a test may override {@code resolveAll}/{@code find} (an
 * in-memory OneID for a benchmark).
 *
 * <p>The unit given must have these tables (a test migration of the test's own, so a test can count and join them):
 * <pre>
 * CREATE TABLE fakes_link (identity VARCHAR(300) NOT NULL PRIMARY KEY, customer_id INT NOT NULL);
 * CREATE TABLE fakes_trait (customer_id INT NOT NULL, name VARCHAR(64) NOT NULL,
 *     trait_value VARCHAR(1000) NOT NULL, PRIMARY KEY (customer_id, name));
 * </pre>
 */
public class FakeIdentity implements IdentityService {

    private final PersistenceUnit unit;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger nextId = new AtomicInteger();

    /** Over {@code unit}, which holds {@code fakes_link} and {@code fakes_trait}. */
    public FakeIdentity(PersistenceUnit unit) {
        this.unit = unit;
    }

    /** How many {@code resolveAll} calls were made (a {@code resolve} is one). */
    public int calls() {
        return calls.get();
    }

    /** How many requests those calls carried in all. */
    public int requests() {
        return requests.get();
    }

    @Override
    public List<Resolution> resolveAll(List<ResolveRequest> batch) {
        calls.incrementAndGet();
        requests.addAndGet(batch.size());
        return unit.inTransaction(em -> {
            List<Resolution> out = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                out.add(resolve(em, i, batch.get(i)));
            }
            return out;
        });
    }

    private Resolution resolve(EntityManager em, int index, ResolveRequest request) {
        if (request.identities().isEmpty()) {
            throw new IllegalArgumentException("request " + index + ": no identity");
        }
        int customer = 0;
        List<String> unlinked = new ArrayList<>();
        for (String identity : request.identities()) {
            if (identity.contains("BOOM")) {
                throw new IllegalArgumentException("request " + index + ": identity '" + identity + "' is refused");
            }
            OptionalInt found = find(em, identity);
            if (found.isPresent() && customer == 0) {
                customer = found.getAsInt();
            } else if (found.isEmpty()) {
                unlinked.add(identity);
            }
        }
        boolean created = customer == 0;
        if (created) {
            customer = nextId.incrementAndGet(); // like a sequence: a rolled-back id leaves a gap
        }
        for (String identity : unlinked) {
            em.createNativeQuery("insert into fakes_link (identity, customer_id) values (:i, :c)")
                    .setParameter("i", identity).setParameter("c", customer).executeUpdate();
        }
        for (Map.Entry<String, String> trait : request.traits().entrySet()) {
            int c = customer;
            int updated = em.createNativeQuery("update fakes_trait set trait_value = :v where customer_id = :c and "
                            + "name = :n").setParameter("v", trait.getValue()).setParameter("c", c)
                    .setParameter("n", trait.getKey()).executeUpdate();
            if (updated == 0) {
                em.createNativeQuery("insert into fakes_trait (customer_id, name, trait_value) values (:c, :n, :v)")
                        .setParameter("c", c).setParameter("n", trait.getKey()).setParameter("v", trait.getValue())
                        .executeUpdate();
            }
        }
        return new Resolution(customer, created, List.of());
    }

    private static OptionalInt find(EntityManager em, String identity) {
        List<?> rows = em.createNativeQuery("select customer_id from fakes_link where identity = :i")
                .setParameter("i", identity).getResultList();
        return rows.isEmpty() ? OptionalInt.empty() : OptionalInt.of(((Number) rows.get(0)).intValue());
    }

    @Override
    public OptionalInt find(String identity) {
        return unit.inTransaction(em -> find(em, identity));
    }

    @Override
    public Resolution resolve(List<String> identities, Map<String, String> traits) {
        return resolveAll(List.of(new ResolveRequest(identities, traits))).get(0);
    }

    @Override
    public Optional<Customer> customer(int id) {
        throw new UnsupportedOperationException();
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
    public int count() {
        throw new UnsupportedOperationException();
    }

    @Override
    public PrimitiveIterator.OfInt ids() {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Customer> customers(int[] ids) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void assignOwner(int customerId, String staffId, String actor) {
        throw new UnsupportedOperationException();
    }
}
