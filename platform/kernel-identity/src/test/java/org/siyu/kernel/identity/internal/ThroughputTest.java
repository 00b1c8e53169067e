package org.siyu.kernel.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.siyu.kernel.identity.internal.store.IdentityEntities;
import org.siyu.testkit.TestPersistenceUnit;

/**
 * How fast known identities resolve from the index. Prints the rate; asserts nothing about time (figures belong in
 * bench/, not in unit tests).
 */
class ThroughputTest {

    @Test
    void shouldResolveKnownIdentitiesFromMemory() throws Exception {
        int customers = 5_000;
        try (TestPersistenceUnit unit = TestPersistenceUnit.inMemory(new IdentityEntities())) {
            OneId oneId = new OneId(unit, new RecordingBus(), Fixtures.channels(), Fixtures.config(3, 30),
                    java.time.Clock.systemUTC());
            long t0 = System.nanoTime();
            for (int i = 0; i < customers; i++) {
                oneId.resolve(List.of("wecom:wm" + i, "phone:+86138" + String.format("%08d", i)), Map.of());
            }
            double createRate = customers / ((System.nanoTime() - t0) / 1e9);

            List<List<String>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < customers; i++) {
                calls.add(List.of("wecom:wm" + i, "phone:138" + String.format("%08d", i)));
            }
            int rounds = 60;
            long checksum = 0;
            for (int warm = 0; warm < 10; warm++) {
                for (List<String> call : calls) {
                    checksum += oneId.resolve(call, Map.of()).customerId();
                }
            }
            long t1 = System.nanoTime();
            for (int round = 0; round < rounds; round++) {
                for (List<String> call : calls) {
                    checksum += oneId.resolve(call, Map.of()).customerId();
                }
            }
            double seconds = (System.nanoTime() - t1) / 1e9;
            double rate = rounds * (double) customers / seconds;
            System.out.printf("[oneid] created %d customers at %.0f resolutions/s (H2 in memory, one thread)%n",
                    customers, createRate);
            System.out.printf("[oneid] resolved %d known two-identity calls at %.0f resolutions/s (index, one thread)%n",
                    rounds * customers, rate);
            assertEquals(customers, oneId.count());
            assertEquals(true, checksum > 0);
        }
    }

    /**
     * New customers through {@code resolveAll} in batches of 1,000 against one {@code resolve} per customer, on H2 in
     * memory, each customer with two identities and a trait. Prints both rates; asserts only the outcome.
     */
    @Test
    void shouldCreateCustomersInBatchesOfAThousand() {
        try (TestPersistenceUnit unit = TestPersistenceUnit.inMemory(new IdentityEntities())) {
            measureBatches(unit, "H2 in memory");
        }
        if (TestPersistenceUnit.postgresUrl().isPresent()) {
            try (TestPersistenceUnit unit = TestPersistenceUnit.of(new IdentityEntities())) {
                measureBatches(unit, "PostgreSQL on loopback");
            }
        }
    }

    private static void measureBatches(TestPersistenceUnit unit, String where) {
        int batches = 12;
        int warmUp = 2;
        int size = 1_000;
        {
            OneId oneId = new OneId(unit, new RecordingBus(), Fixtures.channels(), Fixtures.config(3, 30),
                    java.time.Clock.systemUTC());
            long measuredNanos = 0;
            for (int b = 0; b < batches; b++) {
                List<org.siyu.api.identity.ResolveRequest> batch = new java.util.ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    int n = b * size + i;
                    batch.add(new org.siyu.api.identity.ResolveRequest(List.of("wecom:b" + n,
                            "phone:+86139" + String.format("%08d", n)), Map.of("name", "客户" + n)));
                }
                long t0 = System.nanoTime();
                oneId.resolveAll(batch);
                if (b >= warmUp) {
                    measuredNanos += System.nanoTime() - t0;
                }
            }
            double batchRate = (batches - warmUp) * (double) size / (measuredNanos / 1e9);

            int single = 2_000;
            for (int i = 0; i < 500; i++) { // warm up the single path too
                oneId.resolve(List.of("wecom:w" + i), Map.of("name", "w" + i));
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < single; i++) {
                oneId.resolve(List.of("wecom:s" + i, "phone:+86137" + String.format("%08d", i)), Map.of("name", "s" + i));
            }
            double singleRate = single / ((System.nanoTime() - t1) / 1e9);
            System.out.printf("[oneid] resolveAll, batches of 1,000 new customers (2 identities + 1 trait) on %s: "
                    + "%.0f customers/s (%.0f rows/s); one resolve per customer: %.0f customers/s (x%.1f)%n",
                    where, batchRate, batchRate * 4, singleRate, batchRate / singleRate);
            assertEquals(batches * size + 500 + single, oneId.count());
        }
    }
}
