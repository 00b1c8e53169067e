package org.siyu.membership.internal.jobs;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.siyu.membership.internal.Settings;
import org.siyu.membership.internal.SettingsSource;
import org.siyu.membership.internal.birthdays.BirthdayGifts;
import org.siyu.membership.internal.coupons.Coupons;
import org.siyu.membership.internal.points.PointsLedger;
import org.siyu.membership.internal.tiers.Tiers;
import org.siyu.support.jobs.Jobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily work, as one job at the configured hour (and once shortly after start, so a node that was down at that
 * hour catches up): expire due points lots, expire unused coupons past their end, review the tiers whose review date
 * has come, send the birthday coupons. Each step is idempotent, so running it twice in a day changes nothing the second time.
 */
@Component(service = DailyJobs.class, immediate = true)
public class DailyJobs {

    private static final Logger LOG = LoggerFactory.getLogger(DailyJobs.class);

    /** Members per transaction. */
    static final int BATCH = 200;

    private final PointsLedger ledger;
    private final Coupons coupons;
    private final Tiers tiers;
    private final BirthdayGifts birthdays;
    private final Jobs jobs;
    private final Supplier<Settings> settings;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "siyu-membership-daily");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public DailyJobs(@Reference PointsLedger ledger, @Reference Coupons coupons, @Reference Tiers tiers,
            @Reference BirthdayGifts birthdays, @Reference Jobs jobs, @Reference SettingsSource settings) {
        this.ledger = ledger;
        this.coupons = coupons;
        this.tiers = tiers;
        this.birthdays = birthdays;
        this.jobs = jobs;
        this.settings = settings;
        timer.schedule(this::startAndReschedule, 2, TimeUnit.MINUTES);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    private void startAndReschedule() {
        try {
            start("system");
        } catch (RuntimeException e) {
            LOG.warn("Membership daily job did not start: {}", e.toString());
        }
        Settings s = settings.get();
        ZonedDateTime now = ZonedDateTime.now(s.zone());
        ZonedDateTime next = now.withHour(s.dailyHour()).withMinute(0).withSecond(0).withNano(0);
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        timer.schedule(this::startAndReschedule, Duration.between(now, next).toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts the daily work as a job now. */
    public Jobs.Started start(String actor) {
        return jobs.start("membership.daily", "Membership: expire points and coupons, review tiers, birthday gifts", actor,
                progress -> run());
    }

    /** The work itself. @return the summary */
    public String run() {
        long points = ledger.expireAll(BATCH, n -> { });
        int expiredCoupons = coupons.expireDue();
        int moved = tiers.review(BATCH);
        // after the review: the gift is the tier's the member holds today
        BirthdayGifts.Sent gifts = birthdays.sendDue();
        return points + " points expired, " + expiredCoupons + " coupons expired, " + moved + " members changed tier, "
                + gifts;
    }
}
