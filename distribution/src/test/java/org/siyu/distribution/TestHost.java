package org.siyu.distribution;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.siyu.launcher.HostConfig;
import org.siyu.launcher.SiyuHost;

/** A real Siyu node for tests: the assembled distribution, a fresh home, a free port. */
final class TestHost implements AutoCloseable {

    static final String ADMIN_PASSWORD = "test-admin-password";

    final SiyuHost host;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestHost(SiyuHost host) {
        this.host = host;
    }

    static TestHost start(Path home) throws Exception {
        return new TestHost(SiyuHost.start(new HostConfig(home, distribution(), 0, null, ADMIN_PASSWORD)));
    }

    static Path distribution() {
        String dir = System.getProperty("siyu.distribution");
        if (dir == null) {
            throw new IllegalStateException("run through Maven: siyu.distribution is not set");
        }
        return Path.of(dir);
    }

    /** The sample plugin jar as the distribution ships it. */
    static Path sampleJar() {
        return distribution().resolve("samples/org.siyu.samples.notes.jar");
    }

    String url(String path) {
        return "http://localhost:" + host.port() + path;
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url(path)));
    }

    String token(String user, String password) throws Exception {
        HttpResponse<String> r = send(request("/api/v1/auth/token").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}")));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("token: " + r.statusCode() + " " + r.body());
        }
        return r.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    static byte[] read(Path p) throws IOException {
        return Files.readAllBytes(p);
    }

    /** Polls {@code condition} every 20 ms; false if it did not hold within {@code millis}. */
    static boolean await(long millis, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    @Override
    public void close() {
        host.close();
    }
}
