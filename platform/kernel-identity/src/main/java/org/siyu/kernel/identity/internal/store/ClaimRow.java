package org.siyu.kernel.identity.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A row of {@code identity_claim}: a customer that held or presented a merge-key identity in a merging resolution. */
@Entity
@Table(name = "identity_claim")
@IdClass(ClaimRow.Key.class)
public class ClaimRow {

    @Id
    @Column(name = "identity", length = 300)
    private String identity;

    @Id
    @Column(name = "customer_id")
    private int customerId;

    @Column(name = "claimed_at", nullable = false)
    private Instant claimedAt;

    /** Whether the claimant held the key when it claimed; null before V4. */
    @Column(name = "held")
    private Boolean held;

    /** The call's identity that made the claimant one of its customers; null before V4. */
    @Column(name = "through_identity", length = 300)
    private String through;

    protected ClaimRow() {
    }

    public ClaimRow(String identity, int customerId, Instant claimedAt) {
        this.identity = identity;
        this.customerId = customerId;
        this.claimedAt = claimedAt;
    }

    public ClaimRow(String identity, int customerId, Instant claimedAt, boolean held, String through) {
        this(identity, customerId, claimedAt);
        this.held = held;
        this.through = through;
    }

    public int getCustomerId() {
        return customerId;
    }

    /** The composite primary key. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String identity;
        private int customerId;

        public Key() {
        }

        public Key(String identity, int customerId) {
            this.identity = identity;
            this.customerId = customerId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.customerId == customerId && Objects.equals(k.identity, identity);
        }

        @Override
        public int hashCode() {
            return Objects.hash(identity, customerId);
        }
    }
}
