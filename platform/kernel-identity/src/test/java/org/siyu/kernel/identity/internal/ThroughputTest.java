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
}
