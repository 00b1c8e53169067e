package org.siyu.membership.internal.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A customer's membership ({@code mb_member}): tier, the points balance (= the sum of the ledger), growth. */
@Entity
@Table(name = "mb_member")
public class Member {

    @Id
    @Column(name = "customer_id")
    private int customerId;
    @Column(name = "tier_code", nullable = false, length = 32)
    private String tierCode;
    @Column(name = "tier_since", nullable = false)
    private Instant tierSince;
    @Column(name = "review_at", nullable = false)
    private Instant reviewAt;
    @Column(name = "points", nullable = false)
    private long points;
    @Column(name = "growth", nullable = false)
    private long growth;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "merged_into", nullable = false)
    private int mergedInto;

    protected Member() {
    }

    public Member(int customerId, String tierCode, Instant since, Instant reviewAt, Instant now) {
        this.customerId = customerId;
        this.tierCode = tierCode;
        this.tierSince = since;
        this.reviewAt = reviewAt;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public int customerId() { return customerId; }
    public String tierCode() { return tierCode; }
    public Instant tierSince() { return tierSince; }
    public Instant reviewAt() { return reviewAt; }
    public long points() { return points; }
    public long growth() { return growth; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    /** The customer OneID merged this one into, 0 if none. */
    public int mergedInto() { return mergedInto; }

    public void mergedInto(int survivor, Instant now) {
        this.mergedInto = survivor;
        this.updatedAt = now;
    }

    public void changeTier(String code, Instant since, Instant nextReview, Instant now) {
        this.tierCode = code;
        this.tierSince = since;
        this.reviewAt = nextReview;
        this.updatedAt = now;
    }

    public void reviewed(Instant nextReview, Instant now) {
        this.reviewAt = nextReview;
        this.updatedAt = now;
    }

    public void addPoints(long delta, Instant now) {
        this.points += delta;
        this.updatedAt = now;
    }

    public void addGrowth(long delta, Instant now) {
        this.growth += delta;
        this.updatedAt = now;
    }
}
