package org.siyu.shell.backend;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.siyu.api.jobs.JobInfo;

/**
 * The host's jobs as the shell shows them: the list, one job, cancel, and a live feed of changes. Starting jobs is
 * for bundles and the host ({@link org.siyu.api.jobs.JobService}); the shell only watches and cancels.
 */
public interface JobMonitor {

    /** The newest jobs first, at most {@code limit}. */
    List<JobInfo> recent(int limit);

    Optional<JobInfo> job(long id);

    /** Asks a queued or running job to stop (audited as {@code job.cancel}); false if it had already ended. */
    boolean cancel(long id, String actor);

    /** The jobs queued or running now. */
    List<JobInfo> active();

    /**
     * Calls {@code listener} with a job's new record whenever its state changes, and at most about once a second per
     * job while its progress moves. Called on the host's threads: do not block. Run the returned handle to stop.
     */
    Runnable subscribe(Consumer<JobInfo> listener);
}
