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

/** A coupon issued to a customer ({@code mb_coupon}). */
@Entity
@Table(name = "mb_coupon")
public class Coupon {

    /** Where a coupon is in its life. */
    public enum Status {
        ISSUED, USED, EXPIRED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mb_coupon_seq")
    @SequenceGenerator(name = "mb_coupon_seq", sequenceName = "mb_coupon_seq", allocationSize = 50)
    private Long id;
    @Column(name = "code", nullable = false, length = 32)
    private String code;
    @Column(name = "template_id", nullable = false)
    private long templateId;
    @Column(name = "customer_id", nullable = false)
    private int customerId;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private Status status;
    @Column(name = "issue_key", length = 200)
    private String issueKey;
    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;
    @Column(name = "valid_from", nullable = false)
    private Instant validFrom;
    @Column(name = "valid_until", nullable = false)
    private Instant validUntil;
    @Column(name = "order_id", length = 100)
    private String orderId;
    @Column(name = "used_at")
    private Instant usedAt;
    @Column(name = "discount_fen")
    private Long discountFen;

    protected Coupon() {
    }

    public Coupon(String code, long templateId, int customerId, String issueKey, Instant issuedAt, Instant validFrom,
            Instant validUntil) {
        this.code = code;
        this.templateId = templateId;
        this.customerId = customerId;
        this.status = Status.ISSUED;
        this.issueKey = issueKey;
        this.issuedAt = issuedAt;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
    }

    public long id() { return id; }
    public String code() { return code; }
    public long templateId() { return templateId; }
    public int customerId() { return customerId; }
    public Status status() { return status; }
    public String issueKey() { return issueKey; }
    public Instant issuedAt() { return issuedAt; }
    public Instant validFrom() { return validFrom; }
    public Instant validUntil() { return validUntil; }
    public String orderId() { return orderId; }
    public Instant usedAt() { return usedAt; }
    /** What it took off its order, or {@code null} (unused, or used before this was recorded). */
    public Long discountFen() { return discountFen; }

    /**
     * Gives the coupon to another customer (a OneID merge or its undo) under {@code key}, which differs from its issue
     * key when the new owner holds a coupon of the same key.
     */
    public void moveTo(int customer, String key) {
        this.customerId = customer;
        this.issueKey = key;
    }

    /**
     * Makes a used coupon usable again (its order was cancelled before payment); one past its end is expired by the
     * next daily job.
     */
    public void released() {
        this.status = Status.ISSUED;
        this.orderId = null;
        this.usedAt = null;
        this.discountFen = null;
    }

    /** Marks a coupon expired: issued for a time whose validity has already ended, or past its end unused. */
    public void expired() {
        this.status = Status.EXPIRED;
    }

    /** Whether it can be used at {@code at}: issued, not used, inside its validity. */
    public boolean usableAt(Instant at) {
        return status == Status.ISSUED && !at.isBefore(validFrom) && at.isBefore(validUntil);
    }
}
