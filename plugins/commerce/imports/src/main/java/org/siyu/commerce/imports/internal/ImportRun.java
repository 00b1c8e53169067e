package org.siyu.commerce.imports.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.siyu.api.commerce.CommerceException;
import org.siyu.api.jobs.JobProgress;
import org.siyu.api.jobs.JobWork;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.support.csv.CsvFile;
import org.siyu.support.csv.CsvFileException;
import org.siyu.support.csv.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of an order import job. A first pass counts the rows and orders (a broken file fails here, before anything
 * is written); the second reads orders as their last row comes and writes them in chunks of {@link #CHUNK}, each
 * chunk one transaction together with the import record's counts and the chunk's errors. A chunk that fails as a
 * whole is written again order by order, each in its own transaction, so one bad order costs only itself. Cancelling
 * stops after the current chunk.
 */
final class ImportRun implements JobWork {

    static final int CHUNK = 200;

    /**
     * The imports whose job runs in this JVM now: an importer activated again (OneID restarted) must not mark them
     * interrupted.
     */
    static final Set<Long> ACTIVE = ConcurrentHashMap.newKeySet();

    private static final Logger LOG = LoggerFactory.getLogger(ImportRun.class);

    private final long importId;
    private final CsvFile file;
    private final OrderReader reader;
    private final PersistenceUnit unit;
    private final ImportStore store;
    private final OrderWriter writer;
    private final Clock clock;

    private int done;
    private int created;
    private int existing;
    private int rejected;

    ImportRun(long importId, CsvFile file, OrderReader reader, PersistenceUnit unit, ImportStore store,
            OrderWriter writer, Clock clock) {
        this.importId = importId;
        this.file = file;
        this.reader = reader;
        this.unit = unit;
        this.store = store;
        this.writer = writer;
        this.clock = clock;
    }

    @Override
    public String run(JobProgress progress) throws Exception {
        ACTIVE.add(importId);
        try {
            progress.message("counting rows and orders");
            OrderReader.Scan scan = reader.scan(file);
            int total = scan.orders();
            progress.total(total);
            unit.inTransaction(em -> {
                store.running(em, importId, scan.rows(), total);
                return null;
            });
            Chunk chunk = new Chunk();
            try (CsvFile.RowReader rows = file.rows()) {
                Row row;
                while ((row = rows.next()) != null) {
                    chunk.add(reader.accept(row));
                    if (chunk.size() >= CHUNK) {
                        flush(chunk);
                        chunk = new Chunk();
                        progress.done(done);
                        progress.message(String.format("order %,d of %,d", done, total));
                        if (progress.cancelled()) {
                            return end(ImportState.CANCELLED, "cancelled after " + summary());
                        }
                    }
                }
            }
            chunk.add(reader.finish());
            flush(chunk);
            progress.done(done);
            return end(ImportState.SUCCEEDED, summary());
        } catch (CsvFileException e) {
            end(ImportState.FAILED, e.getMessage() + "; " + summary() + " before it");
            throw e;
        } catch (RuntimeException | Error e) {
            end(ImportState.FAILED, "stopped: " + Mask.message(e.getMessage()) + "; " + summary() + " before it");
            throw e;
        } finally {
            ACTIVE.remove(importId);
            file.source().release();
        }
    }

    /** The orders of one chunk and the rejected rows read with them. */
    private static final class Chunk {
        final List<ImportOrder> orders = new ArrayList<>();
        final List<RowError> errors = new ArrayList<>();
        int rejectedOrders;
        int rejectedRows;

        void add(List<OrderReader.Outcome> outcomes) {
            for (OrderReader.Outcome o : outcomes) {
                if (o.ok()) {
                    orders.add(o.order());
                } else {
                    errors.addAll(o.errors());
                    rejectedRows += o.rows();
                    if (o.orderNo() != null) {
                        rejectedOrders++;
                    }
                }
            }
        }

        int size() {
            return orders.size() + rejectedOrders + rejectedRows;
        }

        ImportStore.Counts rejected() {
            return ImportStore.Counts.rejected(rejectedOrders, rejectedRows, errors);
        }
    }

    private String summary() {
        return String.format("%,d orders recorded, %,d already recorded, %,d rejected", created, existing, rejected);
    }

    private String end(ImportState state, String message) {
        unit.inTransaction(em -> {
            store.finish(em, importId, state, message, clock.instant());
            return null;
        });
        LOG.info("Order import {} of {}: {}", importId, file.source().name(), message);
        return message;
    }

    private void count(ImportStore.Counts c) {
        created += c.created();
        existing += c.existing();
        rejected += c.rejectedOrders();
        done += c.done();
    }

    /** Writes one chunk; on failure, its orders one by one. */
    private void flush(Chunk chunk) {
        if (chunk.orders.isEmpty() && chunk.errors.isEmpty()) {
            return;
        }
        try {
            ImportStore.Counts written = unit.inTransaction(em -> {
                ImportStore.Counts c = writer.write(em, chunk.orders);
                ImportStore.Counts all = new ImportStore.Counts(c.created(), c.existing(), chunk.rejectedOrders,
                        chunk.rejectedRows, c.customersCreated(), chunk.errors);
                store.progress(em, importId, all);
                return all;
            });
            count(written);
            return;
        } catch (RuntimeException chunkFailure) {
            LOG.debug("Order import {}: a chunk of {} orders failed ({}); writing it order by order", importId,
                    chunk.orders.size(), Mask.message(chunkFailure.toString()));
        }
        if (!chunk.errors.isEmpty() || chunk.rejectedRows > 0) {
            ImportStore.Counts bad = chunk.rejected();
            unit.inTransaction(em -> {
                store.progress(em, importId, bad);
                return null;
            });
            count(bad);
        }
        int failed = 0;
        RuntimeException unexpected = null;
        for (ImportOrder order : chunk.orders) {
            try {
                ImportStore.Counts c = unit.inTransaction(em -> {
                    ImportStore.Counts one = writer.write(em, List.of(order));
                    store.progress(em, importId, one);
                    return one;
                });
                count(c);
            } catch (RuntimeException e) {
                failed++;
                if (!expected(e)) {
                    unexpected = e;
                }
                RowError error = new RowError(order.firstRow(), "", order.externalId(), "order " + order.externalId()
                        + " not imported: " + describe(e));
                ImportStore.Counts bad = ImportStore.Counts.rejected(1, order.rows(), List.of(error));
                unit.inTransaction(em -> {
                    store.progress(em, importId, bad);
                    return null;
                });
                count(bad);
            }
        }
        // Every order failing, and not for bad input, is the database or a service failing, not the file: stop
        // rather than reject the rest of the file order by order.
        if (failed == chunk.orders.size() && failed > 1 && unexpected != null) {
            throw new IllegalStateException("every order of a chunk failed (" + unexpected.getMessage() + ")",
                    unexpected);
        }
    }

    /** Bad input (OneID refusing an identity, commerce refusing a field) rather than a failing service. */
    static boolean expected(RuntimeException e) {
        return e instanceof IllegalArgumentException || e instanceof CommerceException c
                && (c.reason() == CommerceException.Reason.INVALID || c.reason() == CommerceException.Reason.CONFLICT
                || c.reason() == CommerceException.Reason.NOT_FOUND);
    }

    static String describe(RuntimeException e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof CommerceException)
                && !(cause instanceof IllegalArgumentException)) {
            cause = cause.getCause();
        }
        if (cause instanceof CommerceException c) {
            return "commerce refused it" + (c.field() == null ? "" : " (" + c.field() + ")") + ": "
                    + Mask.message(c.getMessage());
        }
        return Mask.message(cause.getMessage());
    }
}
