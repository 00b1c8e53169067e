package org.siyu.commerce.codes.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code cmc_batch}, created through JPA (for its id); later changes are plain SQL updates in
 * {@link CodeStore}, so the job's count and the admin's writes never overwrite each other.
 */
@Entity
@Table(name = "cmc_batch")
public class BatchEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cmc_batch_seq")
    @SequenceGenerator(name = "cmc_batch_seq", sequenceName = "cmc_batch_seq", allocationSize = 1)
    private Long id;

    @Column(name = "product_id", nullable = false)
    private long productId;

    @Column(name = "product_name", nullable = false, length = 200)
    private String productName;

    @Column(name = "sku_code", length = 64)
    private String skuCode;

    @Column(name = "quantity", nullable = false)
    private int quantity;

    @Column(name = "generated", nullable = false)
    private int generated;

    @Column(name = "state", nullable = false, length = 20)
    private String state;

    @Column(name = "job_id")
    private Long jobId;

    @Column(name = "note", length = 200)
    private String note;

    @Column(name = "message", length = 1000)
    private String message;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected BatchEntity() {
    }

    BatchEntity(long productId, String productName, String skuCode, int quantity, String note, String createdBy,
            Instant createdAt) {
        this.productId = productId;
        this.productName = productName;
        this.skuCode = skuCode;
        this.quantity = quantity;
        this.note = note;
        this.state = BatchState.GENERATING.name();
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    long id() {
        return id;
    }

    Batch batch(int bound) {
        return new Batch(id, productId, productName, skuCode, quantity, generated, bound, BatchState.valueOf(state),
                jobId, note, message, createdBy, createdAt, finishedAt);
    }
}
