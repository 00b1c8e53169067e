package org.siyu.api.persistence;

import jakarta.persistence.EntityManager;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One bundle's entities, ready to use: migrated, with a SessionFactory built. Obtain it as an OSGi service
 * with the target {@code (siyu.persistence.unit=<unit>)}.
 */
@ProviderType
public interface PersistenceUnit {

    /** The service property that names the unit. */
    String NAME_PROPERTY = "siyu.persistence.unit";

    /** The unit's name, as its {@link EntityContribution#unit()} gave it. */
    String name();

    /**
     * Runs {@code work} in a transaction. If the calling thread is already inside a transaction (of any
     * unit), the work joins it and commits or rolls back with it; otherwise a new transaction begins and
     * commits when the work returns. Any exception from the work rolls the whole transaction back and is
     * rethrown ({@link PersistenceException} wraps a checked one).
     *
     * <p>The {@link EntityManager} belongs to this transaction: do not keep it after {@code work} returns.
     * Committed changes are on disk when this method returns.
     */
    <R> R inTransaction(Work<R> work);

    /** Work done with this unit's entity manager inside a transaction. */
    @FunctionalInterface
    interface Work<R> {
        R execute(EntityManager entityManager) throws Exception;
    }
}
