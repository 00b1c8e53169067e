package org.siyu.commerce.imports.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.siyu.api.jobs.JobInfo;
import org.siyu.api.jobs.JobProgress;
import org.siyu.api.jobs.JobService;
import org.siyu.api.jobs.JobWork;

/**
 * The host's jobs, run on the calling thread before {@code start} returns, so a test sees the outcome at once.
 * {@link #cancelAfterChunks} makes {@code cancelled()} true once progress has been reported that many times;
 * {@link #holdBack} keeps the next job queued and never runs it (the node "stops" before it runs).
 */
final class FakeJobs implements JobService {

    final List<JobInfo> jobs = new ArrayList<>();
    /** Every {@code done(n)} reported, in order. */
    final List<Long> doneReports = new ArrayList<>();
    int cancelAfterChunks = -1;
    boolean holdBack;
    private long nextId = 100;

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
