package org.siyu.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleWiring;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.shell.ShellRoutes;

/**
 * Installs and uninstalls the sample plugin in a real node, again and again: its view route appears and goes,
 * its data stays, and its class loader is collected after uninstall.
 */
class PluginLifecycleTest {

    private static final String BSN = "org.siyu.samples.notes";
    private static final String ROUTE = "view/notes.list";

    @TempDir
    static Path home;
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
    void shouldAddAndRemoveTheRouteAndFreeTheClassLoaderOnEveryCycle() throws Exception {
        for (int cycle = 0; cycle < 3; cycle++) {
            long t0 = System.nanoTime();
            install();
            assertTrue(TestHost.await(10_000, () -> routes().contains(ROUTE)), "cycle " + cycle + ": route did not appear");
            long millis = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("cycle " + cycle + ": install to route registered in " + millis + " ms");

            WeakReference<ClassLoader> loader = new WeakReference<>(bundle().adapt(BundleWiring.class).getClassLoader());
            node.host.plugins().uninstall(BSN, "test");
            assertFalse(routes().contains(ROUTE), "cycle " + cycle + ": route stayed after uninstall");
            assertNull(bundle(), "cycle " + cycle + ": bundle stayed installed");
            assertTrue(collected(loader), "cycle " + cycle + ": the plugin's class loader was not collected");
        }
    }

    @Test
    void shouldKeepThePluginsDataAcrossUninstallAndFindItAfterReinstall() throws Exception {
        install();
        long id = unit().inTransaction(em -> {
            em.createNativeQuery("INSERT INTO notes_note (id, title, body, pinned, created_at, updated_at) "
                    + "VALUES (NEXT VALUE FOR notes_note_seq, 'kept across reinstall', 'body', FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                    .executeUpdate();
            return ((Number) em.createNativeQuery("SELECT MAX(id) FROM notes_note").getSingleResult()).longValue();
        });
        node.host.plugins().uninstall(BSN, "test");
        assertTrue(TestHost.await(5_000, () -> unitReference() == null), "the unit outlived its bundle");

        install();
        String title = unit().inTransaction((EntityManager em) -> (String) em
                .createNativeQuery("SELECT title FROM notes_note WHERE id = ?1").setParameter(1, id).getSingleResult());
        assertEquals("kept across reinstall", title);
        node.host.plugins().uninstall(BSN, "test");
    }

    @Test
    void aJarDroppedIntoThePluginsFolderShouldInstallAndItsRemovalUninstall() throws Exception {
        Path dropped = node.host.config().pluginsDir().resolve("notes.jar");
        Files.copy(TestHost.sampleJar(), dropped, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(TestHost.await(15_000, () -> routes().contains(ROUTE)), "FileInstall did not pick up the jar");
        Files.delete(dropped);
        assertTrue(TestHost.await(15_000, () -> bundle() == null), "FileInstall did not uninstall the removed jar");
        assertTrue(TestHost.await(5_000, () -> !routes().contains(ROUTE)));
    }

    private static void install() throws Exception {
        node.host.plugins().install("notes.jar", new ByteArrayInputStream(TestHost.read(TestHost.sampleJar())), "test");
        assertNotNull(bundle());
    }

    private static PersistenceUnit unit() throws Exception {
        assertTrue(TestHost.await(20_000, () -> unitReference() != null), "the notes unit did not come up");
        return node.host.bundleContext().getService(unitReference());
    }

    private static ServiceReference<PersistenceUnit> unitReference() {
        try {
            Collection<ServiceReference<PersistenceUnit>> refs = node.host.bundleContext()
                    .getServiceReferences(PersistenceUnit.class, "(" + PersistenceUnit.NAME_PROPERTY + "=notes)");
            return refs.isEmpty() ? null : refs.iterator().next();
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Bundle bundle() {
        for (Bundle b : node.host.bundleContext().getBundles()) {
            if (BSN.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    private static java.util.Set<String> routes() {
        return ShellRoutes.of(node.host.servletContext()).routes();
    }

    private static boolean collected(WeakReference<ClassLoader> ref) throws InterruptedException {
        for (int i = 0; i < 50 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ref.get() == null;
    }
}
