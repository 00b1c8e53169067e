package org.siyu.membership.internal.model;

/**
 * A tier's values as the admin and REST edit them.
 *
 * @param code            stable key, lower-case letters, digits, '-', '_'
 * @param rank            0 is the entry tier; higher is better; unique
 * @param nameZh          Chinese name, also the tier tag ({@code 会员:<nameZh>})
 * @param nameEn          English name
 * @param minSpendFen     rolling 12-month net spend (fen) that qualifies, basis SPEND
 * @param minGrowth       growth value that qualifies, basis GROWTH
 * @param discountPercent member discount in percent off (5 = 95折), 0–90
 * @param freeShipping    free shipping benefit
 * @param warrantyMonths  extra warranty months
 * @param birthdayGift    the birthday gift, or empty
 * @param pointsPer100    points earned per ¥100 paid
 * @param birthdayTemplateId the coupon template the tier's members get on their birthday, or {@code null}: none sent
 */
public record TierValues(String code, int rank, String nameZh, String nameEn, long minSpendFen, long minGrowth,
        int discountPercent, boolean freeShipping, int warrantyMonths, String birthdayGift, int pointsPer100,
        Long birthdayTemplateId) {

    /** Values without a birthday coupon. */
    public TierValues(String code, int rank, String nameZh, String nameEn, long minSpendFen, long minGrowth,
            int discountPercent, boolean freeShipping, int warrantyMonths, String birthdayGift, int pointsPer100) {
        this(code, rank, nameZh, nameEn, minSpendFen, minGrowth, discountPercent, freeShipping, warrantyMonths,
                birthdayGift, pointsPer100, null);
    }

    /** These values with another birthday coupon template. */
    public TierValues withBirthdayTemplate(Long templateId) {
        return new TierValues(code, rank, nameZh, nameEn, minSpendFen, minGrowth, discountPercent, freeShipping,
                warrantyMonths, birthdayGift, pointsPer100, templateId);
    }
}
