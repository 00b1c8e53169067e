package org.siyu.kernel.org.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.siyu.api.org.OrgUnit;

/** A row of {@code org_unit}. The parent is an id, not an association: the tree is walked in memory ({@link OrgTree}). */
@Entity
@Table(name = "org_unit")
public class UnitEntity {

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "parent_id", length = 64)
    private String parentId;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "kind", nullable = false, length = 16)
    private String kind;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 100)
    private String updatedBy;

    protected UnitEntity() {
    }

    UnitEntity(String id) {
        this.id = id;
    }

    void set(OrgUnit unit, Instant at, String actor) {
        this.parentId = unit.parentId();
        this.name = unit.name();
        this.kind = unit.kind().name();
        this.updatedAt = at;
        this.updatedBy = actor;
    }

    String id() {
        return id;
    }

    String parentId() {
        return parentId;
    }

    OrgUnit.Kind kind() {
        return OrgUnit.Kind.valueOf(kind);
    }

    OrgUnit unit() {
        return new OrgUnit(id, parentId, name, kind());
    }
}
