package org.siyu.kernel.identity.internal.store;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A row of {@code identity_customer} with its traits ({@code identity_trait}). */
@Entity
@Table(name = "identity_customer")
public class CustomerRow {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "identity_customer_seq")
    @SequenceGenerator(name = "identity_customer_seq", sequenceName = "identity_customer_seq", allocationSize = 50)
    private Integer id;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "first_channel", nullable = false, length = 32, updatable = false)
    private String firstChannel;

    @Column(name = "campaign", length = 200)
    private String campaign;

    @Column(name = "owner", length = 200)
    private String owner;

    @Column(name = "merged_into", nullable = false)
    private int mergedInto;

    @ElementCollection
    @CollectionTable(name = "identity_trait", joinColumns = @JoinColumn(name = "customer_id"))
    @MapKeyColumn(name = "trait_name", length = 64)
    @Column(name = "trait_value", nullable = false, length = 1000)
    private Map<String, String> traits = new HashMap<>();

    protected CustomerRow() {
    }

    public CustomerRow(Instant createdAt, String firstChannel, String campaign, String owner) {
        this.createdAt = createdAt;
        this.firstChannel = firstChannel;
        this.campaign = campaign;
        this.owner = owner;
    }

    public int getId() {
        return id;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getFirstChannel() {
        return firstChannel;
    }

    public String getCampaign() {
        return campaign;
    }

    public void setCampaign(String campaign) {
        this.campaign = campaign;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public int getMergedInto() {
        return mergedInto;
    }

    public void setMergedInto(int mergedInto) {
        this.mergedInto = mergedInto;
    }

    /** The customer's own traits (not those of customers merged into it), modifiable. */
    public Map<String, String> getTraits() {
        return traits;
    }
}
