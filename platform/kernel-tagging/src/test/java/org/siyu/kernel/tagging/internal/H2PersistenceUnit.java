package org.siyu.kernel.tagging.internal;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.siyu.api.persistence.PersistenceException;
import org.siyu.api.persistence.PersistenceUnit;

/**
 * The {@code tagging} unit as the platform builds it, in a private in-memory H2 database (or a new PostgreSQL
 * database, see {@link #POSTGRES}): Flyway runs the bundle's
 * migrations, then Hibernate validates the entities against them. Like the platform's unit (TransactionScope) and
 * unlike the notes sample's, work called inside work on the same thread joins the outer transaction, an inner failure
 * rolls the whole of it back, and the outermost call commits: the tests of transaction-aware bitmaps need that.
 */
final class H2PersistenceUnit implements PersistenceUnit, AutoCloseable {

    private static final Logger[] QUIET = {Logger.getLogger("org.flywaydb"), Logger.getLogger("org.hibernate")};

    static {
        for (Logger logger : QUIET) {
            logger.setLevel(Level.SEVERE);
        }
    }

    /**
     * Set to a PostgreSQL server's URL (user postgres, no password), e.g.
     * {@code -Dsiyu.test.postgres=jdbc:postgresql://127.0.0.1:5432/}, to run the same tests on a new database there.
     */
    private static final String POSTGRES = System.getProperty("siyu.test.postgres", "");
    private static final String USER = POSTGRES.isEmpty() ? "sa" : "postgres";

    private static int databases;

    private final SessionFactory sessionFactory;
    private final ThreadLocal<Scope> current = new ThreadLocal<>();

    private static final class Scope {
        final Session session;
        boolean rollbackOnly;

        Scope(Session session) {
            this.session = session;
        }
    }

    H2PersistenceUnit() {
        String url = database();
        TaggingEntities entities = new TaggingEntities();
        Flyway.configure()
                .dataSource(url, USER, "")
                .table("flyway_" + entities.unit())
                .locations("classpath:" + entities.migrations())
                .load()
                .migrate();
        var registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_JDBC_URL, url)
                .applySetting(AvailableSettings.JAKARTA_JDBC_USER, USER)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "validate")
                .build();
        MetadataSources sources = new MetadataSources(registry);
        entities.entityClasses().forEach(sources::addAnnotatedClass);
        sessionFactory = sources.buildMetadata().buildSessionFactory();
    }

    private static String database() {
        String name = "tagging" + (++databases) + "_" + ProcessHandle.current().pid();
        if (POSTGRES.isEmpty()) {
            return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        }
        try (var c = java.sql.DriverManager.getConnection(POSTGRES + "postgres", USER, "");
                var s = c.createStatement()) {
            s.execute("drop database if exists " + name);
            s.execute("create database " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + POSTGRES, e);
        }
        return POSTGRES + name;
    }

    @Override
    public String name() {
        return TaggingEntities.UNIT;
    }

    @Override
    public <R> R inTransaction(Work<R> work) {
        Scope outer = current.get();
        if (outer != null) {
            try {
                return work.execute(outer.session);
            } catch (RuntimeException e) {
                outer.rollbackOnly = true;
                throw e;
            } catch (Exception e) {
                outer.rollbackOnly = true;
                throw new PersistenceException(e.getMessage(), e);
            }
        }
        try (Session session = sessionFactory.openSession()) {
            Scope scope = new Scope(session);
            current.set(scope);
            session.beginTransaction();
            try {
                R result = work.execute(session);
                if (scope.rollbackOnly) {
                    throw new PersistenceException("the transaction was rolled back because work inside it failed", null);
                }
                session.flush();
                session.getTransaction().commit();
                return result;
            } catch (RuntimeException e) {
                session.getTransaction().rollback();
                throw e;
            } catch (Exception e) {
                session.getTransaction().rollback();
                throw new PersistenceException(e.getMessage(), e);
            } finally {
                current.remove();
            }
        }
    }

    @Override
    public void close() {
        sessionFactory.close();
    }
}
