package org.siyu.support.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.siyu.api.jobs.JobInfo;
import org.siyu.api.jobs.JobService;
import org.siyu.api.jobs.JobWork;

class JobsTest {

    @Test
    void withoutAJobServiceTheWorkRunsOnAThreadOfItsOwn() throws Exception {
        Jobs jobs = new Jobs(null);
        try {
            Jobs.Started started = jobs.start("test.kind", "Test", "alice", progress -> {
                progress.total(20);
                for (int i = 0; i < 20; i++) {
                    progress.advance(1);
                }
                return "20 done on " + Thread.currentThread().getName();
            });
            assertNull(started.job());
            assertEquals("20 done on siyu-job test.kind", started.done().get(10, TimeUnit.SECONDS));
        } finally {
            jobs.deactivate();
        }
    }

    @Test
    void aFailureCompletesTheFutureExceptionally() {
        Jobs jobs = new Jobs(null);
        try {
            Jobs.Started started = jobs.start("test.kind", "Test", "alice", progress -> {
                throw new IllegalStateException("row 3 is broken");
            });
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> started.done().get(10, TimeUnit.SECONDS));
            assertInstanceOf(IllegalStateException.class, e.getCause());
            assertEquals("row 3 is broken", e.getCause().getMessage());
        } finally {
            jobs.deactivate();
        }
    }

    @Test
    void withAJobServiceTheServiceRunsTheWorkAndTheFutureFollowsIt() throws Exception {
        InlineJobService service = new InlineJobService();
        Jobs.Started started = new Jobs(service).start("test.kind", "Test", "alice", progress -> "ok");
        assertSame(service.started.get(0), started.job());
        assertEquals("test.kind", started.job().kind());
        assertEquals("ok", started.done().getNow("not run"));
    }

    /** Runs the work on the caller's thread, as a host would on one of its own. */
    private static final class InlineJobService implements JobService {
        final List<JobInfo> started = new ArrayList<>();

        @Override
        public JobInfo start(String kind, String title, String actor, JobWork work) {
            try {
                work.run(Jobs.NO_PROGRESS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            JobInfo info = new JobInfo(started.size() + 1, kind, title, actor, JobInfo.State.SUCCEEDED, 0, 0,
                    "ok", Instant.EPOCH, Instant.EPOCH);
            started.add(info);
            return info;
        }

        @Override
        public Optional<JobInfo> job(long id) {
            return started.stream().filter(j -> j.id() == id).findFirst();
        }

        @Override
        public List<JobInfo> recent(int limit) {
            return started;
        }

        @Override
        public boolean cancel(long id, String actor) {
            return false;
        }
    }
}
