package org.siyu.launcher.internal.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entity of unit "alpha" in the cross-unit transaction test. */
@Entity
@Table(name = "alpha_item")
public class Alpha {
    @Id
    public long id;
    public String name;

    public Alpha() {
    }

    public Alpha(long id, String name) {
        this.id = id;
        this.name = name;
    }
}
