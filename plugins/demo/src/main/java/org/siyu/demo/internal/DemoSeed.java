package org.siyu.demo.internal;

import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.siyu.api.commerce.CommerceService;
import org.siyu.api.events.EventBus;
import org.siyu.api.identity.IdentityService;
import org.siyu.api.jobs.JobInfo;
import org.siyu.api.jobs.JobProgress;
import org.siyu.api.jobs.JobService;
import org.siyu.api.membership.MembershipService;
import org.siyu.api.org.OrgService;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.api.tags.TagService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the demo brand on a new home when the bundle starts, unless {@code SIYU_DEMO=off} (environment) or
 * {@code siyu.demo=off} (system or framework property; also {@code false}, {@code no}, {@code 0}).
 *
 * <p>A seed starts only on an empty home (no customer, no {@code demo_seed} row) and goes on where it stopped if
 * {@code demo_seed} says it started and did not finish; a finished one is never repeated. It runs as a job
 * ({@code demo.seed}) when the host's {@link JobService} is there, else on a thread of its own, logging progress.
 *
 * <p>The kernel's units come up asynchronously, so the start waits up to {@value #WAIT_SECONDS} s for the tagging and
 * organisation services (and for commerce's and membership's when their bundles are installed); without them the
 * seed goes on without tags, respectively stores, guides and owners, respectively with {@code order.paid} events
 * instead of orders, respectively without coupons.
 */
@Component(immediate = true, service = {})
public class DemoSeed {

    static final String ENV = "SIYU_DEMO";
    static final String PROPERTY = "siyu.demo";
    static final int WAIT_SECONDS = 30;
    static final String COMMERCE_BUNDLE = "org.siyu.commerce";
    static final String MEMBERSHIP_BUNDLE = "org.siyu.membership";
    private static final Set<String> OFF = Set.of("off", "false", "no", "0");
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeed.class);

    /** What to do at start. */
    enum Decision { OFF, SEED, RESUME, DONE, NOT_EMPTY }

    @Reference(target = "(" + PersistenceUnit.NAME_PROPERTY + "=" + DemoEntities.UNIT + ")")
    private PersistenceUnit unit;
    @Reference
    private IdentityService identity;
    @Reference
    private EventBus bus;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TagService tags;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile OrgService org;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile JobService jobs;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CommerceService commerce;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MembershipService membership;

    /** Whether the commerce bundle is installed: then the seed waits for its service to record real orders. */
    private volatile boolean commerceInstalled;
    /** Whether the membership bundle is installed: then the seed waits for its service to seed coupons. */
    private volatile boolean membershipInstalled;

    private Function<String, String> environment = System::getenv;
    private Function<String, String> properties = System::getProperty;
    private volatile boolean stopped;
    private volatile Thread starter;
    private volatile long jobId = -1;

    public DemoSeed() {
    }

    /** For tests: the services, and where the switch is read. */
    DemoSeed(PersistenceUnit unit, IdentityService identity, EventBus bus, TagService tags, OrgService org,
            JobService jobs, Function<String, String> environment, Function<String, String> properties) {
        this.unit = unit;
        this.identity = identity;
        this.bus = bus;
        this.tags = tags;
        this.org = org;
        this.jobs = jobs;
        this.environment = environment;
        this.properties = properties;
    }

    @Activate
    void activate(org.osgi.framework.BundleContext context) {
        String framework = context.getProperty(PROPERTY);
        commerceInstalled = java.util.Arrays.stream(context.getBundles())
                .anyMatch(b -> COMMERCE_BUNDLE.equals(b.getSymbolicName()));
        membershipInstalled = java.util.Arrays.stream(context.getBundles())
                .anyMatch(b -> MEMBERSHIP_BUNDLE.equals(b.getSymbolicName()));
        Function<String, String> system = properties;
        properties = name -> framework != null ? framework : system.apply(name);
        start();
    }

    /** Decides and, if there is something to seed, starts the seed in the background. */
    void start() {
        if (switchedOff(environment.apply(ENV), properties.apply(PROPERTY))) {
            LOG.info("Demo brand not seeded: {}=off", environment.apply(ENV) != null ? ENV : PROPERTY);
            return;
        }
        Thread thread = new Thread(this::decideAndSeed, "demo-seed");
        thread.setDaemon(true);
        starter = thread;
        thread.start();
    }

    /** Waits for the thread {@link #start} started, if any (tests). */
    void decideAndSeedIfStarted() throws InterruptedException {
        Thread thread = starter;
        if (thread != null) {
            thread.join();
        }
    }

    @Deactivate
    void deactivate() {
        stopped = true;
        Thread thread = starter;
        if (thread != null) {
            thread.interrupt();
        }
        JobService service = jobs;
        if (service != null && jobId >= 0) {
            service.cancel(jobId, Seeder.ACTOR);
        }
    }

    static boolean switchedOff(String env, String property) {
        return (env != null && OFF.contains(env.trim().toLowerCase(Locale.ROOT)))
                || (property != null && OFF.contains(property.trim().toLowerCase(Locale.ROOT)));
    }

    static Decision decide(Seeder.State state, int customers) {
        if (state.complete()) {
            return Decision.DONE;
        }
        if (state.started()) {
            return Decision.RESUME;
        }
        return customers > 0 ? Decision.NOT_EMPTY : Decision.SEED;
    }

    /** Waits for the optional kernel services, decides, and runs the seed (as a job if there is a job service). */
    void decideAndSeed() {
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while ((tags == null || org == null || (commerceInstalled && commerce == null)
                    || (membershipInstalled && membership == null))
                    && System.nanoTime() < deadline && !stopped) {
                Thread.sleep(200);
            }
            Seeder seeder = new Seeder(unit, identity, bus, () -> tags, () -> org, () -> commerce,
                    () -> membership, Clock.systemUTC());
            Seeder.State state = seeder.state();
            Decision decision = decide(state, state.started() ? 0 : identity.count());
            switch (decision) {
                case DONE -> LOG.debug("Demo brand already seeded");
                case NOT_EMPTY -> LOG.info("Demo brand not seeded: this home already has customers");
                default -> {
                    LOG.info("Demo brand {} (set {}=off to skip)", decision == Decision.SEED ? "seeding" : "resuming",
                            ENV);
                    DemoPlan.Settings settings = DemoPlan.Settings.standard(Clock.systemUTC().instant());
                    JobService service = jobs;
                    if (service != null && !stopped) {
                        JobInfo job = service.start("demo.seed", "演示品牌「毛孩食堂」 Demo brand", Seeder.ACTOR,
                                progress -> seeder.run(settings, progress, () -> stopped));
                        jobId = job.id();
                    } else if (!stopped) {
                        seeder.run(settings, new LoggedProgress(), () -> stopped);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Demo seed failed; the next start goes on at the first batch not done", e);
        }
    }

    /** Progress without a job service: a log line every tenth of the way. */
    static final class LoggedProgress implements JobProgress {
        private long total = -1;
        private long done;
        private long logged = -1;

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
            long tenth = total <= 0 ? done : done * 10 / total;
            if (tenth != logged) {
                logged = tenth;
                LOG.info("Demo seed: {}", message);
            }
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    }
}
