package org.siyu.launcher.internal.jobs;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.siyu.api.jobs.JobInfo;
import org.siyu.api.jobs.JobInfo.State;
import org.siyu.api.jobs.JobProgress;
import org.siyu.api.jobs.JobWork;

/**
 * A queued or running job of {@link HostJobs}: its record in memory and the {@link JobProgress} its work sees. The
 * work's thread writes progress; {@link HostJobs} reads it (under the job's monitor when it must be consistent with a
 * state change) and writes it out when {@link #dirty}.
 */
final class RunningJob implements JobProgress {

    final long id;
    final String kind;
    final String title;
    final String actor;
    final JobWork work;
    volatile State state;
    volatile Instant started;
    volatile Instant finished;
    volatile long total = -1;
    final AtomicLong done = new AtomicLong();
    volatile String message;
    volatile boolean cancelRequested;
    /** Who asked to cancel; {@code null} with {@link #cancelRequested} when the node is stopping. */
    volatile String cancelledBy;
    volatile boolean dirty;

    RunningJob(long id, String kind, String title, String actor, JobWork work, State state, Instant started) {
        this.id = id;
        this.kind = kind;
        this.title = title;
        this.actor = actor;
        this.work = work;
        this.state = state;
        this.started = started;
    }

    JobInfo info() {
        return new JobInfo(id, kind, title, actor, state, total, done.get(), message, started, finished);
    }

    void end(State state, String message, Instant at) {
        this.state = state;
        this.message = JobStore.cut(message, JobStore.MAX_MESSAGE);
        this.finished = at;
    }

    @Override
    public void total(long total) {
        this.total = total < 0 ? -1 : total;
        dirty = true;
    }

    @Override
    public void done(long done) {
        this.done.set(Math.max(0, done));
        dirty = true;
    }

    @Override
    public void advance(long delta) {
        done.addAndGet(delta);
        dirty = true;
    }

    @Override
    public void message(String message) {
        this.message = JobStore.cut(message, JobStore.MAX_MESSAGE);
        dirty = true;
    }

    @Override
    public boolean cancelled() {
        return cancelRequested;
    }
}
