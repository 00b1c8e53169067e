package org.siyu.shell.internal.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.siyu.api.jobs.JobInfo;
import org.siyu.api.jobs.JobInfo.State;
import org.siyu.shell.internal.Messages;

class JobIndicatorTest {

    private static JobInfo job(long id, State state, long total, long done) {
        return new JobInfo(id, "search.rebuild", "Rebuild " + id, "admin", state, total, done, null, Instant.now(),
                state.ended() ? Instant.now() : null);
    }

    private static String text(JobIndicator indicator) {
        return indicator.getElement().getTextRecursively();
    }

    @Test
    void showsRunningAndWaitingJobsWithTheirCombinedProgressAndHidesWhenNoneIsLeft() {
        AtomicInteger opened = new AtomicInteger();
        JobIndicator indicator = new JobIndicator(Messages.of(Messages.EN), opened::incrementAndGet);
        indicator.reset(List.of());
        assertFalse(indicator.isVisible());

        indicator.update(job(1, State.RUNNING, 100, 25));
        assertTrue(indicator.isVisible());
        assertEquals("1 running · 25% · Rebuild 1", text(indicator));

        indicator.update(job(2, State.RUNNING, 300, 75));
        indicator.update(job(3, State.QUEUED, -1, 0));
        assertEquals("2 running, 1 waiting · 25%", text(indicator));

        indicator.update(job(1, State.SUCCEEDED, 100, 100));
        indicator.update(job(3, State.CANCELLED, -1, 0));
        assertEquals("1 running · 25% · Rebuild 2", text(indicator));
        indicator.update(job(2, State.FAILED, 300, 80));
        assertFalse(indicator.isVisible());
    }

    @Test
    void speaksChinese() {
        JobIndicator indicator = new JobIndicator(Messages.of(Messages.ZH), () -> { });
        indicator.reset(List.of(job(1, State.RUNNING, -1, 10), job(2, State.QUEUED, -1, 0)));
        assertEquals("1 个运行中，1 个排队", text(indicator));
    }
}
