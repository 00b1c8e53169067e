package org.siyu.bench;

import java.util.Arrays;

/** Order statistics of a series of timings in nanoseconds (nearest-rank percentiles, no interpolation). */
public record Stats(int n, double medianNanos, double p99Nanos, double meanNanos) {

    public static Stats of(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no timings");
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long t : sorted) {
            sum += t;
        }
        return new Stats(sorted.length, rank(sorted, 0.50), rank(sorted, 0.99), sum / sorted.length);
    }

    /** Nearest rank: with few samples (a peer's handful of runs) p99 is the slowest run, never an invented value. */
    private static double rank(long[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Operations per second on one thread: the inverse of the mean time. */
    public double throughput() {
        return 1e9 / meanNanos;
    }

    /** "38.2 µs", "4.1 ms", "2.35 s". */
    public static String time(double nanos) {
        if (nanos < 1_000) {
            return String.format("%.0f ns", nanos);
        }
        if (nanos < 1_000_000) {
            return String.format(nanos < 10_000 ? "%.2f µs" : nanos < 100_000 ? "%.1f µs" : "%.0f µs", nanos / 1e3);
        }
        if (nanos < 1_000_000_000) {
            return String.format(nanos < 10_000_000 ? "%.2f ms" : nanos < 100_000_000 ? "%.1f ms" : "%.0f ms",
                    nanos / 1e6);
        }
        return String.format("%.2f s", nanos / 1e9);
    }

    /** "26,120/s", "3.4/s". */
    public static String rate(double perSecond) {
        return perSecond >= 100 ? String.format("%,.0f/s", perSecond) : String.format("%.2f/s", perSecond);
    }

    /** "7,900×", "2.4×". */
    public static String ratio(double ratio) {
        return ratio >= 100 ? String.format("%,.0f×", ratio) : String.format("%.1f×", ratio);
    }
}
