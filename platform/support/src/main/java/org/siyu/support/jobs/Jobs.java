package org.siyu.support.jobs;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.siyu.api.jobs.JobInfo;
import org.siyu.api.jobs.JobProgress;
import org.siyu.api.jobs.JobService;
import org.siyu.api.jobs.JobWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs this bundle's long work as a job of the host's {@link JobService} (progress in the shell, a record that
 * survives the browser), or, while no job service is registered, on a thread of its own that logs the progress.
 * Either way the caller gets a future that completes with the work's summary or its failure.
 *
 * <p>Not shared between bundles: each bundle that uses it embeds a private copy ({@code -conditionalpackage:
 * org.siyu.support.*} in its bnd.bnd), and bnd reads the DS annotations of the copied class, so every such bundle
 * registers its own {@code Jobs} component and its own fallback threads, which stop when that bundle stops. The
 * framework hands a bundle only registrations whose class is the one its own loader sees, so a bundle's references
 * bind its own {@code Jobs}, never another bundle's copy.
 */
@Component(service = Jobs.class)
public class Jobs {

    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile JobService jobService;

    private final ExecutorService fallback = Executors.newCachedThreadPool(r -> {
        // Renamed to the job's kind while it runs: a thread dump then tells whose work it is.
        Thread thread = new Thread(r, "siyu-job");
        thread.setDaemon(true);
        return thread;
    });

    /** For DS: the job service arrives through the field. */
    public Jobs() {
    }

    /** For tests: a job service, or {@code null} for none. */
    public Jobs(JobService jobService) {
        this.jobService = jobService;
    }

    @Deactivate
    void deactivate() {
        fallback.shutdownNow();
    }

    /**
     * A started job.
     *
     * @param job  the host's record, or {@code null} when it runs on this bundle's own thread
     * @param done completes with the summary, or exceptionally with the failure
     */
    public record Started(JobInfo job, CompletableFuture<String> done) {
    }

    /** Starts {@code work}; returns at once. */
    public Started start(String kind, String title, String actor, JobWork work) {
        CompletableFuture<String> done = new CompletableFuture<>();
        JobWork tracked = progress -> {
            try {
                String summary = work.run(progress);
                done.complete(summary);
                return summary;
            } catch (Exception | Error e) {
                done.completeExceptionally(e);
                throw e;
            }
        };
        JobService service = jobService;
        if (service != null) {
            return new Started(service.start(kind, title, actor, tracked), done);
        }
        LOG.info("No job service: {} ({}) runs on a background thread", kind, title);
        fallback.execute(() -> {
            Thread.currentThread().setName("siyu-job " + kind);
            try {
                String summary = tracked.run(new LoggedProgress(kind));
                LOG.info("{} done: {}", kind, summary);
            } catch (Exception e) {
                LOG.warn("{} failed: {}", kind, e.toString(), e);
            } finally {
                Thread.currentThread().setName("siyu-job");
            }
        });
        return new Started(null, done);
    }

    /** Progress nobody watches (a REST download streams while the client waits). */
    public static final JobProgress NO_PROGRESS = new JobProgress() {
        @Override
        public void total(long total) {
        }

        @Override
        public void done(long done) {
        }

        @Override
        public void advance(long delta) {
        }

        @Override
        public void message(String message) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** Progress of work run without the job service: logged at every tenth of the total. */
    static final class LoggedProgress implements JobProgress {
        private final String kind;
        private final AtomicLong total = new AtomicLong(-1);
        private final AtomicLong done = new AtomicLong();
        private final AtomicLong logged = new AtomicLong();

        LoggedProgress(String kind) {
            this.kind = kind;
        }

        @Override
        public void total(long total) {
            this.total.set(total);
        }

        @Override
        public void done(long done) {
            this.done.set(done);
            log();
        }

        @Override
        public void advance(long delta) {
            done.addAndGet(delta);
            log();
        }

        @Override
        public void message(String message) {
            LOG.debug("{}: {}", kind, message);
        }

        @Override
        public boolean cancelled() {
            return Thread.currentThread().isInterrupted();
        }

        private void log() {
            long all = total.get();
            long now = done.get();
            if (all > 0 && now - logged.get() >= Math.max(1, all / 10)) {
                logged.set(now);
                LOG.info("{}: {} of {}", kind, now, all);
            }
        }
    }
}
