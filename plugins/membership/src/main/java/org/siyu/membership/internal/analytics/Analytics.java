package org.siyu.membership.internal.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Repurchase analytics computed from the order facts ({@code mb_order_fact}). Plain functions of the facts, tested on
 * a small data set with exact numbers. An order counts as a purchase when something of it was not refunded.
 */
public final class Analytics {

    /** The buckets of days from the first to the second order: upper bounds (inclusive), last one open. */
    static final int[] DAY_BUCKETS = {7, 14, 30, 60, 90, 180, 365};

    private Analytics() {
    }

    /** One paid order. */
    public record Fact(String orderId, int customerId, String channel, Instant paidAt, long paidFen, long refundedFen) {

        long netFen() {
            return Math.max(0, paidFen - refundedFen);
        }
    }

    /**
     * Repurchase by cohort: the cohort of a customer is the month of the first counted order.
     *
     * @param months   the month offsets of {@link #matrix}: {@code M+0} … {@code M+(n-1)}
     * @param cohorts  cohort months ({@code 2026-01}), oldest first
     * @param sizes    customers per cohort
     * @param repeated customers of the cohort with two or more counted orders
     * @param matrix   {@code matrix[cohort][k]}: the share of the cohort's customers with a repeat order (not their
     *                 first) in the k-th month after the cohort month; {@code null} for months that have not begun
     *                 by {@code asOf}
     */
    public record Cohorts(List<String> months, List<String> cohorts, List<Integer> sizes, List<Integer> repeated,
            List<List<Double>> matrix) {

        /** The share of each cohort that bought again. */
        public List<Double> rates() {
            List<Double> rates = new ArrayList<>();
            for (int i = 0; i < sizes.size(); i++) {
                rates.add(sizes.get(i) == 0 ? 0.0 : (double) repeated.get(i) / sizes.get(i));
            }
            return rates;
        }
    }

    /** Orders that count, per customer, oldest first. */
    static Map<Integer, List<Fact>> byCustomer(List<Fact> facts) {
        Map<Integer, List<Fact>> map = new TreeMap<>();
        facts.stream().filter(f -> f.netFen() > 0)
                .sorted(Comparator.comparing(Fact::paidAt).thenComparing(Fact::orderId))
                .forEach(f -> map.computeIfAbsent(f.customerId(), c -> new ArrayList<>()).add(f));
        return map;
    }

