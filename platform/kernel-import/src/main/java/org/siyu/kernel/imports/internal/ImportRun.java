package org.siyu.kernel.imports.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.siyu.api.identity.IdentityService;
import org.siyu.api.identity.ResolveRequest;
import org.siyu.api.identity.Resolution;
import org.siyu.api.jobs.JobProgress;
import org.siyu.api.jobs.JobWork;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.api.tags.TagService;
import org.siyu.support.csv.CsvFile;
import org.siyu.support.csv.CsvFileException;
import org.siyu.support.csv.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of an import job. Rows are checked as they are read; good rows go to OneID and tagging in chunks of
 * {@link #CHUNK}, each chunk one transaction together with the import record's counts and the chunk's errors. When a
 * chunk fails as a whole it is written again row by row, each row in its own transaction, so one bad row costs only
 * itself: a row is written whole or not at all. Cancelling stops after the current chunk.
 */
final class ImportRun implements JobWork {

    /**
     * Rows per chunk, so per transaction. Larger chunks write fewer commits: on an H2 file with {@code WRITE_DELAY=0}
     * each commit writes every page the transaction dirtied, and a chunk's identities are scattered over the whole
     * link index, so the pages written per row fall as a chunk grows (1,000 → 5,000 rows: 354–415 → 271–345 µs of CPU
     * per row in alternated runs of the import benchmark; 10,000 was no better: each query OneID makes for a merging
     * row dirty-checks every entity of the chunk's session). What a chunk costs in return: OneID's write lock is held for the chunk's
     * transaction (about a second at this size, well inside its 30 s timeout), progress and cancel move in steps of
     * a chunk, a failing chunk is written again as up to 5,000 one-row transactions, and the chunk's rows, answers
     * and events are held in memory (a few MB).
     */
    static final int CHUNK = 5000;
    /** The {@code source} of the tags an import assigns. */
    static final String SOURCE = "import";

    /**
     * The imports whose job runs in this JVM now. An Importer activated again (OneID restarted) must not mark them
     * interrupted: only records that no job here is writing are.
     */
    static final Set<Long> ACTIVE = ConcurrentHashMap.newKeySet();

    private static final Logger LOG = LoggerFactory.getLogger(ImportRun.class);
    private static final Pattern PHONE_LIKE = Pattern.compile("(\\+?\\d{3})\\d{4,8}(\\d{4})");

    private final long importId;
    private final CsvFile file;
    private final RowChecker checker;
    private final PersistenceUnit unit;
    private final ImportStore store;
    private final IdentityService identity;
    private final Supplier<TagService> tags;
    private final Clock clock;

    private int done;
    private int imported;
    private int rejected;

    ImportRun(long importId, CsvFile file, RowChecker checker, PersistenceUnit unit, ImportStore store,
            IdentityService identity, Supplier<TagService> tags, Clock clock) {
        this.importId = importId;
        this.file = file;
        this.checker = checker;
        this.unit = unit;
        this.store = store;
        this.identity = identity;
        this.tags = tags;
        this.clock = clock;
    }

    @Override
    public String run(JobProgress progress) throws Exception {
        ACTIVE.add(importId);
        try {
            progress.message("counting rows");
            int total = file.countRows();
            progress.total(total);
            unit.inTransaction(em -> {
                store.running(em, importId, total);
                return null;
            });
            List<CheckedRow> good = new ArrayList<>(CHUNK);
            List<RowError> bad = new ArrayList<>();
            int badRows = 0;
            try (CsvFile.RowReader reader = file.rows()) {
                Row row;
                while ((row = reader.next()) != null) {
                    CheckedRow checked = checker.check(row);
                    if (checked.ok()) {
                        good.add(checked);
                    } else {
                        bad.addAll(checked.errors());
                        badRows++;
                    }
                    if (good.size() + badRows >= CHUNK) {
                        flush(good, bad, badRows);
                        good.clear();
                        bad.clear();
                        badRows = 0;
                        progress.done(done);
                        progress.message(String.format("row %,d of %,d", done, total));
                        if (progress.cancelled()) {
                            return end(ImportState.CANCELLED, "cancelled after " + summary(total));
                        }
                    }
                }
            }
            flush(good, bad, badRows);
            progress.done(done);
            return end(ImportState.SUCCEEDED, summary(total));
        } catch (CsvFileException e) {
            end(ImportState.FAILED, e.getMessage() + "; " + summary(-1) + " before it");
            throw e;
        } catch (RuntimeException | Error e) {
            end(ImportState.FAILED, "stopped: " + e.getMessage() + "; " + summary(-1) + " before it");
            throw e;
        } finally {
            ACTIVE.remove(importId);
            file.source().release();
        }
    }

    private String summary(int total) {
        String of = total >= 0 ? String.format(" of %,d", total) : "";
        return String.format("%,d%s rows imported, %,d rejected", imported, of, rejected);
    }

    private String end(ImportState state, String message) {
        unit.inTransaction(em -> {
            store.finish(em, importId, state, message, clock.instant());
            return null;
        });
        LOG.info("Import {} of {}: {}", importId, file.source().name(), message);
        return message;
    }

    /** Writes one chunk; on failure, its rows one by one. */
    private void flush(List<CheckedRow> good, List<RowError> bad, int badRows) {
        if (good.isEmpty() && bad.isEmpty()) {
            return;
        }
        try {
            unit.inTransaction(em -> {
                Written w = write(good);
                store.progress(em, importId, good.size(), w.created, w.tagsAdded, bad);
                return null;
            });
            imported += good.size();
            rejected += badRows;
            done += good.size() + badRows;
            return;
        } catch (RuntimeException chunkFailure) {
            LOG.debug("Import {}: a chunk of {} rows failed ({}); writing it row by row", importId, good.size(),
                    chunkFailure.toString());
        }
        if (!bad.isEmpty()) {
            unit.inTransaction(em -> {
                store.progress(em, importId, 0, 0, 0, bad);
                return null;
            });
            rejected += badRows;
            done += badRows;
        }
        int failed = 0;
        RuntimeException unexpected = null;
        for (CheckedRow row : good) {
            try {
                unit.inTransaction(em -> {
                    Written w = write(List.of(row));
                    store.progress(em, importId, 1, w.created, w.tagsAdded, List.of());
                    return null;
                });
                imported++;
            } catch (RuntimeException e) {
                failed++;
                if (!(e instanceof IllegalArgumentException)) {
                    unexpected = e;
                }
                RowError error = new RowError(row.row(), "", "", "not imported: " + mask(e.getMessage()));
                unit.inTransaction(em -> {
                    store.progress(em, importId, 0, 0, 0, List.of(error));
                    return null;
                });
                rejected++;
            }
            done++;
        }
        // Every row failing, and not for bad input, is the database or a service failing, not the file: stop rather
        // than reject the rest of the file row by row.
        if (failed == good.size() && good.size() > 1 && unexpected != null) {
            throw new IllegalStateException("every row of a chunk failed (" + unexpected.getMessage() + ")",
                    unexpected);
        }
    }

    private record Written(int created, int tagsAdded) {
    }

    /** OneID for the rows, then their tags; joins the transaction the caller opened. */
    private Written write(List<CheckedRow> rows) {
        List<ResolveRequest> requests = new ArrayList<>(rows.size());
        boolean anyTags = false;
        for (CheckedRow row : rows) {
            requests.add(row.request());
            anyTags |= !row.tags().isEmpty();
        }
        List<Resolution> resolutions = identity.resolveAll(requests);
        if (resolutions.size() != rows.size()) {
            throw new IllegalStateException("OneID answered " + resolutions.size() + " resolutions for "
                    + rows.size() + " requests");
        }
        TagService tagService = anyTags ? tags.get() : null;
        if (anyTags && tagService == null) {
            throw new IllegalStateException("the tagging bundle is not running: tags cannot be assigned");
        }
        int created = 0;
        int tagsAdded = 0;
        String name = file.source().name();
        for (int i = 0; i < rows.size(); i++) {
            Resolution resolution = resolutions.get(i);
            if (resolution.created()) {
                created++;
            }
            CheckedRow row = rows.get(i);
            for (String tag : row.tags()) {
                if (tagService.assign(resolution.customerId(), tag, SOURCE, ImportStore.cut(name, 400) + " row "
                        + row.row())) {
                    tagsAdded++;
                }
            }
        }
        return new Written(created, tagsAdded);
    }

    /** A failure's message may quote an identity: hide the middle of anything that looks like a phone number. */
    static String mask(String message) {
        return message == null ? "failed" : PHONE_LIKE.matcher(message).replaceAll("$1****$2");
    }
}
