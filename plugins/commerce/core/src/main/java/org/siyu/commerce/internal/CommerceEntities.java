package org.siyu.commerce.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.siyu.api.persistence.EntityContribution;

/**
 * Offers the bundle's migrations to the platform, which migrates them (history table {@code flyway_cm}) and registers
 * the {@code cm} {@link org.siyu.api.persistence.PersistenceUnit} the rest of the bundle waits for. No entity classes:
 * every statement is plain JDBC on the unit's transaction ({@link org.siyu.commerce.internal.store.Db}).
 */
@Component
public class CommerceEntities implements EntityContribution {

    /** The unit's name: the prefix of every table of this bundle ({@code cm_}) and the folder of its migrations. */
    public static final String UNIT = "cm";

    /** The OSGi target of this bundle's unit. */
    public static final String TARGET = "(siyu.persistence.unit=" + UNIT + ")";

    @Override
    public String unit() {
        return UNIT;
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of();
    }
}
