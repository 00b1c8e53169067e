package org.siyu.membership.internal.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A tier and its benefits ({@code mb_tier}). Ranked: a higher rank is a better tier. */
@Entity
@Table(name = "mb_tier")
public class Tier {

    @Id
    @Column(name = "code", length = 32)
    private String code;
    @Column(name = "rank_no", nullable = false)
    private int rankNo;
    @Column(name = "name_zh", nullable = false, length = 32)
    private String nameZh;
    @Column(name = "name_en", nullable = false, length = 64)
    private String nameEn;
    @Column(name = "min_spend_fen", nullable = false)
    private long minSpendFen;
    @Column(name = "min_growth", nullable = false)
    private long minGrowth;
    @Column(name = "discount_percent", nullable = false)
    private int discountPercent;
    @Column(name = "free_shipping", nullable = false)
    private boolean freeShipping;
    @Column(name = "warranty_months", nullable = false)
    private int warrantyMonths;
    @Column(name = "birthday_gift", nullable = false, length = 200)
    private String birthdayGift;
    @Column(name = "points_per_100", nullable = false)
    private int pointsPer100;
    @Column(name = "birthday_template_id")
    private Long birthdayTemplateId;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "updated_by", nullable = false, length = 100)
    private String updatedBy;

    protected Tier() {
    }

    public Tier(String code, int rank, String nameZh, String nameEn) {
        this.code = code;
        this.rankNo = rank;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.birthdayGift = "";
        this.pointsPer100 = 100;
        this.updatedAt = Instant.now();
        this.updatedBy = "system";
    }

    public String code() { return code; }
    public int rank() { return rankNo; }
    public String nameZh() { return nameZh; }
    public String nameEn() { return nameEn; }
    public long minSpendFen() { return minSpendFen; }
    public long minGrowth() { return minGrowth; }
    public int discountPercent() { return discountPercent; }
    public boolean freeShipping() { return freeShipping; }
    public int warrantyMonths() { return warrantyMonths; }
    public String birthdayGift() { return birthdayGift; }
    public int pointsPer100() { return pointsPer100; }
    /** The coupon template of the birthday gift, or {@code null}. */
    public Long birthdayTemplateId() { return birthdayTemplateId; }
    public Instant updatedAt() { return updatedAt; }
    public String updatedBy() { return updatedBy; }

    /** Copies every editable value of {@code values} (not the code). */
    public void update(TierValues values, String actor, Instant now) {
        this.rankNo = values.rank();
        this.nameZh = values.nameZh();
        this.nameEn = values.nameEn();
        this.minSpendFen = values.minSpendFen();
        this.minGrowth = values.minGrowth();
        this.discountPercent = values.discountPercent();
        this.freeShipping = values.freeShipping();
        this.warrantyMonths = values.warrantyMonths();
        this.birthdayGift = values.birthdayGift() == null ? "" : values.birthdayGift();
        this.pointsPer100 = values.pointsPer100();
        this.birthdayTemplateId = values.birthdayTemplateId();
        this.updatedBy = actor;
        this.updatedAt = now;
    }

    /** The editable values, for forms and the REST answer. */
    public TierValues values() {
        return new TierValues(code, rankNo, nameZh, nameEn, minSpendFen, minGrowth, discountPercent, freeShipping,
                warrantyMonths, birthdayGift, pointsPer100, birthdayTemplateId);
    }
}
