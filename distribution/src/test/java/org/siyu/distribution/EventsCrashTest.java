package org.siyu.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test of the event bus: a node runs as its own process, a client streams events into
 * {@code POST /api/v1/events}, the process is killed with SIGKILL mid-stream and started again on the same home.
 * Every event the node had answered 200 for must then reach a subscriber (at least once), and, per customer, in the
 * order it was sent.
 *
 * <p>The subscriber is a small bundle in the home's {@code plugins/} folder that appends each event id to a file with
 * {@code DSYNC}, so what it saw survives the kill too. It takes 10 ms per event, slower than ingestion, so accepted
 * events are still waiting for delivery when the node dies.
 */
class EventsCrashTest {

    private static final String PASSWORD = "crash-test-password";
    private static final int CUSTOMERS = 50;
    private static final int PER_REQUEST = 40;

    @TempDir
    Path home;
    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void shouldDeliverEveryAcceptedEventAfterAKillMinusNine() throws Exception {
        Path delivered = home.resolve("delivered.log");
        Files.createDirectories(home.resolve("plugins"));
        Files.write(home.resolve("plugins/recorder.jar"), recorderBundle());
        int port = freePort();

        List<String> accepted = new ArrayList<>();
        Process first = startNode(port, delivered);
        try {
            String token = awaitUpAndSignIn(port);
            awaitSubscribed(port, token);
            AtomicBoolean stop = new AtomicBoolean();
            Thread sender = Thread.ofPlatform().name("crash-sender").start(() -> send(port, token, accepted, stop));
            // Let the stream run long enough that events are accepted, in flight and awaiting delivery at once.
            assertTrue(TestHost.await(60_000, () -> size(accepted) >= 3_000), "the node accepted too few events");
            first.destroyForcibly();   // SIGKILL on Linux: no shutdown hook, no flush, no close
            first.waitFor();
            stop.set(true);
            sender.join(30_000);
        } finally {
            first.destroyForcibly();
        }
        Set<String> seenBeforeCrash = new LinkedHashSet<>(readLines(delivered));
        List<String> sent;
        synchronized (accepted) {
            sent = List.copyOf(accepted);
        }
        System.out.printf("crash test: %,d events accepted before SIGKILL, %,d delivered by then%n",
                sent.size(), seenBeforeCrash.size());
        assertTrue(seenBeforeCrash.size() < sent.size(),
                "the subscriber had caught up before the kill, so the crash proved nothing about pending deliveries");

        Process second = startNode(port, delivered);
        try {
            awaitUpAndSignIn(port);
            boolean all = TestHost.await(120_000, () -> readLines(delivered).containsAll(sent));
            List<String> lines = readLines(delivered);
            Set<String> missing = new LinkedHashSet<>(sent);
            lines.forEach(missing::remove);
            assertTrue(all, missing.size() + " accepted events were never delivered, e.g. "
                    + missing.stream().limit(5).toList());
            assertPerCustomerOrder(sent, lines);
            System.out.printf("crash test: after the restart all %,d delivered (%,d deliveries, %,d repeated)%n",
                    sent.size(), lines.size(), lines.size() - new LinkedHashSet<>(lines).size());
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    /** First deliveries of one customer's events come in the order they were sent. */
    private static void assertPerCustomerOrder(List<String> sent, List<String> deliveredLines) {
        Map<String, Integer> sentAt = new HashMap<>();
        for (int i = 0; i < sent.size(); i++) {
            sentAt.put(sent.get(i), i);
        }
        Map<String, Integer> lastPerCustomer = new HashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        for (String id : deliveredLines) {
            Integer at = sentAt.get(id);
            if (at == null || !seen.add(id)) {
                continue;   // not accepted (its request was cut by the kill) or a repeat after the restart
            }
            String customer = customerOf(id);
            Integer previous = lastPerCustomer.put(customer, at);
            if (previous != null) {
                assertTrue(previous < at, "customer " + customer + ": " + id + " was delivered after a later event");
            }
        }
        assertEquals(sent.size(), seen.size());
    }

    private static String customerOf(String id) {
        // crash-<sequence>-c<customer>
        return id.substring(id.lastIndexOf('-') + 1);
    }

    private void send(int port, String token, List<String> accepted, AtomicBoolean stop) {
        int sequence = 0;
        while (!stop.get()) {
            List<String> ids = new ArrayList<>(PER_REQUEST);
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < PER_REQUEST; i++, sequence++) {
                int customer = sequence % CUSTOMERS;
                String id = "crash-" + sequence + "-c" + customer;
                ids.add(id);
                body.append(i == 0 ? "" : ",").append("{\"id\":\"").append(id)
                        .append("\",\"type\":\"crash.tick\",\"source\":\"crash-test\",\"identities\":[\"wechat:crash-")
                        .append(customer).append("\"],\"data\":{\"sequence\":").append(sequence).append("}}");
            }
            body.append(']');
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/events"))
                        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200 || !r.body().contains("\"accepted\":" + PER_REQUEST)) {
                    throw new IllegalStateException("the node refused a valid batch: " + r.statusCode() + " " + r.body());
                }
                synchronized (accepted) {
                    accepted.addAll(ids);
                }
            } catch (IOException e) {
                return;   // the node was killed: this request's events were never acknowledged
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Process startNode(int port, Path delivered) throws IOException {
        Path dist = TestHost.distribution();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-Xmx512m", "-Dsiyu.distribution=" + dist,
                "-Dcrash.delivered=" + delivered, "-cp", dist.resolve("lib") + "/*", "org.siyu.launcher.Main");
        pb.environment().put("SIYU_HOME", home.toString());
        pb.environment().put("SIYU_PORT", Integer.toString(port));
        pb.environment().put("SIYU_ADMIN_PASSWORD", PASSWORD);
        pb.environment().put("SIYU_DEMO", "off");
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("node.log").toFile()));
        return pb.start();
    }

    private String awaitUpAndSignIn(int port) throws Exception {
        boolean up = TestHost.await(90_000, () -> {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200 && r.body().contains("\"status\":\"UP\"");
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        assertTrue(up, () -> "the node did not come up: " + tail(work.resolve("node.log")));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    /** The recorder is installed by FileInstall shortly after start; events sent before it registers still reach it
     * (a new subscriber starts at the earliest event), but waiting keeps the crash in the middle of live delivery. */
    private void awaitSubscribed(int port, String token) throws Exception {
        boolean subscribed = TestHost.await(30_000, () -> {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/events/subscribers"))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                return r.body().contains("crash.recorder");
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        assertTrue(subscribed, () -> "the recorder bundle did not subscribe: " + tail(work.resolve("node.log")));
    }

    private static List<String> readLines(Path file) {
        try {
            if (!Files.exists(file)) {
                return List.of();
            }
            // A line cut by the kill has no newline yet: ignore it, the event is redelivered after the restart.
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int size(List<String> list) {
        synchronized (list) {
            return list.size();
        }
    }

    private static String tail(Path log) {
        try {
            String text = Files.exists(log) ? Files.readString(log) : "(no log)";
            return text.substring(Math.max(0, text.length() - 4_000));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A subscriber to {@code crash.*} that appends each event id to the file named by {@code -Dcrash.delivered}. */
    private byte[] recorderBundle() throws Exception {
        return TestBundles.build(work,
                Map.of("Bundle-SymbolicName", "org.example.recorder", "Bundle-Version", "1.0.0",
                        "Bundle-Activator", "org.example.recorder.Activator",
                        "Import-Package", "org.osgi.framework,org.siyu.api.events"),
                Map.of("org/example/recorder/Activator.java", """
                        package org.example.recorder;
                        import java.nio.charset.StandardCharsets;
                        import java.nio.file.*;
                        import java.util.Hashtable;
                        import org.osgi.framework.*;
                        import org.siyu.api.events.*;
                        public class Activator implements BundleActivator {
                            public void start(BundleContext context) {
                                Path file = Path.of(System.getProperty("crash.delivered"));
                                Hashtable<String, Object> props = new Hashtable<>();
                                props.put(EventSubscriber.ID, "crash.recorder");
                                props.put(EventSubscriber.TYPES, "crash.*");
                                context.registerService(EventSubscriber.class, event -> {
                                    Thread.sleep(10);   // slower than ingestion: a backlog when the node dies
                                    Files.write(file, (event.id() + "\\n").getBytes(StandardCharsets.UTF_8),
                                            StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.DSYNC);
                                }, props);
                            }
                            public void stop(BundleContext context) { }
                        }
                        """),
                Map.of());
    }
}
