package org.siyu.kernel.identity.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code identity_poison}: a merge-key identity that never merges anyone again. */
@Entity
@Table(name = "identity_poison")
public class PoisonRow {

    @Id
    @Column(name = "identity", length = 300)
    private String identity;

    @Column(name = "claims", nullable = false)
    private int claims;

    @Column(name = "flagged_at", nullable = false)
    private Instant flaggedAt;

    protected PoisonRow() {
    }

    public PoisonRow(String identity, int claims, Instant flaggedAt) {
        this.identity = identity;
        this.claims = claims;
        this.flaggedAt = flaggedAt;
    }

    public String getIdentity() {
        return identity;
    }

    public int getClaims() {
        return claims;
    }

    public Instant getFlaggedAt() {
        return flaggedAt;
    }
}
