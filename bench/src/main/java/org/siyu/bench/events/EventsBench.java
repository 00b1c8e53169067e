package org.siyu.bench.events;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.siyu.api.events.Event;
import org.siyu.api.events.EventSubscriber;
import org.siyu.bench.Bench;
import org.siyu.bench.Context;
import org.siyu.bench.Mismatch;
import org.siyu.bench.Postgres;
import org.siyu.bench.Report;
import org.siyu.bench.Stats;
import org.siyu.kernel.events.internal.Delivery;
import org.siyu.kernel.events.internal.EventBusService;
import org.siyu.kernel.events.internal.EventsConfig;
import org.siyu.kernel.events.internal.EventsEntities;
import org.siyu.kernel.events.internal.OutboxTransactions;
import org.siyu.testkit.TestPersistenceUnit;

/**
 * {@code events}: the same stream of order events delivered asynchronously to 8 subscribers. Siyu: kernel-events'
 * {@code EventBusService.publishAll} (the transactional outbox) and {@code Delivery} (a dispatcher thread per
 * subscriber reading the outbox), over H2 in memory, an H2 file with {@code WRITE_DELAY=0} (the host's setting: a
 * commit is on disk when it returns) and PostgreSQL with {@code fsync} on. Peer: Apache Felix EventAdmin's
 * {@code postEvent} in a Felix framework, the same 8 handlers, nothing stored. Every side must deliver every event to
 * every handler (count and sum of amounts per handler) or the run fails.
 */
public final class EventsBench implements Bench {

    static final int HANDLERS = 8;
    /** Events of the untimed run of each side before the timed ones (fewer when the run itself has fewer). */
    static final int WARM_UP_EVENTS = 20_000;
    private static final String TOPIC = "order/paid";
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public String name() {
        return "events";
    }

    /** Events per run: a tenth of the size's customers (100k → 10,000; 1m → 100,000; 10m → 1,000,000). */
    static int events(Context context) {
        return Math.max(1_000, context.customers() / 10);
    }

    /** One side's run: throughput from the first publish to the last handler's last event, and per-event latency. */
    record Result(String side, String store, int events, long nanos, Stats latency, long duplicates, int batch,
            long cpuNanos) {

        double throughput() {
            return events * 1e9 / nanos;
        }
    }

    @Override
    public Path run(Context context) throws Exception {
        int n = events(context);
        Report report = new Report(name(), "events: asynchronous delivery to 8 subscribers, Siyu vs Felix EventAdmin",
                context);
        long[] amounts = amounts(n, context.seed());
        long expectedSum = 0;
        for (long a : amounts) {
            expectedSum += a;
        }
        if (!context.smoke()) {
            // One untimed run of each side first, so that neither is timed while the JIT compiles its code (at 100k
            // that was most of Siyu's first run: H2's insert and commit paths, Hibernate's session set-up).
            int warmUp = Math.min(n, WARM_UP_EVENTS);
            log("warm-up, not timed: %,d events through EventAdmin and post, %,d through the outbox", n, warmUp);
            long warmSum = 0;
            for (int i = 0; i < warmUp; i++) {
                warmSum += amounts[i];
            }
            // the two in-memory paths run the whole size once: at hundreds of thousands of events a second, 20,000
            // are over before the JIT has compiled the delivery loop (the first 200,000 posts ran at a fifth of speed)
            eventAdmin(n, amounts, expectedSum);
            siyuTransient(n, amounts, expectedSum);
            siyu("H2 in memory", "jdbc:h2:mem:bench-events-warm-up;DB_CLOSE_DELAY=-1", warmUp, amounts, warmSum, 1_000);
        }
        List<Result> results = new ArrayList<>();
        results.add(eventAdmin(n, amounts, expectedSum));
        results.add(siyuTransient(n, amounts, expectedSum));
        results.add(siyu("H2 in memory", "jdbc:h2:mem:bench-events;DB_CLOSE_DELAY=-1", n, amounts, expectedSum, 1_000));
        Path dir = Files.createTempDirectory("siyu-bench-events");
        try {
            String file = "jdbc:h2:file:" + dir.resolve("siyu").toAbsolutePath() + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
            results.add(siyu("H2 file, WRITE_DELAY=0", file, n, amounts, expectedSum, 100));
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        if (context.postgresUrl().isPresent()) {
            String database = Postgres.uniqueName("siyu_bench_events");
            try (Postgres pg = Postgres.create(context.postgresUrl().get(), database)) {
                // ./siyu bench starts PostgreSQL with fsync on; ./siyu test's cluster has it off (fast tests), and a
                // command-line setting cannot be changed from SQL: then the figure is labelled as not durable.
                String fsync = pg.setting("fsync");
                String store = pg.version() + (fsync.equals("on") ? ", fsync on" : ", fsync OFF: not durable");
                results.add(siyu(store, Postgres.withDatabase(context.postgresUrl().get(), database), n,
                        amounts, expectedSum, 100));
            }
        } else {
            log("no PostgreSQL server given (--pg=<jdbc url>): the durable run on PostgreSQL is skipped");
        }
        write(report, context, n, results);
        return report.finish(context.results());
    }

    /** Each event's amount in fen, from the seed: what the handlers add up. */
    static long[] amounts(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] amounts = new long[n];
        for (int i = 0; i < n; i++) {
            amounts[i] = 990 + random.nextInt(200_000);
        }
        return amounts;
    }

