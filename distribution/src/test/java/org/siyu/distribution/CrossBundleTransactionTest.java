package org.siyu.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Collection;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.siyu.api.persistence.PersistenceUnit;

/**
 * One transaction across two real bundles: the sample plugin's unit "notes" and a second bundle's unit "ledger",
 * each with its own SessionFactory built with its own class loader. A change made through both commits or rolls
 * back as one.
 */
class CrossBundleTransactionTest {

    @TempDir
    static Path home;
    @TempDir
    static Path work;
    static TestHost node;
    static PersistenceUnit notes;
    static PersistenceUnit ledger;
    static Class<?> ledgerEntry;

    @BeforeAll
    static void start() throws Exception {
        node = TestHost.start(home);
        node.host.plugins().install("notes.jar", new ByteArrayInputStream(TestHost.read(TestHost.sampleJar())), "test");
        node.host.plugins().install("ledger.jar", new ByteArrayInputStream(ledgerBundle()), "test");
        notes = unit("notes");
        ledger = unit("ledger");
        for (Bundle b : node.host.bundleContext().getBundles()) {
            if ("org.example.ledger".equals(b.getSymbolicName())) {
                ledgerEntry = b.loadClass("org.example.ledger.LedgerEntry");
            }
        }
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void shouldCommitTheChangesOfBothBundlesTogether() throws Exception {
        long before = count("notes_note");
        notes.inTransaction(em -> {
            insertNote(em, "committed with the ledger");
            return ledger.inTransaction(em2 -> {
                em2.persist(entry(1, "paid"));
                return null;
            });
        });
        assertEquals(before + 1, count("notes_note"));
        assertEquals(1, count("ledger_entry WHERE id = 1"));
    }

    @Test
    void shouldRollBackBothBundlesWhenTheWorkFailsAfterBothWrote() throws Exception {
        long notesBefore = count("notes_note");
        long ledgerBefore = count("ledger_entry");
        assertThrows(IllegalStateException.class, () -> notes.inTransaction(em -> {
            insertNote(em, "must not survive");
            ledger.inTransaction(em2 -> {
                em2.persist(entry(2, "refunded"));
                em2.flush();   // the ledger row is written to the shared connection
                return null;
            });
            throw new IllegalStateException("the order was cancelled");
        }));
        assertEquals(notesBefore, count("notes_note"), "the notes bundle's insert survived the rollback");
        assertEquals(ledgerBefore, count("ledger_entry"), "the ledger bundle's insert survived the rollback");
    }

    private static void insertNote(jakarta.persistence.EntityManager em, String title) {
        em.createNativeQuery("INSERT INTO notes_note (id, title, body, pinned, created_at, updated_at) VALUES "
                + "(NEXT VALUE FOR notes_note_seq, ?1, '', FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .setParameter(1, title).executeUpdate();
    }

    private static Object entry(long id, String what) throws Exception {
        return ledgerEntry.getConstructor(long.class, String.class).newInstance(id, what);
    }

    private static long count(String tableAndWhere) throws Exception {
        try (Connection c = node.host.database().dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + tableAndWhere)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static PersistenceUnit unit(String name) throws Exception {
        String filter = "(" + PersistenceUnit.NAME_PROPERTY + "=" + name + ")";
        assertTrue(TestHost.await(20_000, () -> refs(filter).size() == 1), "unit " + name + " did not come up");
        return node.host.bundleContext().getService(refs(filter).iterator().next());
    }

    private static Collection<ServiceReference<PersistenceUnit>> refs(String filter) {
        try {
            return node.host.bundleContext().getServiceReferences(PersistenceUnit.class, filter);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A second entity bundle: entity LedgerEntry in table ledger_entry, registered by its activator. */
    private static byte[] ledgerBundle() throws Exception {
        return TestBundles.build(work,
                Map.of("Bundle-SymbolicName", "org.example.ledger", "Bundle-Version", "1.0.0",
                        "Bundle-Activator", "org.example.ledger.Activator",
                        "Import-Package", "org.osgi.framework,org.siyu.api.persistence,jakarta.persistence,org.hibernate.proxy"),
                Map.of("org/example/ledger/LedgerEntry.java", """
                        package org.example.ledger;
                        import jakarta.persistence.*;
                        @Entity
                        @Table(name = "ledger_entry")
                        public class LedgerEntry {
                            @Id public long id;
                            public String what;
                            protected LedgerEntry() { }
                            public LedgerEntry(long id, String what) { this.id = id; this.what = what; }
                        }
                        """,
                        "org/example/ledger/Activator.java", """
                        package org.example.ledger;
                        import java.util.List;
                        import org.osgi.framework.*;
                        import org.siyu.api.persistence.EntityContribution;
                        public class Activator implements BundleActivator {
                            public void start(BundleContext context) {
                                context.registerService(EntityContribution.class, new EntityContribution() {
                                    public String unit() { return "ledger"; }
                                    public List<Class<?>> entityClasses() { return List.of(LedgerEntry.class); }
                                }, null);
                            }
                            public void stop(BundleContext context) { }
                        }
                        """),
                Map.of("db/migration/ledger/V1__ledger.sql",
                        "CREATE TABLE ledger_entry (id BIGINT PRIMARY KEY, what VARCHAR(50) NOT NULL);\n"));
    }
}
