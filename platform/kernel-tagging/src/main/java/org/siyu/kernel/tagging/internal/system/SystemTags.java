package org.siyu.kernel.tagging.internal.system;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.siyu.api.identity.Customer;
import org.siyu.api.identity.IdentityService;
import org.siyu.api.jobs.JobProgress;
import org.siyu.kernel.tagging.internal.Tagging;
import org.siyu.kernel.tagging.internal.Times;
import org.siyu.support.jobs.Jobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the system tags (groups lifecycle, reach, rfm; source {@code system}) equal to what {@link SystemTagRules}
 * say of each customer's facts now: for the customers an event touched ({@link FactsSubscriber}, in the event's
 * transaction), and for everyone by the re-evaluation, because time passes without events. The re-evaluation runs
 * as a job after start and every {@code recomputeIntervalHours}, or on demand: one transaction per chunk of
 * customers, writing only the tags that differ. With OneID present it first refreshes each chunk's channels,
 * owner, creation time and merge status from {@link IdentityService#customers(int[])} (identities linked without an
 * event, owners given at creation).
 */
@Component(service = SystemTags.class, configurationPid = SystemTagsConfig.PID, immediate = true)
@Designate(ocd = SystemTagsConfig.class)
public class SystemTags {

    /** The job kind of a re-evaluation. */
    public static final String JOB_KIND = "tagging.system-tags";
    /** The source of system tag assignments. */
    public static final String SOURCE = "system";

    private static final Logger LOG = LoggerFactory.getLogger(SystemTags.class);
    /** Attempts per chunk: a chunk can collide with an event's transaction on the same customer. */
    private static final int ATTEMPTS = 3;

    private final Tagging tagging;
    private final Jobs jobs;
    private final Clock clock;
    private final FactStore store = new FactStore();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Settings settings;
    private ScheduledExecutorService scheduler;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile IdentityService identity;

    @Activate
    public SystemTags(@Reference Tagging tagging, @Reference Jobs jobs, SystemTagsConfig config) {
        this(tagging, jobs, checked(config, Settings.DEFAULTS), Clock.systemUTC(), null);
        schedule();
    }

    /** For tests: fixed settings and clock, no schedule; {@code identity} may be {@code null}. */
    public SystemTags(Tagging tagging, Jobs jobs, Settings settings, Clock clock, IdentityService identity) {
        this.tagging = tagging;
        this.jobs = jobs;
        this.settings = settings;
        this.clock = clock;
        this.identity = identity;
    }

    @Modified
    void modified(SystemTagsConfig config) {
        Settings previous = settings;
        settings = checked(config, previous);
        if (previous.recomputeIntervalHours() != settings.recomputeIntervalHours()) {
            stopSchedule();
            schedule();
        }
    }

    @Deactivate
    void deactivate() {
        stopSchedule();
    }

    /**
     * The settings of {@code config}, or {@code fallback} when they do not fit together (the admin's form checks each
     * attribute, not that churned days exceed active days or that thresholds ascend): the error names the attribute
     * and the subscriber keeps working.
     */
    private static Settings checked(SystemTagsConfig config, Settings fallback) {
        try {
            return Settings.of(config);
        } catch (IllegalArgumentException e) {
            LOG.error("The configuration {} is not valid ({}); the system tags keep their previous settings",
                    SystemTagsConfig.PID, e.getMessage());
            return fallback;
        }
    }

    public Settings settings() {
        return settings;
    }

    void settings(Settings settings) {
        this.settings = settings;
    }

    Instant now() {
        return Times.now(clock);
    }

    FactStore store() {
        return store;
    }

    /**
     * Makes the system tags of {@code customers} what the rules say now, in {@code em}'s transaction: removes the
     * system assignments that no longer apply, then assigns the missing ones (each publishing its event).
     *
     * @return how many assignments were added or removed
     */
    int evaluate(EntityManager em, Collection<Integer> customers) {
        Settings s = settings;
        Instant now = now();
        Map<Integer, Facts> facts = store.load(em, customers, now.minus(s.orderRetention()));
        Map<Integer, Set<String>> held = store.systemTags(em, customers);
        int changes = 0;
        for (int customer : customers) {
            Map<String, String> wanted = SystemTagRules.evaluate(facts.get(customer), s, now);
            for (String tag : held.getOrDefault(customer, Set.of())) {
                if (!wanted.containsKey(tag) && tagging.unassignSource(customer, tag, SOURCE, SOURCE)) {
                    changes++;
                }
            }
            for (Map.Entry<String, String> tag : wanted.entrySet()) {
                if (!held.getOrDefault(customer, Set.of()).contains(tag.getKey())) {
                    tagging.assign(customer, tag.getKey(), group(tag.getKey()), SOURCE, tag.getValue());
                    changes++;
                }
            }
        }
        return changes;
    }

    /**
     * Starts a re-evaluation of every customer as a job, unless one is running.
     *
     * @return the job, or {@code null} if one was running already
     */
    public Jobs.Started recompute(String actor, String title) {
        if (!running.compareAndSet(false, true)) {
            return null;
        }
        try {
            return jobs.start(JOB_KIND, title, actor, progress -> {
                try {
                    return recomputeAll(progress).summary();
                } finally {
                    running.set(false);
                }
            });
        } catch (RuntimeException e) {
            running.set(false);
            throw e;
        }
    }

