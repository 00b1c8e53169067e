package org.siyu.kernel.identity.internal;

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
import org.siyu.kernel.identity.internal.store.IdentityEntities;

/**
 * The {@code identity} unit as the platform builds it, over H2 in memory (or a PostgreSQL URL): Flyway runs the
 * bundle's migrations, then Hibernate maps the entities and validates them against the migrated tables. Like the
 * platform's unit, work on a thread that is already in a transaction joins it, an inner failure marks it rollback-only,
 * and the outermost call commits through Hibernate's transaction (so after-completion callbacks run as in the host).
 */
public final class H2PersistenceUnit implements PersistenceUnit, AutoCloseable {

    private static final Logger[] QUIET = {Logger.getLogger("org.flywaydb"), Logger.getLogger("org.hibernate")};

    static {
        for (Logger logger : QUIET) {
            logger.setLevel(Level.SEVERE);
        }
    }

    private static int databases;

    /** The transaction open on a thread. */
    private static final class Scope {
        final Session session;
        boolean rollbackOnly;

        Scope(Session session) {
            this.session = session;
        }
    }

    private final SessionFactory sessionFactory;
    private final ThreadLocal<Scope> current = new ThreadLocal<>();
    private final String url;
    private final String user;
    private final String password;

    /** A private in-memory H2 database. */
    public H2PersistenceUnit() {
        this("jdbc:h2:mem:identity" + (++databases) + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    H2PersistenceUnit(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
        IdentityEntities entities = new IdentityEntities();
        Flyway.configure()
                .dataSource(url, user, password)
                .table("flyway_" + entities.unit())
                .locations("classpath:" + entities.migrations())
                .load()
                .migrate();
        var settings = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_JDBC_URL, url)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "validate")
                .applySetting(AvailableSettings.POOL_SIZE, "10");
        if (user != null) { // else the URL carries them
            settings.applySetting(AvailableSettings.JAKARTA_JDBC_USER, user)
                    .applySetting(AvailableSettings.JAKARTA_JDBC_PASSWORD, password);
        }
        var registry = settings.build();
        MetadataSources sources = new MetadataSources(registry);
        entities.entityClasses().forEach(sources::addAnnotatedClass);
        sessionFactory = sources.buildMetadata().buildSessionFactory();
    }

    @Override
    public String name() {
        return IdentityEntities.UNIT;
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
            Transaction tx = session.beginTransaction();
            try {
                R result = work.execute(session);
                if (scope.rollbackOnly) {
                    throw new PersistenceException("the transaction was rolled back because work inside it failed", null);
                }
                tx.commit();
                return result;
            } catch (RuntimeException e) {
                rollback(tx, e);
                throw e;
            } catch (Exception e) {
                rollback(tx, e);
                throw new PersistenceException(e.getMessage(), e);
            } finally {
                current.remove();
            }
        }
    }

    private static void rollback(Transaction tx, Exception cause) {
        try {
            if (tx.isActive()) {
                tx.rollback();
            }
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** Deletes every row of the bundle's tables (the sequences go on). */
    public void empty() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String table : new String[] {"identity_trait", "identity_link", "identity_merge_move", "identity_merge",
                    "identity_claim", "identity_poison", "identity_customer"}) {
                s.executeUpdate("DELETE FROM " + table);
            }
        }
    }

    /** One number from plain SQL, outside any transaction of this unit. */
    long sql(String query) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
                var rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
    }

    @Override
    public void close() {
        sessionFactory.close();
    }
}
