package org.siyu.commerce.internal.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.commerce.CommerceException;
import org.siyu.api.commerce.Order;
import org.siyu.api.commerce.OrderRequest;
import org.siyu.commerce.internal.Fixture;

/**
 * Many threads on one SKU and one order, each in its own transaction, against the real database (H2 in memory, or
 * PostgreSQL with -Dsiyu.test.postgres). What is asserted is the outcome, never a duration.
 */
class ConcurrencyTest {

    private static final int THREADS = 24;

    private static Fixture f;

    @BeforeAll
    static void open() {
        f = new Fixture();
    }

    @AfterAll
    static void close() {
        f.close();
    }

    @BeforeEach
    void empty() throws Exception {
        f.reset();
    }

    @Test
    void shouldNeverOversellTheLastUnitsToConcurrentOrders() throws Exception {
        f.product("秒杀猫粮", "FLASH-1", 990, 10);
        AtomicInteger sold = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Throwable> unexpected = runTogether(THREADS * 2, i -> () -> {
            try {
                // Mixed sizes: 1 or 2 units, so the last units also meet orders that do not fit.
                int quantity = 1 + (i % 2);
                f.orders.createOrder(new OrderRequest(1 + i % 9, "live", List.of(new OrderRequest.Line("FLASH-1",
                        quantity)), List.of(), "buyer" + i));
                sold.addAndGet(quantity);
            } catch (CommerceException e) {
                if (e.reason() != CommerceException.Reason.OUT_OF_STOCK) {
                    throw e;
                }
                refused.incrementAndGet();
            }
            return null;
        });
        assertTrue(unexpected.isEmpty(), () -> "unexpected failures: " + unexpected);
        long reserved = f.unit.queryLong("SELECT reserved FROM cm_sku WHERE code = 'FLASH-1'");
        long reservedByOrders = f.unit.queryLong("SELECT COALESCE(SUM(l.quantity), 0) FROM cm_order_line l"
                + " JOIN cm_order o ON o.id = l.order_id WHERE o.status = 'CREATED' AND l.sku_code = 'FLASH-1'");
        assertEquals(sold.get(), reserved, "every unit sold is reserved once");
        assertEquals(reserved, reservedByOrders, "the reservation is what the stored orders hold");
        assertTrue(reserved <= 10 && reserved >= 9, "all but at most one unit sold (a 2-unit order may not fit): " + reserved);
        assertEquals(10, f.unit.queryLong("SELECT on_hand FROM cm_sku WHERE code = 'FLASH-1'"));
        assertEquals(reserved, f.unit.queryLong("SELECT COUNT(*) FROM cm_stock_movement WHERE kind = 'RESERVE'")
                + f.unit.queryLong("SELECT COUNT(*) FROM cm_order_line l JOIN cm_order o ON o.id = l.order_id"
                + " WHERE o.status = 'CREATED' AND l.quantity = 2"), "one ledger line per reservation");
        assertEquals(f.bus.ofType("order.created").size(), f.unit.queryLong("SELECT COUNT(*) FROM cm_order"));
        assertEquals(THREADS * 2, f.bus.ofType("order.created").size() + refused.get());
    }

    @Test
    void shouldChargeAnOrderOnceWhenPaidConcurrently() throws Exception {
        f.product("猫砂", "LITTER", 4500, 5);
        Order o = f.order(2, "LITTER", 1);
        AtomicInteger paid = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        List<Throwable> unexpected = runTogether(THREADS / 2, i -> () -> {
            try {
                f.orders.pay(o.id(), "sandbox", "cashier" + i);
                paid.incrementAndGet();
            } catch (CommerceException e) {
                if (e.reason() != CommerceException.Reason.CONFLICT) {
                    throw e;
                }
                conflicts.incrementAndGet();
            }
            return null;
        });
        assertTrue(unexpected.isEmpty(), () -> "unexpected failures: " + unexpected);
        assertEquals(1, paid.get());
        assertEquals(THREADS / 2 - 1, conflicts.get());
        assertEquals(1, f.bus.ofType("order.paid").size());
        assertEquals(1, f.unit.queryLong("SELECT COUNT(*) FROM cm_sandbox_charge"));
        assertEquals(4, f.unit.queryLong("SELECT on_hand FROM cm_sku WHERE code = 'LITTER'"));
    }

    @Test
    void shouldNeverRefundMoreThanWasPaidUnderConcurrentRefunds() throws Exception {
        f.product("猫抓板", "SCRATCH", 10000, 5);
        Order o = f.order(2, "SCRATCH", 1);
        f.orders.pay(o.id(), "sandbox", "alice");
        AtomicInteger refunded = new AtomicInteger();
        List<Throwable> unexpected = runTogether(THREADS / 2, i -> () -> {
            try {
                f.orders.refund(o.id(), 3000L, "part " + i, "agent" + i);
                refunded.incrementAndGet();
            } catch (CommerceException e) {
                if (e.reason() != CommerceException.Reason.INVALID) {
                    throw e;
                }
            }
            return null;
        });
        assertTrue(unexpected.isEmpty(), () -> "unexpected failures: " + unexpected);
        assertEquals(3, refunded.get(), "3 × 3000 fit in 10000, a fourth does not");
        assertEquals(9000, f.orders.order(o.id()).orElseThrow().refundedFen());
        assertEquals(9000, f.unit.queryLong("SELECT refunded_fen FROM cm_sandbox_charge"));
    }

    /**
     * Runs {@code n} tasks released at once, at most {@value #THREADS} at a time; the failures that are not refusals.
     * The test kit's connection pool (Hibernate's own, 30 connections) refuses a connection rather than waiting for
     * one as the host's pool does: on PostgreSQL, where contended transactions hold theirs longer than on H2, 48
     * transactions at once exhausted it.
     */
    private static List<Throwable> runTogether(int n, java.util.function.IntFunction<Callable<Void>> task)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(n, THREADS));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Void>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Callable<Void> body = task.apply(i);
            futures.add(pool.submit(() -> {
                start.await();
                return body.call();
            }));
        }
        start.countDown();
        List<Throwable> failures = new ArrayList<>();
        for (Future<Void> future : futures) {
            try {
                future.get(2, TimeUnit.MINUTES);
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add(e.getCause());
            }
        }
        pool.shutdownNow();
        return failures;
    }
}
