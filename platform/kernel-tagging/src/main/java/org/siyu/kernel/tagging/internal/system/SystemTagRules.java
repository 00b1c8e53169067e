package org.siyu.kernel.tagging.internal.system;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which system tags a customer should hold now, each with its evidence: the rule and the facts that decided it
 * ("last activity 2026-08-01 (order.paid), 94 days ago > 90"). A pure function of the facts, the settings and now.
 * Days are whole days before now (a time 90 days and 23 hours ago is 90 days ago); dates are shown in China time.
 */
public final class SystemTagRules {

    /** The groups whose tags (from the source {@code system}) this bundle maintains. */
    public static final List<String> GROUPS = List.of("lifecycle", "reach", "rfm");

    public static final String NEW = "lifecycle.new";
    public static final String ACTIVE = "lifecycle.active";
    public static final String DORMANT = "lifecycle.dormant";
    public static final String CHURNED = "lifecycle.churned";
    public static final String REACHABLE = "reach.reachable";
    public static final String ENGAGED = "reach.engaged";
    public static final String OWNED = "reach.owned";

    /** The eight RFM segments by R, F, M high (true) or low: index = R·4 + F·2 + M. */
    private static final String[] SEGMENTS = {
        "rfm.general-winback", "rfm.important-winback", "rfm.general-retain", "rfm.important-retain",
        "rfm.general-develop", "rfm.important-develop", "rfm.general-value", "rfm.important-value"};

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private SystemTagRules() {
    }

    /**
     * The system tags {@code facts}' customer should hold at {@code now}, in a stable order, with their evidence. A
     * customer that is not live holds none; one with no known time holds no lifecycle tag; one without a paid order
     * holds no RFM tag.
     */
    public static Map<String, String> evaluate(Facts facts, Settings s, Instant now) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (!facts.live()) {
            return tags;
        }
        lifecycle(facts, s, now, tags);
        reach(facts, s, now, tags);
        rfm(facts, s, now, tags);
        return tags;
    }

    private static void lifecycle(Facts f, Settings s, Instant now, Map<String, String> tags) {
        if (f.createdAt() != null && days(f.createdAt(), now) < s.newDays() && f.ordersTotal() <= s.newMaxOrders()) {
            tags.put(NEW, "first seen " + date(f.createdAt()) + ", " + days(f.createdAt(), now) + " days ago < "
                    + s.newDays() + "; " + f.ordersTotal() + " paid orders ≤ " + s.newMaxOrders());
            return;
        }
        Instant last = latest(latest(f.createdAt(), f.lastActivityAt()), f.lastOrderAt());
        if (last == null) {
            return;
        }
        String what = last.equals(f.lastActivityAt()) && f.lastActivity() != null ? " (" + f.lastActivity() + ")"
                : last.equals(f.lastOrderAt()) ? " (paid order)" : " (first seen)";
        long days = days(last, now);
        String seen = "last activity " + date(last) + what + ", " + days + " days ago";
        if (days <= s.activeDays()) {
            tags.put(ACTIVE, seen + " ≤ " + s.activeDays());
        } else if (days <= s.churnedDays()) {
            tags.put(DORMANT, seen + " > " + s.activeDays() + " and ≤ " + s.churnedDays());
        } else {
            tags.put(CHURNED, seen + " > " + s.churnedDays());
        }
    }

    private static void reach(Facts f, Settings s, Instant now, Map<String, String> tags) {
        Duration window = Duration.ofDays(s.ownedWindowDays());
        int repeat = f.ordersWithin(now, window);
        boolean member = Boolean.TRUE.equals(f.memberActive());
        boolean operated = repeat >= s.ownedMinOrders() || member;
        if (operated && (f.owner() != null || !s.ownedNeedsOwner())) {
            String why = repeat >= s.ownedMinOrders()
                    ? repeat + " paid orders in " + s.ownedWindowDays() + " days ≥ " + s.ownedMinOrders()
                    : "active member since " + date(f.memberAt());
            tags.put(OWNED, why + (f.owner() != null ? "; owner " + f.owner() : ""));
            return;
        }
        if (f.lastEngagedAt() != null && days(f.lastEngagedAt(), now) <= s.engagedDays()) {
            tags.put(ENGAGED, "last engagement " + date(f.lastEngagedAt())
                    + (f.lastEngaged() != null ? " (" + f.lastEngaged() + ")" : "") + ", "
                    + days(f.lastEngagedAt(), now) + " days ago ≤ " + s.engagedDays());
            return;
        }
        Set<String> reachable = new TreeSet<>(f.channels());
        reachable.retainAll(s.reachableChannels());
        if (!reachable.isEmpty()) {
            tags.put(REACHABLE, "identity on " + String.join(", ", reachable) + " (reachable channels: "
                    + String.join(",", new TreeSet<>(s.reachableChannels())) + ")");
        }
    }

    private static void rfm(Facts f, Settings s, Instant now, Map<String, String> tags) {
        if (f.lastOrderAt() == null) {
            return;
        }
        Duration window = Duration.ofDays(s.rfmWindowDays());
        long days = days(f.lastOrderAt(), now);
        int r = 5;
        while (r > 1 && days > s.recency()[5 - r]) {
            r--;
        }
        int orders = f.ordersWithin(now, window);
        int fScore = score(orders, s.frequency());
        long amount = f.amountWithin(now, window);
        int m = score(amount, s.monetary());
        tags.put("rfm.R" + r, "R" + r + ": last paid order " + date(f.lastOrderAt()) + ", " + days + " days ago"
                + (r == 1 ? " > " + s.recency()[3] : " ≤ " + s.recency()[5 - r]));
        tags.put("rfm.F" + fScore, "F" + fScore + ": " + orders + " paid orders in " + s.rfmWindowDays() + " days"
                + (fScore == 1 ? " < " + s.frequency()[0] : " ≥ " + s.frequency()[fScore - 2]));
        tags.put("rfm.M" + m, "M" + m + ": " + yuan(amount) + " yuan in " + s.rfmWindowDays() + " days"
                + (m == 1 ? " < " + yuan(s.monetary()[0]) : " ≥ " + yuan(s.monetary()[m - 2])));
        boolean rHigh = r >= s.rfmHighScore();
        boolean fHigh = fScore >= s.rfmHighScore();
        boolean mHigh = m >= s.rfmHighScore();
        String segment = SEGMENTS[(rHigh ? 4 : 0) + (fHigh ? 2 : 0) + (mHigh ? 1 : 0)];
        tags.put(segment, "R" + r + " F" + fScore + " M" + m + ": R " + level(rHigh) + ", F " + level(fHigh)
                + ", M " + level(mHigh) + " (high ≥ " + s.rfmHighScore() + ")");
    }

    /** 1 below the first threshold, 2 from the first, …, 5 from the fourth. */
    private static int score(long value, long[] thresholds) {
        int score = 1;
        while (score < 5 && value >= thresholds[score - 1]) {
            score++;
        }
        return score;
    }

    private static String level(boolean high) {
        return high ? "high" : "low";
    }

    /** Whole days from {@code then} to {@code now}; 0 for a time after now. */
    static long days(Instant then, Instant now) {
        return Math.max(0, Duration.between(then, now).toDays());
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static String date(Instant time) {
        return time == null ? "?" : LocalDate.ofInstant(time, ZONE).toString();
    }

    private static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
