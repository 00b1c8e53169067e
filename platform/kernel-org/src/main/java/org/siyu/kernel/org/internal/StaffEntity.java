package org.siyu.kernel.org.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.siyu.api.org.Staff;

/** A row of {@code org_staff}. */
@Entity
@Table(name = "org_staff")
public class StaffEntity {

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "unit_id", nullable = false, length = 64)
    private String unitId;

    @Column(name = "account", length = 100)
    private String account;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 100)
    private String updatedBy;

    protected StaffEntity() {
    }

    StaffEntity(String id) {
        this.id = id;
    }

    void set(Staff staff, Instant at, String actor) {
        this.name = staff.name();
        this.unitId = staff.unitId();
        this.account = staff.account();
        this.active = staff.active();
        this.updatedAt = at;
        this.updatedBy = actor;
    }

    Staff staff() {
        return new Staff(id, name, unitId, account, active);
    }
}
