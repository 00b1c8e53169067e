package org.siyu.shell.internal.layout;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.siyu.api.jobs.JobInfo;
import org.siyu.api.jobs.JobInfo.State;
import org.siyu.shell.internal.Messages;

/**
 * The status bar's jobs indicator ({@code status-jobs}): hidden while no job runs; otherwise how many run or wait and,
 * for the jobs whose total is known, their combined progress. A click opens the Jobs view.
 */
final class JobIndicator extends HorizontalLayout {

    private final Messages m;
    private final Map<Long, JobInfo> active = new LinkedHashMap<>();
    private final Span text = new Span();
    private final ProgressBar bar = new ProgressBar();

    JobIndicator(Messages m, Runnable open) {
        this.m = m;
        setId("status-jobs");
        setSpacing(false);
        setPadding(false);
        setAlignItems(Alignment.CENTER);
        getStyle().set("cursor", "pointer").set("gap", "var(--lumo-space-xs)").set("margin-left", "auto");
        bar.setWidth("6em");
        bar.getStyle().set("margin", "0");
        text.setId("status-jobs-text");
        add(bar, text);
        getElement().addEventListener("click", e -> open.run());
        getElement().setAttribute("title", m.t("jobs.indicator.tooltip"));
        setVisible(false);
    }

    /** Starts over from the jobs queued or running now. */
    void reset(List<JobInfo> jobs) {
        active.clear();
        jobs.forEach(j -> active.put(j.id(), j));
        render();
    }

    /** A job's newer record. */
    void update(JobInfo job) {
        if (job.state().ended()) {
            active.remove(job.id());
        } else {
            active.put(job.id(), job);
        }
        render();
    }

    private void render() {
        long running = active.values().stream().filter(j -> j.state() == State.RUNNING).count();
        int queued = active.size() - (int) running;
        setVisible(!active.isEmpty());
        if (active.isEmpty()) {
            return;
        }
        long total = 0;
        long done = 0;
        for (JobInfo j : active.values()) {
            if (j.state() == State.RUNNING && j.total() > 0) {
                total += j.total();
                done += Math.min(j.done(), j.total());
            }
        }
        String line = queued > 0 ? m.t("jobs.indicator.queued", running, queued) : m.t("jobs.indicator", running);
        if (total > 0) {
            double f = (double) done / total;
            bar.setIndeterminate(false);
            bar.setValue(f);
            line += " · " + Math.round(f * 100) + "%";
        } else {
            bar.setIndeterminate(true);
        }
        if (active.size() == 1) {
            line += " · " + active.values().iterator().next().title();
        }
        text.setText(line);
        getElement().setAttribute("data-running", Long.toString(running));
    }
}
