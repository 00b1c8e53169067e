package org.siyu.bench.segments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.siyu.bench.Context;
import org.siyu.bench.Mismatch;
import org.siyu.bench.Postgres;
import org.siyu.bench.Stats;
import org.siyu.kernel.tagging.internal.segment.Expr;
import org.siyu.kernel.tagging.internal.segment.SegmentParser;

/**
 * The SQL peers of {@link SegmentsBench}: PostgreSQL and H2 with {@code customer(id)} and {@code customer_tag(customer_id,
 * tag_id)} (a b-tree primary key on {@code (tag_id, customer_id)}), loaded from the same {@link SegmentData}, each
 * expression run in both plans of {@link SegmentSql} and checked against the count every side must give.
 */
final class SqlPeers {

    /** A peer query gets fewer timed runs when they would take longer than this (10 M rows on H2 take minutes). */
    private static final long PEER_BUDGET_NANOS = 30_000_000_000L;

    private SqlPeers() {
    }

    static PeerResult postgres(Postgres pg, SegmentData data, long[] counts, Context context) throws Exception {
        Connection c = pg.connection();
        log("loading PostgreSQL (%s)…", pg.version());
        long t0 = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customer (id integer NOT NULL)");
            s.execute("CREATE TABLE customer_tag (customer_id integer NOT NULL, tag_id integer NOT NULL)");
            s.execute("INSERT INTO customer SELECT generate_series(1, " + data.customers() + ")");
        }
        Postgres.copy(c, "COPY customer_tag FROM STDIN", out -> {
            for (int t = 0; t < SegmentData.TAGS; t++) {
                String tag = "\t" + SegmentData.id(t) + "\n";
                for (int customer : data.members(t)) {
                    out.write(customer + tag);
                }
            }
        });
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE customer ADD PRIMARY KEY (id)");
            s.execute("ALTER TABLE customer_tag ADD PRIMARY KEY (tag_id, customer_id)");
            // VACUUM sets the visibility map, so "customers with tag k" is an index-only scan of the b-tree
            s.execute("VACUUM ANALYZE customer");
            s.execute("VACUUM ANALYZE customer_tag");
            // room for hashed set operations and aggregates in memory: the peer's best case, not its default (4MB)
            s.execute("SET work_mem = '256MB'");
        }
        long load = System.nanoTime() - t0;
        List<String> notes = List.of("tables `customer(id integer primary key)` and `customer_tag(customer_id integer, "
                + "tag_id integer)` with the primary key (a b-tree) on `(tag_id, customer_id)`, loaded with COPY, then "
                + "`VACUUM ANALYZE` (index-only scans)", "session `work_mem` = " + pg.setting("work_mem")
                + " (default 4MB), `shared_buffers` = " + pg.setting("shared_buffers")
                + ", `max_parallel_workers_per_gather` = " + pg.setting("max_parallel_workers_per_gather")
                + " (left as Debian ships it: PostgreSQL may use parallel workers, Siyu counts on one thread)");
        return runPeer("PostgreSQL", pg.version(), notes, load, c, counts, context);
    }

    static PeerResult h2(SegmentData data, long[] counts, Context context) throws Exception {
        // In memory up to a few million customers (H2's fastest mode); a file beyond, which a heap cannot hold.
        boolean file = data.customers() > 2_000_000;
        Path dir = file ? Files.createTempDirectory("siyu-bench-h2") : null;
        // H2 hands back the previous result of a query run again on unchanged tables: that would time a cache.
        // In memory, the database goes when its one connection closes.
        String url = (file ? "jdbc:h2:file:" + dir.resolve("segments") : "jdbc:h2:mem:segments")
                + ";OPTIMIZE_REUSE_RESULTS=0";
        log("loading H2 (%s, %s)…", org.h2.engine.Constants.FULL_VERSION, file ? "file" : "in memory");
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            loadH2(c, data);
            long load = System.nanoTime() - t0;
            List<String> notes = List.of("H2 " + org.h2.engine.Constants.FULL_VERSION + " embedded in the bench's JVM ("
                    + (file ? "a file database: 10 M customers do not fit a heap" : "in memory, its fastest mode")
                    + "), the same tables and primary key, the same SQL; `OPTIMIZE_REUSE_RESULTS=0`, else H2 "
                    + "returns a repeated query's previous result");
            return runPeer("H2", "H2 " + org.h2.engine.Constants.VERSION, notes, load, c, counts, context);
        } finally {
            if (file) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** The peer's tables on H2, the same as on PostgreSQL (the primary key declared first: rows come in its order). */
    static void loadH2(Connection c, SegmentData data) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customer (id INTEGER PRIMARY KEY)");
            s.execute("CREATE TABLE customer_tag (customer_id INTEGER NOT NULL, tag_id INTEGER NOT NULL, "
                    + "PRIMARY KEY (tag_id, customer_id))");
            s.execute("INSERT INTO customer SELECT X FROM SYSTEM_RANGE(1, " + data.customers() + ")");
        }
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO customer_tag (customer_id, tag_id) SELECT * FROM UNNEST(?, ?)")) {
            for (int t = 0; t < SegmentData.TAGS; t++) {
                int[] members = data.members(t);
                for (int from = 0; from < members.length; from += 50_000) {
                    int to = Math.min(members.length, from + 50_000); // H2 arrays hold at most 65,536
                    Integer[] customers = new Integer[to - from];
                    Integer[] tags = new Integer[to - from];
                    for (int i = from; i < to; i++) {
                        customers[i - from] = members[i];
                        tags[i - from] = SegmentData.id(t);
                    }
                    insert.setObject(1, customers);
                    insert.setObject(2, tags);
                    insert.executeUpdate();
                }
                c.commit();
            }
        } finally {
            c.setAutoCommit(true);
        }
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
    }

    /**
     * Runs every expression in both plans: first once to check the count against Siyu's (a mismatch fails the run),
     * then {@code peerRuns} timed runs (fewer when a query is so slow that they would pass the budget).
     */
    static PeerResult runPeer(String name, String version, List<String> notes, long load, Connection c,
            long[] counts, Context context) throws SQLException {
        List<Map<SegmentSql.Plan, Stats>> byExpression = new ArrayList<>();
        List<String> texts = SegmentData.EXPRESSIONS;
        log("%s loaded in %.1f s; running %d expressions x %d plans…", name, load / 1e9, texts.size(),
                SegmentSql.Plan.values().length);
        for (int e = 0; e < texts.size(); e++) {
            Expr expr = SegmentParser.parse(texts.get(e));
            Map<SegmentSql.Plan, Stats> plans = new EnumMap<>(SegmentSql.Plan.class);
            for (SegmentSql.Plan plan : SegmentSql.Plan.values()) {
                String sql = SegmentSql.count(expr, plan);
                long t0 = System.nanoTime();
                long count = query(c, sql);
                long first = System.nanoTime() - t0;
                if (count != counts[e]) {
                    throw new Mismatch(String.format("segments: %s counted %,d for expression %d '%s' with the %s plan,"
                            + " Siyu %,d%nSQL: %s", name, count, e + 1, texts.get(e), plan.title(), counts[e], sql));
                }
                int runs = (int) Math.max(1, Math.min(context.peerRuns(), PEER_BUDGET_NANOS / Math.max(1, first)));
                long[] times = new long[runs];
                for (int i = 0; i < runs; i++) {
                    t0 = System.nanoTime();
                    query(c, sql);
                    times[i] = System.nanoTime() - t0;
                }
                plans.put(plan, Stats.of(times));
            }
            byExpression.add(plans);
            if (!context.smoke()) {
                log("%s %2d/%d: %s (INTERSECT/EXCEPT), %s (GROUP BY/HAVING)", name, e + 1, texts.size(),
                        Stats.time(plans.get(SegmentSql.Plan.SET_OPERATIONS).medianNanos()),
                        Stats.time(plans.get(SegmentSql.Plan.GROUP_BY_HAVING).medianNanos()));
            }
        }
        return new PeerResult(name, version, notes, load, byExpression);
    }

    static long query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    // --- Report -------------------------------------------------------------------------------------------------

    private static void log(String format, Object... args) {
        System.out.printf("[segments] " + format + "%n", args);
    }
}
