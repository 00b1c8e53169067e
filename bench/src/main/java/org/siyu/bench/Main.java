package org.siyu.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.siyu.bench.events.EventsBench;
import org.siyu.bench.identity.IdentityBench;
import org.siyu.bench.imports.ImportBench;
import org.siyu.bench.search.SearchBench;
import org.siyu.bench.segments.SegmentsBench;
import org.siyu.bench.startup.StartupBench;

/**
 * {@code ./siyu bench [name…] [--size=100k|1m|10m]}: runs the named benchmarks (all by default) and writes
 * {@code bench/results/<name>.md}. Exits 1 when a side disagrees with another or a benchmark fails, 2 on bad usage.
 */
public final class Main {

    /** The benchmarks, in the order "all" runs them. */
    static final Map<String, Bench> BENCHES = new LinkedHashMap<>();

    static {
        for (Bench b : List.<Bench>of(new SegmentsBench(), new IdentityBench(),
                new EventsBench(), new SearchBench(), new ImportBench(), new StartupBench())) {
            BENCHES.put(b.name(), b);
        }
    }

    private Main() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
        }
    }

    /** Runs as the command line says; returns the exit status. */
    public static int run(String... args) {
        String size = "1m";
        long seed = 2026;
        String pg = System.getenv("SIYU_BENCH_PG");
        Path results = Path.of(System.getProperty("siyu.bench.results", "bench/results"));
        boolean smoke = false;
        Integer peerRuns = null;
        List<String> names = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--size=")) {
                size = arg.substring("--size=".length());
            } else if (arg.startsWith("--seed=")) {
                seed = parseLong("--seed", arg.substring("--seed=".length()));
            } else if (arg.startsWith("--pg=")) {
                pg = arg.substring("--pg=".length());
            } else if (arg.startsWith("--results=")) {
                results = Path.of(arg.substring("--results=".length()));
            } else if (arg.equals("--smoke")) {
                smoke = true;
            } else if (arg.startsWith("--peer-runs=")) {
                peerRuns = (int) parseLong("--peer-runs", arg.substring("--peer-runs=".length()));
                if (peerRuns < 1) {
                    throw new IllegalArgumentException("--peer-runs: at least 1");
                }
            } else if (arg.equals("-h") || arg.equals("--help")) {
                System.out.println(usage());
                return 0;
            } else if (arg.startsWith("-")) {
                throw new IllegalArgumentException("unknown option '" + arg + "'");
            } else if (!BENCHES.containsKey(arg)) {
                throw new IllegalArgumentException("no benchmark called '" + arg + "' (there are: "
                        + String.join(", ", BENCHES.keySet()) + ")");
            } else {
                names.add(arg);
            }
        }
        int customers = Context.customers(size);
        if (customers < 1_000) {
            throw new IllegalArgumentException("--size: at least 1k customers");
        }
        if (names.isEmpty()) {
            names.addAll(BENCHES.keySet());
        }
        int runs = peerRuns != null ? peerRuns : smoke ? 1 : customers > 2_000_000 ? 2 : customers > 200_000 ? 3 : 5;
        Context context = new Context(size, customers, seed, Optional.ofNullable(pg).filter(s -> !s.isBlank()),
                results, smoke, runs);
        int status = 0;
        for (String name : names) {
            try {
                BENCHES.get(name).run(context);
            } catch (Mismatch e) {
                System.err.println();
                System.err.println("bench: " + name + ": THE SIDES DISAGREE — no figures are reported");
                System.err.println(e.getMessage());
                status = 1;
            } catch (Exception e) {
                System.err.println("bench: " + name + " failed: " + e);
                e.printStackTrace();
                status = 1;
            }
        }
        return status;
    }

    private static long parseLong(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + value + "' is not a number");
        }
    }

    static String usage() {
        return "usage: ./siyu bench [" + String.join("|", BENCHES.keySet()) + " …] [--size=100k|1m|10m] [--seed=N]"
                + " [--peer-runs=N] [--pg=<jdbc url>] [--results=<dir>] [--smoke]";
    }
}
