package org.siyu.bench.identity.peer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A customer that held or presented a merge key in a call that would merge through it. */
@Entity
@Table(name = "oneidpeer_claim")
@IdClass(PeerClaim.Key.class)
public class PeerClaim {

    @Id
    @Column(name = "identity", length = 300)
    private String identity;

    @Id
    @Column(name = "customer_id")
    private int customerId;

    protected PeerClaim() {
    }

    public PeerClaim(String identity, int customerId) {
        this.identity = identity;
        this.customerId = customerId;
    }

    /** The composite primary key. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String identity;
        private int customerId;

        public Key() {
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
