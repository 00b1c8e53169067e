package org.siyu.api.jobs;

import org.osgi.annotation.versioning.ConsumerType;

/** The body of a job. Runs on a job thread, outside any transaction. */
@ConsumerType
@FunctionalInterface
public interface JobWork {

    /**
     * Does the work, reporting progress through {@code progress}.
     *
     * @return a one-line summary shown when the job ends ("12,345 imported, 3 rows rejected"), or {@code null}
     * @throws Exception any failure: the job ends {@code FAILED} with the exception's message
     */
    String run(JobProgress progress) throws Exception;
}
