package org.siyu.bench.identity.peer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The peer's identity: its key and its customer. */
@Entity
@Table(name = "oneidpeer_identity")
public class PeerIdentity {

    @Id
    @Column(name = "identity", length = 300)
    private String identity;

    @Column(name = "customer_id", nullable = false)
    private int customerId;

    @Column(name = "merge_key", nullable = false)
    private boolean mergeKey;

    protected PeerIdentity() {
    }

    public PeerIdentity(String identity, int customerId, boolean mergeKey) {
        this.identity = identity;
        this.customerId = customerId;
        this.mergeKey = mergeKey;
    }

    public String getIdentity() {
        return identity;
    }

    public int getCustomerId() {
        return customerId;
    }

    public void setCustomerId(int customerId) {
        this.customerId = customerId;
    }

    public boolean isMergeKey() {
        return mergeKey;
    }
}
