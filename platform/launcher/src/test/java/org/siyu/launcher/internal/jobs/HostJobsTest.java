package org.siyu.launcher.internal.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siyu.api.jobs.JobInfo;
import org.siyu.api.jobs.JobInfo.State;
import org.siyu.launcher.internal.persistence.Database;
import org.siyu.launcher.internal.security.AuditLog;
import org.siyu.shell.backend.ConsoleFeed;

/** Jobs against the real host migration on an H2 file, as the node runs them. */
class HostJobsTest {

    @TempDir
    Path data;
    Database db;
    HostJobs jobs;
    AuditLog audit;
    final ConsoleFeed console = new ConsoleFeed();
    final List<CountDownLatch> toRelease = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        db = Database.open(null, data);
        audit = new AuditLog(db.dataSource());
        jobs = new HostJobs(db.dataSource(), audit, console);
    }

    @AfterEach
    void close() {
        toRelease.forEach(CountDownLatch::countDown);
        if (jobs != null) {
            jobs.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private CountDownLatch latch() {
        CountDownLatch l = new CountDownLatch(1);
        toRelease.add(l);
        return l;
    }

    private JobInfo awaitEnd(long id) throws InterruptedException {
        assertTrue(await(() -> jobs.job(id).orElseThrow().state().ended()), "job " + id + " did not end");
        return jobs.job(id).orElseThrow();
    }

    private static boolean await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }

    @Test
    void shouldRunAJobToSuccessAndKeepItsSummaryProgressAndRecord() throws Exception {
        JobInfo started = jobs.start("test.count", "Count to 1,000", "alice", p -> {
            p.total(1000);
            for (int i = 0; i < 10; i++) {
                p.advance(100);
                p.message("at " + (i + 1) * 100);
            }
            return "counted 1,000";
        });
        assertEquals(State.RUNNING, started.state());
        assertEquals("alice", started.actor());
        JobInfo ended = awaitEnd(started.id());
        assertEquals(State.SUCCEEDED, ended.state());
        assertEquals("counted 1,000", ended.message());
        assertEquals(1000, ended.total());
        assertEquals(1000, ended.done());
        assertEquals(1.0, ended.fraction());
        assertNotNull(ended.finished());
        // The stored row, not the in-memory copy: a new service reads the table.
        JobInfo stored = new JobStore(db.dataSource()).find(started.id()).orElseThrow();
        assertEquals(ended, stored);
        // the line is written by the job's thread just after the job's record ended
        assertTrue(await(() -> console.recent().stream().anyMatch(l -> l.source().equals("job")
                && l.text().contains("#" + started.id()) && l.text().contains("SUCCEEDED")
                && l.text().contains("counted 1,000"))), "a console line when the job ends");
    }

    @Test
    void aFailingJobShouldEndFailedWithTheExceptionMessage() throws Exception {
        long id = jobs.start("test.fail", "Fails", "bob", p -> {
            p.message("reading row 3");
            throw new IllegalStateException("row 3: the phone field is not a number");
        }).id();
        JobInfo ended = awaitEnd(id);
        assertEquals(State.FAILED, ended.state());
        assertEquals("row 3: the phone field is not a number", ended.message());
        long npe = jobs.start("test.fail", "Fails without a message", "bob", p -> {
            throw new NullPointerException();
        }).id();
        assertEquals("NullPointerException", awaitEnd(npe).message());
        assertTrue(await(() -> console.recent().stream().anyMatch(l -> l.level().equals("WARN")
                && l.text().contains("#" + npe) && l.text().contains("FAILED"))), "a warning line when it fails");
    }

    @Test
    void cancelShouldStopARunningJobThatChecksAndBeAudited() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        long id = jobs.start("test.loop", "Loops until cancelled", "alice", p -> {
            running.countDown();
            long n = 0;
            while (!p.cancelled()) {
                p.done(++n);
                Thread.sleep(1);
            }
            return "stopped after " + n;
        }).id();
        assertTrue(running.await(10, TimeUnit.SECONDS));
        assertTrue(jobs.cancel(id, "carol"));
        JobInfo ended = awaitEnd(id);
        assertEquals(State.CANCELLED, ended.state());
        assertTrue(ended.message().startsWith("cancelled by carol: stopped after "), ended.message());
        assertFalse(jobs.cancel(id, "carol"), "an ended job cannot be cancelled");
        assertFalse(jobs.cancel(987_654, "carol"), "an unknown job cannot be cancelled");
        assertTrue(audit.recent(10).stream().anyMatch(e -> e.action().equals("job.cancel")
                && e.actor().equals("carol") && e.target().equals("job " + id)));
    }

    @Test
    void theThirdJobShouldWaitQueuedAndCanBeCancelledBeforeItStarts() throws Exception {
        CountDownLatch release = latch();
        List<Long> order = new CopyOnWriteArrayList<>();
        JobInfo a = jobs.start("test.block", "A", "x", p -> {
            release.await();
            order.add(1L);
            return null;
        });
        JobInfo b = jobs.start("test.block", "B", "x", p -> {
            release.await();
            order.add(2L);
            return null;
        });
        JobInfo c = jobs.start("test.block", "C", "x", p -> {
            order.add(3L);
            return "ran third";
        });
        JobInfo d = jobs.start("test.block", "D", "x", p -> {
            order.add(4L);
            return "must not run";
        });
        assertEquals(State.RUNNING, a.state());
        assertEquals(State.RUNNING, b.state());
        assertEquals(State.QUEUED, c.state());
        assertEquals(State.QUEUED, d.state());
        assertEquals(2, jobs.active().stream().filter(j -> j.state() == State.RUNNING).count());
        assertTrue(jobs.cancel(d.id(), "x"));
        assertEquals(State.CANCELLED, jobs.job(d.id()).orElseThrow().state());
        assertEquals("cancelled by x before it started", jobs.job(d.id()).orElseThrow().message());
        assertEquals(State.QUEUED, jobs.job(c.id()).orElseThrow().state(), "no thread is free yet");
        release.countDown();
        assertEquals(State.SUCCEEDED, awaitEnd(c.id()).state());
        assertEquals("ran third", jobs.job(c.id()).orElseThrow().message());
        assertTrue(order.contains(3L));
        assertFalse(order.contains(4L));
        assertEquals(List.of(d.id(), c.id(), b.id(), a.id()), jobs.recent(4).stream().map(JobInfo::id).toList());
    }

    @Test
    void progressShouldReachTheTableWhileTheJobRuns() throws Exception {
        CountDownLatch release = latch();
        long id = jobs.start("test.progress", "Half way", "x", p -> {
            p.total(10);
            p.done(5);
            p.message("five of ten");
            release.await();
            return null;
        }).id();
        JobStore store = new JobStore(db.dataSource());
        assertTrue(await(() -> store.find(id).orElseThrow().done() == 5), "progress is flushed to the table");
        JobInfo row = store.find(id).orElseThrow();
        assertEquals(State.RUNNING, row.state());
        assertEquals(10, row.total());
        assertEquals("five of ten", row.message());
        assertNull(row.finished());
    }

    @Test
    void listenersShouldHearStartProgressAndEnd() throws Exception {
        List<JobInfo> heard = new CopyOnWriteArrayList<>();
        Runnable stop = jobs.subscribe(heard::add);
        jobs.subscribe(j -> {
            throw new IllegalStateException("a broken listener");
        });
        long id = jobs.start("test.listen", "Listened", "x", p -> {
            p.total(2);
            p.done(2);
            return "ok";
        }).id();
        awaitEnd(id);
        assertTrue(await(() -> heard.stream().anyMatch(j -> j.id() == id && j.state() == State.SUCCEEDED)));
        List<JobInfo> mine = heard.stream().filter(j -> j.id() == id).toList();
        assertEquals(State.SUCCEEDED, mine.get(mine.size() - 1).state(), "the last word is the end: " + mine);
        assertEquals("ok", mine.get(mine.size() - 1).message());
        stop.run();
        long other = jobs.start("test.listen", "Not heard", "x", p -> null).id();
        awaitEnd(other);
        assertTrue(heard.stream().noneMatch(j -> j.id() == other));
    }

    @Test
    void aListenerThatBlocksShouldNotHoldUpProgressOrTheEndOfAJob() throws Exception {
        CountDownLatch release = latch();
        // a browser that stopped reading: the shell's push blocks in the listener
        jobs.subscribe(j -> {
            if (j.done() > 0) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        try {
            long id = jobs.start("test.blocked-listener", "Heard by a stuck listener", "x", p -> {
                p.total(3);
                for (int i = 1; i <= 3; i++) {
                    p.done(i);
                    Thread.sleep(HostJobs.FLUSH_EVERY.toMillis() + 200); // a flush writes and publishes each step
                }
                return "all three";
            }).id();
            assertTrue(await(() -> jobs.job(id).orElseThrow().state() == State.SUCCEEDED),
                    "a stuck listener kept the job from ending: " + jobs.job(id).orElseThrow());
            JobInfo row = new JobStore(db.dataSource()).find(id).orElseThrow();
            assertEquals(State.SUCCEEDED, row.state());
            assertEquals(3, row.done());
            assertEquals("all three", row.message());
        } finally {
            release.countDown();
        }
    }

    @Test
    void listenersShouldHearTheEndOfAJobTheNodeStops() throws Exception {
        List<JobInfo> heard = new CopyOnWriteArrayList<>();
        jobs.subscribe(heard::add);
        long id = jobs.start("test.until-stopped", "Runs until the node stops", "x", p -> {
            while (!p.cancelled()) {
                Thread.sleep(10);
            }
            return null;
        }).id();
        assertTrue(await(() -> heard.stream().anyMatch(j -> j.id() == id && j.state() == State.RUNNING)));

        jobs.close();

        assertTrue(await(() -> heard.stream().anyMatch(j -> j.id() == id && j.state() == State.INTERRUPTED)),
                "a view still open while the node stops hears the job end: " + heard);
    }

    @Test
    void jobsLeftRunningOrQueuedByAKilledNodeShouldBeInterruptedAtTheNextStart() throws Exception {
        long done = jobs.start("test.done", "Done before", "x", p -> "finished").id();
        awaitEnd(done);
        CountDownLatch release = latch();
        long a = jobs.start("test.block", "A", "x", p -> {
            release.await();
            return null;
        }).id();
        long b = jobs.start("test.block", "B", "x", p -> {
            release.await();
            return null;
        }).id();
        long c = jobs.start("test.block", "C", "x", p -> null).id();
        // A killed node: its threads are gone and nobody updates the rows. Here: the database closes under the jobs
        // and a second service on a reopened file must not trust what the table says.
        HostJobs killed = jobs;
        jobs = null;
        Database first = db;
        db = null;
        first.close();
        release.countDown();
        killed.close();
        db = Database.open(null, data);
        jobs = new HostJobs(db.dataSource(), null, null);
        JobInfo ja = jobs.job(a).orElseThrow();
        assertEquals(State.INTERRUPTED, ja.state());
        assertEquals("the node stopped while the job was running; start it again", ja.message());
        assertNotNull(ja.finished());
        assertEquals(State.INTERRUPTED, jobs.job(b).orElseThrow().state());
        assertEquals(State.INTERRUPTED, jobs.job(c).orElseThrow().state());
        assertEquals("the node stopped before the job started; start it again", jobs.job(c).orElseThrow().message());
        assertEquals(State.SUCCEEDED, jobs.job(done).orElseThrow().state(), "an ended job stays as it ended");
        assertTrue(jobs.active().isEmpty());
        long next = jobs.start("test.after", "After restart", "x", p -> "fine").id();
        assertTrue(next > c, "ids keep increasing across restarts");
        assertEquals(State.SUCCEEDED, awaitEnd(next).state());
    }

    @Test
    void stoppingTheNodeShouldInterruptRunningJobsAndRefuseNewOnes() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        long id = jobs.start("test.loop", "Loops", "x", p -> {
            running.countDown();
            while (!p.cancelled()) {
                Thread.sleep(1);
            }
            return "stopped";
        }).id();
        CountDownLatch never = latch();
        long queued1 = jobs.start("test.block", "Blocks", "x", p -> {
            never.await();
            return null;
        }).id();
        long queued2 = jobs.start("test.wait", "Waits", "x", p -> null).id();
        assertTrue(running.await(10, TimeUnit.SECONDS));
        new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            never.countDown();
        }).start();
        jobs.close();
        JobStore store = new JobStore(db.dataSource());
        assertEquals(State.INTERRUPTED, store.find(id).orElseThrow().state());
        assertEquals(State.INTERRUPTED, store.find(queued1).orElseThrow().state());
        assertEquals(State.INTERRUPTED, store.find(queued2).orElseThrow().state());
        assertThrows(IllegalStateException.class, () -> jobs.start("test.late", "Too late", "x", p -> null));
    }

    @Test
    void aJobNeedsKindTitleAndWork() {
        assertThrows(IllegalArgumentException.class, () -> jobs.start(" ", "t", "x", p -> null));
        assertThrows(IllegalArgumentException.class, () -> jobs.start("k", "", "x", p -> null));
        assertThrows(NullPointerException.class, () -> jobs.start("k", "t", "x", null));
        assertEquals("system", jobs.start("k", "t", null, p -> null).actor());
    }
}
