package org.siyu.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin whose activator throws is refused with the cause, is not left installed, and takes nothing else
 * down: the node stays UP and another plugin still installs.
 */
class FailingPluginTest {

    @TempDir
    static Path home;
    @TempDir
    static Path work;
    static TestHost node;

    @BeforeAll
    static void start() throws Exception {
        node = TestHost.start(home);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aPluginThatThrowsOnStartShouldBeRefusedAndTheNodeStayUp() throws Exception {
        String token = node.token("admin", TestHost.ADMIN_PASSWORD);
        HttpResponse<String> refused = upload(token, throwingBundle());
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("org.example.broken failed to start"), refused.body());
        assertTrue(refused.body().contains("database is on fire"), "the cause must be shown: " + refused.body());

        HttpResponse<String> health = node.send(node.request("/api/health").GET());
        assertEquals(200, health.statusCode());
        assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
        assertTrue(!health.body().contains("org.example.broken"), "a refused plugin must not stay installed");

        HttpResponse<String> ok = upload(token, TestHost.read(TestHost.sampleJar()));
        assertEquals(201, ok.statusCode(), ok.body());
    }

    private static HttpResponse<String> upload(String token, byte[] jar) throws Exception {
        return node.send(node.request("/api/v1/plugins").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/java-archive").POST(BodyPublishers.ofByteArray(jar)));
    }

    /** A bundle whose BundleActivator throws from start(). */
    private static byte[] throwingBundle() throws Exception {
        return TestBundles.build(work,
                Map.of("Bundle-SymbolicName", "org.example.broken", "Bundle-Version", "1.0.0",
                        "Bundle-Activator", "org.example.broken.Activator", "Import-Package", "org.osgi.framework"),
                Map.of("org/example/broken/Activator.java", """
                        package org.example.broken;
                        public class Activator implements org.osgi.framework.BundleActivator {
                            public void start(org.osgi.framework.BundleContext context) {
                                throw new IllegalStateException("database is on fire");
                            }
                            public void stop(org.osgi.framework.BundleContext context) {
                            }
                        }
                        """),
                Map.of());
    }
}
