package org.siyu.commerce.imports.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code cmi_import}. Created through JPA (for its id); every later change is a plain SQL update in
 * {@link ImportStore}, so the job's counts and a write of the job id never overwrite each other.
 */
@Entity
@Table(name = "cmi_import")
public class ImportEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cmi_import_seq")
    @SequenceGenerator(name = "cmi_import_seq", sequenceName = "cmi_import_seq", allocationSize = 1)
    private Long id;

    @Column(name = "source", nullable = false, length = 20)
    private String source;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Column(name = "mapping", nullable = false, length = 10000)
    private String mapping;

    @Column(name = "charset", nullable = false, length = 20)
    private String charset;

    @Column(name = "delimiter", nullable = false, length = 10)
    private String delimiter;

    @Column(name = "actor", nullable = false, length = 64)
    private String actor;

    @Column(name = "state", nullable = false, length = 20)
    private String state;

    @Column(name = "job_id")
    private Long jobId;

    @Column(name = "rows_total", nullable = false)
    int rowsTotal;

    @Column(name = "orders_total", nullable = false)
    int ordersTotal;

    @Column(name = "orders_done", nullable = false)
    int ordersDone;

    @Column(name = "orders_created", nullable = false)
    int ordersCreated;

    @Column(name = "orders_existing", nullable = false)
    int ordersExisting;

    @Column(name = "orders_rejected", nullable = false)
    int ordersRejected;

    @Column(name = "rows_rejected", nullable = false)
    int rowsRejected;

    @Column(name = "customers_created", nullable = false)
    int customersCreated;

    @Column(name = "errors_stored", nullable = false)
    int errorsStored;

    @Column(name = "message", length = 1000)
    private String message;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected ImportEntity() {
    }

    ImportEntity(String source, String fileName, String mapping, String charset, String delimiter, String actor,
            Instant createdAt) {
        this.source = source;
        this.fileName = fileName;
        this.mapping = mapping;
        this.charset = charset;
        this.delimiter = delimiter;
        this.actor = actor;
        this.state = ImportState.QUEUED.name();
        this.createdAt = createdAt;
    }

    long id() {
        return id;
    }

    ImportRecord record() {
        return new ImportRecord(id, source, fileName, mapping, charset, delimiter, actor, ImportState.valueOf(state),
                jobId, rowsTotal, ordersTotal, ordersDone, ordersCreated, ordersExisting, ordersRejected,
                rowsRejected, customersCreated, errorsStored, message, createdAt, finishedAt);
    }
}
