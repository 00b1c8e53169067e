package org.siyu.bench.search;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.roaringbitmap.RoaringBitmap;
import org.siyu.api.search.SearchDocument;
import org.siyu.api.search.SearchHit;
import org.siyu.bench.Bench;
import org.siyu.bench.Context;
import org.siyu.bench.Mismatch;
import org.siyu.bench.Postgres;
import org.siyu.bench.Report;
import org.siyu.bench.Stats;
import org.siyu.launcher.internal.search.HostSearch;

/**
 * {@code search}: top-10 queries over N customer documents with Chinese names and remarks ({@link SearchData}).
 * Siyu: the host's index, {@link HostSearch} (what the node registers as {@code SearchIndex}): documents written with
 * {@code put}, queries through {@code search}. Peer: PostgreSQL full-text search on the same documents — PostgreSQL
 * has no Chinese parser, so each document's terms are cut by the host's own analysers ({@link HostAnalysis}) and
 * stored as {@code tsvector}s with GIN indexes, each query as the same terms in {@code tsquery}s, ranked with
 * {@code ts_rank}. Both sides' hits are checked against the documents themselves ({@link Matching}) before anything is
 * timed: the right number of hits ({@code min(10, matches)}) and every hit a match.
 */
public final class SearchBench implements Bench {

    static final int TOP = 10;
    private static final int BATCH = 1_000;

    @Override
    public String name() {
        return "search";
    }

    /** One query: its terms, the documents it matches (the oracle) and each side's figures. */
    static final class QueryCase {
        final SearchData.Query query;
        final Matching.QueryTerms terms;
        final RoaringBitmap matches = new RoaringBitmap();
        Stats siyu;
        Stats peer;
        List<Integer> siyuTop = List.of();
        List<Integer> peerTop = List.of();

        QueryCase(SearchData.Query query, Matching.QueryTerms terms) {
            this.query = query;
            this.terms = terms;
        }
    }

    /** CI's smoke run indexes this many documents (not the size's 100,000) to stay within about a minute. */
    static final int SMOKE_DOCUMENTS = 20_000;

