package org.siyu.kernel.tagging.internal.system;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The system tag rules as values, checked (from {@link SystemTagsConfig}, or built by tests). Each error names the
 * configuration attribute.
 *
 * @param recency   four ascending day counts: R5 ≤ [0], R4 ≤ [1], R3 ≤ [2], R2 ≤ [3], else R1
 * @param frequency four ascending order counts: F5 ≥ [3], F4 ≥ [2], F3 ≥ [1], F2 ≥ [0], else F1
 * @param monetary  four ascending amounts in fen: M5 ≥ [3], …, M2 ≥ [0], else M1
 */
public record Settings(int newDays, int newMaxOrders, int activeDays, int churnedDays, TypeSet activityTypes,
        TypeSet orderTypes, Set<String> reachableChannels, TypeSet engagementTypes, int engagedDays,
        int ownedMinOrders, int ownedWindowDays, boolean ownedNeedsOwner, long[] recency, long[] frequency,
        long[] monetary, int rfmWindowDays, int rfmHighScore, int recomputeDelaySeconds, int recomputeIntervalHours,
        int chunkSize) {

    public static final Settings DEFAULTS = new Settings(30, 1, 90, 180, TypeSet.parse("order.*,member.*,coupon.redeemed"),
            TypeSet.parse("order.paid"), Set.of("wecom", "phone", "wechat-mp", "mini"),
            TypeSet.parse("content.read,live.watched,group.joined,guide.chatted"), 30, 2, 365, true,
            new long[] {30, 60, 90, 180}, new long[] {2, 3, 5, 8}, new long[] {20_000, 50_000, 100_000, 200_000},
            365, 3, 60, 24, 500);

    public Settings {
        positive("newDays", newDays);
        positive("activeDays", activeDays);
        positive("churnedDays", churnedDays);
        positive("engagedDays", engagedDays);
        positive("ownedMinOrders", ownedMinOrders);
        positive("ownedWindowDays", ownedWindowDays);
        positive("rfmWindowDays", rfmWindowDays);
        positive("chunkSize", chunkSize);
        if (newMaxOrders < 0) {
            throw new IllegalArgumentException("newMaxOrders: " + newMaxOrders + " must not be negative");
        }
        if (churnedDays <= activeDays) {
            throw new IllegalArgumentException("churnedDays: " + churnedDays + " must be more than activeDays ("
                    + activeDays + ")");
        }
        if (rfmHighScore < 2 || rfmHighScore > 5) {
            throw new IllegalArgumentException("rfmHighScore: " + rfmHighScore + " must be between 2 and 5");
        }
        if (recomputeDelaySeconds < 0 || recomputeIntervalHours < 0) {
            throw new IllegalArgumentException("recomputeDelaySeconds, recomputeIntervalHours: must not be negative");
        }
        ascending("rfmRecencyDays", recency);
        ascending("rfmFrequency", frequency);
        ascending("rfmMonetaryFen", monetary);
        reachableChannels = Set.copyOf(reachableChannels);
    }

    /**
     * The settings of a configuration.
     *
     * @throws IllegalArgumentException naming the attribute that is wrong
     */
    static Settings of(SystemTagsConfig c) {
        return new Settings(c.newDays(), c.newMaxOrders(), c.activeDays(), c.churnedDays(),
                TypeSet.parse(c.activityTypes()), TypeSet.parse(c.orderTypes()), Set.copyOf(items(c.reachableChannels())),
                TypeSet.parse(c.engagementTypes()), c.engagedDays(), c.ownedMinOrders(), c.ownedWindowDays(),
                c.ownedNeedsOwner(), numbers("rfmRecencyDays", c.rfmRecencyDays()),
                numbers("rfmFrequency", c.rfmFrequency()), numbers("rfmMonetaryFen", c.rfmMonetaryFen()),
                c.rfmWindowDays(), c.rfmHighScore(), c.recomputeDelaySeconds(), c.recomputeIntervalHours(),
                c.chunkSize());
    }

    /** The longest window any rule looks back over orders: older order rows can be pruned. */
    Duration orderRetention() {
        return Duration.ofDays(Math.max(ownedWindowDays, rfmWindowDays));
    }

    static List<String> items(String list) {
        if (list == null) {
            return List.of();
        }
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static long[] numbers(String attribute, String list) {
        List<String> items = items(list);
        long[] values = new long[items.size()];
        for (int i = 0; i < values.length; i++) {
            try {
                values[i] = Long.parseLong(items.get(i));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(attribute + ": '" + items.get(i) + "' is not a whole number");
            }
        }
        return values;
    }

    private static void ascending(String attribute, long[] values) {
        if (values.length != 4) {
            throw new IllegalArgumentException(attribute + ": four comma-separated numbers are needed, got "
                    + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || (i > 0 && values[i] <= values[i - 1])) {
                throw new IllegalArgumentException(attribute + ": " + Arrays.toString(values)
                        + " must be ascending and not negative");
            }
        }
    }

    private static void positive(String attribute, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(attribute + ": " + value + " must be at least 1");
        }
    }
}
