package org.siyu.membership.internal.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A paid order as membership saw it on the bus ({@code mb_order_fact}): one row per order id. */
@Entity
@Table(name = "mb_order_fact")
public class OrderFact {

    @Id
    @Column(name = "order_id", length = 100)
    private String orderId;
    @Column(name = "customer_id", nullable = false)
    private int customerId;
    @Column(name = "channel", nullable = false, length = 64)
    private String channel;
    @Column(name = "paid_at", nullable = false)
    private Instant paidAt;
    @Column(name = "paid_fen", nullable = false)
    private long paidFen;
    @Column(name = "refunded_fen", nullable = false)
    private long refundedFen;
    @Column(name = "points_earned", nullable = false)
    private long pointsEarned;
    @Column(name = "points_clawed", nullable = false)
    private long pointsClawed;
    @Column(name = "growth", nullable = false)
    private long growth;
    @Column(name = "event_id", nullable = false, length = 200)
    private String eventId;

    protected OrderFact() {
    }

    public OrderFact(String orderId, int customerId, String channel, Instant paidAt, long paidFen, String eventId) {
        this.orderId = orderId;
        this.customerId = customerId;
        this.channel = channel;
        this.paidAt = paidAt;
        this.paidFen = paidFen;
        this.eventId = eventId;
    }

    public String orderId() { return orderId; }
    public int customerId() { return customerId; }
    public String channel() { return channel; }
    public Instant paidAt() { return paidAt; }
    public long paidFen() { return paidFen; }
    public long refundedFen() { return refundedFen; }
    public long pointsEarned() { return pointsEarned; }
    public long pointsClawed() { return pointsClawed; }
    public long growth() { return growth; }
    public String eventId() { return eventId; }

    /** What the order is worth after refunds, never below 0. */
    public long netFen() {
        return Math.max(0, paidFen - refundedFen);
    }

    /** Gives the order to another customer (a OneID merge or its undo). */
    public void moveTo(int customer) {
        this.customerId = customer;
    }

    public void earned(long points) { this.pointsEarned = points; }
    public void refunded(long total) { this.refundedFen = total; }
    public void clawed(long total) { this.pointsClawed = total; }
    public void growth(long value) { this.growth = value; }
}
