package org.siyu.launcher.internal.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.siyu.api.jobs.JobInfo;
import org.siyu.api.jobs.JobInfo.State;
import org.siyu.launcher.internal.persistence.Database;

/** The jobs migration and store on PostgreSQL ({@code -Dsiyu.test.postgres=<jdbc url>}, as {@code ./siyu test} sets). */
@EnabledIfSystemProperty(named = "siyu.test.postgres", matches = "jdbc:postgresql:.*")
class HostJobsPostgresTest {

    @TempDir
    Path data;

    @Test
    void jobsShouldBeRecordedAndInterruptedOnPostgres() throws Exception {
        String url = System.getProperty("siyu.test.postgres");
        long running;
        long succeeded;
        CountDownLatch release = new CountDownLatch(1);
        try (Database db = Database.open(url, data)) {
            HostJobs jobs = new HostJobs(db.dataSource(), null, null);
            succeeded = jobs.start("pg.done", "Done on PostgreSQL 完成", "alice", p -> {
                p.total(3);
                p.advance(3);
                return "三 rows";
            }).id();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!jobs.job(succeeded).orElseThrow().state().ended() && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            running = jobs.start("pg.block", "Blocks", "alice", p -> {
                release.await();
                return null;
            }).id();
            // The node dies here: the row stays RUNNING in the table.
            JobInfo stored = new JobStore(db.dataSource()).find(running).orElseThrow();
            assertEquals(State.RUNNING, stored.state());
            db.close();
            release.countDown();
            jobs.close();
        }
        try (Database db = Database.open(url, data)) {
            HostJobs jobs = new HostJobs(db.dataSource(), null, null);
            JobInfo done = jobs.job(succeeded).orElseThrow();
            assertEquals(State.SUCCEEDED, done.state());
            assertEquals("三 rows", done.message());
            assertEquals(3, done.done());
            assertEquals("Done on PostgreSQL 完成", done.title());
            assertEquals(State.INTERRUPTED, jobs.job(running).orElseThrow().state());
            assertTrue(jobs.recent(2).stream().anyMatch(j -> j.id() == running));
            jobs.close();
        }
    }
}
