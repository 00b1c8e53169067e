package org.siyu.bench.startup;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.siyu.bench.Bench;
import org.siyu.bench.Context;
import org.siyu.bench.Mismatch;
import org.siyu.bench.Report;
import org.siyu.bench.Stats;

/**
 * {@code startup}: the assembled distribution started as a user starts it ({@code ./siyu run}: the same class path,
 * JVM options and start-up cache), on a new home, without the demo and the samples: time from launching the process to
 * {@code GET /api/health} answering UP, the live heap once idle (after a full GC, {@code jcmd GC.heap_info}), and a
 * hot install of the sample plugin through {@code POST /api/v1/plugins} until its view is registered. Issue 5's
 * targets are absolute (≤ 5 s, ≤ 256 MB, ≤ 500 ms): there is no peer; every run must come up and show the view.
 */
public final class StartupBench implements Bench {

    private static final String PASSWORD = "bench-startup-password";
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final Duration START_LIMIT = Duration.ofSeconds(120);

    @Override
    public String name() {
        return "startup";
    }

    /** One start: launch → UP, idle heap, resident set, install → view. */
    record Run(long startNanos, long heapBytes, long rssBytes, long installNanos) {
    }

    @Override
    public Path run(Context context) throws Exception {
        Path dist = distribution();
        int runs = context.smoke() ? 1 : Math.max(3, context.peerRuns());
        Report report = new Report(name(), "startup: cold start, idle heap and hot plugin install of the distribution",
                context);
        List<Run> results = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            Run r = once(dist);
            log("run %d: UP in %d ms, idle heap %d MB, rss %d MB, install to view %d ms", i, r.startNanos() / 1_000_000,
                    r.heapBytes() >> 20, r.rssBytes() >> 20, r.installNanos() / 1_000_000);
            results.add(r);
        }
        write(report, dist, results);
        return report.finish(context.results());
    }

    /** The distribution: {@code -Dsiyu.distribution}, else {@code distribution/target/siyu} here or one level up. */
    static Path distribution() {
        String given = System.getProperty("siyu.distribution");
        List<Path> candidates = given != null ? List.of(Path.of(given))
                : List.of(Path.of("distribution/target/siyu"), Path.of("../distribution/target/siyu"));
        for (Path p : candidates) {
            if (Files.isDirectory(p.resolve("lib"))) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("startup: no assembled distribution at " + candidates
                + " (build it: ./siyu build, or mvn install -pl distribution -DskipTests)");
    }

    private Run once(Path dist) throws Exception {
        Path home = Files.createTempDirectory("siyu-bench-startup");
        Files.delete(home); // a new home, created by the node itself, as on a first ./siyu run
        int port = freePort();
        Path log = Files.createTempFile("siyu-bench-startup", ".log");
        List<String> command = new ArrayList<>();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        command.add(java.toString());
        Path aot = dist.resolve("siyu.aot");
        if (Files.isRegularFile(aot)) {
            command.add("-XX:AOTCache=" + aot); // what ./siyu run does after a build
        }
        // ./siyu's java_opts
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Xlog:aot*=off", "-Xmx1g", "-Dsiyu.distribution=" + dist, "-cp", classPath(dist),
                "org.siyu.launcher.Main"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SIYU_HOME", home.toString());
        builder.environment().put("SIYU_PORT", String.valueOf(port));
        builder.environment().put("SIYU_ADMIN_PASSWORD", PASSWORD);
        builder.environment().put("SIYU_SAMPLES", "off");
        builder.environment().put("SIYU_DEMO", "off");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String base = "http://127.0.0.1:" + port;
        long t0 = System.nanoTime();
        Process node = builder.start();
        try {
            while (!up(http, base)) {
                if (!node.isAlive()) {
                    throw new Mismatch("startup: the node exited with " + node.exitValue() + " before it was UP; see "
                            + log);
                }
                if (System.nanoTime() - t0 > START_LIMIT.toNanos()) {
                    throw new Mismatch("startup: not UP after " + START_LIMIT.toSeconds() + " s; see " + log);
                }
                Thread.sleep(20);
            }
            long start = System.nanoTime() - t0;
            Thread.sleep(5_000); // idle: what the node holds once the start-up work is done
            long heap = idleHeap(node.pid());
            long rss = rss(node.pid());
            String token = token(http, base);
            byte[] plugin = Files.readAllBytes(dist.resolve("samples/org.siyu.samples.notes.jar"));
            long t1 = System.nanoTime();
            HttpResponse<String> installed = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/plugins"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/java-archive")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(plugin)).build(), HttpResponse.BodyHandlers.ofString());
            if (installed.statusCode() / 100 != 2) {
                throw new Mismatch("startup: installing the sample plugin answered " + installed.statusCode() + ": "
                        + installed.body());
            }
            while (true) {
                HttpResponse<String> p = http.send(HttpRequest.newBuilder(
                                URI.create(base + "/api/v1/plugins/org.siyu.samples.notes"))
                        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (p.body().contains("view notes.list")) {
                    break;
                }
                if (System.nanoTime() - t1 > Duration.ofSeconds(60).toNanos()) {
                    throw new Mismatch("startup: the sample plugin's view did not appear within 60 s: " + p.body());
                }
                Thread.sleep(5);
            }
            long install = System.nanoTime() - t1;
            return new Run(start, heap, rss, install);
        } finally {
            node.destroy();
            if (!node.waitFor(30, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
            deleteTree(home);
            Files.deleteIfExists(log);
        }
    }

    private static boolean up(HttpClient http, String base) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/health"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"status\":\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String token(HttpClient http, String base) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) {
            throw new Mismatch("startup: no token for admin: " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }

    /** Live heap after a full GC, as {@code jcmd <pid> GC.heap_info} reports it once {@code GC.run} has run. */
    private static long idleHeap(long pid) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        exec(jcmd.toString(), String.valueOf(pid), "GC.run");
        Matcher m = HEAP_USED.matcher(exec(jcmd.toString(), String.valueOf(pid), "GC.heap_info"));
        if (!m.find()) {
            throw new IllegalStateException("jcmd GC.heap_info gave no 'used' figure");
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    private static long rss(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    private static String exec(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    /** The class path ./siyu builds: every jar of lib/, sorted (the start-up cache was recorded with it). */
    private static String classPath(Path dist) throws IOException {
        try (Stream<Path> jars = Files.list(dist.resolve("lib"))) {
            return String.join(":", jars.filter(p -> p.toString().endsWith(".jar")).map(Path::toString).sorted().toList());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void write(Report report, Path dist, List<Run> runs) {
        report.line("- distribution: " + dist + aotState(dist));
        report.line("- Siyu: the launcher in a new JVM (`-Xmx1g`, `./siyu run`'s options), a new home, "
                + "`SIYU_DEMO=off`, `SIYU_SAMPLES=off`; then `POST /api/v1/plugins` of the sample plugin "
                + "(samples/org.siyu.samples.notes.jar)");
        report.line("- peer: none (issue 5 sets absolute targets for start-up)");
        report.line(String.format("- answers: every one of the %d runs came UP and showed the installed plugin's view "
                + "(checked; a run that does not fails the benchmark)", runs.size()));
        long[] starts = runs.stream().mapToLong(Run::startNanos).toArray();
        long[] heaps = runs.stream().mapToLong(Run::heapBytes).toArray();
        long[] rss = runs.stream().mapToLong(Run::rssBytes).toArray();
        long[] installs = runs.stream().mapToLong(Run::installNanos).toArray();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            rows.add(List.of("Siyu, run " + (i + 1), Stats.time(r.startNanos()), mb(r.heapBytes()), mb(r.rssBytes()),
                    Stats.time(r.installNanos())));
        }
        rows.add(List.of("Siyu, median", Stats.time(Stats.of(starts).medianNanos()), mb(median(heaps)), mb(median(rss)),
                Stats.time(Stats.of(installs).medianNanos())));
        report.table(List.of("side", "launch → /api/health UP", "idle heap (after full GC)", "resident set",
                "install → view registered"), rows);
        double start = Stats.of(starts).medianNanos();
        double install = Stats.of(installs).medianNanos();
        long heap = median(heaps);
        report.paragraph(String.format("Targets (issue 5), medians: cold start ≤ 5 s — %s %s; idle heap ≤ 256 MB — %s %s;"
                        + " hot install to its view ≤ 500 ms — %s %s.", Stats.time(start), start <= 5e9 ? "✔" : "✘",
                mb(heap), heap <= 256L << 20 ? "✔" : "✘", Stats.time(install), install <= 500e6 ? "✔" : "✘"));
    }

    /** Whether the start-up cache is there and was recorded after the jars were built (else the JVM ignores it). */
    private static String aotState(Path dist) {
        Path aot = dist.resolve("siyu.aot");
        if (!Files.isRegularFile(aot)) {
            return " (no start-up cache: `./siyu build` records one)";
        }
        try (Stream<Path> jars = Files.list(dist.resolve("lib"))) {
            long newestJar = jars.mapToLong(p -> p.toFile().lastModified()).max().orElse(0);
            return aot.toFile().lastModified() >= newestJar
                    ? " with its start-up cache (siyu.aot), as `./siyu run` uses it"
                    : " with a start-up cache older than its jars, which the JVM does not use (`./siyu build` records "
                    + "a new one)";
        } catch (IOException e) {
            return " (start-up cache not checked: " + e.getMessage() + ")";
        }
    }

    private static long median(long[] values) {
        return (long) Stats.of(values).medianNanos();
    }

    private static String mb(long bytes) {
        return String.format("%,d MB", bytes >> 20);
    }

    private static void log(String format, Object... args) {
        System.out.printf("[startup] " + format + "%n", args);
    }
}
