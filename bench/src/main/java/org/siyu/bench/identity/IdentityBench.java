package org.siyu.bench.identity;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.siyu.bench.Bench;
import org.siyu.bench.Context;
import org.siyu.bench.Mismatch;
import org.siyu.bench.Postgres;
import org.siyu.bench.Report;
import org.siyu.bench.Stats;
import org.siyu.kernel.identity.internal.graph.GraphCheck;
import org.siyu.kernel.identity.internal.graph.GraphRebuild;

/**
 * {@code identity}: OneID over {@link IdentityData}. Batch: kernel-identity's {@link GraphRebuild} (poison counted
 * over the whole graph first, then a union-find) against a PostgreSQL recursive CTE with the same rule; both must give
 * the same partition, and it must join no two people (the only identifiers unrelated people share are poison).
 * Online: OneID's {@code resolve} and {@code resolveAll} against a Hibernate lookup-then-merge peer on a stream of
 * records of the same shape; all must end in the same partition; the merges they make through poison identifiers
 * before learning that they are poison are counted and reported.
 */
public final class IdentityBench implements Bench {

    /** Extra timed runs of the CTE stop once they would take longer than this in all. */
    private static final long PEER_BUDGET_NANOS = 120_000_000_000L;
    /** The online stream: people (records are about 1.7 per person); creating customers through H2 is ms each. */
    static final int ONLINE_PEOPLE = 20_000;
    static final int ONLINE_PEOPLE_SMOKE = 2_000;

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public Path run(Context context) throws Exception {
        Report report = new Report(name(), "identity: rebuilding the identity graph and resolving identities, Siyu vs "
                + "a PostgreSQL recursive CTE and a Hibernate lookup-then-merge", context);
        log("generating %,d people (seed %d)…", context.customers(), context.seed());
        long t0 = System.nanoTime();
        IdentityData data = IdentityData.generate(context.customers(), context.seed());
        long generated = System.nanoTime() - t0;
        log("%,d records, %,d identities, %,d poison identifiers, generated in %.1f s", data.recordCount(),
                data.identities(), data.poison().length, generated / 1e9);

        Batch batch = siyuBatch(data, context.smoke() ? 2 : 5);
        Optional<Cte> cte = Optional.empty();
        if (context.postgresUrl().isPresent()) {
            try (Postgres pg = Postgres.create(context.postgresUrl().get(), Postgres.uniqueName("siyu_bench_identity"))) {
                cte = Optional.of(postgres(pg, data, batch, context));
            }
        } else {
            log("no PostgreSQL server given (--pg=<jdbc url>; ./siyu bench starts one): the CTE is not run");
        }

        int onlinePeople = Math.min(context.customers(), context.smoke() ? ONLINE_PEOPLE_SMOKE : ONLINE_PEOPLE);
        IdentityData stream = onlinePeople == context.customers() ? data
                : IdentityData.generate(onlinePeople, context.seed());
        int passes = context.smoke() ? 1 : 3;
        if (!context.smoke()) {
            log("warming up both online sides on 2,000 other people…");
            IdentityData warm = IdentityData.generate(2_000, context.seed() + 1);
            Online.siyu(warm, 1);
            Online.siyuBatches(warm);
            Online.peer(warm, 1);
        }
        log("online: %,d records of %,d people, OneID one call at a time…", stream.recordCount(), onlinePeople);
        Online.Side siyu = Online.siyu(stream, passes);
        log("OneID: %s per first resolution, %s per repeated one; resolveAll in batches of %d…",
                Stats.time(siyu.first().medianNanos()), Stats.time(siyu.again().medianNanos()), Online.BATCH);
        Online.Side batches = Online.siyuBatches(stream);
        Online.same(stream, siyu, batches);
        log("the Hibernate peer…");
        Online.Side peer = Online.peer(stream, passes);
        Online.same(stream, siyu, peer);
        log("every online side ended in the same %,d customers", Arrays.stream(siyu.label()).distinct().count());

        describe(report, context, data, generated, stream, batch, cte);
        batchTable(report, data, batch, cte);
        onlineTables(report, stream, siyu, batches, peer, passes);
        targets(report, context, batch, cte, siyu, stream);
        return report.finish(context.results());
    }

