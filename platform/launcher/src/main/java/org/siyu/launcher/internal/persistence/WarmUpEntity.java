package org.siyu.launcher.internal.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Only used to warm Hibernate up at start: building a SessionFactory with one entity loads the classes of entity
 * binding and proxy generation, so a plugin's first unit builds fast. No table exists for it; nothing queries it.
 */
@Entity
@Table(name = "siyu_warm_up")
public class WarmUpEntity {
    @Id
    private long id;
    private String name;

    protected WarmUpEntity() {
    }

    public long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
