package org.siyu.membership.internal.tiers;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.siyu.membership.internal.MembershipException;
import org.siyu.membership.internal.Settings;
import org.siyu.membership.internal.model.Tier;
import org.siyu.membership.internal.model.TierValues;

/** Which tier a value qualifies for, and what a valid tier is. Plain functions, tested directly. */
public final class TierRules {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    private TierRules() {
    }

    /** The threshold of {@code tier} on {@code basis}. */
    public static long threshold(Tier tier, Settings.Basis basis) {
        return basis == Settings.Basis.SPEND ? tier.minSpendFen() : tier.minGrowth();
    }

    /**
     * The best tier whose threshold {@code value} reaches; the entry tier (lowest rank) if it reaches none.
     *
     * @param tiers at least one
     */
    public static Tier qualifying(List<Tier> tiers, Settings.Basis basis, long value) {
        List<Tier> byRank = tiers.stream().sorted(Comparator.comparingInt(Tier::rank)).toList();
        Tier best = byRank.getFirst();
        for (Tier tier : byRank) {
            if (value >= threshold(tier, basis)) {
                best = tier;
            }
        }
        return best;
    }

    /**
     * Checks a tier's values.
     *
     * @throws MembershipException INVALID naming the field
     */
    public static void check(TierValues v) {
        if (v.code() == null || !CODE.matcher(v.code()).matches()) {
            throw MembershipException.invalid("code", "code must be 1–32 lower-case letters, digits, '-' or '_', was '"
                    + v.code() + "'");
        }
        if (v.rank() < 0 || v.rank() > 99) {
            throw MembershipException.invalid("rank", "rank must be between 0 and 99, was " + v.rank());
        }
        requireName("nameZh", v.nameZh());
        requireName("nameEn", v.nameEn());
        if (v.minSpendFen() < 0) {
            throw MembershipException.invalid("minSpendFen", "minSpendFen must be ≥ 0, was " + v.minSpendFen());
        }
        if (v.minGrowth() < 0) {
            throw MembershipException.invalid("minGrowth", "minGrowth must be ≥ 0, was " + v.minGrowth());
        }
        if (v.discountPercent() < 0 || v.discountPercent() > 90) {
            throw MembershipException.invalid("discountPercent", "discountPercent must be between 0 and 90 (percent off), was "
                    + v.discountPercent());
        }
        if (v.warrantyMonths() < 0 || v.warrantyMonths() > 120) {
            throw MembershipException.invalid("warrantyMonths", "warrantyMonths must be between 0 and 120, was "
                    + v.warrantyMonths());
        }
        if (v.birthdayGift() != null && v.birthdayGift().length() > 200) {
            throw MembershipException.invalid("birthdayGift", "birthdayGift must be at most 200 characters");
        }
        if (v.pointsPer100() < 0 || v.pointsPer100() > 100_000) {
            throw MembershipException.invalid("pointsPer100", "pointsPer100 (points per ¥100) must be between 0 and 100000, was "
                    + v.pointsPer100());
        }
    }

    /**
     * Checks the whole ladder after a change: ranks unique, thresholds rising with the rank, the entry tier free.
     *
     * @throws MembershipException INVALID naming the field of the tier at fault
     */
    public static void checkLadder(List<Tier> tiers) {
        List<Tier> byRank = tiers.stream().sorted(Comparator.comparingInt(Tier::rank)).toList();
        Tier entry = byRank.getFirst();
        if (entry.minSpendFen() != 0 || entry.minGrowth() != 0) {
            throw MembershipException.invalid("minSpendFen", "the entry tier " + entry.code()
                    + " (lowest rank) must have minSpendFen and minGrowth 0: every member holds at least it");
        }
        for (int i = 1; i < byRank.size(); i++) {
            Tier lower = byRank.get(i - 1);
            Tier tier = byRank.get(i);
            if (tier.rank() == lower.rank()) {
                throw MembershipException.invalid("rank", "rank " + tier.rank() + " is taken by " + lower.code());
            }
            if (tier.minSpendFen() < lower.minSpendFen()) {
                throw MembershipException.invalid("minSpendFen", tier.code() + " ranks above " + lower.code()
                        + " but needs less spend (" + tier.minSpendFen() + " < " + lower.minSpendFen() + " fen)");
            }
            if (tier.minGrowth() < lower.minGrowth()) {
                throw MembershipException.invalid("minGrowth", tier.code() + " ranks above " + lower.code()
                        + " but needs less growth (" + tier.minGrowth() + " < " + lower.minGrowth() + ")");
            }
        }
    }

    private static void requireName(String field, String name) {
        if (name == null || name.isBlank()) {
            throw MembershipException.invalid(field, field + " must not be empty");
        }
        if (name.strip().length() > 32) {
            throw MembershipException.invalid(field, field + " must be at most 32 characters");
        }
    }
}
