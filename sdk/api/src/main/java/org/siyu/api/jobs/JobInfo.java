package org.siyu.api.jobs;

import java.time.Instant;

/**
 * A job's record.
 *
 * @param id       the job id
 * @param kind     the machine name given at start
 * @param title    what the user sees
 * @param actor    who started it
 * @param state    where it is
 * @param total    units in all, {@code -1} if unknown
 * @param done     units done
 * @param message  the last progress line, the summary when it succeeded, or the error when it failed
 * @param started  when it started
 * @param finished when it ended, or {@code null}
 */
public record JobInfo(long id, String kind, String title, String actor, State state, long total, long done,
        String message, Instant started, Instant finished) {

    /** The states of a job. */
    public enum State {
        QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED,
        /** The node stopped while the job was running. */
        INTERRUPTED;

        public boolean ended() {
            return this != QUEUED && this != RUNNING;
        }
    }

    /** Progress as a fraction between 0 and 1, or {@code -1} when the total is unknown. */
    public double fraction() {
        return total <= 0 ? -1 : Math.min(1.0, (double) done / total);
    }
}
