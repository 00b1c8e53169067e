package org.siyu.kernel.identity.internal.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.jobs.JobInfo;
import org.siyu.api.jobs.JobProgress;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.kernel.identity.internal.OneId;
import org.siyu.support.jobs.Jobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link GraphCheck} as a job (the host's job service when it runs, else a thread of this bundle that logs,
 * through {@link Jobs}), one at a time, and keeps the last result in memory; carries out a listed item, or a whole list
 * as a job ({@link #carryOut}). The check only reads, so a result lost
 * with a restart is had again by running it again; the job's record keeps its summary.
 */
@Component(service = GraphChecks.class)
public class GraphChecks {

    /** The job kind. */
    public static final String JOB_KIND = "identity.graph-check";
    /** The job kind of {@link #carryOut}. */
    public static final String APPLY_KIND = "identity.graph-check.apply";

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

    /** What {@link #carryOut} does with every item of a list of the last result. */
    public enum Action {
        /** Undo every listed merge, newest first ({@code OneId.undoMerge}). */
        UNDO_MERGES("merges undone"),
        /** Carry out every listed split ({@code OneId.split}). */
        SPLITS("splits carried out"),
        /** Carry out every listed join ({@code OneId.join}). */
        JOINS("joins carried out");

        private final String done;

        Action(String done) {
            this.done = done;
        }
    }

    /**
     * Starts a check, unless a check or a {@link #carryOut} is running.
     *
     * @return the new run, or empty when one is running already ({@link #current()})
     */
    public Optional<Run> start(String actor, String title) {
        return launch(JOB_KIND, title, actor, progress -> {
            GraphCheck.Checked checked = check(progress);
            return checked == null ? "cancelled" : checked.result().summary();
        });
    }

    /**
     * Carries out every item of one list of the last result as a job, then runs the check again, so the result shown
     * next is what is left: the merges to undo first, then (from that new result) the splits and joins. An item
     * refused (the data changed since) is counted and logged, and the others go on.
     *
     * @param checkedAt the {@code checkedAt} of the result the caller read
     * @return the new run, or empty when a check or another carry-out is running
     * @throws IllegalStateException if there is no result, or the last result is another than the caller read
     */
    public Optional<Run> carryOut(Action action, String checkedAt, String actor, String title) {
        GraphCheck.Checked checked = lastRead(checkedAt);
        int total = switch (action) {
            case UNDO_MERGES -> checked.result().suspects().size();
            case SPLITS -> checked.splits().size();
            case JOINS -> checked.result().joins().size();
        };
        return launch(APPLY_KIND, title, actor, progress -> {
            progress.total(total + 1L);
            int done = 0;
            List<String> refused = new ArrayList<>();
            for (int i = 0; i < total && !progress.cancelled(); i++) {
                try {
                    switch (action) {
                        case UNDO_MERGES -> oneId.undoMerge(checked.result().suspects().get(i).mergeId(), actor);
                        case SPLITS -> oneId.split(checked.splits().get(i), actor);
                        case JOINS -> oneId.join(checked.result().joins().get(i).customers(),
                                checked.result().joins().get(i).evidence(), actor);
                    }
                    done++;
                } catch (IllegalArgumentException | IllegalStateException e) {
                    refused.add(e.getMessage());
                    LOG.info("Identity graph check, {} item {} refused: {}", action, i, e.getMessage());
                }
                progress.advance(1);
            }
            progress.message("checking again");
            GraphCheck.Checked again = check(Jobs.NO_PROGRESS);
            progress.advance(1);
            return done + " " + action.done + (refused.isEmpty() ? "" : ", " + refused.size() + " refused (first: "
                    + refused.getFirst() + ")") + (again == null ? "" : "; checked again: " + again.result().summary());
        });
    }

    /** Runs the check in a transaction and keeps its result; null when cancelled. */
    private GraphCheck.Checked check(JobProgress progress) {
        GraphCheck.Checked checked = unit.inTransaction(em -> GraphCheck.run(em, threshold.getAsInt(), progress));
        if (checked == null) {
            return null;
        }
        last = checked;
        GraphCheck.Result result = checked.result();
        if (result.mergesThroughPoison() > 0 || result.groupsAstray() > 0 || !result.joins().isEmpty()) {
            LOG.warn("Identity graph check: {}", result.summary());
        } else {
            LOG.info("Identity graph check: {}", result.summary());
        }
        return checked;
    }

    private Optional<Run> launch(String kind, String title, String actor,
            Function<JobProgress, String> body) {
        if (!running.compareAndSet(false, true)) {
            return Optional.empty();
        }
        try {
            Jobs.Started started = jobs.start(kind, title, actor, progress -> {
                try {
                    return body.apply(progress);
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

    /** Whether a check or a {@link #carryOut} is running. */
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
