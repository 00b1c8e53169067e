package org.siyu.kernel.events.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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
 * The {@code events} unit as the platform builds it, in a private in-memory H2 database (or the database named by
 * a JDBC URL): Flyway runs the bundle's real migrations, Hibernate opens sessions. Like the platform's unit, work
 * joins the transaction already open on the calling thread, and an inner failure rolls the whole transaction back.
 */
final class TestUnit implements PersistenceUnit, AutoCloseable {

    /** Flyway and Hibernate log their start-up through java.util.logging; kept here so the levels stick. */
    private static final Logger[] QUIET = {Logger.getLogger("org.flywaydb"), Logger.getLogger("org.hibernate")};

    static {
        for (Logger logger : QUIET) {
            logger.setLevel(Level.SEVERE);
        }
    }

    private static int databases;

    private final String url;
    private final String user;
    private final String password;
    private final SessionFactory sessionFactory;
    private final ThreadLocal<Open> current = new ThreadLocal<>();

    private static final class Open {
        final Session session;
        boolean rollbackOnly;

        Open(Session session) {
            this.session = session;
        }
    }

    TestUnit() {
        this(nextUrl(), "sa", "");
    }

    private static synchronized String nextUrl() {
        return "jdbc:h2:mem:events" + (++databases) + ";DB_CLOSE_DELAY=-1";
    }

    TestUnit(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
        EventsEntities entities = new EventsEntities();
        Flyway.configure()
                .dataSource(url, user, password)
                .table("flyway_" + entities.unit())
                .locations("classpath:" + entities.migrations())
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        var builder = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_JDBC_URL, url);
        if (user != null) {
            builder.applySetting(AvailableSettings.JAKARTA_JDBC_USER, user)
                    .applySetting(AvailableSettings.JAKARTA_JDBC_PASSWORD, password);
        }
        var registry = builder
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
                .applySetting(AvailableSettings.POOL_SIZE, 30)
                .build();
        MetadataSources sources = new MetadataSources(registry);
        entities.entityClasses().forEach(sources::addAnnotatedClass);
        sessionFactory = sources.buildMetadata().buildSessionFactory();
    }

    @Override
    public String name() {
        return EventsEntities.UNIT;
    }

    @Override
    public <R> R inTransaction(Work<R> work) {
        Open outer = current.get();
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
        Open open = new Open(sessionFactory.openSession());
        current.set(open);
        Transaction tx = open.session.beginTransaction();
        try {
            R result = work.execute(open.session);
            if (open.rollbackOnly) {
                throw new PersistenceException("the transaction was rolled back because work inside it failed", null);
            }
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            tx.rollback();
            throw e;
        } catch (Exception e) {
            tx.rollback();
            throw new PersistenceException(e.getMessage(), e);
        } finally {
            current.remove();
            open.session.close();
        }
    }

    /** A connection of its own, as another node or another bundle's plain JDBC would have. */
    Connection connect() throws SQLException {
        return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
    }

    /** Runs SQL on a connection of its own, committed. */
    void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() {
        sessionFactory.close();
        if (url.startsWith("jdbc:h2:mem:")) {
            try {
                execute("SHUTDOWN");
            } catch (SQLException e) {
                // already gone
            }
        }
    }
}
