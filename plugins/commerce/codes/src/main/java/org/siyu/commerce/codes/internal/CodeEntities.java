package org.siyu.commerce.codes.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.siyu.api.persistence.EntityContribution;

/** The unit {@code cmc}: tables {@code cmc_*}, migrations in {@code db/migration/cmc}, history {@code flyway_cmc}. */
@Component
public class CodeEntities implements EntityContribution {

    public static final String UNIT = "cmc";

    @Override
    public String unit() {
        return UNIT;
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(BatchEntity.class);
    }
}
