package org.siyu.demo.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.siyu.api.commerce.CommerceService;
import org.siyu.api.events.Event;
import org.siyu.api.events.EventBus;
import org.siyu.api.identity.IdentityService;
import org.siyu.api.identity.Resolution;
import org.siyu.api.identity.ResolveRequest;
import org.siyu.api.jobs.JobProgress;
import org.siyu.api.membership.MembershipService;
import org.siyu.api.org.OrgService;
import org.siyu.api.org.OrgUnit;
import org.siyu.api.org.Staff;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.api.tags.TagService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a {@link DemoPlan} through the SDK's services, one transaction per batch: the identity sets of the batch
 * ({@link IdentityService#resolveAll}), the owners, tags and events of the people first seen in it, and the batch's
 * row in {@code demo_seed}. A batch either happened whole or not at all, so a seed that stopped (a crash, a
 * cancelled job, the bundle stopping) goes on at the first batch without a row; the plan's settings come from row 0,
 * so it goes on with the same data.
 */
final class Seeder {

    static final String ACTOR = "demo";
    static final String TAG_SOURCE = "plugin:org.siyu.demo";
    static final String EVIDENCE = "demo seed";

    private static final Logger LOG = LoggerFactory.getLogger(Seeder.class);
    /** One seed at a time in this JVM: a restarted component waits for the stopping one to finish its batch. */
    private static final ReentrantLock RUNNING = new ReentrantLock();

    /** What {@code demo_seed} says: row 0 (the plan) if a seed started, and the batches done. */
    record State(SeedBatch plan, Set<Integer> done) {

        boolean started() {
            return plan != null;
        }

        boolean complete() {
            return plan != null && done.size() >= plan.batches();
        }
    }

    private final PersistenceUnit unit;
    private final IdentityService identity;
    private final EventBus bus;
    private final Supplier<TagService> tags;
    private final Supplier<OrgService> org;
    private final Supplier<CommerceService> commerce;
    private final Supplier<MembershipService> membership;
    private final Clock clock;
    private final AtomicBoolean warnedTags = new AtomicBoolean();
    private final AtomicBoolean warnedOrg = new AtomicBoolean();

    Seeder(PersistenceUnit unit, IdentityService identity, EventBus bus, Supplier<TagService> tags,
            Supplier<OrgService> org, Clock clock) {
        this(unit, identity, bus, tags, org, () -> null, clock);
    }

    Seeder(PersistenceUnit unit, IdentityService identity, EventBus bus, Supplier<TagService> tags,
            Supplier<OrgService> org, Supplier<CommerceService> commerce, Clock clock) {
        this(unit, identity, bus, tags, org, commerce, () -> null, clock);
    }

    Seeder(PersistenceUnit unit, IdentityService identity, EventBus bus, Supplier<TagService> tags,
            Supplier<OrgService> org, Supplier<CommerceService> commerce, Supplier<MembershipService> membership,
            Clock clock) {
        this.unit = unit;
        this.commerce = commerce;
        this.membership = membership;
        this.identity = identity;
        this.bus = bus;
        this.tags = tags;
        this.org = org;
        this.clock = clock;
    }

    State state() {
        return unit.inTransaction(em -> {
            SeedBatch plan = em.find(SeedBatch.class, 0);
            Set<Integer> done = new HashSet<>(em.createQuery(
                    "select b.batch from SeedBatch b where b.batch > 0", Integer.class).getResultList());
            return new State(plan, done);
        });
    }

    /**
     * Seeds, or goes on with a seed that stopped.
     *
     * @param fresh the settings for a seed that has not started; one that has keeps the settings of its row 0
     * @param stop  asked between batches: true makes the seed return (it goes on at the next start)
     * @return the summary line
     */
    String run(DemoPlan.Settings fresh, JobProgress progress, BooleanSupplier stop) throws InterruptedException {
        RUNNING.lockInterruptibly();
        try {
            long start = System.nanoTime();
            State state = state();
            DemoPlan.Settings settings = state.started() ? state.plan().settings() : fresh;
            progress.message("planning " + settings.persons() + " people (seed " + settings.seed() + ")");
            DemoPlan plan = DemoPlan.of(settings);
            progress.total(plan.batches());
            progress.done(state.done().size());
            if (!state.started()) {
                unit.inTransaction(em -> {
                    organisation(plan);
                    em.persist(new SeedBatch(0, settings, plan.batches(), 0, 0, clock.instant()));
                    return null;
                });
            }
            Totals totals = new Totals();
            CommerceService shop = commerce.get();
            if (shop != null && state.done().size() < plan.batches()) {
                totals.products = unit.inTransaction(em -> DemoOrders.ensureCatalogue(shop));
            }
            MembershipService members = membership.get();
            DemoCoupons.Templates templates = members == null || state.done().size() >= plan.batches() ? null
                    : unit.inTransaction(em -> DemoCoupons.ensureTemplates(members));
            if (members == null) {
                LOG.info("Demo seed: no MembershipService (bundle org.siyu.membership not running): no coupons");
            }
            for (int b = 1; b <= plan.batches(); b++) {
                if (state.done().contains(b)) {
                    continue;
                }
                if (stop.getAsBoolean() || progress.cancelled()) {
                    String line = "stopped before batch " + b + " of " + plan.batches() + "; the next start goes on there";
                    LOG.info("Demo seed {}", line);
                    return line;
                }
                batch(plan, b, totals, templates);
                progress.advance(1);
                progress.message("batch " + b + " of " + plan.batches() + ": " + totals);
            }
            long seconds = (System.nanoTime() - start) / 1_000_000_000;
            String summary = "毛孩食堂 demo brand seeded in " + seconds + " s: " + totals + "; " + identity.count()
                    + " customers now";
            LOG.info("Demo seed done: {}", summary);
            return summary;
        } finally {
            RUNNING.unlock();
        }
    }

    /** What this run wrote. */
    static final class Totals {
        int resolved;
        int merges;
        int owners;
        int tags;
        int events;
        int products;
        int orders;
        int coupons;
        int redeemed;

        @Override
        public String toString() {
            return resolved + " identity sets resolved (" + merges + " merges), " + owners + " owners, " + tags
                    + " tags, " + events + " events" + (products + orders > 0
                            ? ", " + products + " products, " + orders + " orders recorded" : "")
                    + (coupons > 0 ? ", " + coupons + " coupons issued (" + redeemed + " used)" : "");
        }
    }

    private void organisation(DemoPlan plan) {
        OrgService service = org.get();
        if (service == null) {
            LOG.info("Demo seed: no OrgService (bundle org.siyu.kernel.org not running): no stores, guides or owners");
            warnedOrg.set(true);
            return;
        }
        service.saveUnit(new OrgUnit("hq", null, "毛孩食堂总部", OrgUnit.Kind.HQ), ACTOR);
        plan.units().forEach(u -> service.saveUnit(u, ACTOR));
        plan.staff().forEach(s -> service.saveStaff(s, ACTOR));
    }

    private void batch(DemoPlan plan, int number, Totals totals, DemoCoupons.Templates templates) {
        unit.inTransaction(em -> {
            if (em.find(SeedBatch.class, number) != null) {
                return null; // another run did it meanwhile
            }
            DemoPlan.Batch batch = plan.batch(number);
            List<ResolveRequest> requests = batch.touches().stream().map(DemoPlan.Touch::request).toList();
            List<Resolution> resolutions = identity.resolveAll(requests);
            // a customer created in this batch may already be merged into another one in it: follow to the survivor
            Map<Integer, Integer> survivorOf = new HashMap<>();
            for (Resolution r : resolutions) {
                r.merged().forEach(m -> survivorOf.put(m, r.customerId()));
            }
            Map<Integer, Integer> customerOf = new HashMap<>();
            int merges = 0;
            for (int i = 0; i < resolutions.size(); i++) {
                DemoPlan.Touch touch = batch.touches().get(i);
                merges += resolutions.get(i).merged().size();
                if (touch.seq() == 0) {
                    int id = resolutions.get(i).customerId();
                    for (int hops = 0; survivorOf.containsKey(id) && hops < 100; hops++) {
                        id = survivorOf.get(id);
                    }
                    customerOf.put(touch.person(), id);
                }
            }
            OrgService orgService = org.get();
            TagService tagService = tags.get();
            CommerceService shop = commerce.get();
            // the templates were made with the service of the run's start: without it now, no coupons in this batch
            MembershipService members = templates == null ? null : membership.get();
            int orders = 0;
            int coupons = 0;
            int redeemed = 0;
            warnIfMissing(orgService, tagService);
            List<Event> events = new ArrayList<>();
            int owners = 0;
            int assigned = 0;
            for (DemoPlan.Person person : batch.firstTouched()) {
                int customer = customerOf.get(person.index());
                if (person.owner() != null && orgService != null) {
                    identity.assignOwner(customer, person.owner(), ACTOR);
                    owners++;
                }
                DemoEvents.History history = DemoEvents.of(plan.settings(), person);
                if (tagService != null) {
                    List<String> personTags = new ArrayList<>(person.tags());
                    personTags.addAll(history.tags());
                    for (String tag : personTags) {
                        tagService.assign(customer, tag, TAG_SOURCE, EVIDENCE);
                        assigned++;
                    }
                }
                if (members != null) {
                    DemoCoupons.Outcome outcome = DemoCoupons.seed(members, templates, plan.settings(), person, customer,
                            DemoCoupons.orders(history));
                    coupons += outcome.issued();
                    redeemed += outcome.redeemed();
                }
                for (DemoEvents.Planned e : history.events()) {
                    if (shop != null && e.type().equals("order.paid")) {
                        // commerce keeps the order and publishes its events (order.paid among them) itself
                        shop.record(DemoOrders.of(customer, e.time(), e.data(), plan.settings().endsAt()));
                        orders++;
                    } else {
                        events.add(e.event(customer));
                    }
                }
            }
            bus.publishAll(events);
            em.persist(new SeedBatch(number, plan.settings(), plan.batches(), requests.size(), events.size(),
                    clock.instant()));
            totals.resolved += requests.size();
            totals.merges += merges;
            totals.owners += owners;
            totals.tags += assigned;
            totals.events += events.size();
            totals.orders += orders;
            totals.coupons += coupons;
            totals.redeemed += redeemed;
            return null;
        });
    }

    private void warnIfMissing(OrgService orgService, TagService tagService) {
        if (orgService == null && !warnedOrg.getAndSet(true)) {
            LOG.info("Demo seed: no OrgService (bundle org.siyu.kernel.org not running): customers get no owner");
        }
        if (tagService == null && !warnedTags.getAndSet(true)) {
            LOG.info("Demo seed: no TagService (bundle org.siyu.kernel.tagging not running): customers get no tags");
        }
    }
}
