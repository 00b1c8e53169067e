package org.siyu.bench.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The naive peer's identity ({@code <channel>:<value>}, normalised as OneID stores it) and its customer. A unique
 * index on the identity, as anyone would add: without it every lookup would scan the table.
 */
@Entity
@Table(name = "naive_identity", indexes = {
    @Index(name = "naive_identity_value", columnList = "identity", unique = true),
    @Index(name = "naive_identity_customer", columnList = "customer_id")})
public class NaiveIdentity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "identity", nullable = false, length = 300)
    private String identity;

    @Column(name = "channel", nullable = false, length = 32)
    private String channel;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id", nullable = false)
    private NaiveCustomer customer;

    @Column(name = "linked_at", nullable = false)
    private Instant linkedAt;

    protected NaiveIdentity() {
    }

    NaiveIdentity(String identity, String channel, NaiveCustomer customer, Instant linkedAt) {
        this.identity = identity;
        this.channel = channel;
        this.customer = customer;
        this.linkedAt = linkedAt;
    }

    String getIdentity() {
        return identity;
    }

    String getChannel() {
        return channel;
    }

    NaiveCustomer getCustomer() {
        return customer;
    }

    void setCustomer(NaiveCustomer customer) {
        this.customer = customer;
    }
}
