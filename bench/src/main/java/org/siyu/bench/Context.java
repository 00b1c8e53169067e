package org.siyu.bench;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How a run was asked for.
 *
 * @param sizeLabel   {@code 100k}, {@code 1m} or {@code 10m} as given (or {@code smoke-<n>})
 * @param customers   customers to generate
 * @param seed        the seed of every generator: the same seed gives the same data on every machine
 * @param postgresUrl a PostgreSQL server to create the peer's database on, e.g.
 *                    {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}; absent: PostgreSQL is not run
 * @param results     where {@code <name>.md} is written
 * @param smoke       CI's run: the fewest runs that still check both sides; figures are not meaningful
 * @param peerRuns    timed runs of each peer query (after one run that checks the answer)
 */
public record Context(String sizeLabel, int customers, long seed, Optional<String> postgresUrl, Path results,
        boolean smoke, int peerRuns) {

    /** Customers for a size label: 100k, 1m, 10m (any number with k or m is accepted). */
    public static int customers(String label) {
        String l = label.trim().toLowerCase();
        try {
            if (l.endsWith("k")) {
                return Math.multiplyExact(Integer.parseInt(l.substring(0, l.length() - 1)), 1_000);
            }
            if (l.endsWith("m")) {
                return Math.multiplyExact(Integer.parseInt(l.substring(0, l.length() - 1)), 1_000_000);
            }
            return Integer.parseInt(l);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("--size: '" + label + "' is not a size (use 100k, 1m or 10m)");
        }
    }
}
