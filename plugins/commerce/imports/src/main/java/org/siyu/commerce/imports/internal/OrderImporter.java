package org.siyu.commerce.imports.internal;

import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.siyu.api.commerce.CommerceService;
import org.siyu.api.identity.IdentityService;
import org.siyu.api.jobs.JobInfo;
import org.siyu.api.jobs.JobService;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.support.csv.CsvFile;
import org.siyu.support.csv.CsvFileException;
import org.siyu.commerce.imports.internal.source.ColumnMapping;
import org.siyu.commerce.imports.internal.source.Defaults;
import org.siyu.commerce.imports.internal.source.Source;
import org.siyu.commerce.imports.internal.source.SourceConfig;
import org.siyu.commerce.imports.internal.source.SourceGuess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order import's entry point for the view and the REST resource: the sources' configuration, reading a file's
 * source and columns, the dry run, the job, the history. OneID is required (static); commerce and the host's jobs are
 * optional and dynamic, so the bundle stays up without them: without commerce nothing can be dry-run or imported
 * ({@link CommerceUnavailable}), without jobs only dry runs work.
 */
@Component(service = OrderImporter.class)
public class OrderImporter {

    /** The job kind, a stable machine name. */
    public static final String JOB_KIND = "commerce.orders.import";

    private static final Logger LOG = LoggerFactory.getLogger(OrderImporter.class);

    /** Commerce is not installed: what needs it is refused with this (REST: 503). */
    public static final class CommerceUnavailable extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        CommerceUnavailable() {
            super("commerce is not installed");
        }
    }

    private final PersistenceUnit unit;
    private final IdentityService identity;
    private final Clock clock;
    private final ImportStore store = new ImportStore();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CommerceService commerce;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile JobService jobs;

    @Activate
    public OrderImporter(@Reference(target = "(" + PersistenceUnit.NAME_PROPERTY + "=" + ImportEntities.UNIT + ")")
            PersistenceUnit unit, @Reference IdentityService identity) {
        this(unit, identity, null, null, Clock.systemUTC());
    }

    /** For tests: the optional services given, and a clock. */
    OrderImporter(PersistenceUnit unit, IdentityService identity, CommerceService commerce, JobService jobs,
            Clock clock) {
        this.unit = unit;
        this.identity = identity;
        this.commerce = commerce;
        this.jobs = jobs;
        this.clock = clock;
        // A job that was running when the node stopped is gone with it; its record must not say RUNNING forever.
        int interrupted = unit.inTransaction(em -> store.interruptUnfinished(em, clock.instant(), ImportRun.ACTIVE));
        if (interrupted > 0) {
            LOG.warn("{} order import(s) were running when the node stopped; marked INTERRUPTED", interrupted);
        }
    }

    public boolean commerceAvailable() {
        return commerce != null;
    }

    public boolean jobsAvailable() {
        return jobs != null;
    }

    private CommerceService commerce() {
        CommerceService c = commerce;
        if (c == null) {
            throw new CommerceUnavailable();
        }
        return c;
    }

    // --- the sources' configuration --------------------------------------------------------------------------------

    /** A source's configuration: the operator's, else the shipped defaults. */
    public SourceConfig config(Source source) {
        return unit.inTransaction(em -> store.sourceConfig(em, source.id()))
                .map(text -> SourceConfig.decode(source, text)).orElseGet(() -> Defaults.of(source));
    }

    /** Whether an operator changed the source's configuration. */
    public boolean customized(Source source) {
        return unit.inTransaction(em -> store.sourceConfig(em, source.id())).isPresent();
    }

    public Map<Source, SourceConfig> configs() {
        Map<Source, SourceConfig> all = new EnumMap<>(Source.class);
        for (Source s : Source.values()) {
            all.put(s, config(s));
        }
        return all;
    }

    /**
     * Stores a source's configuration from its text form ({@link SourceConfig#encode()}).
     *
     * @throws IllegalArgumentException naming the line that is wrong
     */
    public SourceConfig saveConfig(Source source, String text, String actor) {
        SourceConfig config = SourceConfig.decode(source, text);
        unit.inTransaction(em -> {
            store.saveSourceConfig(em, source.id(), config.encode(), actor, clock.instant());
            return null;
        });
        LOG.info("Order import: {} saved the configuration of {}", actor, source.id());
        return config;
    }

    /** Goes back to the shipped defaults; answers whether there was a configuration of the operator's. */
    public boolean resetConfig(Source source, String actor) {
        boolean had = unit.inTransaction(em -> store.resetSourceConfig(em, source.id()));
        LOG.info("Order import: {} reset the configuration of {}", actor, source.id());
        return had;
    }

    // --- a file ----------------------------------------------------------------------------------------------------

    /** The source the file's header looks like, if one stands out. */
    public Optional<Source> guessSource(CsvFile file) {
        return Optional.ofNullable(SourceGuess.guess(configs(), file.headers()));
    }

    /** The columns of a file read as the source's header names say (required fields may be missing). */
    public ColumnMapping guess(Source source, CsvFile file) {
        return ColumnMapping.guess(config(source), file.headers());
    }

    /**
     * Checks every order of the file and counts what a run would do; writes nothing.
     *
     * @throws IllegalArgumentException naming a required field without a column
     * @throws CommerceUnavailable      without commerce
     */
    public DryRunReport dryRun(CsvFile file, ColumnMapping mapping) throws CsvFileException {
        CommerceService c = commerce();
        SourceConfig config = config(mapping.source());
        mapping.check(config);
        Map<String, Boolean> catalogue = new HashMap<>();
        return new DryRun(unit, store, identity, code -> catalogue.computeIfAbsent(code, k -> c.sku(k).isPresent()))
                .run(file, new OrderReader(config, mapping));
    }

    /** An import that was started: its record and the host's job. */
    public record Started(long importId, long jobId) {
    }

    /**
     * Records the import and starts its job; returns at once.
     *
     * @throws IllegalArgumentException naming a required field without a column
     * @throws CommerceUnavailable      without commerce
     * @throws IllegalStateException    without the host's job service
     */
    public Started start(CsvFile file, ColumnMapping mapping, String actor) {
        CommerceService c = commerce();
        SourceConfig config = config(mapping.source());
        mapping.check(config);
        JobService jobService = jobs;
        if (jobService == null) {
            throw new IllegalStateException("imports run as jobs and the platform's job service is not available; a "
                    + "dry run works without it");
        }
        String name = file.source().name();
        long id = unit.inTransaction(em -> store.create(em, mapping.source().id(), name, mapping.encode(),
                file.charset().name(), file.delimiter().name(), actor, clock.instant()));
        ImportRun run = new ImportRun(id, file, new OrderReader(config, mapping), unit, store,
                new OrderWriter(store, identity, c, id, clock), clock);
        ImportRun.ACTIVE.add(id); // queued counts as running here: a re-activation must not interrupt it
        JobInfo job;
        try {
            job = jobService.start(JOB_KIND, "Import " + mapping.source().id() + " orders: " + name, actor, run);
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

    // --- the history -----------------------------------------------------------------------------------------------

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
