package org.siyu.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/** What a node knows survives a restart: accounts, uploaded plugins, and no plugin runs twice. */
class RestartTest {

    private static final String BSN = "org.siyu.samples.notes";

    @TempDir
    Path home;

    @Test
    void shouldRestoreAnUploadedPluginAndKeepTheAdminAfterARestart() throws Exception {
        try (TestHost first = TestHost.start(home)) {
            assertTrue(first.host.initialAdmin().created());
            first.host.plugins().install("notes.jar", new ByteArrayInputStream(TestHost.read(TestHost.sampleJar())), "test");
        }
        try (TestHost second = TestHost.start(home)) {
            assertFalse(second.host.initialAdmin().created(), "the admin account must persist, not be created again");
            assertEquals(1, running(second), "the uploaded plugin must be installed again at start");
            assertTrue(TestHost.await(20_000, () -> second.host.contributions().view("notes.list").isPresent()),
                    "the restored plugin's view did not come back");
            second.token("admin", TestHost.ADMIN_PASSWORD);
        }
    }

    @Test
    void shouldRunAPluginOnceWhenItIsBothUploadedAndInThePluginsFolder() throws Exception {
        try (TestHost first = TestHost.start(home)) {
            first.host.plugins().install("notes.jar", new ByteArrayInputStream(TestHost.read(TestHost.sampleJar())), "test");
        }
        Files.copy(TestHost.sampleJar(), home.resolve("plugins").resolve("notes.jar"));
        try (TestHost second = TestHost.start(home)) {
            assertTrue(TestHost.await(15_000, () -> running(second) == 1), "the folder's copy did not start");
            Thread.sleep(2_500);   // FileInstall polls every second: give it time to do something wrong
            assertEquals(1, running(second), "the plugin runs twice");
        }
    }

    private static long running(TestHost node) {
        return Arrays.stream(node.host.bundleContext().getBundles())
                .filter(b -> BSN.equals(b.getSymbolicName()) && b.getState() == Bundle.ACTIVE).count();
    }
}
