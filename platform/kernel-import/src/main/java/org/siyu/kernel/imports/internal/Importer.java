package org.siyu.kernel.imports.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.siyu.api.identity.IdentityService;
import org.siyu.api.jobs.JobInfo;
import org.siyu.api.jobs.JobService;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.api.tags.TagService;
import org.siyu.support.csv.CsvFile;
import org.siyu.support.csv.CsvFileException;
import org.siyu.kernel.imports.internal.mapping.Mapping;
import org.siyu.kernel.imports.internal.mapping.MappingGuess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The import's entry point for the view and the REST resource: read a file, map its columns, dry-run it, start the
 * job, list imports and their errors, keep mappings by name. OneID is required; tagging and the host's jobs are
 * optional and dynamic, so the bundle stays up when they go: without jobs only dry runs work, without tagging only
 * files without a tags column can be imported.
 */
@Component(service = Importer.class)
public class Importer {

    /** The job kind, a stable machine name. */
    public static final String JOB_KIND = "customers.import";
    /** The longest saved-mapping name. */
    static final int MAX_MAPPING_NAME = 100;

    private static final Logger LOG = LoggerFactory.getLogger(Importer.class);

    private final PersistenceUnit unit;
    private final IdentityService identity;
    private final ChannelRegistry channels;
    private final Clock clock;
    private final ImportStore store = new ImportStore();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TagService tags;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile JobService jobs;

    @Activate
    public Importer(@Reference(target = "(" + PersistenceUnit.NAME_PROPERTY + "=" + ImportEntities.UNIT + ")")
            PersistenceUnit unit, @Reference IdentityService identity, @Reference ChannelRegistry channels) {
        this(unit, identity, channels, null, null, Clock.systemUTC());
    }

    /** For tests: the optional services given, and a clock. */
    Importer(PersistenceUnit unit, IdentityService identity, ChannelRegistry channels, TagService tags,
            JobService jobs, Clock clock) {
        this.unit = unit;
        this.identity = identity;
        this.channels = channels;
        this.tags = tags;
        this.jobs = jobs;
        this.clock = clock;
        // A job that was running when the node stopped is gone with it; its record must not say RUNNING forever.
        int interrupted = unit.inTransaction(em -> store.interruptUnfinished(em, clock.instant(),
                ImportRun.ACTIVE));
        if (interrupted > 0) {
            LOG.warn("{} import(s) were running when the node stopped; marked INTERRUPTED", interrupted);
        }
    }

    public ChannelRegistry channels() {
        return channels;
    }

    /** Whether real runs can start now (the host's job service is there). */
    public boolean jobsAvailable() {
        return jobs != null;
    }

    public boolean tagsAvailable() {
        return tags != null;
    }

    /** The automatic mapping of a file's columns. */
    public Mapping guess(CsvFile file) {
        return MappingGuess.guess(file.headers(), channels.ids());
    }

    /**
     * The mapping of a file from targets by column name.
     *
     * @throws IllegalArgumentException naming the column or target that does not fit
     */
    public Mapping mapping(CsvFile file, Map<String, String> byColumn) {
        return Mapping.of(file.headers(), byColumn, channels.ids());
    }

    /**
     * The mapping saved under {@code name}, applied to this file: columns it names that the file lacks are an error.
     *
     * @throws IllegalArgumentException when there is no such mapping or it does not fit the file
     */
    public Mapping savedMapping(CsvFile file, String name) {
        String text = unit.inTransaction(em -> store.mapping(em, name)).orElseThrow(() ->
                new IllegalArgumentException("there is no saved mapping '" + name + "'"));
        try {
            return mapping(file, Mapping.decode(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the saved mapping '" + name + "' does not fit this file: "
                    + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException for a blank or too long name, or a mapping without an identity column */
    public void saveMapping(String name, Mapping mapping, String actor) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > MAX_MAPPING_NAME) {
            throw new IllegalArgumentException("the mapping name must be 1 to " + MAX_MAPPING_NAME + " characters");
        }
        mapping.check();
        unit.inTransaction(em -> {
            store.saveMapping(em, n, mapping.encode(), actor, clock.instant());
            return null;
        });
    }

    /**
     * Saves targets by column name without a file (REST): each target must be one, and one must be an identity.
     *
     * @throws IllegalArgumentException naming the column whose target is not one
     */
    public void saveMapping(String name, Map<String, String> byColumn, String actor) {
        List<String> headers = List.copyOf(byColumn.keySet());
        saveMapping(name, Mapping.of(headers, byColumn, channels.ids()), actor);
    }

    public List<String> mappingNames() {
        return unit.inTransaction(store::mappingNames);
    }

    /** Checks every row and counts new and existing customers; writes nothing. */
    public DryRunReport dryRun(CsvFile file, Mapping mapping) throws CsvFileException {
        mapping.check();
        return new DryRun(identity).run(file, new RowChecker(mapping, channels));
    }

    /** An import that was started: its record and the host's job. */
    public record Started(long importId, long jobId) {
    }

    /**
     * Records the import and starts its job; returns at once.
     *
     * @throws IllegalArgumentException when the mapping has no identity column
     * @throws IllegalStateException    when the host's job service is not there, or the file has tags and the
     *                                  tagging bundle is not running
     */
    public Started start(CsvFile file, Mapping mapping, String actor) {
        mapping.check();
        JobService jobService = jobs;
        if (jobService == null) {
            throw new IllegalStateException("imports run as jobs and the platform's job service is not available; "
                    + "a dry run works without it");
        }
        if (mapping.hasTags() && tags == null) {
            throw new IllegalStateException("the file has a tags column but the tagging bundle is not running: start "
                    + "it or map the column to ignore");
        }
        String name = file.source().name();
        long id = unit.inTransaction(em -> store.create(em, name, mapping.encode(), file.charset().name(),
                file.delimiter().name(), actor, clock.instant()).id());
        ImportRun run = new ImportRun(id, file, new RowChecker(mapping, channels), unit, store, identity,
                () -> tags, clock);
        JobInfo job;
        ImportRun.ACTIVE.add(id); // queued counts as running here: a re-activation must not interrupt it
        try {
            job = jobService.start(JOB_KIND, "Import " + name, actor, run);
        } catch (RuntimeException e) {
            ImportRun.ACTIVE.remove(id);
            unit.inTransaction(em -> {
                store.finish(em, id, ImportState.FAILED, "the job could not start: " + e.getMessage(),
                        clock.instant());
                return null;
            });
            throw e;
        }
        unit.inTransaction(em -> {
            store.jobId(em, id, job.id());
            return null;
        });
        return new Started(id, job.id());
    }

    public Optional<ImportRecord> record(long id) {
        return unit.inTransaction(em -> store.find(em, id));
    }

    public List<ImportRecord> recent(int limit) {
        return unit.inTransaction(em -> store.recent(em, limit));
    }

    /** The errors kept for an import, in the order found. */
    public List<RowError> errors(long id, int offset, int limit) {
        return unit.inTransaction(em -> store.errors(em, id, offset, limit));
    }

    /** The host's record of a job, when the job service is there. */
    public Optional<JobInfo> job(long jobId) {
        JobService jobService = jobs;
        return jobService == null ? Optional.empty() : jobService.job(jobId);
    }

    /** Asks the import's job to stop after its current chunk. */
    public boolean cancel(long importId, String actor) {
        JobService jobService = jobs;
        Optional<ImportRecord> record = record(importId);
        if (jobService == null || record.isEmpty() || record.get().jobId() == null) {
            return false;
        }
        return jobService.cancel(record.get().jobId(), actor);
    }
}