    /** What a re-evaluation did. */
    public record Outcome(long customers, long changes, long refreshed, int pruned, boolean cancelled) {
        String summary() {
            return (cancelled ? "cancelled after " : "") + customers + " customers re-evaluated, " + changes
                    + " system tag changes, " + refreshed + " refreshed from OneID, " + pruned + " old orders pruned";
        }
    }

    /** Re-evaluates every customer now, chunk by chunk, on the calling thread. */
    public Outcome recomputeAll(JobProgress progress) {
        Settings s = settings;
        long total = tagging.inTransaction(store::customerCount);
        progress.total(total);
        long done = 0;
        long changes = 0;
        long refreshed = 0;
        int after = 0;
        while (true) {
            if (progress.cancelled()) {
                return new Outcome(done, changes, refreshed, 0, true);
            }
            int from = after;
            List<Integer> chunk = tagging.inTransaction(em -> store.customersAfter(em, from, s.chunkSize()));
            if (chunk.isEmpty()) {
                break;
            }
            Map<Integer, Customer> known = fromIdentity(chunk);
            int[] result = chunk(chunk, known);
            refreshed += result[0];
            changes += result[1];
            done += chunk.size();
            after = chunk.getLast();
            progress.done(done);
            progress.message(done + " of " + total + " customers, " + changes + " changes");
        }
        Instant before = now().minus(s.orderRetention());
        int pruned = tagging.inTransaction(em -> store.prune(em, before));
        Outcome outcome = new Outcome(done, changes, refreshed, pruned, false);
        LOG.info("System tags re-evaluated: {}", outcome.summary());
        return outcome;
    }

    /** One chunk in one transaction, tried again if it collides with another writer. Returns {refreshed, changes}. */
    private int[] chunk(List<Integer> chunk, Map<Integer, Customer> known) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return tagging.inTransaction(em -> {
                    int refreshed = refresh(em, chunk, known);
                    return new int[] {refreshed, evaluate(em, chunk)};
                });
            } catch (RuntimeException e) {
                last = e;
                LOG.debug("Chunk from customer {} failed (attempt {}): {}", chunk.getFirst(), attempt, e.toString());
            }
        }
        throw last;
    }

    /** The chunk's customers as OneID knows them; empty without OneID or when it fails (logged). */
    private Map<Integer, Customer> fromIdentity(List<Integer> chunk) {
        IdentityService service = identity;
        if (service == null) {
            return Map.of();
        }
        try {
            Map<Integer, Customer> byId = new HashMap<>();
            for (Customer c : service.customers(chunk.stream().mapToInt(Integer::intValue).toArray())) {
                byId.put(c.id(), c);
            }
            return byId;
        } catch (RuntimeException e) {
            LOG.warn("OneID could not list customers {}..{}; their facts are not refreshed: {}", chunk.getFirst(),
                    chunk.getLast(), e.toString());
            return Map.of();
        }
    }

    /** Writes what OneID says where it differs from the facts; returns how many customers changed. */
    private int refresh(EntityManager em, List<Integer> chunk, Map<Integer, Customer> known) {
        if (known.isEmpty()) {
            return 0;
        }
        Instant now = now();
        Map<Integer, Facts> facts = store.load(em, known.keySet(), now);
        int changed = 0;
        for (Customer c : known.values()) {
            Facts f = facts.get(c.id());
            Set<String> channels = channels(c.identities());
            Instant created = c.createdAt() == null ? null : c.createdAt().truncatedTo(ChronoUnit.MICROS);
            boolean same = f.channels().equals(channels) && Objects.equals(f.owner(), c.owner())
                    && (created == null || (f.createdAt() != null && !created.isBefore(f.createdAt()))) && f.live() == (c.mergedInto() == 0);
            if (!same) {
                store.ensure(em, c.id(), now);
                store.identity(em, c.id(), channels, c.owner(), created, c.mergedInto(), now);
                changed++;
            }
        }
        return changed;
    }

    /** The channels of {@code <channel>:<value>} identities. */
    static Set<String> channels(Collection<String> identities) {
        Set<String> channels = new TreeSet<>();
        for (String identity : identities) {
            int colon = identity.indexOf(':');
            if (colon > 0) {
                channels.add(identity.substring(0, colon));
            }
        }
        return channels;
    }

    private static String group(String tag) {
        return tag.substring(0, tag.indexOf('.'));
    }

    private synchronized void schedule() {
        Settings s = settings;
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "siyu-tagging-system-tags");
            thread.setDaemon(true);
            return thread;
        });
        Runnable run = () -> {
            try {
                if (recompute("system", "Recompute system tags / 重新计算系统标签") == null) {
                    LOG.info("System tags: the scheduled re-evaluation is skipped, one is running");
                }
            } catch (RuntimeException e) {
                LOG.warn("System tags: the scheduled re-evaluation did not start: {}", e.toString(), e);
            }
        };
        if (s.recomputeIntervalHours() > 0) {
            long hours = Duration.ofHours(s.recomputeIntervalHours()).toSeconds();
            scheduler.scheduleAtFixedRate(run, s.recomputeDelaySeconds(), hours, TimeUnit.SECONDS);
        } else {
            scheduler.schedule(run, s.recomputeDelaySeconds(), TimeUnit.SECONDS);
        }
    }

    private synchronized void stopSchedule() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
