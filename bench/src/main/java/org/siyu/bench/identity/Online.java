package org.siyu.bench.identity;

import java.lang.annotation.Annotation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.siyu.api.identity.Resolution;
import org.siyu.api.identity.ResolveRequest;
import org.siyu.bench.Mismatch;
import org.siyu.bench.Stats;
import org.siyu.bench.identity.peer.LookupThenMerge;
import org.siyu.bench.identity.peer.PeerEntities;
import org.siyu.kernel.identity.internal.OneId;
import org.siyu.kernel.identity.internal.graph.GraphCheck;
import org.siyu.kernel.identity.internal.channel.Channels;
import org.siyu.kernel.identity.internal.channel.StandardChannels;
import org.siyu.kernel.identity.internal.store.IdentityEntities;
import org.siyu.support.jobs.Jobs;
import org.siyu.testkit.TestPersistenceUnit;

/**
 * The online half: the records resolved one call at a time in stream order, by OneID ({@code resolve}, and
 * separately {@code resolveAll} in batches) and by the Hibernate peer ({@link LookupThenMerge}), each on an H2
 * database in memory of its own; then every record resolved again (its identities are all known by then). Every
 * side must end in the same partition, and a repeated resolution must answer the record's customer.
 */
final class Online {

    /** Requests per {@code resolveAll} call: what OneID's README advises for imports. */
    static final int BATCH = 1_000;

    private Online() {
    }

    /**
     * One side's run.
     *
     * @param first    per call, nanoseconds, of the first resolution of each record (creations, links, merges)
     * @param again    per call, nanoseconds, of the repeated resolutions (every identity known)
     * @param label    per record, the canonical label of its final customer (the first record of that customer)
     * @param poison   merge keys the side flagged poison
     * @param merges   merges the side made
     * @param batches  for {@code resolveAll}: nanoseconds per batch; else null
     */
    record Side(String name, Stats first, Stats again, int[] label, IdentityData.Joins joins, long poison,
            long merges, long[] batches, long firstNanos, Check check) {
    }

    /**
     * The operator's graph check on OneID's database after the stream, and its follow-up: every merge it lists undone,
     * newest first; then the check run again and every split and join it lists carried out.
     *
     * @param nanos    the first check's time (one call of {@link GraphCheck#run} in a transaction)
     * @param undone   merges undone
     * @param refused  undos OneID refused (the survivor was merged since, or the merge was undone)
     * @param second   the check after the undos
     * @param split    splits carried out
     * @param splitRefused splits OneID refused
     * @param joined   joins carried out (customers the rebuild joins, apart after the undos)
     * @param joinRefused joins OneID refused
     * @param after    how the customers join people after the undos and splits
     * @param spreadBefore people spread over several customers before the undos
     * @param spreadAfter  and after the undos and splits
     */
    record Check(GraphCheck.Result result, long nanos, int undone, int refused, GraphCheck.Result second, int split,
            int splitRefused, int joined, int joinRefused, IdentityData.Joins after, int spreadBefore,
            int spreadAfter) {
    }

    static OneId oneId(TestPersistenceUnit unit) {
        Channels channels = new Channels();
        StandardChannels.all().forEach(channels::addChannel);
        return new OneId(unit, new CountingBus(), channels, config());
    }

    private static OneId.Config config() {
        return new OneId.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return OneId.Config.class;
            }

            @Override
            public int poisonThreshold() {
                return IdentityData.THRESHOLD;
            }

