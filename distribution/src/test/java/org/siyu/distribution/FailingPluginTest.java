package org.siyu.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
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

    /** A bundle whose BundleActivator throws from start(), compiled here with the JDK's compiler. */
    private static byte[] throwingBundle() throws Exception {
        Path src = work.resolve("src/org/example/broken/Activator.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
                package org.example.broken;
                public class Activator implements org.osgi.framework.BundleActivator {
                    public void start(org.osgi.framework.BundleContext context) {
                        throw new IllegalStateException("database is on fire");
                    }
                    public void stop(org.osgi.framework.BundleContext context) {
                    }
                }
                """);
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                src.toString());
        assertEquals(0, rc, "the test bundle did not compile");

        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "org.example.broken");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Bundle-Activator", "org.example.broken.Activator");
        a.putValue("Import-Package", "org.osgi.framework");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, m)) {
            for (String name : List.of("org/example/broken/Activator.class")) {
                jar.putNextEntry(new JarEntry(name));
                jar.write(Files.readAllBytes(classes.resolve(name)));
                jar.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
