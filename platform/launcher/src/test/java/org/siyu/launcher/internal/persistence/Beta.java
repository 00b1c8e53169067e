package org.siyu.launcher.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entity of unit "beta"; its name is unique so a test can force a constraint failure. */
@Entity
@Table(name = "beta_item")
public class Beta {
    @Id
    public long id;
    @Column(unique = true)
    public String name;

    public Beta() {
    }

    public Beta(long id, String name) {
        this.id = id;
        this.name = name;
    }
}
