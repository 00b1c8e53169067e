package org.siyu.kernel.identity.internal.store;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.siyu.api.persistence.EntityContribution;

/**
 * Offers OneID's entities and migrations to the platform, which migrates {@code db/migration/identity} (history
 * in {@code flyway_identity}) and registers the {@code identity} persistence unit that the service waits for.
 */
@Component
public class IdentityEntities implements EntityContribution {

    /** The unit's name: the prefix of every table of this bundle and the folder of its migrations. */
    public static final String UNIT = "identity";

    @Override
    public String unit() {
        return UNIT;
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(CustomerRow.class, LinkRow.class, MergeRow.class, MoveRow.class, ClaimRow.class,
                PoisonRow.class, CostRow.class, SplitRow.class);
    }
}
