package org.siyu.kernel.imports.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.siyu.api.identity.Resolution;
import org.siyu.api.identity.ResolveRequest;
import org.siyu.kernel.imports.internal.mapping.Mapping;
import org.siyu.support.csv.CsvFile;
import org.siyu.support.csv.CsvSource;
import org.siyu.support.csv.Delimiter;
import org.siyu.support.csv.Encoding;
import org.siyu.testkit.FakeIdentity;
import org.siyu.testkit.FakeJobs;
import org.siyu.testkit.TestPersistenceUnit;

/**
 * Rows per second through the import for generated rows (phone, name, city, two tags) on H2 in memory: printed, not
 * asserted (the build machine is shared). Three measures: reading and checking only; the whole job with OneID and
 * tagging answering from memory (what the import itself costs: CSV, checks, chunk transactions, the record); the whole
 * job with the SQL-backed fakes (one select and insert per identity and per tag, like a naive service).
 * {@code -Dsiyu.import.rows=N} changes the row count (default 100,000).
 */
class ThroughputTest {

    private static final int ROWS = Integer.getInteger("siyu.import.rows", 100_000);

    private static CsvFile generated() throws Exception {
        StringBuilder text = new StringBuilder(ROWS * 48).append("手机号,姓名,城市,标签\n");
        for (int i = 0; i < ROWS; i++) {
            text.append("138").append(String.format("%08d", i)).append(",客户").append(i).append(",上海,")
                    .append("导入|批次").append(i % 10).append('\n');
        }
        return CsvFile.open(CsvSource.of("bench.csv", text.toString().getBytes(StandardCharsets.UTF_8)),
                Encoding.AUTO, Delimiter.AUTO);
    }

    /** OneID answering from a map: no SQL, so only the import's own cost is measured. */
    private static final class MemoryIdentity extends FakeIdentity {
        private final Map<String, Integer> links = new java.util.HashMap<>();
        private final AtomicInteger next = new AtomicInteger();

        MemoryIdentity() {
            super(null);
        }

        @Override
        public List<Resolution> resolveAll(List<ResolveRequest> batch) {
            List<Resolution> out = new ArrayList<>(batch.size());
            for (ResolveRequest r : batch) {
                Integer id = links.get(r.identities().get(0));
                boolean created = id == null;
                if (created) {
                    id = next.incrementAndGet();
                    for (String identity : r.identities()) {
                        links.put(identity, id);
                    }
                }
                out.add(new Resolution(id, created, List.of()));
            }
            return out;
        }

        @Override
        public OptionalInt find(String identity) {
            Integer id = links.get(identity);
            return id == null ? OptionalInt.empty() : OptionalInt.of(id);
        }
    }

    private static final class MemoryTags extends FakeTags {
        final AtomicInteger assigned = new AtomicInteger();

        MemoryTags() {
            super(null);
        }

        @Override
        public boolean assign(int customerId, String tag, String source, String evidence) {
            assigned.incrementAndGet();
            return true;
        }
    }

    @Test
    void measureRowsPerSecond() throws Exception {
        CsvFile file = generated();
        ChannelRegistry channels = TestChannels.registry();
        Mapping mapping = Mapping.of(file.headers(), Map.of("手机号", "phone", "姓名", "name", "城市", "city",
                "标签", "tags"), channels.ids());
        RowChecker checker = new RowChecker(mapping, channels);

        readAndCheck(file, checker); // warm-up: the first pass is mostly the JIT's
        long t0 = System.nanoTime();
        assertEquals(ROWS, readAndCheck(file, checker));
        double readCheck = rate(t0);

        double memory;
        try (TestPersistenceUnit unit = TestPersistenceUnit.inMemory(new ImportEntities())) {
            MemoryTags tags = new MemoryTags();
            Importer importer = new Importer(unit, new MemoryIdentity(), channels, tags, new FakeJobs(),
                    Clock.systemUTC());
            long t1 = System.nanoTime();
            ImportRecord r = importer.record(importer.start(file, mapping, "bench").importId()).orElseThrow();
            memory = rate(t1);
            assertEquals(ROWS, r.rowsImported());
            assertEquals(2 * ROWS, tags.assigned.get());
        }

        double sql;
        try (TestPersistenceUnit unit = TestPersistenceUnit.inMemory(new ImportEntities());
                TestPersistenceUnit fakes = TestPersistenceUnit.inMemory(new Fakes())) {
            Importer importer = new Importer(unit, new FakeIdentity(fakes), channels, new FakeTags(fakes),
                    new FakeJobs(), Clock.systemUTC());
            long t2 = System.nanoTime();
            ImportRecord r = importer.record(importer.start(file, mapping, "bench").importId()).orElseThrow();
            sql = rate(t2);
            assertEquals(ROWS, r.rowsImported());
            assertEquals(2L * ROWS, fakes.queryLong("select count(*) from fakes_assignment"));
        }
        System.out.printf("Import of %,d generated rows (H2 in memory, chunks of %,d): read and check %,.0f rows/s; "
                        + "whole job, OneID and tagging in memory %,.0f rows/s; whole job, SQL-backed fakes %,.0f "
                        + "rows/s%n", ROWS, ImportRun.CHUNK, readCheck, memory, sql);
    }

    private static int readAndCheck(CsvFile file, RowChecker checker) throws Exception {
        int ok = 0;
        try (CsvFile.RowReader rows = file.rows()) {
            var row = rows.next();
            while (row != null) {
                ok += checker.check(row).ok() ? 1 : 0;
                row = rows.next();
            }
        }
        return ok;
    }

    private static double rate(long startNanos) {
        return ROWS / ((System.nanoTime() - startNanos) / 1e9);
    }
}