    @Override
    public Path run(Context context) throws Exception {
        int n = context.smoke() ? Math.min(SMOKE_DOCUMENTS, context.customers()) : context.customers();
        Report report = new Report(name(), "search: top-10 customer search, Siyu's index vs PostgreSQL full-text search",
                context);
        HostAnalysis analysis = new HostAnalysis();
        Matching matching = new Matching(analysis);
        List<QueryCase> cases = new ArrayList<>();
        for (SearchData.Query q : SearchData.queries(context.seed(), n)) {
            cases.add(new QueryCase(q, matching.query(q.text())));
        }
        for (QueryCase c : cases) {
            Matching.QueryTerms t = c.terms;
            if (Matching.gramsQuery(t) == null) {
                throw new IllegalStateException("query '" + c.query.text() + "' has no grams");
            }
        }

        Postgres pg = null;
        if (context.postgresUrl().isPresent()) {
            pg = Postgres.create(context.postgresUrl().get(), Postgres.uniqueName("siyu_bench_search"));
        } else {
            log("no PostgreSQL server given (--pg=<jdbc url>; ./siyu bench starts one): only Siyu is run and checked");
        }
        Path folder = Files.createTempDirectory("siyu-bench-search");
        HostSearch siyu = new HostSearch(folder.resolve("search"), null);
        try {
            log("generating %,d documents (seed %d), the oracle's matches%s…", n, context.seed(),
                    pg != null ? " and PostgreSQL's rows (COPY)" : "");
            long t0 = System.nanoTime();
            long analysed = generate(context, n, matching, cases, pg);
            long generated = System.nanoTime() - t0;
            String pgNotes = null;
            long pgIndexNanos = 0;
            if (pg != null) {
                t0 = System.nanoTime();
                pgNotes = indexPostgres(pg);
                pgIndexNanos = System.nanoTime() - t0;
            }

            log("indexing %,d documents through HostSearch.put (2 threads, batches of %,d)…", n, BATCH);
            siyu.openInBackground();
            t0 = System.nanoTime();
            put(siyu, context.seed(), n);
            siyu.refresh();
            long indexed = System.nanoTime() - t0;
            long indexBytes = size(folder);
            if (siyu.count(SearchData.TYPE) != n) {
                throw new Mismatch("search: Siyu's index holds " + siyu.count(SearchData.TYPE) + " documents, not " + n);
            }

            // Every side's answers first; nothing is timed until they are right.
            for (QueryCase c : cases) {
                c.siyuTop = check("Siyu", context.seed(), c, ids(siyu.search(c.query.text(), Set.of(SearchData.TYPE), TOP,
                        Locale.CHINA)));
            }
            if (pg != null) {
                for (QueryCase c : cases) {
                    long count = pgCount(pg.connection(), c);
                    if (count != c.matches.getLongCardinality()) {
                        throw new Mismatch(String.format("search: PostgreSQL matches %,d documents for '%s', the "
                                + "documents say %,d%nSQL: %s", count, c.query.text(), c.matches.getLongCardinality(),
                                pgSql(c, true)));
                    }
                    c.peerTop = check("PostgreSQL", context.seed(), c, pgTop(pg.connection(), c));
                }
            }
            log("every side's hits checked for all %d queries", cases.size());

            long[] all = timeSiyu(siyu, cases, context);
            if (pg != null) {
                timePostgres(pg.connection(), cases, context);
            }
            write(report, context, n, cases, generated, analysed, indexed, indexBytes, pg, pgNotes, pgIndexNanos, all);
            return report.finish(context.results());
        } finally {
            siyu.close();
            try (var files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            if (pg != null) {
                pg.close();
            }
        }
    }

    // --- Data ---------------------------------------------------------------------------------------------------

    /**
     * Generates every document once: its terms decide which queries it matches (the oracle), and become the peer's
     * row. Returns the nanoseconds spent cutting documents into terms (counted apart: the peer needs them, Siyu's
     * index does its own).
     */
    private static long generate(Context context, int n, Matching matching, List<QueryCase> cases, Postgres pg)
            throws SQLException {
        CopyIn copy = null;
        if (pg != null) {
            try (Statement s = pg.connection().createStatement()) {
                s.execute("CREATE TABLE customer_doc (id integer NOT NULL, title text NOT NULL, detail text, "
                        + "grams tsvector NOT NULL, words tsvector NOT NULL)");
            }
            copy = pg.connection().unwrap(PGConnection.class).getCopyAPI().copyIn("COPY customer_doc FROM STDIN");
        }
        long analysis = 0;
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 20);
            StringBuilder line = new StringBuilder(512);
            int block = 10_000;
            SearchDocument[] docs = new SearchDocument[block];
            Matching.DocTerms[] blockTerms = new Matching.DocTerms[block];
            for (int i = 1; i <= n; i++) {
                int slot = (i - 1) % block;
                if (slot == 0) {
                    // Cutting documents into terms (SmartCN above all) is most of the time: both cores do it
                    int from = i;
                    int to = Math.min(n, i + block - 1);
                    long t0 = System.nanoTime();
                    java.util.stream.IntStream.rangeClosed(from, to).parallel().forEach(k -> {
                        docs[k - from] = SearchData.document(context.seed(), k);
                        blockTerms[k - from] = matching.document(docs[k - from]);
                    });
                    analysis += System.nanoTime() - t0;
                }
                SearchDocument d = docs[slot];
                Matching.DocTerms terms = blockTerms[slot];
                for (QueryCase c : cases) {
                    if (Matching.matches(c.terms, terms)) {
                        c.matches.add(i);
                    }
                }
                if (copy != null) {
                    line.setLength(0);
                    line.append(i).append('\t');
                    copyText(line, d.title()).append('\t');
                    copyText(line, d.detail()).append('\t');
                    copyText(line, Matching.gramsVector(terms)).append('\t');
                    copyText(line, Matching.wordsVector(terms)).append('\n');
                    buffer.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
                    if (buffer.size() > (1 << 20)) {
                        copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                        buffer.reset();
                    }
                }
                if (i % 200_000 == 0) {
                    log("  %,d documents", i);
                }
            }
            if (copy != null) {
                copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                copy.endCopy();
            }
        } finally {
            if (copy != null && copy.isActive()) {
                copy.cancelCopy();
            }
        }
        return analysis;
    }

    /** COPY's text format: backslash, tab, newline and carriage return escaped. */
    private static StringBuilder copyText(StringBuilder b, String value) {
        if (value == null) {
            return b.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b;
    }

    /** The peer's best case: GIN indexes built after the load, statistics, room to sort in memory. */
    private static String indexPostgres(Postgres pg) throws SQLException {
        log("building PostgreSQL's GIN indexes (%s)…", pg.version());
        try (Statement s = pg.connection().createStatement()) {
            s.execute("SET maintenance_work_mem = '512MB'");
            s.execute("ALTER TABLE customer_doc ADD PRIMARY KEY (id)");
            s.execute("CREATE INDEX customer_doc_grams ON customer_doc USING gin (grams)");
            s.execute("CREATE INDEX customer_doc_words ON customer_doc USING gin (words)");
            s.execute("VACUUM ANALYZE customer_doc");
            s.execute("SET work_mem = '256MB'");
        }
        return "table `customer_doc(id, title, detail, grams tsvector, words tsvector)` loaded with COPY; GIN indexes "
                + "on `grams` and `words` built after the load, `VACUUM ANALYZE`; session `work_mem` = "
                + pg.setting("work_mem") + " (default 4MB), `shared_buffers` = " + pg.setting("shared_buffers")
                + ", `max_parallel_workers_per_gather` = " + pg.setting("max_parallel_workers_per_gather");
    }

    /** Siyu's write path: {@code SearchIndex.put} in batches, two writer threads (a rebuild job and a subscriber). */
    private static void put(HostSearch siyu, long seed, int n) throws Exception {
        int threads = 2;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int part = t;
                parts.add(pool.submit(() -> {
                    List<SearchDocument> batch = new ArrayList<>(BATCH);
                    for (int i = 1 + part; i <= n; i += threads) {
                        batch.add(SearchData.document(seed, i));
                        if (batch.size() == BATCH) {
                            siyu.put(batch);
                            batch.clear();
                        }
                    }
                    siyu.put(batch);
                    return null;
                }));
            }
            for (Future<?> f : parts) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    // --- Answers ------------------------------------------------------------------------------------------------

    private static List<Integer> ids(List<SearchHit> hits) {
        List<Integer> ids = new ArrayList<>(hits.size());
        for (SearchHit h : hits) {
            if (!h.type().equals(SearchData.TYPE)) {
                throw new Mismatch("search: Siyu returned a hit of type '" + h.type() + "'");
            }
            ids.add(Integer.parseInt(h.id()));
        }
        return ids;
    }

    /** A side's top 10 must be min(10, matches) distinct documents, each one the query matches. */
    static List<Integer> check(String side, long seed, QueryCase c, List<Integer> top) {
        long expected = Math.min(TOP, c.matches.getLongCardinality());
        if (top.size() != expected || new HashSet<>(top).size() != top.size()) {
            throw new Mismatch(String.format("search: %s returned %d hits for '%s' (%s); the query matches %,d "
                    + "documents, so %d distinct hits were due", side, top.size(), c.query.text(), top,
                    c.matches.getLongCardinality(), expected));
        }
        for (int id : top) {
            if (!c.matches.contains(id)) {
                throw new Mismatch(String.format("search: %s returned document %d for '%s', which does not match it "
                        + "(query terms %s)%ndocument: %s", side, id, c.query.text(), c.terms, SearchData.document(seed, id)));
            }
        }
        return top;
    }

    private static String pgSql(QueryCase c, boolean count) {
        String words = Matching.wordsQuery(c.terms);
        String where = "grams @@ CAST(? AS tsquery)" + (words == null ? "" : " OR words @@ CAST(? AS tsquery)");
        if (count) {
            return "SELECT count(*) FROM customer_doc WHERE " + where;
        }
        String rank = "ts_rank(grams, CAST(? AS tsquery))" + (words == null ? "" : " + ts_rank(words, CAST(? AS tsquery))");
        return "SELECT id, title, detail FROM customer_doc WHERE " + where + " ORDER BY " + rank + " DESC, id LIMIT " + TOP;
    }

    private static void bind(PreparedStatement s, QueryCase c, boolean count) throws SQLException {
        String grams = Matching.gramsQuery(c.terms);
        String words = Matching.wordsQuery(c.terms);
        int p = 1;
        s.setString(p++, grams);
        if (words != null) {
            s.setString(p++, words);
        }
        if (!count) {
            s.setString(p++, grams);
            if (words != null) {
                s.setString(p, words);
            }
        }
    }

    private static long pgCount(Connection c, QueryCase q) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(pgSql(q, true))) {
            bind(s, q, true);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** The peer's query as an application would send it: the hit's id, title and detail, best first. */
    private static List<Integer> pgTop(Connection c, QueryCase q) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(pgSql(q, false))) {
            bind(s, q, false);
            List<Integer> ids = new ArrayList<>(TOP);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getInt(1));
                    r.getString(2);
                    r.getString(3);
                }
            }
            return ids;
        }
    }

    // --- Timing -------------------------------------------------------------------------------------------------

    /** Warm-up passes over the query set, then timed passes, each call timed; returns every call's time. */
    private static long[] timeSiyu(HostSearch siyu, List<QueryCase> cases, Context context) {
        int warmups = context.smoke() ? 1 : 5;
        int passes = context.smoke() ? 3 : 30;
        log("timing Siyu: %d warm-up and %d timed passes over %d queries…", warmups, passes, cases.size());
        Set<String> types = Set.of(SearchData.TYPE);
        for (int w = 0; w < warmups; w++) {
            for (QueryCase c : cases) {
                siyu.search(c.query.text(), types, TOP, Locale.CHINA);
            }
        }
        long[][] times = new long[cases.size()][passes];
        long[] all = new long[cases.size() * passes];
        int k = 0;
        for (int p = 0; p < passes; p++) {
            for (int q = 0; q < cases.size(); q++) {
                QueryCase c = cases.get(q);
                long t0 = System.nanoTime();
                List<SearchHit> hits = siyu.search(c.query.text(), types, TOP, Locale.CHINA);
                long t = System.nanoTime() - t0;
                if (hits.size() != c.siyuTop.size()) {
                    throw new Mismatch("search: Siyu's answer to '" + c.query.text() + "' changed between runs");
                }
                times[q][p] = t;
                all[k++] = t;
            }
        }
        for (int q = 0; q < cases.size(); q++) {
            cases.get(q).siyu = Stats.of(times[q]);
        }
        return all;
    }

    private static void timePostgres(Connection c, List<QueryCase> cases, Context context) throws SQLException {
        log("timing PostgreSQL: %d run(s) per query…", context.peerRuns());
        for (QueryCase q : cases) {
            long[] times = new long[context.peerRuns()];
            for (int i = 0; i < times.length; i++) {
                long t0 = System.nanoTime();
                List<Integer> top = pgTop(c, q);
                times[i] = System.nanoTime() - t0;
                if (top.size() != q.peerTop.size()) {
                    throw new Mismatch("search: PostgreSQL's answer to '" + q.query.text() + "' changed between runs");
                }
            }
            q.peer = Stats.of(times);
        }
    }

    // --- Report -------------------------------------------------------------------------------------------------

    private static void write(Report report, Context context, int n, List<QueryCase> cases, long generated,
            long analysed, long indexed, long indexBytes, Postgres pg, String pgNotes, long pgIndexNanos, long[] all)
            throws SQLException {
        report.line(String.format("- data: %,d customer documents shaped as kernel-identity's `CustomerDocuments` "
                + "(title the Chinese name; detail masked phone · channel; text name, nickname for half, a guide's "
                + "remark such as 两只布偶猫，挑食 with a rare note in 1 of 5,000, city; keywords 0–2 tags and the "
                + "masked phone), generated in %.1f s (of which %.1f s cutting them into the host's terms for the "
                + "oracle and the peer)", n, generated / 1e9, analysed / 1e9));
        report.line(String.format("- Siyu: the host's `HostSearch` (the node's `SearchIndex`: Lucene, SmartCN words and "
                + "CJK grams), documents written with `put` in batches of %,d from 2 threads: %.1f s (%s documents), "
                + "index %,d MB; queries through `search(text, {customer}, 10)`, one thread, %s timed passes over the "
                + "query set after %s warm-up", BATCH, indexed / 1e9, Stats.rate(n * 1e9 / indexed), indexBytes >> 20,
                context.smoke() ? "3" : "30", context.smoke() ? "1" : "5"));
        if (pg != null) {
            report.line(String.format("- peer: %s full-text search: %s; indexes built in %.1f s. PostgreSQL has no "
                    + "Chinese parser in Debian's packages, so each document's terms are the host's own (its gram and "
                    + "SmartCN analysers, reached reflectively): `grams` = every unigram and bigram of the Han text and "
                    + "each Latin or digit word of all fields (the title's weighted A), `words` = SmartCN words; a query "
                    + "is `grams @@ 'g1' & 'g2'…` (the last Latin/digit term as a prefix `:*`) `OR words @@ 'w1' & …`, "
                    + "ordered by `ts_rank` of both, top 10; %d timed run(s) per query after one that checks it",
                    pg.version(), pgNotes, pgIndexNanos / 1e9, context.peerRuns()));
        }
        report.line("- answers: every side's top 10 was checked for every query against the documents themselves (the "
                + "matching rules of the host's `SearchQueries`, evaluated on each generated document): min(10, "
                + "matches) distinct hits, each one a document the query matches; PostgreSQL's match count equal to "
                + "the documents' (a difference fails the run). Which 10 of many matches come first is each engine's "
                + "ranking (Lucene BM25 with the host's boosts, `ts_rank`): the overlap is shown, not required");

        double siyuMix = cases.stream().mapToDouble(c -> c.siyu.meanNanos()).sum();
        Stats siyuAll = Stats.of(all);
        List<List<String>> summary = new ArrayList<>();
        summary.add(List.of("Siyu", Stats.time(siyuAll.medianNanos()), Stats.time(siyuAll.p99Nanos()),
                Stats.rate(cases.size() * 1e9 / siyuMix), "—"));
        double pgMix = 0;
        if (pg != null) {
            pgMix = cases.stream().mapToDouble(c -> c.peer.meanNanos()).sum();
            long[] pgAll = cases.stream().mapToLong(c -> (long) c.peer.medianNanos()).toArray();
            summary.add(List.of(pg.version(), Stats.time(Stats.of(pgAll).medianNanos()),
                    Stats.time(cases.stream().mapToDouble(c -> c.peer.p99Nanos()).max().orElseThrow()),
                    Stats.rate(cases.size() * 1e9 / pgMix), Stats.ratio(pgMix / siyuMix)));
        }
        report.paragraph("All " + cases.size() + " queries, one thread or connection: Siyu's median and p99 are of "
                + "every timed call; the peer's median is the median of its per-query medians and its p99 its slowest "
                + "run; throughput = queries per second for a mix of one of each (by mean times); Siyu ÷ peer = the "
                + "peer's mix time over Siyu's.");
        report.table(List.of("side", "median", "p99", "throughput", "Siyu ÷ peer"), summary);
        String targets = "Targets (issue 5): p99 ≤ 50 ms — " + Stats.time(siyuAll.p99Nanos())
                + (siyuAll.p99Nanos() <= 50e6 ? " ✔" : " ✘");
        if (pg != null) {
            targets += "; ≥ 3× PostgreSQL throughput — " + Stats.ratio(pgMix / siyuMix) + (pgMix >= 3 * siyuMix ? " ✔"
                    : " ✘");
        }
        report.paragraph(targets + (context.customers() == 1_000_000 ? "." : " (set for 1 M documents; this run has "
                + String.format("%,d", n) + ")."));

        Map<String, List<QueryCase>> byKind = new LinkedHashMap<>();
        for (String kind : SearchData.kinds()) {
            byKind.put(kind, new ArrayList<>());
        }
        cases.forEach(c -> byKind.get(c.query.kind()).add(c));
        List<String> header = new ArrayList<>(List.of("kind", "queries", "matches (median)", "Siyu median",
                "Siyu p99"));
        if (pg != null) {
            header.addAll(List.of("PostgreSQL median", "PostgreSQL p99", "Siyu ÷ PostgreSQL"));
        }
        List<List<String>> kinds = new ArrayList<>();
        for (Map.Entry<String, List<QueryCase>> e : byKind.entrySet()) {
            List<QueryCase> qs = e.getValue();
            long[] matches = qs.stream().mapToLong(c -> c.matches.getLongCardinality()).sorted().toArray();
            long[] siyuTimes = qs.stream().mapToLong(c -> (long) c.siyu.medianNanos()).toArray();
            List<String> row = new ArrayList<>(List.of(e.getKey(), String.valueOf(qs.size()),
                    String.format("%,d", matches[matches.length / 2]), Stats.time(Stats.of(siyuTimes).medianNanos()),
                    Stats.time(qs.stream().mapToDouble(c -> c.siyu.p99Nanos()).max().orElseThrow())));
            if (pg != null) {
                long[] pgTimes = qs.stream().mapToLong(c -> (long) c.peer.medianNanos()).toArray();
                double siyuSum = qs.stream().mapToDouble(c -> c.siyu.meanNanos()).sum();
                double pgSum = qs.stream().mapToDouble(c -> c.peer.meanNanos()).sum();
                row.addAll(List.of(Stats.time(Stats.of(pgTimes).medianNanos()),
                        Stats.time(qs.stream().mapToDouble(c -> c.peer.p99Nanos()).max().orElseThrow()),
                        Stats.ratio(pgSum / siyuSum)));
            }
            kinds.add(row);
        }
        report.paragraph("By kind of query (medians of the per-query medians; p99 the worst of the kind):");
        report.table(header, kinds);

        List<String> qHeader = new ArrayList<>(List.of("query", "kind", "matches", "Siyu median", "Siyu p99"));
        if (pg != null) {
            qHeader.addAll(List.of("PostgreSQL median", "Siyu ÷ PostgreSQL", "same top 10"));
        }
        List<List<String>> rows = new ArrayList<>();
        for (QueryCase c : cases) {
            List<String> row = new ArrayList<>(List.of(c.query.text(), c.query.kind(),
                    String.format("%,d", c.matches.getLongCardinality()), Stats.time(c.siyu.medianNanos()),
                    Stats.time(c.siyu.p99Nanos())));
            if (pg != null) {
                Set<Integer> common = new HashSet<>(c.siyuTop);
                common.retainAll(c.peerTop);
                row.addAll(List.of(Stats.time(c.peer.medianNanos()), Stats.ratio(c.peer.medianNanos()
                        / c.siyu.medianNanos()), common.size() + " of " + c.siyuTop.size()));
            }
            rows.add(row);
        }
        report.paragraph("Per query:");
        report.table(qHeader, rows);
        if (context.smoke()) {
            report.paragraph(String.format("Smoke run: %,d documents (not the size's %,d: CI keeps each benchmark to about "
                    + "a minute) and few runs; the figures say nothing, the run checks every side's hits.", n,
                    context.customers()));
        }
    }

    private static long size(Path folder) throws java.io.IOException {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void log(String format, Object... args) {
        System.out.printf("[search] " + format + "%n", args);
    }
}
