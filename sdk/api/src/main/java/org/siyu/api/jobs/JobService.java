package org.siyu.api.jobs;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Starts jobs and lists them. Provided by the host. */
@ProviderType
public interface JobService {

    /**
     * Starts {@code work} on a job thread and returns at once.
     *
     * @param kind  a stable machine name, e.g. {@code customers.import}, {@code search.rebuild}
     * @param title what the user sees, in the starter's language
     * @param actor the user (or {@code system}) who started it; recorded with the job
     * @return the job as it is now (state {@code RUNNING} or {@code QUEUED})
     */
    JobInfo start(String kind, String title, String actor, JobWork work);

    /** One job by id. */
    Optional<JobInfo> job(long id);

    /** The newest jobs first, at most {@code limit}. */
    List<JobInfo> recent(int limit);

    /** Asks a running job to stop; the work sees {@link JobProgress#cancelled()} and should return soon. */
    boolean cancel(long id, String actor);
}
