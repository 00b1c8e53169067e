package org.siyu.kernel.identity.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code identity_split}: identities moved off a customer because a poison key had linked them there. */
@Entity
@Table(name = "identity_split")
public class SplitRow {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "identity_split_seq")
    @SequenceGenerator(name = "identity_split_seq", sequenceName = "identity_split_seq", allocationSize = 50)
    private Long id;

    @Column(name = "from_customer", nullable = false, updatable = false)
    private int fromCustomer;

    @Column(name = "to_customer", nullable = false, updatable = false)
    private int toCustomer;

    @Column(name = "created", nullable = false, updatable = false)
    private boolean created;

    @Column(name = "identities", nullable = false, updatable = false)
    private int identities;

    @Column(name = "evidence", nullable = false, length = 300, updatable = false)
    private String evidence;

    @Column(name = "actor", nullable = false, length = 100, updatable = false)
    private String actor;

    @Column(name = "split_at", nullable = false, updatable = false)
    private Instant splitAt;

    protected SplitRow() {
    }

    public SplitRow(int fromCustomer, int toCustomer, boolean created, int identities, String evidence, String actor,
            Instant splitAt) {
        this.fromCustomer = fromCustomer;
        this.toCustomer = toCustomer;
        this.created = created;
        this.identities = identities;
        this.evidence = evidence;
        this.actor = actor;
        this.splitAt = splitAt;
    }

    public long getId() {
        return id;
    }

    public int getFromCustomer() {
        return fromCustomer;
    }

    public int getToCustomer() {
        return toCustomer;
    }

    public boolean isCreated() {
        return created;
    }

    public int getIdentities() {
        return identities;
    }

    public String getEvidence() {
        return evidence;
    }

    public String getActor() {
        return actor;
    }

    public Instant getSplitAt() {
        return splitAt;
    }
}
