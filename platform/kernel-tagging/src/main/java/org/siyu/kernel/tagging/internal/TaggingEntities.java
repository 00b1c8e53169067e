package org.siyu.kernel.tagging.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.siyu.api.persistence.EntityContribution;
import org.siyu.kernel.tagging.internal.saved.SegmentEntity;

/** The unit {@code tagging}: tables {@code tagging_*}, migrations in {@code db/migration/tagging}. */
@Component
public class TaggingEntities implements EntityContribution {

    static final String UNIT = "tagging";

    @Override
    public String unit() {
        return UNIT;
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(TagEntity.class, RuleEntity.class, SegmentEntity.class);
    }
}
