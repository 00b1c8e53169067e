package org.siyu.commerce.imports.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.siyu.api.persistence.EntityContribution;

/** The unit {@code cmi}: tables {@code cmi_*}, migrations in {@code db/migration/cmi}, history {@code flyway_cmi}. */
@Component
public class ImportEntities implements EntityContribution {

    public static final String UNIT = "cmi";

    @Override
    public String unit() {
        return UNIT;
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(ImportEntity.class);
    }
}
