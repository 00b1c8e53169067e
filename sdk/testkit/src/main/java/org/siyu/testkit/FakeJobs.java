package org.siyu.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.siyu.api.jobs.JobInfo;
import org.siyu.api.jobs.JobProgress;
import org.siyu.api.jobs.JobService;
import org.siyu.api.jobs.JobWork;

/**
 * The host's {@link JobService}, running each job on the calling thread before {@code start} returns, so a test sees
 * the outcome at once. {@link #cancelAfterChunks} makes {@code cancelled()} true once progress has been reported
 * that many times (a user cancels mid-run); {@link #holdBack} keeps the next jobs queued and never runs them (the
 * node "stops" before they run). Not thread-safe: one test, one thread.
 */
public final class FakeJobs implements JobService {

    private final List<JobInfo> jobs = new ArrayList<>();
    private final List<Long> doneReports = new ArrayList<>();
    private int cancelAfterChunks = -1;
    private boolean holdBack;
    private long nextId = 100;

    /** Every job started, in order, as it ended (or {@code QUEUED} when held back). */
    public List<JobInfo> jobs() {
        return jobs;
    }

    /** Every {@code done(n)} the work reported, in order, across all jobs. */
    public List<Long> doneReports() {
        return doneReports;
    }

    /** From now on {@code cancelled()} answers true once {@code done(n)} has been reported {@code reports} times in
     * all; {@code -1} never. */
    public void cancelAfterChunks(int reports) {
        this.cancelAfterChunks = reports;
    }

    /** While true, a started job stays {@code QUEUED} and its work never runs. */
    public void holdBack(boolean holdBack) {
        this.holdBack = holdBack;
    }

    @Override
    public JobInfo start(String kind, String title, String actor, JobWork work) {
        long id = nextId++;
        Instant now = Instant.now();
        if (holdBack) {
            JobInfo queued = new JobInfo(id, kind, title, actor, JobInfo.State.QUEUED, -1, 0, null, now, null);
            jobs.add(queued);
            return queued;
        }
        long[] total = {-1};
        long[] done = {0};
        JobProgress progress = new JobProgress() {
            @Override
            public void total(long t) {
                total[0] = t;
            }

            @Override
            public void done(long d) {
                done[0] = d;
                doneReports.add(d);
            }

            @Override
            public void advance(long delta) {
                done[0] += delta;
            }

            @Override
            public void message(String message) {
            }

            @Override
            public boolean cancelled() {
                return cancelAfterChunks >= 0 && doneReports.size() >= cancelAfterChunks;
            }
        };
        JobInfo.State state;
        String message;
        try {
            message = work.run(progress);
            state = progress.cancelled() ? JobInfo.State.CANCELLED : JobInfo.State.SUCCEEDED;
        } catch (Exception e) {
            message = e.getMessage();
            state = JobInfo.State.FAILED;
        }
        JobInfo info = new JobInfo(id, kind, title, actor, state, total[0], done[0], message, now, Instant.now());
        jobs.add(info);
        return info;
    }

    @Override
    public Optional<JobInfo> job(long id) {
        return jobs.stream().filter(j -> j.id() == id).findFirst();
    }

    @Override
    public List<JobInfo> recent(int limit) {
        return jobs.reversed().stream().limit(limit).toList();
    }

    @Override
    public boolean cancel(long id, String actor) {
        return false;
    }
}
