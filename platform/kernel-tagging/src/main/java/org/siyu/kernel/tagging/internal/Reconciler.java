package org.siyu.kernel.tagging.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads the tags of customers whose assignments a transaction touched, after it completed, on a thread of its
 * own, and replaces their bits in the index with what the database says. Changes applied after commit are exact
 * for one writer; this makes the index converge when two transactions on the same customer raced (each commit
 * queues a re-read that runs after it, so the last re-read sees the last commit).
 */
final class Reconciler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    /** Customers re-read per query. */
    static final int BATCH = 500;

    private final Set<Integer> pending = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "siyu-tagging-reconcile");
        thread.setDaemon(true);
        return thread;
    });
    private final Function<Collection<Integer>, IndexChanges> reader;
    private final TagIndex index;

    /** @param reader reads the given customers' tags in a transaction of its own */
    Reconciler(Function<Collection<Integer>, IndexChanges> reader, TagIndex index) {
        this.reader = reader;
        this.index = index;
    }

    void recheck(Collection<Integer> customers) {
        if (customers.isEmpty() || executor.isShutdown()) {
            return;
        }
        pending.addAll(customers);
        try {
            executor.execute(this::drain);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing: the index goes with the component
        }
    }

    private void drain() {
        while (!pending.isEmpty()) {
            List<Integer> batch = new ArrayList<>(BATCH);
            for (Iterator<Integer> it = pending.iterator(); it.hasNext() && batch.size() < BATCH; ) {
                batch.add(it.next());
                it.remove();
            }
            try {
                Map<Integer, Integer> before = index.stamps(batch);
                index.applyReread(reader.apply(batch), before);
            } catch (RuntimeException e) {
                LOG.warn("Could not re-read the tags of {} customers; the bitmaps may be stale until the next change "
                        + "of those customers or a restart", batch.size(), e);
            }
        }
    }

    /** Waits until every queued re-read is done (tests). */
    void awaitIdle() {
        try {
            executor.submit(() -> { }).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Finishes the queued re-reads (a few seconds at most), then stops: the unit goes away after this component. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