    // --- Batch --------------------------------------------------------------------------------------------------

    /** Siyu's rebuild: the timed runs (each interning every key anew) and the first run's partition. */
    record Batch(Stats total, Stats add, Stats join, GraphRebuild.Partition partition, String[] poisonKeys,
            IdentityData.Joins joins) {
    }

    private static Batch siyuBatch(IdentityData data, int runs) {
        log("Siyu's batch rebuild (GraphRebuild), %d runs…", runs);
        long[] total = new long[runs];
        long[] add = new long[runs];
        long[] join = new long[runs];
        GraphRebuild.Partition first = null;
        String[] poisonKeys = null;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            GraphRebuild graph = new GraphRebuild(IdentityData.THRESHOLD, GraphRebuild.mergeChannels("wechat", "phone"));
            for (int r = 0; r < data.recordCount(); r++) {
                graph.add(data.record(r));
            }
            long t1 = System.nanoTime();
            GraphRebuild.Partition partition = graph.run();
            long t2 = System.nanoTime();
            total[i] = t2 - t0;
            add[i] = t1 - t0;
            join[i] = t2 - t1;
            if (first == null) {
                first = partition;
                poisonKeys = Arrays.stream(partition.poison()).mapToObj(graph::key).toArray(String[]::new);
            } else if (!Arrays.equals(first.component(), partition.component())) {
                throw new Mismatch("GraphRebuild gave another partition in run " + (i + 1) + " on the same data");
            }
        }
        IdentityData.Joins joins = data.joins(first.component());
        if (joins.people() != 0 || first.components() != data.people()) {
            throw new Mismatch("GraphRebuild's partition is not the people of the data: " + first.components()
                    + " customers for " + data.people() + " people, " + joins.people() + " people joined to another's "
                    + "customer (in " + joins.customers() + " customers)");
        }
        Arrays.sort(poisonKeys);
        String[] expected = data.poison().clone();
        Arrays.sort(expected);
        if (!Arrays.equals(poisonKeys, expected)) {
            throw new Mismatch("GraphRebuild found " + poisonKeys.length + " poison identifiers, the data has "
                    + expected.length);
        }
        log("Siyu: %s median (%s interning and storing, %s counting and joining), %,d customers, %d poison",
                Stats.time(Stats.of(total).medianNanos()), Stats.time(Stats.of(add).medianNanos()),
                Stats.time(Stats.of(join).medianNanos()), first.components(), first.poison().length);
        return new Batch(Stats.of(total), Stats.of(add), Stats.of(join), first, poisonKeys, joins);
    }

    /** The CTE's figures: load time, timed runs, its partition's components, poison and joins. */
    record Cte(String version, long loadNanos, long indexNanos, Stats runs, long components, long poison,
            IdentityData.Joins joins) {
    }

    private static Cte postgres(Postgres pg, IdentityData data, Batch batch, Context context) throws Exception {
        Connection c = pg.connection();
        log("loading PostgreSQL (%s)…", pg.version());
        long t0 = System.nanoTime();
        long index = CteRebuild.load(c, data);
        long load = System.nanoTime() - t0;
        log("loaded in %.1f s (%.1f s of it indexing and analysing); the recursive CTE…", load / 1e9, index / 1e9);
        long first = CteRebuild.rebuild(c, IdentityData.THRESHOLD);
        int[] label = CteRebuild.partition(c, data.recordCount());
        int[] siyu = batch.partition().component();
        for (int r = 0; r < label.length; r++) {
            if (label[r] != siyu[r]) {
                throw new Mismatch("PostgreSQL's CTE and GraphRebuild disagree on record " + r + " "
                        + Arrays.toString(data.record(r)) + ": GraphRebuild puts it with record " + siyu[r]
                        + (label[r] < 0 ? ", the CTE left it out" : ", the CTE with record " + label[r] + " "
                        + Arrays.toString(data.record(label[r]))) + "\nSQL:\n" + CteRebuild.sql(IdentityData.THRESHOLD));
            }
        }
        long poison = CteRebuild.poisonCount(c, IdentityData.THRESHOLD);
        if (poison != batch.partition().poison().length) {
            throw new Mismatch("PostgreSQL counts " + poison + " poison identifiers, GraphRebuild "
                    + batch.partition().poison().length);
        }
        int extra = (int) Math.max(0, Math.min(context.peerRuns() - 1, PEER_BUDGET_NANOS / Math.max(1, first)));
        log("CTE: %s, the same partition as Siyu's; %d more timed run(s)…", Stats.time(first), extra);
        long[] times = new long[1 + extra];
        times[0] = first;
        for (int i = 1; i <= extra; i++) {
            times[i] = CteRebuild.rebuild(c, IdentityData.THRESHOLD);
        }
        long components = Arrays.stream(label).distinct().count();
        return new Cte(pg.version(), load, index, Stats.of(times), components, poison, data.joins(label));
    }

    // --- Report -------------------------------------------------------------------------------------------------

    private static void describe(Report report, Context context, IdentityData data, long generated,
            IdentityData stream, Batch batch, Optional<Cte> cte) {
        int[] claims = new int[data.poison().length];
        long claimSum = 0;
        for (int j = 0; j < claims.length; j++) {
            claims[j] = data.poisonClaims(j);
            claimSum += claims[j];
        }
        Arrays.sort(claims);
        report.line(String.format("- data: %,d people with %,d identities (phone 70 %%, unionid 60 %%, WeCom 40 %%, "
                + "mini-program 30 %%, Tmall 20 %%, JD 10 %%, Douyin 10 %%), as %,d source records (1–3 per person, "
                + "overlapping by the person's phone or unionid; shuffled), %,d record–identity pairs; %,d poison "
                + "identifiers (0.1 %%: store phones and shared unionids), each on 5–500 records of unrelated people "
                + "(median %d, max %d, %,d in all); generated in %.1f s", data.people(), data.identities(),
                data.recordCount(), data.incidences(), claims.length, claims[claims.length / 2],
                claims[claims.length - 1], claimSum, generated / 1e9));
        report.line("- poison threshold " + IdentityData.THRESHOLD + " (OneID's default): a merge key presented by "
                + "more distinct records (batch) or claimed by more distinct customers (online) merges nobody");
        report.line(String.format("- batch, Siyu: kernel-identity's `GraphRebuild` from the records' keys (interning "
                + "every key, counting each merge key's records, poison first, then a union-find over record numbers),"
                + " one thread, %d runs", batch.total().n()));
        cte.ifPresentOrElse(c -> report.line(String.format("- batch, peer: %s, `record_identity(record, identity, "
                + "merge_key)` loaded with COPY in %.1f s, b-tree indexes on `(identity, record)` and `(record)`, "
                + "`VACUUM ANALYZE`, `work_mem` 256MB; one statement: poison by `GROUP BY identity HAVING "
                + "count(DISTINCT record) > %d`, record–record edges through every other shared identity, a minimum-"
                + "label walk (`WITH RECURSIVE … UNION`), `min(label)` per record into a table; %d timed run(s), the "
                + "first checked record by record against Siyu's", c.version(), c.loadNanos() / 1e9,
                IdentityData.THRESHOLD, c.runs().n())),
                () -> report.line("- batch, peer: no PostgreSQL server was given; the CTE was not run"));
        report.line(String.format("- online: a stream of the same shape, %,d people as %,d records (%,d poison "
                + "identifiers on %,d records), resolved in stream order on one thread, each side on its own H2 "
                + "database in memory built by the SDK test kit (Flyway, Hibernate, as the host builds a unit). Siyu: "
                + "OneID `resolve` (in-memory index, write lock, claims, merges with history, events to a bus that "
                + "counts them), then separately `resolveAll` in batches of %,d; peer: a straightforward Hibernate "
                + "lookup-then-merge with OneID's rules in their simplest form (`bench/…/identity/peer/"
                + "LookupThenMerge.java`). Then every record is resolved again (%s; every identity known by then)%s",
                stream.people(), stream.recordCount(), stream.poison().length, poisonRecords(stream),
                Online.BATCH, context.smoke() ? "one pass" : "three passes", context.smoke() ? ""
                        : "; both sides warmed up on 2,000 other people first"));
        report.line("- answers: every side's partition checked record by record (customer ids differ between sides; "
                + "a customer is named by its first record); a repeated resolution must answer the record's customer");
    }

    private static long poisonRecords(IdentityData data) {
        long n = 0;
        java.util.Set<String> poison = java.util.Set.of(data.poison());
        for (int r = 0; r < data.recordCount(); r++) {
            for (String key : data.record(r)) {
                if (poison.contains(key)) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    private static void batchTable(Report report, IdentityData data, Batch batch, Optional<Cte> cte) {
        report.paragraph(String.format("Batch rebuild of %,d records (median of the runs; p99 = the slowest run). "
                + "\"Joined through poison\" = people put into another person's customer: the only identifiers "
                + "unrelated people share are the poison ones.", data.recordCount()));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Siyu `GraphRebuild`", Stats.time(batch.total().medianNanos()),
                Stats.time(batch.total().p99Nanos()), Stats.rate(data.recordCount() * 1e9 / batch.total().medianNanos())
                        + " records", "—", String.format("%,d", batch.partition().components()),
                String.valueOf(batch.partition().poison().length), String.valueOf(batch.joins().people())));
        cte.ifPresent(c -> rows.add(List.of(c.version() + " recursive CTE", Stats.time(c.runs().medianNanos()),
                Stats.time(c.runs().p99Nanos()), Stats.rate(data.recordCount() * 1e9 / c.runs().medianNanos())
                        + " records", Stats.ratio(c.runs().medianNanos() / batch.total().medianNanos()),
                String.format("%,d", c.components()), String.valueOf(c.poison()), String.valueOf(c.joins().people()))));
        report.table(List.of("side", "median", "p99", "throughput", "Siyu ÷ peer", "customers", "poison ids",
                "people joined through poison"), rows);
        report.paragraph(String.format("Siyu's time splits into interning and storing the keys (%s median) and "
                + "counting, marking poison and joining (%s).", Stats.time(batch.add().medianNanos()),
                Stats.time(batch.join().medianNanos())));
        cte.ifPresent(c -> {
            report.paragraph("Like for like (bench/README.md, \"What the batch comparison times\"): each side from the "
                    + "same starting point. PostgreSQL's load is timed once; its indexes and statistics are what its "
                    + "plan reads instead of Siyu's interned numbers.");
            double siyuRaw = batch.total().medianNanos();
            double pgRaw = c.loadNanos() + c.runs().medianNanos();
            double siyuPrepared = batch.join().medianNanos();
            double pgPrepared = c.runs().medianNanos();
            report.table(List.of("starting point", "Siyu", "PostgreSQL", "Siyu ÷ PostgreSQL"), List.of(
                    List.of("the records as strings (Siyu interns every key and joins; PostgreSQL: COPY, indexes, "
                            + "`VACUUM ANALYZE`, the CTE)", Stats.time(siyuRaw), Stats.time(pgRaw),
                            Stats.ratio(pgRaw / siyuRaw)),
                    List.of("each side's prepared data (Siyu: the interned records; PostgreSQL: the indexed, analysed "
                            + "table)", Stats.time(siyuPrepared), Stats.time(pgPrepared),
                            Stats.ratio(pgPrepared / siyuPrepared)),
                    List.of("the table above (Siyu from the strings, PostgreSQL prepared)", Stats.time(siyuRaw),
                            Stats.time(pgPrepared), Stats.ratio(pgPrepared / siyuRaw))));
        });
    }

    private static void onlineTables(Report report, IdentityData stream, Online.Side siyu, Online.Side batches,
            Online.Side peer, int passes) {
        int n = stream.recordCount();
        report.paragraph(String.format("Online, first resolution of each of the %,d records (creations, links, "
                + "merges; one thread; throughput = calls per second of wall clock):", n));
        double siyuRate = n * 1e9 / siyu.firstNanos();
        double batchRate = n * 1e9 / batches.firstNanos();
        double peerRate = n * 1e9 / peer.firstNanos();
        List<List<String>> rows = new ArrayList<>();
        rows.add(onlineRow(siyu, Stats.time(siyu.first().medianNanos()), Stats.time(siyu.first().p99Nanos()),
                siyuRate, peerRate));
        Stats perBatch = Stats.of(batches.batches());
        rows.add(onlineRow(batches, Stats.time(perBatch.medianNanos()) + " per batch",
                Stats.time(perBatch.p99Nanos()) + " per batch", batchRate, peerRate));
        rows.add(onlineRow(peer, Stats.time(peer.first().medianNanos()), Stats.time(peer.first().p99Nanos()),
                peerRate, null));
        report.table(List.of("side", "median", "p99", "throughput", "Siyu ÷ peer", "customers", "merges",
                "poison flagged", "customers holding > 1 person", "people joined through poison",
                "most people in one customer"), rows);
        checkParagraph(report, siyu);
        report.paragraph(String.format("Online, every record resolved again (%d pass%s of %,d calls; every identity "
                + "known; OneID answers from its in-memory index, or through the write path when the record holds "
                + "a poison identifier of another customer):", passes, passes == 1 ? "" : "es", n));
        report.table(List.of("side", "median", "p99", "throughput", "Siyu ÷ peer"), List.of(
                List.of(siyu.name(), Stats.time(siyu.again().medianNanos()), Stats.time(siyu.again().p99Nanos()),
                        Stats.rate(siyu.again().throughput()),
                        Stats.ratio(peer.again().meanNanos() / siyu.again().meanNanos())),
                List.of(peer.name(), Stats.time(peer.again().medianNanos()), Stats.time(peer.again().p99Nanos()),
                        Stats.rate(peer.again().throughput()), "—")));
    }

    private static void checkParagraph(Report report, Online.Side siyu) {
        Online.Check check = siyu.check();
        GraphCheck.Result r = check.result();
        GraphCheck.Result again = check.second();
        report.paragraph(String.format("The operator's graph check (kernel-identity `GraphCheck`, what `POST "
                + "/api/v1/identities/graph-check` runs as a job) on OneID's database after the stream: %s; "
                + "%,d claimed keys, %,d link groups, %,d records, %,d merges checked; %,d poison keys in the rebuild "
                + "(%,d flagged online); **%,d merges made through keys that are poison now** (in %,d customers), "
                + "%,d identities linked through such keys without a merge. Undoing the merges, newest first "
                + "(`undoMerge`, as an operator would through `POST /api/v1/merges/<id>/undo`): %,d undone, %,d "
                + "refused. The check again: %,d identities in %,d link groups are with a customer they do not belong "
                + "with, in %,d splits; carrying them out (`OneId.split`, as `POST /api/v1/identities/graph-check/"
                + "splits/<ref>`): %,d done, %,d refused; customers the rebuild joins that are apart now: %,d, joined "
                + "(`OneId.join`): %,d, refused %,d. People joined through poison before: %,d in %,d customers, "
                + "after: **%,d in %,d customers** (largest %d); people whose own identities are spread over "
                + "several customers before: %,d, after: %,d.", Stats.time(check.nanos()), r.claimedKeys(),
                r.linkGroups(), r.records(), r.merges(), r.poisonRebuilt(), r.poisonNow(), r.mergesThroughPoison(),
                r.customersAffected(), r.identitiesAstray(), check.undone(), check.refused(), again.identitiesAstray(),
                again.groupsAstray(), again.splits().size(), check.split(), check.splitRefused(),
                again.joins().size(), check.joined(), check.joinRefused(),
                siyu.joins().people(), siyu.joins().customers(), check.after().people(), check.after().customers(),
                check.after().largest(), check.spreadBefore(), check.spreadAfter()));
    }

    private static List<String> onlineRow(Online.Side side, String median, String p99, double rate, Double peerRate) {
        return List.of(side.name(), median, p99, Stats.rate(rate), peerRate == null ? "—" : Stats.ratio(rate / peerRate),
                String.format("%,d", Arrays.stream(side.label()).distinct().count()), String.format("%,d", side.merges()),
                String.valueOf(side.poison()), String.format("%,d", side.joins().customers()),
                String.format("%,d", side.joins().people()), String.valueOf(side.joins().largest()));
    }

    private static void targets(Report report, Context context, Batch batch, Optional<Cte> cte, Online.Side siyu,
            IdentityData stream) {
        StringBuilder line = new StringBuilder("Targets (issue 5, set at 1 M customers): ≥ 50,000 resolutions/s — ");
        double again = siyu.again().throughput();
        double first = stream.recordCount() * 1e9 / siyu.firstNanos();
        line.append(Stats.rate(again)).append(" resolving known identities").append(again >= 50_000 ? " ✔" : " ✘")
                .append(", ").append(Stats.rate(first)).append(" for first resolutions").append(first >= 50_000
                        ? " ✔" : " ✘").append(" (each creates, links or merges through H2)");
        cte.ifPresent(c -> {
            double prepared = c.runs().medianNanos() / batch.join().medianNanos();
            double raw = (c.loadNanos() + c.runs().medianNanos()) / batch.total().medianNanos();
            line.append("; ≥ 100× the CTE rebuild — ").append(Stats.ratio(prepared))
                    .append(prepared >= 100 ? " ✔" : " ✘").append(" from each side's prepared data, ")
                    .append(Stats.ratio(raw)).append(raw >= 100 ? " ✔" : " ✘").append(" from the records as strings");
        });
        line.append("; zero merges through poison ids — batch rebuild ").append(batch.joins().people())
                .append(batch.joins().people() == 0 ? " ✔" : " ✘").append(", online ").append(siyu.joins().people())
                .append(" people in ").append(siyu.joins().customers()).append(" customers")
                .append(siyu.joins().people() == 0 ? " ✔" : " ✘")
                .append(" (expected: online, a key is known to be poison only once more than ")
                .append(IdentityData.THRESHOLD).append(" customers claimed it, so up to that many merge through it "
                + "first, and a record presenting a shared key with new identities of channels its holder lacks is "
                + "linked to it without a claim), after the operator's graph check (undo its merges, run it again, "
                + "carry out its splits and joins) ").append(siyu.check().after().people()).append(" people in ")
                .append(siyu.check().after().customers()).append(" customers, ").append(siyu.check().spreadAfter())
                .append(" people spread over several customers").append(siyu.check().after().people() == 0
                        && siyu.check().spreadAfter() == 0 ? " ✔" : " ✘");
        if (context.customers() != 1_000_000) {
            line.append(". This run is not at 1 M: the figures are indicative");
        }
        report.paragraph(line.append('.').toString());
        if (context.smoke()) {
            report.paragraph("Smoke run: the timings above come from a handful of runs and say nothing; the run "
                    + "checks that every side gives the same answers.");
        }
    }

    private static void log(String format, Object... args) {
        System.out.printf("[identity] " + format + "%n", args);
    }
}
