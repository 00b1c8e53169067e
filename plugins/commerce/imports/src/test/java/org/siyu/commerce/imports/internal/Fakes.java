package org.siyu.commerce.imports.internal;

import java.util.List;
import org.siyu.api.persistence.EntityContribution;

/** The unit of the test doubles: tables {@code fakes_*} from {@code db/migration/fakes} (test resources). */
final class Fakes implements EntityContribution {

    @Override
    public String unit() {
        return "fakes";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of();
    }
}
