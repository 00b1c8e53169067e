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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.identity.Resolution;
import org.siyu.kernel.identity.internal.store.IdentityEntities;
import org.siyu.testkit.TestPersistenceUnit;

/** OneID inside callers' transactions and under concurrent writers: the database and the index stay equal. */
class TransactionsTest {

    private static TestPersistenceUnit unit;

    private final RecordingBus bus = new RecordingBus();
    private OneId oneId;

    @BeforeAll
    static void open() {
        unit = TestPersistenceUnit.inMemory(new IdentityEntities());
    }

    @AfterAll
    static void close() {
        unit.close();
    }

    @BeforeEach
    void empty() throws Exception {
        Fixtures.empty(unit);
        oneId = new OneId(unit, bus, Fixtures.channels(), Fixtures.config(3, 2), java.time.Clock.systemUTC());
    }

    private Resolution resolve(String... identities) {
        return oneId.resolve(List.of(identities), Map.of());
    }

    @Test
    void shouldLeaveDatabaseAndIndexAsTheyWereWhenTheCallersTransactionRollsBack() throws Exception {
        int a = resolve("phone:13800000000", "wecom:a").customerId();
        int b = resolve("tmall:b").customerId();

        RuntimeException failure = assertThrows(RuntimeException.class, () -> unit.inTransaction(em -> {
            assertEquals(List.of(b), resolve("tmall:b", "phone:13800000000").merged());
            int created = resolve("jd:new").customerId();
            assertEquals(a, resolve("wecom:a", "douyin:new").customerId());
            // inside the transaction OneID reads its own writes
            assertEquals(OptionalInt.of(a), oneId.find("tmall:b"));
            assertEquals(OptionalInt.of(created), oneId.find("jd:new"));
            throw new IllegalStateException("the caller fails after OneID's work");
        }));
        assertEquals("the caller fails after OneID's work", failure.getMessage());

        assertEquals(OptionalInt.of(b), oneId.find("tmall:b"));
        assertEquals(OptionalInt.empty(), oneId.find("jd:new"));
        assertEquals(OptionalInt.empty(), oneId.find("douyin:new"));
        assertEquals(0, oneId.customer(b).orElseThrow().mergedInto());
        assertEquals(List.of(), oneId.merges(a));
        assertEquals(2, oneId.count());
        assertEquals(3, unit.queryLong("select count(*) from identity_link"));
        IndexCheck.assertMatches(unit, oneId);
        // and the write lock was released: another thread can write at once
        assertEquals(b, CompletableFuture.supplyAsync(() -> resolve("tmall:b", "jd:again").customerId())
                .get(5, TimeUnit.SECONDS));
    }

    @Test
    void shouldShowAWriteToOtherThreadsOnlyAfterTheCallerCommits() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        List<OptionalInt> seenBeforeCommit = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try {
                written.await();
                seenBeforeCommit.add(oneId.find("wecom:pending"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                checked.countDown();
            }
        });
        reader.start();

        int id = unit.inTransaction(em -> {
            int created = resolve("wecom:pending").customerId();
            written.countDown();
            checked.await(5, TimeUnit.SECONDS);
            return created;
        });

        assertEquals(List.of(OptionalInt.empty()), seenBeforeCommit);
        assertEquals(OptionalInt.of(id), oneId.find("wecom:pending"));
        IndexCheck.assertMatches(unit, oneId);
    }

    @Test
    void shouldFailAWriterThatWaitsLongerThanTheLockTimeout() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = Executors.newSingleThreadExecutor().submit(() -> unit.inTransaction(em -> {
            resolve("wecom:holder");
            holding.countDown();
            release.await(10, TimeUnit.SECONDS);
            return null;
        }));
        holding.await(5, TimeUnit.SECONDS);

        IllegalStateException busy = assertThrows(IllegalStateException.class, () -> resolve("wecom:waiter"));
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);

        assertTrue(busy.getMessage().contains("writeLockTimeoutSeconds"), busy.getMessage());
        assertEquals(OptionalInt.empty(), oneId.find("wecom:waiter"));
        assertTrue(resolve("wecom:waiter").created());
    }

    @Test
    void shouldCreateOneCustomerWhenThreadsResolveTheSameNewIdentityAtOnce() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 20; round++) {
                String identity = "wecom:race" + round;
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<Resolution>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    String other = "mini:race" + round + "-" + t;
                    results.add(pool.submit(() -> {
                        start.await();
                        return oneId.resolve(List.of(identity, other), Map.of());
                    }));
                }
                Set<Integer> customers = new HashSet<>();
                int created = 0;
                for (Future<Resolution> result : results) {
                    Resolution r = result.get(30, TimeUnit.SECONDS);
                    customers.add(r.customerId());
                    created += r.created() ? 1 : 0;
                }
                assertEquals(1, customers.size(), "customers of " + identity);
                assertEquals(1, created, "creations of " + identity);
                assertEquals(threads + 1, oneId.customer(customers.iterator().next()).orElseThrow().identities().size());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(20, oneId.count());
        assertEquals(20, bus.ofType("customer.created").size());
        IndexCheck.assertMatches(unit, oneId);
    }
}
