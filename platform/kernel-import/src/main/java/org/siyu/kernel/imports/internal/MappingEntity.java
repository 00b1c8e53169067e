package org.siyu.kernel.imports.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code imports_mapping}: a column mapping saved by name (the text of {@code Mapping.encode}). */
@Entity
@Table(name = "imports_mapping")
public class MappingEntity {

    @Id
    @Column(name = "name", length = 100)
    private String name;

    @Column(name = "mapping", nullable = false, length = 10000)
    private String mapping;

    @Column(name = "saved_by", nullable = false, length = 64)
    private String savedBy;

    @Column(name = "saved_at", nullable = false)
    private Instant savedAt;

    protected MappingEntity() {
    }

    MappingEntity(String name, String mapping, String savedBy, Instant savedAt) {
        this.name = name;
        update(mapping, savedBy, savedAt);
    }

    void update(String mapping, String savedBy, Instant savedAt) {
        this.mapping = mapping;
        this.savedBy = savedBy;
        this.savedAt = savedAt;
    }

    String name() {
        return name;
    }

    String mapping() {
        return mapping;
    }
}