    private static String data(int seq, long amount) {
        return "{\"seq\":" + seq + ",\"orderId\":\"A-" + seq + "\",\"totalFen\":" + amount
                + ",\"items\":[{\"sku\":\"CAT-FOOD-2KG\",\"qty\":2}]}";
    }

    // --- Siyu ---------------------------------------------------------------------------------------------------

    private Result siyu(String store, String url, int n, long[] amounts, long expectedSum, int batch) throws Exception {
        log("Siyu on %s: publishAll in batches of %,d, %,d events, %d subscribers…", store, batch, n, HANDLERS);
        Sink sink = new Sink(HANDLERS, n);
        long[] published = new long[n];
        try (TestPersistenceUnit unit = TestPersistenceUnit.at(new EventsEntities(), url)) {
            EventsConfig config = defaults();
            OutboxTransactions transactions = new OutboxTransactions();
            EventBusService bus = new EventBusService(unit, transactions, config);
            Delivery delivery = subscribed(unit, transactions, config, sink, "bench.", EventSubscriber.START, "earliest");
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            for (int from = 0; from < n; from += batch) {
                int to = Math.min(n, from + batch);
                List<Event> events = new ArrayList<>(to - from);
                for (int seq = from; seq < to; seq++) {
                    events.add(new Event(0, "bench-" + seq, "order.paid", "bench", 1 + seq % 50_000,
                            EPOCH.plusMillis(seq), data(seq, amounts[seq])));
                }
                long now = System.nanoTime();
                for (int seq = from; seq < to; seq++) {
                    published[seq] = now;
                }
                if (bus.publishAll(events).size() != to - from) {
                    throw new IllegalStateException("the bus took fewer events than it was given");
                }
            }
            boolean done = sink.await(10, TimeUnit.MINUTES);
            long cpu = processCpuNanos() - cpuStart;
            long nanos = last(sink, n) - start;
            stop(delivery);
            check("Siyu on " + store, sink, n, expectedSum, done);
            return new Result("Siyu", store, n, nanos, latency(sink, published, n), sink.duplicates(), batch,
                    cpu);
        }
    }

