package org.siyu.kernel.tagging.internal;

import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.Session;
import org.hibernate.Transaction;
import org.hibernate.resource.transaction.spi.TransactionStatus;

/**
 * Collects the index changes of each open transaction and applies them when it commits. The hook is Hibernate's
 * {@link Transaction#runAfterCompletion}: the platform's transaction commits or rolls back every unit's session
 * (architecture.md, "Transactions across bundles"), so this unit's session learns the outcome even when the
 * transaction was opened by another bundle. A rolled-back transaction leaves the index untouched. After either
 * outcome the touched customers are re-read from the database ({@link Reconciler}), which repairs the index if two
 * transactions on one customer committed in one order and applied their changes in the other.
 */
final class PendingChanges {

    private final Map<Transaction, IndexChanges> open = new ConcurrentHashMap<>();
    private final TagIndex index;
    private final Reconciler reconciler;

    PendingChanges(TagIndex index, Reconciler reconciler) {
        this.index = index;
        this.reconciler = reconciler;
    }

    /**
     * The changes of the transaction {@code em} belongs to; the first call registers the after-commit hook.
     *
     * @throws IllegalStateException if {@code em} is not in a transaction ({@code PersistenceUnit.inTransaction}
     *                               always gives one)
     */
    IndexChanges of(EntityManager em) {
        Transaction tx = em.unwrap(Session.class).getTransaction();
        if (!tx.isActive()) {
            throw new IllegalStateException("tag changes need a transaction (PersistenceUnit.inTransaction)");
        }
        return open.computeIfAbsent(tx, t -> {
            t.runAfterCompletion(status -> completed(t, status));
            return new IndexChanges();
        });
    }

    private void completed(Transaction tx, TransactionStatus status) {
        IndexChanges changes = open.remove(tx);
        if (changes == null) {
            return;
        }
        if (status == TransactionStatus.COMMITTED) {
            index.apply(changes);
        }
        reconciler.recheck(changes.customers());
    }
}
