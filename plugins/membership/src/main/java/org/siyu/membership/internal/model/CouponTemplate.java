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

/** A coupon template ({@code mb_coupon_template}): what a coupon grants, when it is valid, how many may be issued. */
@Entity
@Table(name = "mb_coupon_template")
public class CouponTemplate {

    /** What a coupon of the template takes off. */
    public enum Kind {
        /** A fixed amount in fen (满199减30). */
        AMOUNT_OFF,
        /** A percentage of the order total, optionally capped (9折, at most ¥50). */
        PERCENT_OFF
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mb_template_seq")
    @SequenceGenerator(name = "mb_template_seq", sequenceName = "mb_template_seq", allocationSize = 50)
    private Long id;
    @Column(name = "name", nullable = false, length = 100)
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    private Kind kind;
    @Column(name = "amount_fen", nullable = false)
    private long amountFen;
    @Column(name = "percent_off", nullable = false)
    private int percentOff;
    @Column(name = "max_discount_fen")
    private Long maxDiscountFen;
    @Column(name = "threshold_fen", nullable = false)
    private long thresholdFen;
    @Column(name = "valid_from")
    private Instant validFrom;
    @Column(name = "valid_until")
    private Instant validUntil;
    @Column(name = "valid_days")
    private Integer validDays;
    @Column(name = "stock", nullable = false)
    private long stock;
    @Column(name = "issued", nullable = false)
    private long issued;
    @Column(name = "active", nullable = false)
    private boolean active;
    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CouponTemplate() {
    }

    public CouponTemplate(TemplateValues values, String actor, Instant now) {
        this.createdBy = actor;
        this.createdAt = now;
        this.active = true;
        update(values, now);
    }

    public long id() { return id; }
    public String name() { return name; }
    public Kind kind() { return kind; }
    public long amountFen() { return amountFen; }
    public int percentOff() { return percentOff; }
    public Long maxDiscountFen() { return maxDiscountFen; }
    public long thresholdFen() { return thresholdFen; }
    public Instant validFrom() { return validFrom; }
    public Instant validUntil() { return validUntil; }
    public Integer validDays() { return validDays; }
    public long stock() { return stock; }
    public long issued() { return issued; }
    public boolean active() { return active; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }

    /** Sets every value of {@code values}; the caller has checked them (TemplateRules). */
    public void update(TemplateValues values, Instant now) {
        this.name = values.name().strip();
        this.kind = values.kind();
        this.amountFen = values.kind() == Kind.AMOUNT_OFF ? values.amountFen() : 0;
        this.percentOff = values.kind() == Kind.PERCENT_OFF ? values.percentOff() : 0;
        this.maxDiscountFen = values.kind() == Kind.PERCENT_OFF ? values.maxDiscountFen() : null;
        this.thresholdFen = values.thresholdFen();
        this.validFrom = values.validFrom();
        this.validUntil = values.validUntil();
        this.validDays = values.validDays();
        this.stock = values.stock();
        this.updatedAt = now;
    }

    public void archive(Instant now) {
        this.active = false;
        this.updatedAt = now;
    }

    public TemplateValues values() {
        return new TemplateValues(name, kind, amountFen, percentOff, maxDiscountFen, thresholdFen, validFrom,
                validUntil, validDays, stock);
    }
}
