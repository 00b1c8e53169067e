package org.siyu.kernel.events.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.siyu.api.events.Event;
import org.siyu.testkit.TestPersistenceUnit;

/**
 * A smoke test of publishing speed: prints events/s for batches of 1,000 on H2 in memory. No timing assertion
 * (timings belong in bench/); it does check that every event arrived.
 */
class ThroughputTest {

    @Test
    void shouldPrintEventsPerSecondForBatchesOfAThousand() {
        try (TestPersistenceUnit unit = TestPersistenceUnit.inMemory(new EventsEntities())) {
            measure(unit, "H2 in memory");
        }
    }

    /** The URL the host uses: every commit written before it returns (survives kill -9). */
    @Test
    void shouldPrintEventsPerSecondOnAnH2FileThatLosesNothing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("siyu").toAbsolutePath() + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        try (TestPersistenceUnit unit = TestPersistenceUnit.at(new EventsEntities(), url)) {
            measure(unit, "an H2 file with WRITE_DELAY=0");
        }
    }

    private static void measure(TestPersistenceUnit unit, String where) {
        {
            EventBusService bus = new EventBusService(unit, new OutboxTransactions(), Settings.DEFAULTS, Clock.systemUTC());
            String data = "{\"orderId\":\"A-0001\",\"total\":129.90,\"items\":[{\"sku\":\"CAT-FOOD-2KG\",\"qty\":2}]}";
            int batches = 30;
            int warmUp = 5;
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long start = 0;
            long cpuStart = 0;
            for (int b = 0; b < batches; b++) {
                if (b == warmUp) {
                    start = System.nanoTime();
                    cpuStart = threads.getCurrentThreadCpuTime();
                }
                List<Event> batch = new java.util.ArrayList<>(1000);
                for (int i = 0; i < 1000; i++) {
                    batch.add(Event.of("order.paid", "bench", 1 + i % 500, data));
                }
                assertEquals(1000, bus.publishAll(batch).size());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            int measured = (batches - warmUp) * 1000;
            // H2 in memory works on the calling thread, so its CPU time is the cost; wall time adds whatever else
            // the machine is running.
            System.out.printf("publishAll, batches of 1,000 on %s: %,d events in %.2f s = %,.0f events/s"
                    + " (%,.0f events per CPU second of the publishing thread)%n",
                    where, measured, seconds, measured / seconds, measured / cpuSeconds);
            assertEquals(batches * 1000, bus.read(0, EventBusService.MAX_READ).size()
                    + bus.read(EventBusService.MAX_READ, EventBusService.MAX_READ).size()
                    + bus.read(2L * EventBusService.MAX_READ, EventBusService.MAX_READ).size());
        }
    }
}
