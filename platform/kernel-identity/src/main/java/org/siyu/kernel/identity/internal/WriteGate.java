package org.siyu.kernel.identity.internal;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.hibernate.Session;
import org.hibernate.Transaction;
import org.hibernate.resource.transaction.spi.TransactionStatus;

/**
 * Serialises OneID's writes and keeps the {@link IdentityIndex} equal to what is committed.
 *
 * <p>The first write of a transaction takes one lock and holds it <b>until that transaction ends</b>, whoever
 * commits it (OneID's own transaction or the caller's that it joined): a second writer then reads the links after
 * the first committed, so two threads resolving the same new identity find one customer. The changes a transaction
 * makes to links are collected in its {@link Txn} and applied to the index by the transaction's after-completion
 * callback only when it committed; a rollback drops them. Readers of the index never wait.
 */
public final class WriteGate {

    private final ReentrantLock lock = new ReentrantLock();
    private final ThreadLocal<Txn> current = new ThreadLocal<>();
    private final IdentityIndex index;
    private final CustomerIndex customers;
    private volatile long timeoutMillis;

    public WriteGate(IdentityIndex index, CustomerIndex customers, long timeoutMillis) {
        this.index = index;
        this.customers = customers;
        this.timeoutMillis = timeoutMillis;
    }

    void timeout(long millis) {
        this.timeoutMillis = millis;
    }

    /** The pending link and customer changes of one transaction. */
    public static final class Txn {

        private final Session session;
        private final Map<String, Integer> links = new LinkedHashMap<>();
        private final Map<Integer, CustomerIndex.State> customers = new LinkedHashMap<>();
        private final Set<String> poison = new HashSet<>();

        private Txn(Session session) {
            this.session = session;
        }

        /** Records that {@code key} belongs to {@code customerId} once this transaction commits. */
        public void link(String key, int customerId) {
            links.put(key, customerId);
        }

        /**
         * Where this transaction linked or moved {@code key}: the customer, or 0 if it did not touch it.
         */
        int linkedTo(String key) {
            Integer customer = links.get(key);
            return customer == null ? 0 : customer;
        }

        /** The keys this transaction linked or moved to {@code customerId}. */
        List<String> linkedTo(int customerId) {
            List<String> keys = new ArrayList<>();
            links.forEach((key, customer) -> {
                if (customer == customerId) {
                    keys.add(key);
                }
            });
            return keys;
        }

        /** Whether this transaction linked or moved {@code key} (so the committed index may not know it yet). */
        boolean linked(String key) {
            return links.containsKey(key);
        }

        /** Records that {@code key} is poison once this transaction commits. */
        void poisoned(String key) {
            poison.add(key);
        }

        /** Whether this transaction flagged {@code key} poison (the committed index does not know it yet). */
        boolean flagged(String key) {
            return poison.contains(key);
        }

        /** Records that the customer is live or merged away, with this owner, once this transaction commits. */
        void customer(int customerId, boolean live, String owner) {
            customers.put(customerId, new CustomerIndex.State(live, owner));
        }
    }

    /** Whether this thread's open transaction has written through OneID (its reads must then go to the database). */
    public boolean writing() {
        return current.get() != null;
    }

    /**
     * The write context of the transaction that {@code em} belongs to; the first call in a transaction takes the lock.
     *
     * @throws IllegalStateException if the lock is not free within the configured time, or there is no transaction
     */
    public Txn enter(EntityManager em) {
        Session session = em.unwrap(Session.class);
        Txn txn = current.get();
        if (txn != null) {
            if (txn.session == session) {
                return txn;
            }
            throw new IllegalStateException("OneID: this thread still holds the write lock of a transaction that "
                    + "did not report its end");
        }
        Transaction transaction = session.getTransaction();
        if (!transaction.isActive()) {
            throw new IllegalStateException("OneID writes need an active transaction");
        }
        acquire();
        Txn opened = new Txn(session);
        try {
            transaction.runAfterCompletion(status -> complete(opened, status == TransactionStatus.COMMITTED));
        } catch (RuntimeException e) {
            lock.unlock();
            throw e;
        }
        current.set(opened);
        return opened;
    }

    private void acquire() {
        try {
            if (!lock.tryLock(timeoutMillis, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("OneID is busy: another transaction held the identity write lock for "
                        + timeoutMillis + " ms (setting writeLockTimeoutSeconds of " + OneId.PID + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the identity write lock", e);
        }
    }

    private void complete(Txn txn, boolean committed) {
        try {
            if (committed) {
                index.apply(txn.links);
                if (!txn.poison.isEmpty()) {
                    index.poisoned(txn.poison);
                }
                customers.apply(txn.customers);
            }
        } finally {
            if (current.get() == txn) {
                current.remove();
            }
            if (lock.isHeldByCurrentThread()) {
                lock.unlock();
            }
        }
    }
}
