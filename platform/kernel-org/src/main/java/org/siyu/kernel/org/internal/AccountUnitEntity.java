package org.siyu.kernel.org.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code org_account_unit}: an admin account and the unit that bounds its data scope. */
@Entity
@Table(name = "org_account_unit")
public class AccountUnitEntity {

    @Id
    @Column(name = "account", length = 100)
    private String account;

    @Column(name = "unit_id", nullable = false, length = 64)
    private String unitId;

    @Column(name = "linked_at", nullable = false)
    private Instant linkedAt;

    @Column(name = "linked_by", nullable = false, length = 100)
    private String linkedBy;

    protected AccountUnitEntity() {
    }

    AccountUnitEntity(String account) {
        this.account = account;
    }

    void set(String unitId, Instant at, String actor) {
        this.unitId = unitId;
        this.linkedAt = at;
        this.linkedBy = actor;
    }

    String account() {
        return account;
    }

    String unitId() {
        return unitId;
    }
}
