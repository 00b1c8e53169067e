package org.siyu.kernel.imports.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.siyu.api.persistence.EntityContribution;

/** The unit {@code imports}: tables {@code imports_*}, migrations in {@code db/migration/imports}. */
@Component
public class ImportEntities implements EntityContribution {

    public static final String UNIT = "imports";

    @Override
    public String unit() {
        return UNIT;
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(ImportEntity.class, MappingEntity.class);
    }
}
