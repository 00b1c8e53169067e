package org.siyu.api.persistence;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A bundle's entity classes and schema migrations. Register one as an OSGi service; the platform migrates
 * the bundle's tables with Flyway (history table {@code flyway_<unit>}), builds its SessionFactory with the
 * bundle's class loader off the registering thread, and then registers a {@link PersistenceUnit} service with
 * the property {@value PersistenceUnit#NAME_PROPERTY}{@code =<unit>}. When the service goes away the unit is
 * unregistered and closed; the tables and data stay.
 *
 * <p>An entity bundle must import {@code org.hibernate.proxy} (bnd: {@code Import-Package:
 * org.hibernate.proxy,*}) so that lazy proxies can be defined in its class loader.
 */
@ConsumerType
public interface EntityContribution {

    /**
     * The unit's name: 1 to 30 lower-case letters and digits starting with a letter, unique across bundles, the
     * prefix of every table the bundle owns ({@code notes} → {@code notes_note}). A unit whose name breaks this
     * rule or is taken by another bundle is refused (logged) and no {@link PersistenceUnit} appears.
     */
    String unit();

    /** The annotated entity classes. */
    List<Class<?>> entityClasses();

    /**
     * The folder inside the bundle that holds the Flyway SQL migrations ({@code V1__create.sql}, …).
     * Default {@code db/migration/<unit>}.
     */
    default String migrations() {
        return "db/migration/" + unit();
    }
}
