package org.siyu.kernel.events.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.siyu.api.persistence.EntityContribution;

/**
 * Offers the bus's migrations to the platform, which migrates {@code db/migration/events} (history in
 * {@code flyway_events}) and registers the {@code events} {@link org.siyu.api.persistence.PersistenceUnit}. The
 * bus has no entity classes: it writes its tables with plain JDBC on the unit's connection, for batching.
 */
@Component
public class EventsEntities implements EntityContribution {

    /** The unit's name: the prefix of every table of this bundle and the folder of its migrations. */
    static final String UNIT = "events";

    @Override
    public String unit() {
        return UNIT;
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of();
    }
}
