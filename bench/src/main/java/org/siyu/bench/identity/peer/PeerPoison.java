package org.siyu.bench.identity.peer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A merge key that merges nobody any more. */
@Entity
@Table(name = "oneidpeer_poison")
public class PeerPoison {

    @Id
    @Column(name = "identity", length = 300)
    private String identity;

    @Column(name = "claims", nullable = false)
    private int claims;

    protected PeerPoison() {
    }

    public PeerPoison(String identity, int claims) {
        this.identity = identity;
        this.claims = claims;
    }
}
