package org.siyu.commerce.codes.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.siyu.api.jobs.JobProgress;
import org.siyu.api.jobs.JobWork;
import org.siyu.api.persistence.PersistenceUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of a batch's job: makes the codes still missing (quantity less those generated, so a resumed batch goes on
 * where it stopped) in chunks of {@link #CHUNK}, each chunk one transaction with the batch's count. A chunk that hits
 * an existing code (a collision of 60 random bits: practically never, but the primary key would refuse it) is rolled
 * back and made again with new codes, up to {@link #ATTEMPTS} times. Cancelling stops after the current chunk.
 */
final class BatchRun implements JobWork {

    static final int CHUNK = 5_000;
    static final int ATTEMPTS = 5;

    /** The batches whose job runs in this JVM now: a re-activated service must not mark them interrupted. */
    static final Set<Long> ACTIVE = ConcurrentHashMap.newKeySet();

    private static final Logger LOG = LoggerFactory.getLogger(BatchRun.class);

    private final long batchId;
    private final PersistenceUnit unit;
    private final CodeStore store;
    private final Random random;
    private final Clock clock;

    BatchRun(long batchId, PersistenceUnit unit, CodeStore store, Random random, Clock clock) {
        this.batchId = batchId;
        this.unit = unit;
        this.store = store;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public String run(JobProgress progress) {
        ACTIVE.add(batchId);
        try {
            Batch batch = unit.inTransaction(em -> store.batch(em, batchId)).orElseThrow();
            int quantity = batch.quantity();
            int generated = batch.generated();
            progress.total(quantity);
            progress.done(generated);
            while (generated < quantity) {
                int size = Math.min(CHUNK, quantity - generated);
                chunk(generated + 1, size);
                generated += size;
                progress.done(generated);
                progress.message(String.format("%,d of %,d codes", generated, quantity));
                if (progress.cancelled() && generated < quantity) {
                    return end(BatchState.CANCELLED, String.format("cancelled after %,d of %,d codes", generated,
                            quantity));
                }
            }
            return end(BatchState.READY, String.format("%,d codes", quantity));
        } catch (RuntimeException | Error e) {
            int made = unit.inTransaction(em -> store.generated(em, batchId));
            end(BatchState.FAILED, "stopped after " + made + " codes: " + e.getMessage());
            throw e;
        } finally {
            ACTIVE.remove(batchId);
        }
    }

    private void chunk(int firstSerial, int size) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            List<String> codes = new ArrayList<>(size);
            Set<String> seen = new HashSet<>(size * 2);
            while (codes.size() < size) {
                String code = CodeFormat.next(random);
                if (seen.add(code)) {
                    codes.add(code);
                }
            }
            try {
                unit.inTransaction(em -> {
                    store.insertCodes(em, batchId, firstSerial, codes);
                    return null;
                });
                return;
            } catch (RuntimeException e) {
                last = e;
                LOG.warn("Batch {}: a chunk of {} codes was refused ({}); making it again with new codes", batchId,
                        size, e.toString());
            }
        }
        throw new IllegalStateException("a chunk of codes was refused " + ATTEMPTS + " times", last);
    }

    private String end(BatchState state, String message) {
        unit.inTransaction(em -> {
            store.state(em, batchId, state, message, clock.instant());
            return null;
        });
        LOG.info("Code batch {}: {}", batchId, message);
        return message;
    }
}