    /**
     * Siyu's in-process path: {@code EventBus.post} (ADR 0013), the same 8 handlers as subscribers that take transient
     * events, nothing stored: the work EventAdmin's {@code postEvent} does.
     */
    private Result siyuTransient(int n, long[] amounts, long expectedSum) throws Exception {
        log("Siyu, post (transient, in memory): %,d events, %d subscribers…", n, HANDLERS);
        Sink sink = new Sink(HANDLERS, n);
        long[] published = new long[n];
        // the bus needs a unit for the subscribers' positions; no event is written to it
        try (TestPersistenceUnit unit = TestPersistenceUnit.at(new EventsEntities(),
                "jdbc:h2:mem:bench-events-transient-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1")) {
            EventsConfig config = defaults();
            OutboxTransactions transactions = new OutboxTransactions();
            EventBusService bus = new EventBusService(unit, transactions, config);
            Delivery delivery = subscribed(unit, transactions, config, sink, "bench.transient.",
                    EventSubscriber.TRANSIENT, "true");
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            for (int seq = 0; seq < n; seq++) {
                Event event = new Event(0, "bench-" + seq, "order.paid", "bench", 1 + seq % 50_000,
                        EPOCH.plusMillis(seq), data(seq, amounts[seq]));
                published[seq] = System.nanoTime();
                if (bus.post(event) != HANDLERS) {
                    throw new IllegalStateException("the bus queued an event for fewer than " + HANDLERS + " subscribers");
                }
            }
            boolean done = sink.await(10, TimeUnit.MINUTES);
            long cpu = processCpuNanos() - cpuStart;
            long nanos = last(sink, n) - start;
            stop(delivery);
            if (!bus.read(0, 1).isEmpty()) {
                throw new IllegalStateException("a transient event was stored");
            }
            check("Siyu, post", sink, n, expectedSum, done);
            return new Result("Siyu, post (transient)", "nothing stored", n, nanos, latency(sink, published, n),
                    sink.duplicates(), 1, cpu);
        }
    }

    /**
     * A delivery with the 8 handlers of {@code sink} bound as subscribers {@code <prefix><n>} of {@code order.*} with
     * one more service property, through Delivery's bind method as Declarative Services calls it (package-private: a
     * DS reference method, so reflectively).
     */
    private static Delivery subscribed(TestPersistenceUnit unit, OutboxTransactions transactions, EventsConfig config,
            Sink sink, String prefix, String property, String value) throws Exception {
        Delivery delivery = new Delivery(unit, transactions, config);
        Method add = Delivery.class.getDeclaredMethod("addSubscriber", EventSubscriber.class, Map.class);
        add.setAccessible(true);
        for (int h = 0; h < HANDLERS; h++) {
            int handler = h;
            EventSubscriber subscriber = event -> sink.deliver(handler, seq(event.id()), amount(event.data()));
            add.invoke(delivery, subscriber, Map.of(EventSubscriber.ID, prefix + h, EventSubscriber.TYPES, "order.*",
                    property, value));
        }
        return delivery;
    }

    /** Delivery's deactivate method, as Declarative Services calls it. */
    private static void stop(Delivery delivery) throws Exception {
        Method deactivate = Delivery.class.getDeclaredMethod("deactivate");
        deactivate.setAccessible(true);
        deactivate.invoke(delivery);
    }

    /** EventsConfig's defaults, as ConfigAdmin gives them to a node without configuration. */
    private static EventsConfig defaults() {
        return (EventsConfig) Proxy.newProxyInstance(EventsConfig.class.getClassLoader(),
                new Class<?>[] {EventsConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> EventsConfig.class;
                    case "hashCode" -> 0;
                    case "equals" -> proxy == args[0];
                    case "toString" -> "EventsConfig(defaults)";
                    default -> method.getDefaultValue();
                });
    }

    private static int seq(String id) {
        return Integer.parseInt(id.substring("bench-".length()));
    }

    /** The handlers read the amount out of the JSON, as a real subscriber reads its data. */
    private static long amount(String data) {
        int at = data.indexOf("\"totalFen\":") + "\"totalFen\":".length();
        int end = data.indexOf(',', at);
        return Long.parseLong(data.substring(at, end));
    }

    // --- Felix EventAdmin ---------------------------------------------------------------------------------------

