package org.siyu.membership.internal.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A batch of earned points ({@code mb_points_lot}), consumed oldest first and expired as a whole. */
@Entity
@Table(name = "mb_points_lot")
public class PointsLot {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mb_lot_seq")
    @SequenceGenerator(name = "mb_lot_seq", sequenceName = "mb_lot_seq", allocationSize = 50)
    private Long id;
    @Column(name = "customer_id", nullable = false)
    private int customerId;
    @Column(name = "ledger_id", nullable = false)
    private long ledgerId;
    @Column(name = "points", nullable = false)
    private long points;
    @Column(name = "remaining", nullable = false)
    private long remaining;
    @Column(name = "earned_at", nullable = false)
    private Instant earnedAt;
    @Column(name = "expires_at")
    private Instant expiresAt;

    protected PointsLot() {
    }

    public PointsLot(int customerId, long ledgerId, long points, long remaining, Instant earnedAt, Instant expiresAt) {
        this.customerId = customerId;
        this.ledgerId = ledgerId;
        this.points = points;
        this.remaining = remaining;
        this.earnedAt = earnedAt;
        this.expiresAt = expiresAt;
    }

    public long id() { return id; }
    public int customerId() { return customerId; }
    public long ledgerId() { return ledgerId; }
    public long points() { return points; }
    public long remaining() { return remaining; }
    public Instant earnedAt() { return earnedAt; }
    public Instant expiresAt() { return expiresAt; }

    /** Gives the lot to another customer (a OneID merge or its undo); its dates stay. */
    public void moveTo(int customer) {
        this.customerId = customer;
    }

    /** Takes up to {@code wanted} points; returns how many it took. */
    public long take(long wanted) {
        long taken = Math.min(wanted, remaining);
        remaining -= taken;
        return taken;
    }
}
