package org.siyu.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CI's run of every benchmark at the quick size (100k customers), once: every side must give the same answers and
 * the report must be written. No timing is asserted (the machine is shared). PostgreSQL takes part when
 * {@code -Dsiyu.test.postgres} names a server, as {@code ./siyu test} does; H2 always.
 */
class BenchSmokeTest {

    private static final Path RESULTS = Path.of(System.getProperty("siyu.bench.results", "target/bench-results"));

    @Test
    void shouldRunEveryBenchmarkAtTheQuickSizeWithEverySideAgreeing() throws Exception {
        List<String> args = new ArrayList<>(List.of("--size=100k", "--smoke", "--results=" + RESULTS));
        String pg = System.getProperty("siyu.test.postgres", "");
        if (!pg.isBlank()) {
            args.add("--pg=" + pg);
        }
        assertEquals(0, Main.run(args.toArray(String[]::new)), "a benchmark failed or its sides disagreed (see above)");
        for (String name : Main.BENCHES.keySet()) {
            String report = Files.readString(RESULTS.resolve(name + ".md"));
            assertTrue(report.contains("- answers: every"), report);
            assertTrue(report.contains("| Siyu"), report);
            if (name.equals("startup")) { // no peer: the distribution against issue 5's absolute targets
                assertTrue(report.contains("install → view registered") && report.contains("Targets (issue 5)"), report);
                continue;
            }
            if (!pg.isBlank()) {
                assertTrue(report.contains("PostgreSQL"), report);
            }
            // search's peer is PostgreSQL alone (H2 has no full-text search worth comparing); the others run H2 always
            if (!name.equals("search")) {
                assertTrue(report.contains("H2"), report);
            }
        }
    }

    @Test
    void shouldRefuseUnknownBenchmarksAndSizes() {
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class, () -> Main.run("segmnets"));
        assertTrue(name.getMessage().contains("no benchmark called 'segmnets'"), name.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> Main.run("segments", "--size=huge"));
        assertTrue(size.getMessage().startsWith("--size: 'huge'"), size.getMessage());
        assertEquals(100_000, Context.customers("100k"));
        assertEquals(10_000_000, Context.customers("10M"));
    }

    @Test
    void shouldTakeNearestRankPercentiles() {
        Stats s = Stats.of(new long[] {5, 1, 4, 2, 3});
        assertEquals(3, s.medianNanos());
        assertEquals(5, s.p99Nanos());
        assertEquals(3, s.meanNanos());
        long[] hundred = new long[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = i + 1;
        }
        assertEquals(99, Stats.of(hundred).p99Nanos());
        assertEquals(50, Stats.of(hundred).medianNanos());
    }
}
