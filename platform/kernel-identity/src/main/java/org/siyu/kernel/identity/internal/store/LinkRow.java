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

    /** The identity through which a resolution reached the customer it linked this one to; null when created. */
    @Column(name = "linked_via", length = 300)
    private String linkedVia;

    /** The first identity that resolution linked (the group's lead); null when created with the customer. */
    @Column(name = "linked_with", length = 300)
    private String linkedWith;

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

    /**
     * A link a resolution made to a customer that existed before it: through {@code via} (the resolution's identity
     * already linked there), together with {@code with} (the first identity that resolution linked).
     */
    public LinkRow(String identity, int customerId, String channel, Instant linkedAt, String via, String with) {
        this(identity, customerId, channel, linkedAt);
        this.linkedVia = via;
        this.linkedWith = with;
    }

    public String getLinkedVia() {
        return linkedVia;
    }

    public String getLinkedWith() {
        return linkedWith;
    }

    public Long getBroughtByMerge() {
        return broughtByMerge;
    }

    /**
     * Makes the identity one its customer was created with: a split that creates a customer for the identities it
     * moves makes them that customer's own.
     */
    public void founding() {
        this.linkedVia = null;
        this.linkedWith = null;
    }

    /** Moves the identity to {@code customerId}; {@code mergeId} is the merge that moved it, or null. */
    public void moveTo(int customerId, Long mergeId) {
        this.customerId = customerId;
        this.broughtByMerge = mergeId;
    }
}