    private Result eventAdmin(int n, long[] amounts, long expectedSum) throws Exception {
        Path storage = Files.createTempDirectory("siyu-bench-felix");
        Map<String, Object> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // The handlers are classes of this JVM: the event API must be the one the class path has
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.osgi.service.event;version=1.4.0");
        config.put("felix.log.level", "1");
        Framework framework = new FrameworkFactory().newFramework(config);
        framework.start();
        try {
            BundleContext context = framework.getBundleContext();
            Bundle bundle = context.installBundle(eventAdminJar().toString());
            bundle.start();
            if (bundle.loadClass(EventHandler.class.getName()) != EventHandler.class) {
                throw new IllegalStateException("EventAdmin resolved its own copy of org.osgi.service.event");
            }
            String version = "Felix EventAdmin " + bundle.getVersion();
            log("%s in Felix %s: postEvent, %,d events, %d handlers…", version, framework.getVersion(), n, HANDLERS);
            Sink sink = new Sink(HANDLERS, n);
            for (int h = 0; h < HANDLERS; h++) {
                int handler = h;
                Dictionary<String, Object> props = new Hashtable<>();
                props.put(EventConstants.EVENT_TOPIC, TOPIC);
                EventHandler eh = event -> sink.deliver(handler, (Integer) event.getProperty("seq"),
                        amount((String) event.getProperty("data")));
                context.registerService(EventHandler.class, eh, props);
            }
            ServiceReference<EventAdmin> ref = context.getServiceReference(EventAdmin.class);
            EventAdmin admin = context.getService(ref);
            long[] published = new long[n];
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            for (int seq = 0; seq < n; seq++) {
                Map<String, Object> props = new HashMap<>();
                props.put("seq", seq);
                props.put("id", "bench-" + seq);
                props.put("subject", 1 + seq % 50_000);
                props.put("data", data(seq, amounts[seq]));
                published[seq] = System.nanoTime();
                admin.postEvent(new org.osgi.service.event.Event(TOPIC, props));
            }
            boolean done = sink.await(10, TimeUnit.MINUTES);
            long cpu = processCpuNanos() - cpuStart;
            long nanos = last(sink, n) - start;
            check(version, sink, n, expectedSum, done);
            return new Result(version, "nothing stored", n, nanos, latency(sink, published, n), sink.duplicates(), 1,
                    cpu);
        } finally {
            framework.stop();
            framework.waitForStop(10_000);
            try (var files = Files.walk(storage)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The EventAdmin bundle's jar on the class path (a dependency of this module). */
    private static URL eventAdminJar() throws Exception {
        URL marker = EventsBench.class.getClassLoader().getResource("org/apache/felix/eventadmin/impl/Activator.class");
        if (marker == null || !marker.getProtocol().equals("jar")) {
            throw new IllegalStateException("org.apache.felix.eventadmin is not on the class path as a jar");
        }
        String s = marker.toString();
        return java.net.URI.create(s.substring("jar:".length(), s.indexOf("!/"))).toURL();
    }

    // --- Checks and figures -------------------------------------------------------------------------------------

    private static void check(String side, Sink sink, int n, long expectedSum, boolean done) {
        for (int h = 0; h < HANDLERS; h++) {
            if (sink.received(h) != n || sink.sum(h) != expectedSum) {
                throw new Mismatch(String.format("events: %s: handler %d got %,d of %,d events, amounts adding up to"
                        + " %,d instead of %,d%s", side, h, sink.received(h), n, sink.sum(h), expectedSum,
                        done ? "" : " (gave up waiting after 10 minutes)"));
            }
        }
    }

    private static long last(Sink sink, int n) {
        long last = 0;
        for (int seq = 0; seq < n; seq++) {
            last = Math.max(last, sink.allArrived(seq));
        }
        return last;
    }

    /** Per event: from the call that published it until the last of the 8 handlers had it. */
    private static Stats latency(Sink sink, long[] published, int n) {
        long[] latency = new long[n];
        for (int seq = 0; seq < n; seq++) {
            latency[seq] = sink.allArrived(seq) - published[seq];
        }
        return Stats.of(latency);
    }

    private static void write(Report report, Context context, int n, List<Result> results) {
        report.line(String.format("- data: %,d `order.paid` events (JSON of about 100 bytes: sequence number, order id,"
                + " amount from the seed, one item), %d subscribers (handlers) each reading the amount out of the data"
                + " and adding it up", n, HANDLERS));
        report.line("- Siyu: kernel-events' `EventBusService.publishAll` (the transactional outbox, one transaction per"
                + " call) and `Delivery` (a dispatcher thread per subscriber reading the outbox after its position),"
                + " the persistence unit built by the SDK test kit as the host builds it; at least once");
        report.line("- Siyu, post: kernel-events' `EventBus.post` (transient events, ADR 0013: queued in memory per "
                + "subscriber that asked for them, delivered on the same dispatcher threads, at most once, nothing "
                + "stored): the in-process path, the same work as EventAdmin's");
        report.line("- peer: Apache Felix EventAdmin `postEvent` (asynchronous, in order per handler) in a Felix "
                + "framework, one call per event, the same handlers registered as `EventHandler` services; in memory "
                + "only: nothing survives a crash");
        report.line("- answers: every handler of every side got every event and the same sum of amounts (checked; a "
                + "difference fails the run)");
        report.paragraph("Throughput: events from the first publish until the last handler had the last event, per "
                + "second (each event reaches all 8). Latency: per event, from the publishing call (the start of its "
                + "batch for Siyu) until the last of the 8 handlers had it; the publisher runs flat out, so a backlog "
                + "shows up here. CPU per event: CPU time of the whole process (every thread, the database, GC and JIT "
                + "included) over the run, divided by the events: on a shared machine it depends less on the load."
                + (context.smoke() ? "" : String.format(" Before the timed runs each side ran "
                + "once untimed (JIT warm-up): EventAdmin and `post` with all %,d events, the durable sides with %,d.",
                n, Math.min(n, WARM_UP_EVENTS))));
        Result peer = results.getFirst();
        List<List<String>> rows = new ArrayList<>();
        for (Result r : results) {
            rows.add(List.of(r.side(), r.store(), r.batch() == 1 ? "one per call" : String.format("%,d per call", r.batch()),
                    Stats.rate(r.throughput()), Stats.time(r.latency().medianNanos()), Stats.time(r.latency().p99Nanos()),
                    String.format("%,d", r.duplicates()), r == peer ? "—" : Stats.ratio(r.throughput() / peer.throughput()),
                    r.cpuNanos() < 0 ? "—" : String.format("%,.1f µs", r.cpuNanos() / 1e3 / r.events())));
        }
        report.table(List.of("side", "store", "publish", "throughput", "latency median", "latency p99", "redelivered",
                "Siyu ÷ EventAdmin", "CPU per event"), rows);
        Result h2File = results.stream().filter(r -> r.store().startsWith("H2 file")).findFirst().orElseThrow();
        Result inProcess = results.get(1);
        Result inMemory = results.get(2);
        report.paragraph(String.format("Targets (issue 5): in-process asynchronous delivery ≥ 10× EventAdmin — %s %s "
                + "(`post`; the durable outbox on H2 in memory: %s); durable "
                + "≥ 10,000 events/s on H2 with p99 ≤ 50 ms end to end — %s, p99 %s %s.",
                Stats.ratio(inProcess.throughput() / peer.throughput()),
                inProcess.throughput() >= 10 * peer.throughput() ? "✔" : "✘",
                Stats.ratio(inMemory.throughput() / peer.throughput()), Stats.rate(h2File.throughput()),
                Stats.time(h2File.latency().p99Nanos()),
                h2File.throughput() >= 10_000 && h2File.latency().p99Nanos() <= 50e6 ? "✔" : "✘"));
        if (context.smoke()) {
            report.paragraph("Smoke run: few events; the figures say nothing, the run checks that every side delivered "
                    + "everything.");
        }
    }

    /**
     * CPU time of the whole bench process (publisher, dispatchers or EventAdmin's threads, the database, GC, JIT):
     * on a shared machine the cost per event says more than the wall clock, which depends on who else runs.
     */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    private static void log(String format, Object... args) {
        System.out.printf("[events] " + format + "%n", args);
    }
}
