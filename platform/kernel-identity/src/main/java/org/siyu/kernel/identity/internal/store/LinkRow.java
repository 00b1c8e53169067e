package org.siyu.kernel.identity.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code identity_link}: an identity ({@code <channel>:<value>}, normalized) and its customer. */
@Entity
@Table(name = "identity_link")
public class LinkRow {

    @Id
    @Column(name = "identity", length = 300)
    private String identity;

    @Column(name = "customer_id", nullable = false)
    private int customerId;

    @Column(name = "channel", nullable = false, length = 32, updatable = false)
    private String channel;

    @Column(name = "linked_at", nullable = false, updatable = false)
    private Instant linkedAt;

    @Column(name = "brought_by_merge")
    private Long broughtByMerge;

    protected LinkRow() {
    }

    public LinkRow(String identity, int customerId, String channel, Instant linkedAt) {
        this.identity = identity;
        this.customerId = customerId;
        this.channel = channel;
        this.linkedAt = linkedAt;
    }

    public String getIdentity() {
        return identity;
    }

    public int getCustomerId() {
        return customerId;
    }

    public String getChannel() {
        return channel;
    }

    public Instant getLinkedAt() {
        return linkedAt;
    }

    public Long getBroughtByMerge() {
        return broughtByMerge;
    }

    /** Moves the identity to {@code customerId}; {@code mergeId} is the merge that moved it, or null. */
    public void moveTo(int customerId, Long mergeId) {
        this.customerId = customerId;
        this.broughtByMerge = mergeId;
    }
}
