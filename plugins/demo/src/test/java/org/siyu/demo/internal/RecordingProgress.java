package org.siyu.demo.internal;

import java.util.ArrayList;
import java.util.List;
import org.siyu.api.jobs.JobProgress;

/** A job's progress as a test sees it. */
final class RecordingProgress implements JobProgress {

    long total = -1;
    long done;
    final List<String> messages = new ArrayList<>();
    volatile boolean cancel;

    @Override
    public void total(long total) {
        this.total = total;
    }

    @Override
    public void done(long done) {
        this.done = done;
    }

    @Override
    public void advance(long delta) {
        done += delta;
    }

    @Override
    public void message(String message) {
        messages.add(message);
    }

    @Override
    public boolean cancelled() {
        return cancel;
    }
}
