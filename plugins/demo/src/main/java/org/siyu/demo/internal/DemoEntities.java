package org.siyu.demo.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.siyu.api.persistence.EntityContribution;

/** The unit {@code demo}: the table {@code demo_seed}, migrations in {@code db/migration/demo}. */
@Component
public class DemoEntities implements EntityContribution {

    public static final String UNIT = "demo";

    @Override
    public String unit() {
        return UNIT;
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(SeedBatch.class);
    }
}
