package org.siyu.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.siyu.api.jobs.JobProgress;

/**
 * A job's progress as a test sees it: hand it to work that takes a {@link JobProgress}, then assert on what the work
 * reported. {@link #cancel()} makes {@link #cancelled()} answer {@code true}, as when a user cancels the job.
 */
public final class RecordingProgress implements JobProgress {

    private volatile long total = -1;
    private volatile long done;
    private volatile boolean cancelled;
    private final List<String> messages = new CopyOnWriteArrayList<>();

    @Override
    public void total(long total) {
        this.total = total;
    }

    @Override
    public synchronized void done(long done) {
        this.done = done;
    }

    @Override
    public synchronized void advance(long delta) {
        done += delta;
    }

    @Override
    public void message(String message) {
        messages.add(message);
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    /** The total the work reported, {@code -1} if none. */
    public long total() {
        return total;
    }

    /** The units the work reported done. */
    public long done() {
        return done;
    }

    /** Every message, in order. */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    /** Asks the work to stop. */
    public void cancel() {
        cancelled = true;
    }
}
