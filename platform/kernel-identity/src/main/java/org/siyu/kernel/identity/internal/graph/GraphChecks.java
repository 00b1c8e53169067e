package org.siyu.kernel.identity.internal.graph;

import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.jobs.JobInfo;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.kernel.identity.internal.OneId;
import org.siyu.support.jobs.Jobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link GraphCheck} as a job (the host's job service when it runs, else a thread of this bundle that logs,
 * through {@link Jobs}), one at a time, and keeps the last result in memory. The check only reads, so a result lost
 * with a restart is had again by running it again; the job's record keeps its summary.
 */
@Component(service = GraphChecks.class)
public class GraphChecks {

    /** The job kind. */
    public static final String JOB_KIND = "identity.graph-check";

    private static final Logger LOG = LoggerFactory.getLogger(GraphChecks.class);

    private final PersistenceUnit unit;
    private final Jobs jobs;
    private final IntSupplier threshold;
    private final AtomicBoolean running = new AtomicBoolean();
    private final OneId oneId;
    private volatile GraphCheck.Checked last;
    private volatile Run current;

    /** A started or finished run: the host's job record (null without a job service) and whether it ended. */
    public record Run(JobInfo job, String actor, CompletableFuture<String> done) {
    }

    @Activate
    public GraphChecks(@Reference(target = "(" + PersistenceUnit.NAME_PROPERTY + "=identity)") PersistenceUnit unit,
            @Reference Jobs jobs, @Reference OneId oneId) {
        this(unit, jobs, oneId::poisonThreshold, oneId);
    }

    public GraphChecks(PersistenceUnit unit, Jobs jobs, IntSupplier threshold, OneId oneId) {
        this.unit = unit;
        this.jobs = jobs;
        this.threshold = threshold;
        this.oneId = oneId;
    }

    /**
     * Starts a check, unless one is running.
     *
     * @return the new run, or empty when one is running already ({@link #current()})
     */
    public Optional<Run> start(String actor, String title) {
        if (!running.compareAndSet(false, true)) {
            return Optional.empty();
        }
        try {
            Jobs.Started started = jobs.start(JOB_KIND, title, actor, progress -> {
                try {
                    GraphCheck.Checked checked = unit.inTransaction(em -> GraphCheck.run(em, threshold.getAsInt(),
                            progress));
                    if (checked == null) {
                        return "cancelled";
                    }
                    last = checked;
                    GraphCheck.Result result = checked.result();
                    if (result.mergesThroughPoison() > 0 || result.groupsAstray() > 0) {
                        LOG.warn("Identity graph check: {}", result.summary());
                    } else {
                        LOG.info("Identity graph check: {}", result.summary());
                    }
                    return result.summary();
                } finally {
                    running.set(false);
                }
            });
            Run run = new Run(started.job(), actor, started.done());
            current = run;
            return Optional.of(run);
        } catch (RuntimeException e) {
            running.set(false);
            throw e;
        }
    }

    /** Whether a check is running. */
    public boolean running() {
        return running.get();
    }

    /** The last run started since the bundle started, if any. */
    public Optional<Run> current() {
        return Optional.ofNullable(current);
    }

    /** The result of the last check that finished since the bundle started, if any. */
    public Optional<GraphCheck.Result> last() {
        return Optional.ofNullable(last).map(GraphCheck.Checked::result);
    }

    /**
     * Carries out join {@code ref} of the last result ({@code OneId.join}).
     *
     * @param checkedAt the {@code checkedAt} of the result the caller read: a join refers to one result
     * @return the customer they are now
     * @throws NoSuchElementException  if there is no such join in the last result
     * @throws IllegalArgumentException if OneID refuses it (a customer that does not exist)
     * @throws IllegalStateException    if the last result is another than the caller read, or the data changed since
     */
    public int join(int ref, String checkedAt, String actor) {
        GraphCheck.Result result = lastRead(checkedAt).result();
        if (ref < 0 || ref >= result.joins().size()) {
            throw new NoSuchElementException("the last graph check lists no join " + ref + " (it lists "
                    + result.joins().size() + ")");
        }
        GraphCheck.SuspectApart join = result.joins().get(ref);
        return oneId.join(join.customers(), join.evidence(), actor);
    }

    private GraphCheck.Checked lastRead(String checkedAt) {
        GraphCheck.Checked checked = last;
        if (checked == null) {
            throw new IllegalStateException("no graph check has finished since the node started; run one");
        }
        if (!checked.result().checkedAt().equals(checkedAt)) {
            throw new IllegalStateException("the graph check was run again at " + checked.result().checkedAt()
                    + "; read its result");
        }
        return checked;
    }

    /**
     * Carries out split {@code ref} of the last result ({@code OneId.split}).
     *
     * @param checkedAt the {@code checkedAt} of the result the caller read: a split refers to one result
     * @return the customer the identities are with now
     * @throws NoSuchElementException  if there is no such split in the last result
     * @throws IllegalArgumentException if OneID refuses it (a customer that does not exist)
     * @throws IllegalStateException    if the last result is another than the caller read, or the data changed since
     */
    public int split(int ref, String checkedAt, String actor) {
        GraphCheck.Checked checked = lastRead(checkedAt);
        if (ref < 0 || ref >= checked.splits().size()) {
            throw new NoSuchElementException("the last graph check lists no split " + ref + " (it lists "
                    + checked.splits().size() + ")");
        }
        return oneId.split(checked.splits().get(ref), actor);
    }
}
