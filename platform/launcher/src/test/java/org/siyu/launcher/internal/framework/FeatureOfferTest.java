package org.siyu.launcher.internal.framework;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The distribution's feature plugins offered to a home: once, kept removed, updated when the distribution is newer. */
class FeatureOfferTest {

    @TempDir
    Path dir;
    Path features;
    Path uploads;
    PluginService service;

    @BeforeEach
    void setUp() throws IOException {
        features = Files.createDirectories(dir.resolve("dist/features"));
        uploads = dir.resolve("home/uploads");
        // offering features touches only the file system: no framework, registry or audit is needed
        service = new PluginService(null, uploads, dir.resolve("home/plugins"), dir.resolve("dist/bundles"), null, null);
    }

    private static void jar(Path path, String bsn, String version, String content) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (bsn != null) {
            m.getMainAttributes().putValue("Bundle-SymbolicName", bsn);
            m.getMainAttributes().putValue("Bundle-Version", version);
        }
        try (OutputStream out = Files.newOutputStream(path); JarOutputStream jar = new JarOutputStream(out, m)) {
            jar.putNextEntry(new JarEntry("content.txt"));
            jar.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldOfferEachFeatureOnceAndKeepARemovedOneRemoved() throws Exception {
        jar(features.resolve("org.siyu.commerce-0.1.0.jar"), "org.siyu.commerce", "0.1.0", "a");
        jar(features.resolve("org.siyu.membership-0.1.0.jar"), "org.siyu.membership", "0.1.0", "b");
        service.offerFeatures(features);
        assertTrue(Files.exists(uploads.resolve("org.siyu.commerce.jar")));
        assertTrue(Files.exists(uploads.resolve("org.siyu.membership.jar")));
        assertEquals(List.of("org.siyu.commerce", "org.siyu.membership"),
                Files.readAllLines(uploads.resolve(PluginService.OFFERED)));

        Files.delete(uploads.resolve("org.siyu.membership.jar")); // the operator uninstalled it
        service.offerFeatures(features);
        assertFalse(Files.exists(uploads.resolve("org.siyu.membership.jar")), "a removed feature came back");
        assertTrue(Files.exists(uploads.resolve("org.siyu.commerce.jar")));
    }

    @Test
    void shouldUpdateFromANewerOrRebuiltDistributionButNeverReplaceANewerUpload() throws Exception {
        Path feature = features.resolve("org.siyu.commerce.jar");
        jar(feature, "org.siyu.commerce", "0.1.0.SNAPSHOT", "first build");
        service.offerFeatures(features);

        jar(feature, "org.siyu.commerce", "0.1.0.SNAPSHOT", "rebuilt");
        service.offerFeatures(features);
        assertArrayEquals(Files.readAllBytes(feature), Files.readAllBytes(uploads.resolve("org.siyu.commerce.jar")));

        Path newer = dir.resolve("newer.jar");
        jar(newer, "org.siyu.commerce", "0.2.0", "uploaded by the operator");
        Files.copy(newer, uploads.resolve("org.siyu.commerce.jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        service.offerFeatures(features);
        assertArrayEquals(Files.readAllBytes(newer), Files.readAllBytes(uploads.resolve("org.siyu.commerce.jar")));
    }

    @Test
    void shouldSkipAJarThatIsNotABundleAndOfferTheRest() throws Exception {
        jar(features.resolve("a-plain.jar"), null, null, "x");
        jar(features.resolve("org.siyu.commerce.jar"), "org.siyu.commerce", "0.1.0", "a");
        service.offerFeatures(features);
        assertEquals(List.of(PluginService.OFFERED, "org.siyu.commerce.jar"),
                Files.list(uploads).map(p -> p.getFileName().toString()).sorted().toList());
    }

    @Test
    void shouldDoNothingWithoutAFeaturesFolder() throws Exception {
        service.offerFeatures(dir.resolve("nowhere"));
        assertFalse(Files.exists(uploads));
    }
}