            @Override
            public int writeLockTimeoutSeconds() {
                return 30;
            }
        };
    }

    /** OneID, one {@code resolve} per record, then {@code passes} passes resolving every record again. */
    static Side siyu(IdentityData data, int passes) throws SQLException {
        try (TestPersistenceUnit unit = TestPersistenceUnit.inMemory(new IdentityEntities())) {
            OneId oneId = oneId(unit);
            int n = data.recordCount();
            long[] nanos = new long[n];
            int[] answers = new int[n];
            long start = System.nanoTime();
            for (int r = 0; r < n; r++) {
                List<String> identities = Arrays.asList(data.record(r));
                long t0 = System.nanoTime();
                answers[r] = oneId.resolve(identities, Map.of()).customerId();
                nanos[r] = System.nanoTime() - t0;
            }
            long firstNanos = System.nanoTime() - start;
            int[] survivors = survivors(unit, "identity_customer");
            int[] customer = finalCustomers(answers, survivors);
            long[] again = new long[n * passes];
            for (int pass = 0, i = 0; pass < passes; pass++) {
                for (int r = 0; r < n; r++, i++) {
                    List<String> identities = Arrays.asList(data.record(r));
                    long t0 = System.nanoTime();
                    int answer = oneId.resolve(identities, Map.of()).customerId();
                    again[i] = System.nanoTime() - t0;
                    expect("OneID", data, r, answer, customer[r]);
                }
            }
            int[] label = canonical(customer);
            long poison = unit.queryLong("select count(*) from identity_poison");
            long merges = unit.queryLong("select count(*) from identity_merge");
            return new Side("Siyu: OneID `resolve`", Stats.of(nanos), passes == 0 ? null : Stats.of(again), label,
                    data.joins(label), poison, merges, null, firstNanos, check(unit, oneId, data));
        }
    }

    /** OneID, {@code resolveAll} in batches of {@value #BATCH} requests, in stream order. */
    static Side siyuBatches(IdentityData data) throws SQLException {
        try (TestPersistenceUnit unit = TestPersistenceUnit.inMemory(new IdentityEntities())) {
            OneId oneId = oneId(unit);
            int n = data.recordCount();
            int[] answers = new int[n];
            long[] batches = new long[(n + BATCH - 1) / BATCH];
            long start = System.nanoTime();
            for (int b = 0; b < batches.length; b++) {
                int from = b * BATCH;
                int to = Math.min(n, from + BATCH);
                List<ResolveRequest> requests = new ArrayList<>(to - from);
                for (int r = from; r < to; r++) {
                    requests.add(new ResolveRequest(Arrays.asList(data.record(r)), Map.of()));
                }
                long t0 = System.nanoTime();
                List<Resolution> resolutions = oneId.resolveAll(requests);
                batches[b] = System.nanoTime() - t0;
                for (int r = from; r < to; r++) {
                    answers[r] = resolutions.get(r - from).customerId();
                }
            }
            long firstNanos = System.nanoTime() - start;
            int[] label = canonical(finalCustomers(answers, survivors(unit, "identity_customer")));
            return new Side("Siyu: OneID `resolveAll`, batches of " + BATCH, null, null, label, data.joins(label),
                    unit.queryLong("select count(*) from identity_poison"),
                    unit.queryLong("select count(*) from identity_merge"), batches, firstNanos, null);
        }
    }

    /** The Hibernate peer, one transaction per record, then {@code passes} passes resolving every record again. */
    static Side peer(IdentityData data, int passes) throws SQLException {
        try (TestPersistenceUnit unit = TestPersistenceUnit.inMemory(new PeerEntities())) {
            LookupThenMerge peer = new LookupThenMerge(unit, IdentityData.THRESHOLD);
            int n = data.recordCount();
            long[] nanos = new long[n];
            int[] answers = new int[n];
            long start = System.nanoTime();
            for (int r = 0; r < n; r++) {
                long t0 = System.nanoTime();
                answers[r] = peer.resolve(data.record(r));
                nanos[r] = System.nanoTime() - t0;
            }
            long firstNanos = System.nanoTime() - start;
            int[] customer = finalCustomers(answers, survivors(unit, "oneidpeer_customer"));
            long[] again = new long[n * passes];
            for (int pass = 0, i = 0; pass < passes; pass++) {
                for (int r = 0; r < n; r++, i++) {
                    long t0 = System.nanoTime();
                    int answer = peer.resolve(data.record(r));
                    again[i] = System.nanoTime() - t0;
                    expect("the Hibernate peer", data, r, answer, customer[r]);
                }
            }
            int[] label = canonical(customer);
            return new Side("Hibernate lookup-then-merge", Stats.of(nanos), passes == 0 ? null : Stats.of(again),
                    label, data.joins(label), unit.queryLong("select count(*) from oneidpeer_poison"),
                    unit.queryLong("select count(*) from oneidpeer_customer where merged_into <> 0"), null,
                    firstNanos, null);
        }
    }

    /**
     * Runs the graph check on OneID's database as the job does, undoes the merges it lists, newest first, runs it again
     * and carries out the splits it lists, as an operator would in the view.
     */
    private static Check check(TestPersistenceUnit unit, OneId oneId, IdentityData data) {
        int spreadBefore = spread(oneId, data);
        long t0 = System.nanoTime();
        GraphCheck.Result result = unit.inTransaction(em -> GraphCheck.run(em, IdentityData.THRESHOLD,
                Jobs.NO_PROGRESS)).result();
        long nanos = System.nanoTime() - t0;
        int undone = 0;
        int refused = 0;
        for (GraphCheck.SuspectMerge merge : result.suspects()) {
            try {
                oneId.undoMerge(merge.mergeId(), "bench");
                undone++;
            } catch (IllegalArgumentException | IllegalStateException e) {
                refused++;
            }
        }
        GraphCheck.Checked second = unit.inTransaction(em -> GraphCheck.run(em, IdentityData.THRESHOLD,
                Jobs.NO_PROGRESS));
        int split = 0;
        int splitRefused = 0;
        for (GraphCheck.Split s : second.splits()) {
            try {
                oneId.split(s, "bench");
                split++;
            } catch (IllegalArgumentException | IllegalStateException e) {
                splitRefused++;
            }
        }
        int joined = 0;
        int joinRefused = 0;
        for (GraphCheck.SuspectApart j : second.result().joins()) {
            try {
                oneId.join(j.customers(), j.evidence(), "bench");
                joined++;
            } catch (IllegalArgumentException | IllegalStateException e) {
                joinRefused++;
            }
        }
        int[] customer = customers(oneId, data);
        return new Check(result, nanos, undone, refused, second.result(), split, splitRefused, joined, joinRefused,
                data.joins(canonical(customer)), spreadBefore, spread(oneId, data));
    }

    /** People whose own identities (all but the poison ones) are linked to more than one customer. */
    private static int spread(OneId oneId, IdentityData data) {
        java.util.Set<String> poison = java.util.Set.of(data.poison());
        Map<Integer, Integer> customerOf = new HashMap<>();
        java.util.Set<Integer> spread = new java.util.HashSet<>();
        for (int r = 0; r < data.recordCount(); r++) {
            int person = data.person(r);
            for (String key : data.record(r)) {
                if (!poison.contains(key)) {
                    int customer = oneId.find(key).orElseThrow();
                    Integer seen = customerOf.putIfAbsent(person, customer);
                    if (seen != null && seen != customer) {
                        spread.add(person);
                    }
                }
            }
        }
        return spread.size();
    }

    /** Each record's customer: a record's first identity is its person's (poison identifiers come last). */
    private static int[] customers(OneId oneId, IdentityData data) {
        int[] customer = new int[data.recordCount()];
        for (int r = 0; r < customer.length; r++) {
            customer[r] = oneId.find(data.record(r)[0]).orElseThrow();
        }
        return customer;
    }

    private static void expect(String side, IdentityData data, int r, int answer, int customer) {
        if (answer != customer) {
            throw new Mismatch(side + " resolved record " + r + " " + Arrays.toString(data.record(r))
                    + " again to customer " + answer + ", but the record's customer is " + customer);
        }
    }

    /** {@code survivor[id]}: the customer {@code id} was merged into, 0 while it is a customer of its own. */
    private static int[] survivors(TestPersistenceUnit unit, String table) throws SQLException {
        int max = (int) unit.queryLong("select coalesce(max(id), 0) from " + table);
        int[] survivor = new int[max + 1];
        try (Connection c = unit.connect(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select id, merged_into from " + table)) {
            while (r.next()) {
                survivor[r.getInt(1)] = r.getInt(2);
            }
        }
        return survivor;
    }

    /** Each record's answer followed along merges to the customer it is part of now. */
    private static int[] finalCustomers(int[] answers, int[] survivor) {
        int[] customer = new int[answers.length];
        for (int r = 0; r < answers.length; r++) {
            int c = answers[r];
            for (int hops = 0; survivor[c] != 0; hops++) {
                if (hops > survivor.length) {
                    throw new IllegalStateException("customer " + answers[r] + " is merged in a cycle");
                }
                c = survivor[c];
            }
            customer[r] = c;
        }
        return customer;
    }

    /** Customer ids differ between sides; the first record of each customer names it on every side. */
    static int[] canonical(int[] customer) {
        Map<Integer, Integer> first = new HashMap<>();
        int[] label = new int[customer.length];
        for (int r = 0; r < customer.length; r++) {
            Integer seen = first.putIfAbsent(customer[r], r);
            label[r] = seen == null ? r : seen;
        }
        return label;
    }

    /**
     * Checks that {@code other} ended in the same partition as {@code reference}.
     *
     * @throws Mismatch naming the first record whose customer differs, and its identities
     */
    static void same(IdentityData data, Side reference, Side other) {
        int[] a = reference.label();
        int[] b = other.label();
        for (int r = 0; r < a.length; r++) {
            if (a[r] != b[r]) {
                throw new Mismatch(other.name() + " and " + reference.name() + " disagree on record " + r + " "
                        + Arrays.toString(data.record(r)) + ": " + reference.name() + " puts it with record " + a[r]
                        + " " + Arrays.toString(data.record(a[r])) + ", " + other.name() + " with record " + b[r]
                        + " " + Arrays.toString(data.record(b[r])));
            }
        }
    }
}
