package org.siyu.kernel.tagging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/**
 * A re-read of the database that started before a later commit was applied must not put the older state back: the
 * race that made "unassign, then count" see the removed customer for a moment.
 */
class ReconcilerTest {

    private static final TagDef VIP = new TagDef(1000, "VIP", "default", false, null, null);

    private static long vip(TagIndex index) {
        return index.list().stream().filter(t -> t.name().equals("VIP")).findFirst().orElseThrow().customers();
    }

    @Test
    void aStaleReReadShouldNotUndoAChangeCommittedWhileItRan() throws Exception {
        TagIndex index = new TagIndex();
        index.load(List.of(VIP), Map.of(1000, RoaringBitmap.bitmapOf(1, 2)), RoaringBitmap.bitmapOf(1, 2),
                new RoaringBitmap());
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch committed = new CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        // The database as the first re-read saw it (customer 1 still VIP), then as every later one sees it.
        try (Reconciler reconciler = new Reconciler(ids -> {
            IndexChanges state = new IndexChanges();
            if (reads.incrementAndGet() == 1) {
                reading.countDown();
                await(committed);   // the unassign commits and is applied while this read is on its way
                ids.forEach(c -> state.replace(c, Set.of(1000)));
            } else {
                ids.forEach(c -> state.replace(c, c == 1 ? Set.of() : Set.of(1000)));
            }
            return state;
        }, index)) {
            reconciler.recheck(List.of(1));
            await(reading);
            index.apply(new IndexChanges().remove(1, 1000));   // the unassign's commit
            committed.countDown();
            reconciler.awaitIdle();
            assertEquals(1, vip(index), "the stale re-read put customer 1 back");

            reconciler.recheck(List.of(1));   // the re-read the unassign queues: agrees with the index
            reconciler.awaitIdle();
            assertEquals(1, vip(index));
            assertEquals(2, reads.get());
        }
    }

    @Test
    void aReReadShouldRepairTheIndexWhenNothingChangedMeanwhile() {
        TagIndex index = new TagIndex();
        index.load(List.of(VIP), Map.of(1000, RoaringBitmap.bitmapOf(1)), RoaringBitmap.bitmapOf(1, 2),
                new RoaringBitmap());
        try (Reconciler reconciler = new Reconciler(ids -> {
            IndexChanges state = new IndexChanges();
            ids.forEach(c -> state.replace(c, Set.of(1000)));
            return state;
        }, index)) {
            reconciler.recheck(List.of(2));
            reconciler.awaitIdle();
            assertEquals(2, vip(index), "customer 2 has VIP in the database");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
