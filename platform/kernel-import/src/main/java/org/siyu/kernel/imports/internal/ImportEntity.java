package org.siyu.kernel.imports.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code imports_import}: one real run, its counts kept in step with what its chunks wrote. */
@Entity
@Table(name = "imports_import")
public class ImportEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "imports_import_seq")
    @SequenceGenerator(name = "imports_import_seq", sequenceName = "imports_import_seq", allocationSize = 1)
    private Long id;

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

    @Column(name = "rows_done", nullable = false)
    int rowsDone;

    @Column(name = "rows_imported", nullable = false)
    int rowsImported;

    @Column(name = "rows_rejected", nullable = false)
    int rowsRejected;

    @Column(name = "customers_created", nullable = false)
    int customersCreated;

    @Column(name = "tags_added", nullable = false)
    int tagsAdded;

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

    ImportEntity(String fileName, String mapping, String charset, String delimiter, String actor, Instant createdAt) {
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

    ImportState state() {
        return ImportState.valueOf(state);
    }

    void state(ImportState state) {
        this.state = state.name();
    }

    void jobId(long jobId) {
        this.jobId = jobId;
    }

    void message(String message) {
        this.message = message == null ? null : message.length() > 1000 ? message.substring(0, 999) + "…" : message;
    }

    void finishedAt(Instant at) {
        this.finishedAt = at;
    }

    String mapping() {
        return mapping;
    }

    ImportRecord record() {
        return new ImportRecord(id, fileName, mapping, charset, delimiter, actor, state(), jobId, rowsTotal, rowsDone,
                rowsImported, rowsRejected, customersCreated, tagsAdded, errorsStored, message, createdAt, finishedAt);
    }
}
