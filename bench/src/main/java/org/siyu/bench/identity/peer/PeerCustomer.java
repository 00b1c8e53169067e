package org.siyu.bench.identity.peer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The peer's customer: an id and, once merged, the customer it was merged into. */
@Entity
@Table(name = "oneidpeer_customer")
public class PeerCustomer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Integer id;

    @Column(name = "merged_into", nullable = false)
    private int mergedInto;

    public Integer getId() {
        return id;
    }

    public int getMergedInto() {
        return mergedInto;
    }

    public void setMergedInto(int mergedInto) {
        this.mergedInto = mergedInto;
    }
}
