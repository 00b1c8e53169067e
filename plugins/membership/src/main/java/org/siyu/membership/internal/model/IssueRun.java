package org.siyu.membership.internal.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A bulk issue of one template to the customers of a segment ({@code mb_issue_run}). */
@Entity
@Table(name = "mb_issue_run")
public class IssueRun {

    /** Where a run is. */
    public enum State {
        RUNNING, DONE, STOCK_OUT, FAILED, CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mb_run_seq")
    @SequenceGenerator(name = "mb_run_seq", sequenceName = "mb_run_seq", allocationSize = 50)
    private Long id;
    @Column(name = "template_id", nullable = false)
    private long templateId;
    @Column(name = "segment", nullable = false, length = 2000)
    private String segment;
    @Column(name = "state", nullable = false, length = 16)
    private String state;
    @Column(name = "total", nullable = false)
    private long total;
    @Column(name = "issued", nullable = false)
    private long issued;
    @Column(name = "skipped", nullable = false)
    private long skipped;
    @Column(name = "message", nullable = false, length = 1000)
    private String message;
    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "finished_at")
    private Instant finishedAt;

    protected IssueRun() {
    }

    public IssueRun(long templateId, String segment, String actor, Instant now) {
        this.templateId = templateId;
        this.segment = segment;
        this.state = State.RUNNING.name();
        this.message = "";
        this.createdBy = actor;
        this.createdAt = now;
    }

    public long id() { return id; }
    public long templateId() { return templateId; }
    public String segment() { return segment; }
    public State state() { return State.valueOf(state); }
    public long total() { return total; }
    public long issued() { return issued; }
    public long skipped() { return skipped; }
    public String message() { return message; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public Instant finishedAt() { return finishedAt; }

    public void restart() {
        this.state = State.RUNNING.name();
        this.finishedAt = null;
    }

    public void progress(long total, long issued, long skipped) {
        this.total = total;
        this.issued = issued;
        this.skipped = skipped;
    }

    public void finish(State state, String message, Instant now) {
        this.state = state.name();
        this.message = message.length() > 1000 ? message.substring(0, 1000) : message;
        this.finishedAt = now;
    }
}