    public static Cohorts cohorts(List<Fact> facts, ZoneId zone, int months, Instant asOf) {
        Map<YearMonth, List<List<Fact>>> byCohort = new TreeMap<>();
        for (List<Fact> orders : byCustomer(facts).values()) {
            YearMonth cohort = YearMonth.from(orders.getFirst().paidAt().atZone(zone));
            byCohort.computeIfAbsent(cohort, c -> new ArrayList<>()).add(orders);
        }
        YearMonth now = YearMonth.from(asOf.atZone(zone));
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < months; k++) {
            labels.add("M+" + k);
        }
        List<String> cohorts = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<Integer> repeated = new ArrayList<>();
        List<List<Double>> matrix = new ArrayList<>();
        byCohort.forEach((cohort, customers) -> {
            int[] active = new int[months];
            int again = 0;
            for (List<Fact> orders : customers) {
                if (orders.size() > 1) {
                    again++;
                }
                boolean[] seen = new boolean[months];
                for (Fact repeat : orders.subList(1, orders.size())) {
                    long k = ChronoUnit.MONTHS.between(cohort, YearMonth.from(repeat.paidAt().atZone(zone)));
                    if (k >= 0 && k < months && !seen[(int) k]) {
                        seen[(int) k] = true;
                        active[(int) k]++;
                    }
                }
            }
            List<Double> row = new ArrayList<>();
            for (int k = 0; k < months; k++) {
                row.add(cohort.plusMonths(k).isAfter(now) ? null : (double) active[k] / customers.size());
            }
            cohorts.add(cohort.toString());
            sizes.add(customers.size());
            repeated.add(again);
            matrix.add(row);
        });
        return new Cohorts(labels, cohorts, sizes, repeated, matrix);
    }

    /** Customers by days from their first to their second counted order, in the buckets' order (labels as keys). */
    public static Map<String, Integer> timeToSecondOrder(List<Fact> facts) {
        Map<String, Integer> histogram = new LinkedHashMap<>();
        int lower = 0;
        for (int upper : DAY_BUCKETS) {
            histogram.put(lower + "–" + upper, 0);
            lower = upper + 1;
        }
        histogram.put(">" + DAY_BUCKETS[DAY_BUCKETS.length - 1], 0);
        List<String> labels = new ArrayList<>(histogram.keySet());
        for (List<Fact> orders : byCustomer(facts).values()) {
            if (orders.size() < 2) {
                continue;
            }
            long days = Duration.between(orders.get(0).paidAt(), orders.get(1).paidAt()).toDays();
            int bucket = DAY_BUCKETS.length;
            for (int i = 0; i < DAY_BUCKETS.length; i++) {
                if (days <= DAY_BUCKETS[i]) {
                    bucket = i;
                    break;
                }
            }
            histogram.merge(labels.get(bucket), 1, Integer::sum);
        }
        return histogram;
    }

    /**
     * Lifetime value by acquisition channel.
     *
     * @param customers customers with any paid order
     * @param totalFen  their net paid, all orders
     */
    public record Ltv(String channel, int customers, long totalFen) {

        /** Average net paid per customer, fen. */
        public long averageFen() {
            return customers == 0 ? 0 : totalFen / customers;
        }
    }

    /**
     * LTV per channel, highest average first.
     *
     * @param firstChannels the acquisition channel of each customer id given (OneID's first channel); customers it does
     *                      not answer for take the channel of their first order
     */
    public static List<Ltv> ltvByChannel(List<Fact> facts, Function<int[], Map<Integer, String>> firstChannels) {
        Map<Integer, long[]> net = new TreeMap<>();
        Map<Integer, Fact> first = new TreeMap<>();
        for (Fact f : facts) {
            net.computeIfAbsent(f.customerId(), c -> new long[1])[0] += f.netFen();
            first.merge(f.customerId(), f, (a, b) -> b.paidAt().isBefore(a.paidAt()) ? b : a);
        }
        int[] ids = net.keySet().stream().mapToInt(Integer::intValue).toArray();
        Map<Integer, String> channels = firstChannels.apply(ids);
        Map<String, long[]> byChannel = new TreeMap<>();
        net.forEach((customer, sum) -> {
            String channel = channels.get(customer);
            if (channel == null || channel.isBlank()) {
                channel = first.get(customer).channel();
            }
            long[] acc = byChannel.computeIfAbsent(channel, c -> new long[2]);
            acc[0]++;
            acc[1] += sum[0];
        });
        return byChannel.entrySet().stream().map(e -> new Ltv(e.getKey(), (int) e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingLong(Ltv::averageFen).reversed().thenComparing(Ltv::channel)).toList();
    }

    /**
     * Outstanding points and when they expire.
     *
     * @param outstanding points held in all lots
     * @param valueFen    what they are worth
     * @param byMonth     points by month of expiry ({@code 2027-01}, oldest first; {@code never} last)
     */
    public record Liability(long outstanding, long valueFen, Map<String, Long> byMonth) {
    }

    /** @param lots pairs of (expires at or {@code null}, remaining points) */
    public static Liability liability(List<Object[]> lots, ZoneId zone, int valuePer100PointsFen) {
        Map<String, Long> byMonth = new TreeMap<>();
        long never = 0;
        long total = 0;
        for (Object[] lot : lots) {
            long points = ((Number) lot[1]).longValue();
            total += points;
            if (lot[0] == null) {
                never += points;
            } else {
                byMonth.merge(YearMonth.from(((Instant) lot[0]).minusNanos(1).atZone(zone)).toString(), points, Long::sum);
            }
        }
        Map<String, Long> ordered = new LinkedHashMap<>(byMonth);
        if (never > 0) {
            ordered.put("never", never);
        }
        return new Liability(total, total * valuePer100PointsFen / 100, ordered);
    }
}
