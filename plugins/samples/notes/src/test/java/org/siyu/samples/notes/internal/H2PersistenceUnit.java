package org.siyu.samples.notes.internal;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.siyu.api.persistence.PersistenceException;
import org.siyu.api.persistence.PersistenceUnit;

/**
 * The {@code notes} unit as the platform builds it, in a private in-memory H2 database: Flyway runs the
 * bundle's migrations, then Hibernate maps the entities and validates them against the migrated tables, so a
 * column or sequence that the entity and the migration disagree on fails the test. Simpler than the
 * platform's unit: it does not join other units' transactions.
 */
final class H2PersistenceUnit implements PersistenceUnit, AutoCloseable {

    /** Flyway and Hibernate log their start-up through java.util.logging; keep the test output to failures. */
    private static final Logger[] QUIET = {Logger.getLogger("org.flywaydb"), Logger.getLogger("org.hibernate")};

    static {
        for (Logger logger : QUIET) {
            logger.setLevel(Level.SEVERE);
        }
    }

    private static int databases;

    private final SessionFactory sessionFactory;

    H2PersistenceUnit() {
        String url = "jdbc:h2:mem:notes" + (++databases) + ";DB_CLOSE_DELAY=-1";
        NotesEntities entities = new NotesEntities();
        Flyway.configure()
                .dataSource(url, "sa", "")
                .table("flyway_" + entities.unit())
                .locations("classpath:" + entities.migrations())
                .load()
                .migrate();
        var registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_JDBC_URL, url)
                .applySetting(AvailableSettings.JAKARTA_JDBC_USER, "sa")
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "validate")
                .build();
        MetadataSources sources = new MetadataSources(registry);
        entities.entityClasses().forEach(sources::addAnnotatedClass);
        sessionFactory = sources.buildMetadata().buildSessionFactory();
    }

    @Override
    public String name() {
        return NotesEntities.UNIT;
    }

    @Override
    public <R> R inTransaction(Work<R> work) {
        try (Session session = sessionFactory.openSession()) {
            Transaction tx = session.beginTransaction();
            try {
                R result = work.execute(session);
                tx.commit();
                return result;
            } catch (RuntimeException e) {
                tx.rollback();
                throw e;
            } catch (Exception e) {
                tx.rollback();
                throw new PersistenceException(e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        sessionFactory.close();
    }
}
