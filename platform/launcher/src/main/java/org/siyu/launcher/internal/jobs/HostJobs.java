package org.siyu.launcher.internal.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.siyu.api.jobs.JobInfo;
import org.siyu.api.jobs.JobInfo.State;
import org.siyu.api.jobs.JobService;
import org.siyu.api.jobs.JobWork;
import org.siyu.shell.backend.AuditTrail;
import org.siyu.shell.backend.ConsoleFeed;
import org.siyu.shell.backend.JobMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's {@link JobService}: {@value #THREADS} job threads, further jobs wait {@code QUEUED} in start order. Each
 * job is a row in {@code siyu_job}, written when it is queued, starts and ends; progress lives in memory and is written
 * (and pushed to listeners) at most once per {@link #FLUSH_EVERY}. A row a previous run left queued or running becomes
 * {@code INTERRUPTED} when this one starts. Jobs belong to the node, not to a browser: closing the shell does nothing
 * to them; stopping the node asks them to stop and records them {@code INTERRUPTED}.
 */
public final class HostJobs implements JobService, JobMonitor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HostJobs.class);

    static final int THREADS = 2;
    static final Duration FLUSH_EVERY = Duration.ofSeconds(1);
    /** How long {@link #close} waits for running jobs to notice they should stop. */
    static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final JobStore store;
    private final AuditTrail audit;
    private final ConsoleFeed console;
    private final AtomicInteger threadNumber = new AtomicInteger();
    private final ExecutorService workers = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "siyu-job-" + threadNumber.incrementAndGet());
        t.setDaemon(true);   // a job that ignores cancel must not keep the JVM alive
        return t;
    });
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "siyu-job-progress");
        t.setDaemon(true);
        return t;
    });
    /**
     * Tells listeners, one job record at a time in the order they were handed over. Listeners are other bundles' code
     * (a shell view pushing to a browser); run on the job threads or the flusher while they hold a job's monitor, one
     * that blocked would stop every job's progress from being written and the job from ending. One that blocks here
     * delays what the other listeners hear, not the jobs.
     */
    private final ExecutorService notifier = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "siyu-job-listeners");
        t.setDaemon(true);
        return t;
    });
    private final Object lock = new Object();
    /** Queued and running jobs, by id; guarded by {@link #lock}. */
    private final Map<Long, RunningJob> active = new LinkedHashMap<>();
    private final Deque<RunningJob> queue = new ArrayDeque<>();
    private int freeThreads = THREADS;
    private final List<Consumer<JobInfo>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;

    /**
     * @param audit   records cancels, or {@code null}
     * @param console gets a line when a job ends, or {@code null}
     */
    public HostJobs(javax.sql.DataSource dataSource, AuditTrail audit, ConsoleFeed console) {
        this.store = new JobStore(dataSource);
        this.audit = audit;
        this.console = console;
        int interrupted = store.interruptLeftovers(now());
        if (interrupted > 0) {
            LOG.warn("{} job(s) of the previous run were queued or running when it stopped; marked INTERRUPTED",
                    interrupted);
        }
        long period = FLUSH_EVERY.toMillis();
        flusher.scheduleWithFixedDelay(this::flushProgress, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public JobInfo start(String kind, String title, String actor, JobWork work) {
        Objects.requireNonNull(work, "work");
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("a job needs a kind");
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a job needs a title");
        }
        String who = actor == null || actor.isBlank() ? "system" : actor;
        JobInfo info;
        RunningJob job;
        synchronized (lock) {
            if (stopping) {
                throw new IllegalStateException("the node is stopping; job '" + title + "' was not started");
            }
            boolean now = freeThreads > 0;
            Instant at = now();
            long id = store.insert(kind, title, who, now ? State.RUNNING : State.QUEUED, at);
            job = new RunningJob(id, kind, title, who, work, now ? State.RUNNING : State.QUEUED, at);
            active.put(id, job);
            info = job.info();   // before the work can run: the caller is told RUNNING or QUEUED, as promised
            if (now) {
                freeThreads--;
                RunningJob started = job;
                workers.execute(() -> run(started));
            } else {
                queue.addLast(job);
            }
        }
        LOG.debug("Job {} {} '{}' {} by {}", info.id(), kind, title, info.state(), who);
        publish(job);
        return info;
    }

    @Override
    public Optional<JobInfo> job(long id) {
        synchronized (lock) {
            RunningJob job = active.get(id);
            if (job != null) {
                return Optional.of(job.info());
            }
        }
        return store.find(id);
    }

    @Override
    public List<JobInfo> recent(int limit) {
        List<JobInfo> stored = store.recent(limit);
        // The table holds progress as of the last flush; what is in memory is newer.
        synchronized (lock) {
            return stored.stream().map(j -> {
                RunningJob live = active.get(j.id());
                return live == null ? j : live.info();
            }).toList();
        }
    }

    @Override
    public List<JobInfo> active() {
        synchronized (lock) {
            return active.values().stream().map(RunningJob::info).toList();
        }
    }

    @Override
    public boolean cancel(long id, String actor) {
        String who = actor == null || actor.isBlank() ? "system" : actor;
        RunningJob job;
        boolean ended;
        synchronized (lock) {
            job = active.get(id);
            if (job == null) {
                return false;
            }
            if (job.state.ended()) {
                return false;   // ended, not yet out of the active map (its thread is between end and clean-up)
            }
            if (job.cancelRequested) {
                return true;
            }
            if (job.state == State.QUEUED) {
                queue.remove(job);
                active.remove(id);
                job.end(State.CANCELLED, "cancelled by " + who + " before it started", now());
                write(job.info());
                ended = true;
            } else {
                job.cancelRequested = true;
                job.cancelledBy = who;
                ended = false;
            }
        }
        if (audit != null) {
            audit.record(who, "job.cancel", "job " + id, null, null);
        }
        if (ended) {
            publish(job);
            announce(job.info());
        }
        return true;
    }

    @Override
    public Runnable subscribe(Consumer<JobInfo> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void run(RunningJob job) {
        String summary = null;
        Throwable failure = null;
        try {
            summary = job.work.run(job);
        } catch (Exception | LinkageError | AssertionError e) {
            failure = e;
        }
        State state;
        String message;
        if (job.cancelRequested && job.cancelledBy == null) {
            state = State.INTERRUPTED;
            message = "the node stopped while the job was running; start it again";
        } else if (job.cancelRequested) {
            state = State.CANCELLED;
            message = "cancelled by " + job.cancelledBy + (summary == null ? "" : ": " + summary);
        } else if (failure != null) {
            state = State.FAILED;
            String why = failure.getMessage();
            message = why == null || why.isBlank() ? failure.getClass().getSimpleName() : why;
            LOG.warn("Job {} {} '{}' failed: {}", job.id, job.kind, job.title, message, failure);
        } else {
            state = State.SUCCEEDED;
            message = summary != null ? summary : job.message;
        }
        JobInfo ended;
        RunningJob next;
        synchronized (job) {
            job.end(state, message, now());
            ended = job.info();
            write(ended);
            publish(job);
        }
        synchronized (lock) {
            active.remove(job.id);
            next = stopping ? null : queue.pollFirst();
            if (next == null) {
                freeThreads++;
            } else {
                RunningJob following = next;
                following.state = State.RUNNING;
                following.started = now();
                write(following.info());
                workers.execute(() -> run(following));
            }
        }
        announce(ended);
        if (next != null) {
            publish(next);
        }
    }

    /** Writes progress that moved since the last flush, and tells listeners. */
    private void flushProgress() {
        List<RunningJob> running;
        synchronized (lock) {
            running = new ArrayList<>(active.values());
        }
        for (RunningJob job : running) {
            synchronized (job) {
                if (job.dirty && job.state == State.RUNNING) {
                    job.dirty = false;
                    write(job.info());
                    publish(job);
                }
            }
        }
    }

    private void write(JobInfo info) {
        try {
            store.update(info);
        } catch (RuntimeException e) {
            // The job goes on; its record catches up with the next write.
            LOG.warn("Cannot record job {}: {}", info.id(), e.getMessage());
        }
    }

    /**
     * Hands the job's record as it is now to the listeners' thread. Taken under the job's monitor, so the records of a
     * job reach listeners in the order of its states and the last one heard is the latest (a "running" heard after
     * "succeeded" would leave a UI showing a job that has ended); the listeners run outside it.
     */
    private void publish(RunningJob job) {
        synchronized (job) {
            JobInfo info = job.info();
            try {
                notifier.execute(() -> publish(info));
            } catch (RejectedExecutionException e) {
                // the service is closed: nobody listens any more
            }
        }
    }

    private void publish(JobInfo info) {
        for (Consumer<JobInfo> listener : listeners) {
            try {
                listener.accept(info);
            } catch (RuntimeException e) {
                // a closed UI must not stop the others from hearing about the job
            }
        }
    }

    private void announce(JobInfo job) {
        if (console == null) {
            return;
        }
        long millis = job.finished() == null ? 0 : Duration.between(job.started(), job.finished()).toMillis();
        String level = job.state() == State.FAILED || job.state() == State.INTERRUPTED ? "WARN" : "INFO";
        console.publish(new ConsoleFeed.Line(now(), ConsoleFeed.Kind.EVENT, level, "job",
                "#" + job.id() + " " + job.kind() + " '" + job.title() + "' " + job.state() + " after "
                        + String.format(java.util.Locale.ROOT, "%.1f", millis / 1000.0) + " s"
                        + (job.message() == null ? "" : ": " + job.message())));
    }

    /** Asks running jobs to stop, waits up to {@link #STOP_WAIT}, and records whatever is left INTERRUPTED. */
    @Override
    public void close() {
        List<RunningJob> running = new ArrayList<>();
        synchronized (lock) {
            stopping = true;
            Instant now = now();
            for (RunningJob queued : queue) {
                active.remove(queued.id);
                queued.end(State.INTERRUPTED, "the node stopped before the job started; start it again", now);
                write(queued.info());
            }
            queue.clear();
            for (RunningJob job : active.values()) {
                job.cancelRequested = true;   // cancelledBy stays null: the node, not a user
                running.add(job);
            }
        }
        flusher.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} job(s) did not stop within {} s", running.size(), STOP_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        notifier.shutdown(); // after the jobs' ends were handed over: views still open hear them
        for (RunningJob job : running) {
            synchronized (job) {
                if (!job.state.ended()) {
                    job.end(State.INTERRUPTED, "the node stopped while the job was running; start it again",
                            now());
                    write(job.info());
                }
            }
        }
    }

    /** Now, to the microsecond: what the job table stores, so a job read back equals the job in memory. */
    private static Instant now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
