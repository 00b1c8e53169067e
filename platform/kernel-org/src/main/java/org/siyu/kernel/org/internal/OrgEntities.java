package org.siyu.kernel.org.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.siyu.api.persistence.EntityContribution;

/** The unit {@code org}: tables {@code org_*}, migrations in {@code db/migration/org}. */
@Component
public class OrgEntities implements EntityContribution {

    public static final String UNIT = "org";

    @Override
    public String unit() {
        return UNIT;
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(UnitEntity.class, StaffEntity.class, AccountUnitEntity.class);
    }
}
