package org.siyu.membership.internal.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One movement of points ({@code mb_points_ledger}); never changed once written. */
@Entity
@Table(name = "mb_points_ledger")
public class LedgerEntry {

    /** What moved the points. */
    public enum Kind {
        EARN, CLAWBACK, REDEEM, EXPIRE,
        /** Points moved to another customer (a OneID merge, or back on its undo). */
        TRANSFER_OUT,
        /** Points moved in from another customer. */
        TRANSFER_IN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mb_ledger_seq")
    @SequenceGenerator(name = "mb_ledger_seq", sequenceName = "mb_ledger_seq", allocationSize = 50)
    private Long id;
    @Column(name = "customer_id", nullable = false)
    private int customerId;
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    private Kind kind;
    @Column(name = "points", nullable = false)
    private long points;
    @Column(name = "balance_after", nullable = false)
    private long balanceAfter;
    @Column(name = "shortfall", nullable = false)
    private long shortfall;
    @Column(name = "cause_key", length = 250)
    private String causeKey;
    @Column(name = "order_id", length = 100)
    private String orderId;
    @Column(name = "event_id", length = 200)
    private String eventId;
    @Column(name = "actor", length = 100)
    private String actor;
    @Column(name = "note", nullable = false, length = 500)
    private String note;
    @Column(name = "happened_at", nullable = false)
    private Instant happenedAt;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected LedgerEntry() {
    }

    public LedgerEntry(int customerId, Kind kind, long points, long balanceAfter, long shortfall, Cause cause,
            Instant happenedAt, Instant recordedAt) {
        this.customerId = customerId;
        this.kind = kind;
        this.points = points;
        this.balanceAfter = balanceAfter;
        this.shortfall = shortfall;
        this.causeKey = cause.key();
        this.orderId = cause.orderId();
        this.eventId = cause.eventId();
        this.actor = cause.actor();
        this.note = cause.note() == null ? "" : cause.note();
        this.happenedAt = happenedAt;
        this.recordedAt = recordedAt;
    }

    public long id() { return id; }
    public int customerId() { return customerId; }
    public Kind kind() { return kind; }
    public long points() { return points; }
    public long balanceAfter() { return balanceAfter; }
    public long shortfall() { return shortfall; }
    public String causeKey() { return causeKey; }
    public String orderId() { return orderId; }
    public String eventId() { return eventId; }
    public String actor() { return actor; }
    public String note() { return note; }
    public Instant happenedAt() { return happenedAt; }
    public Instant recordedAt() { return recordedAt; }
}
