package org.siyu.kernel.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.siyu.api.identity.Resolution;
import org.siyu.kernel.identity.internal.store.IdentityEntities;
import org.siyu.testkit.TestPersistenceUnit;

/**
 * The migration, the mapping and the main flows on PostgreSQL. Runs only with
 * {@code -Dsiyu.test.postgres=jdbc:postgresql://host:port/db?user=…}, and wipes that database's public schema.
 */
@EnabledIfSystemProperty(named = "siyu.test.postgres", matches = "jdbc:postgresql:.+")
class PostgresTest {

    @Test
    void shouldMigrateResolveMergeUndoAndRollBackOnPostgres() throws Exception {
        String url = System.getProperty("siyu.test.postgres");
        TestPersistenceUnit.wipe(url);
        try (TestPersistenceUnit unit = TestPersistenceUnit.at(new IdentityEntities(), url)) {
            RecordingBus bus = new RecordingBus();
            OneId oneId = new OneId(unit, bus, Fixtures.channels(), Fixtures.config(3, 10), java.time.Clock.systemUTC());

            Resolution a = oneId.resolve(List.of("wecom:a", "phone:13800000000"), Map.of("name", "小王", "campaign", "c1"));
            Resolution b = oneId.resolve(List.of("tmall:b"), Map.of("city", "上海"));
            Resolution merged = oneId.resolve(List.of("tmall:b", "phone:+86 138 0000 0000"), Map.of());
            assertEquals(new Resolution(a.customerId(), false, List.of(b.customerId())), merged);
            assertEquals(Map.of("name", "小王", "city", "上海"), oneId.customer(a.customerId()).orElseThrow().traits());

            oneId.undoMerge(oneId.merges(a.customerId()).getFirst().id(), "ops");
            assertEquals(OptionalInt.of(b.customerId()), oneId.find("tmall:b"));
            assertEquals(2, oneId.count());

            assertThrows(IllegalStateException.class, () -> unit.inTransaction(em -> {
                oneId.resolve(List.of("jd:rolled-back"), Map.of());
                throw new IllegalStateException("caller fails");
            }));
            assertEquals(OptionalInt.empty(), oneId.find("jd:rolled-back"));

            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                CyclicBarrier start = new CyclicBarrier(4);
                List<Future<Resolution>> results = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return oneId.resolve(List.of("douyin:race"), Map.of());
                    }));
                }
                Set<Integer> customers = new HashSet<>();
                for (Future<Resolution> r : results) {
                    customers.add(r.get(30, TimeUnit.SECONDS).customerId());
                }
                assertEquals(1, customers.size());
            } finally {
                pool.shutdownNow();
            }
            IndexCheck.assertMatches(unit, oneId);
            assertTrue(unit.queryLong("select count(*) from flyway_identity") >= 1);
        }
    }
}
