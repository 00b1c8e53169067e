package org.siyu.kernel.events.internal;

import java.time.Duration;

/**
 * The bus settings as values (from {@link EventsConfig}, or built by tests).
 *
 * @param maxAttempts       attempts per event before the dead letter, at least 1
 * @param initialBackoff    wait before the second attempt; doubles per further failure
 * @param maxBackoff        cap of the back-off
 * @param gapGrace          how long a gap may stay open before readers move past it
 * @param longestTransaction how long a gap held by a transaction open on this node is waited for
 * @param pollInterval      how often dispatchers look for events without a wake-up
 * @param batchSize         events read at a time
 */
record Settings(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration gapGrace,
        Duration longestTransaction, Duration pollInterval, int batchSize) {

    static final Settings DEFAULTS = new Settings(5, Duration.ofMillis(200), Duration.ofSeconds(30),
            Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofMillis(150), 200);

    Settings {
        maxAttempts = Math.max(1, maxAttempts);
        batchSize = Math.clamp(batchSize, 1, 10_000);
    }

    static Settings of(EventsConfig c) {
        return new Settings(c.maxAttempts(), Duration.ofMillis(Math.max(0, c.initialBackoffMs())),
                Duration.ofMillis(Math.max(0, c.maxBackoffMs())), Duration.ofMillis(Math.max(0, c.gapGraceMs())),
                Duration.ofMillis(Math.max(0, c.longestTransactionMs())),
                Duration.ofMillis(Math.max(10, c.pollIntervalMs())), c.batchSize());
    }

    /** The wait after failed attempt number {@code attempt} (1-based): initial × 2^(attempt−1), capped. */
    Duration backoff(int attempt) {
        long initial = initialBackoff.toMillis();
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        long millis = initial > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : initial << shift;
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
