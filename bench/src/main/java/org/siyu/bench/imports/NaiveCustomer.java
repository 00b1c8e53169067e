package org.siyu.bench.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The naive peer's customer: IDENTITY id (an insert the moment it is persisted), traits as columns. */
@Entity
@Table(name = "naive_customer")
public class NaiveCustomer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "name", length = 1000)
    private String name;

    @Column(name = "city", length = 1000)
    private String city;

    @Column(name = "first_channel", nullable = false, length = 32)
    private String firstChannel;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The survivor's id once merged into another customer, else null. */
    @Column(name = "merged_into")
    private Long mergedInto;

    protected NaiveCustomer() {
    }

    NaiveCustomer(String firstChannel, Instant createdAt) {
        this.firstChannel = firstChannel;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    void setName(String name) {
        this.name = name;
    }

    void setCity(String city) {
        this.city = city;
    }

    void setMergedInto(Long mergedInto) {
        this.mergedInto = mergedInto;
    }
}
