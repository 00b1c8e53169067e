package org.siyu.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.siyu.api.persistence.EntityContribution;
import org.siyu.api.persistence.PersistenceException;
import org.siyu.api.persistence.PersistenceUnit;

/**
 * A bundle's {@link PersistenceUnit} as the platform builds it, for tests: Flyway runs the bundle's real
 * migrations from the class path ({@link EntityContribution#migrations()}, history table {@code flyway_<unit>},
 * baselined below V1 like the host), then Hibernate maps the entity classes and validates them against the migrated
 * tables, so a column or sequence that an entity and a migration disagree on fails the test.
 *
 * <p>Transactions behave as in the host: work called on a thread that is already inside work of any
 * {@code TestPersistenceUnit} joins that transaction (this unit's session is opened in it on first use); a failure
 * inside marks the whole of it rollback-only; the outermost call flushes every session and commits each through
 * Hibernate's transaction, so after-completion callbacks run as they do in the host. Unlike the host, units over
 * different databases cannot share one JDBC connection: their sessions commit one after the other.
 *
 * <p>Where the database is:
 * <ul>
 *   <li>{@link #of(EntityContribution)}: a private H2 database in memory, or, when the system property
 *       {@value #POSTGRES_PROPERTY} holds a PostgreSQL JDBC URL (e.g.
 *       {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}, as {@code ./siyu test} passes it), a new
 *       database created on that server for this unit and dropped again by {@link #close()};</li>
 *   <li>{@link #inMemory(EntityContribution)}: always a private H2 database in memory;</li>
 *   <li>{@link #at(EntityContribution, String)}: the database at a given URL (see {@link #wipe(String)} to start
 *       from an empty schema).</li>
 * </ul>
 *
 * <pre>{@code
 * try (TestPersistenceUnit unit = TestPersistenceUnit.of(new NotesEntities())) {
 *     NoteRepository notes = new NoteRepository(unit);
 *     ...
 * }
 * }</pre>
 */
public final class TestPersistenceUnit implements PersistenceUnit, AutoCloseable {

    /** The system property that names a PostgreSQL server to run the tests on instead of H2. */
    public static final String POSTGRES_PROPERTY = "siyu.test.postgres";

    /** Flyway and Hibernate log their start-up through java.util.logging; kept here so the levels stick. */
    private static final Logger[] QUIET = {Logger.getLogger("org.flywaydb"), Logger.getLogger("org.hibernate")};

    static {
        for (Logger logger : QUIET) {
            logger.setLevel(Level.SEVERE);
        }
    }

    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** The transaction open on this thread, shared by every unit, like the host's TransactionScope. */
    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private static final class Scope {
        final Map<TestPersistenceUnit, Session> sessions = new LinkedHashMap<>();
        boolean rollbackOnly;

        Session session(TestPersistenceUnit unit) {
            return sessions.computeIfAbsent(unit, u -> {
                Session session = u.sessionFactory.openSession();
                session.beginTransaction();
                return session;
            });
        }
    }

    private final String name;
    private final String url;
    private final String user;
    private final String password;
    /** The PostgreSQL database this unit created (dropped on close), or {@code null}. */
    private final String createdDatabase;
    private final String serverUrl;
    private final SessionFactory sessionFactory;

    private TestPersistenceUnit(EntityContribution entities, String url, String user, String password,
            String serverUrl, String createdDatabase) {
        this.name = entities.unit();
        this.url = url;
        this.user = user;
        this.password = password;
        this.serverUrl = serverUrl;
        this.createdDatabase = createdDatabase;
        Flyway.configure(entities.getClass().getClassLoader())
                .dataSource(url, user, password)
                .table("flyway_" + entities.unit())
                .locations("classpath:" + entities.migrations())
                // As the host: a second unit's migrations in a non-empty schema need a baseline below V1.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        var settings = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_JDBC_URL, url)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "validate")
                .applySetting(AvailableSettings.POOL_SIZE, 30)
                // As the host's units: batched, ordered inserts, so batch paths measure here what they do there.
                .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, 50)
                .applySetting(AvailableSettings.ORDER_INSERTS, true);
        if (user != null) { // else the URL carries them
            settings.applySetting(AvailableSettings.JAKARTA_JDBC_USER, user)
                    .applySetting(AvailableSettings.JAKARTA_JDBC_PASSWORD, password);
        }
        MetadataSources sources = new MetadataSources(settings.build());
        entities.entityClasses().forEach(sources::addAnnotatedClass);
        sessionFactory = sources.buildMetadata().buildSessionFactory();
    }

    /**
     * The unit over a private H2 database in memory, or over a new database on the PostgreSQL server named by
     * {@value #POSTGRES_PROPERTY} when that is set.
     */
    public static TestPersistenceUnit of(EntityContribution entities) {
        Optional<String> server = postgresUrl();
        if (server.isEmpty()) {
            return inMemory(entities);
        }
        String database = entities.unit() + DATABASES.incrementAndGet() + "_" + ProcessHandle.current().pid();
        String serverUrl = server.get();
        String user = serverUrl.contains("user=") ? null : "postgres";
        try (Connection c = connect(withDatabase(serverUrl, "postgres"), user, ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + serverUrl, e);
        }
        return new TestPersistenceUnit(entities, withDatabase(serverUrl, database), user, user == null ? null : "",
                serverUrl, database);
    }

    /** The unit over a private H2 database in memory, whatever {@value #POSTGRES_PROPERTY} says. */
    public static TestPersistenceUnit inMemory(EntityContribution entities) {
        String url = "jdbc:h2:mem:" + entities.unit() + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
        return new TestPersistenceUnit(entities, url, "sa", "", null, null);
    }

    /**
     * The unit over the database at {@code url}, which carries the user and password if it needs them. The schema is
     * used as it is: call {@link #wipe(String)} first for an empty one.
     */
    public static TestPersistenceUnit at(EntityContribution entities, String url) {
        return new TestPersistenceUnit(entities, url, null, null, null, null);
    }

    /** The PostgreSQL URL in {@value #POSTGRES_PROPERTY}, if that is set. */
    public static Optional<String> postgresUrl() {
        String url = System.getProperty(POSTGRES_PROPERTY, "");
        return url.isBlank() ? Optional.empty() : Optional.of(url);
    }

    /** Drops and recreates the {@code public} schema of the PostgreSQL database at {@code url}: all its data is lost. */
    public static void wipe(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
    }

    /** {@code jdbc:postgresql://host:port/db?params} with another database (the part after the last slash). */
    private static String withDatabase(String serverUrl, String database) {
        int query = serverUrl.indexOf('?');
        String base = query < 0 ? serverUrl : serverUrl.substring(0, query);
        String params = query < 0 ? "" : serverUrl.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
    }

    @Override
    public String name() {
        return name;
    }

    /** The JDBC URL of this unit's database. */
    public String url() {
        return url;
    }

    @Override
    public <R> R inTransaction(Work<R> work) {
        Scope outer = CURRENT.get();
        if (outer != null) {
            try {
                return work.execute(outer.session(this));
            } catch (RuntimeException e) {
                outer.rollbackOnly = true;
                throw e;
            } catch (Exception e) {
                outer.rollbackOnly = true;
                throw new PersistenceException(e.getMessage(), e);
            }
        }
        Scope scope = new Scope();
        CURRENT.set(scope);
        try {
            R result = work.execute(scope.session(this));
            if (scope.rollbackOnly) {
                throw new PersistenceException("the transaction was rolled back because work inside it failed", null);
            }
            commit(scope);
            return result;
        } catch (RuntimeException e) {
            rollback(scope, e);
            throw e;
        } catch (Exception e) {
            rollback(scope, e);
            throw new PersistenceException(e.getMessage(), e);
        } finally {
            CURRENT.remove();
            for (Session session : scope.sessions.values()) {
                session.close();
            }
        }
    }

    private static void commit(Scope scope) {
        for (Session session : scope.sessions.values()) {
            session.flush();
        }
        for (Session session : scope.sessions.values()) {
            if (session.getTransaction().isActive()) {
                session.getTransaction().commit();
            }
        }
    }

    private static void rollback(Scope scope, Exception cause) {
        for (Session session : scope.sessions.values()) {
            try {
                Transaction tx = session.getTransaction();
                if (tx.isActive()) {
                    tx.rollback();
                }
            } catch (RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }

    /** A JDBC connection of its own (autocommit on), as another node or another bundle's plain JDBC would have. */
    public Connection connect() throws SQLException {
        return connect(url, user, password);
    }

    /** Runs one SQL statement on a connection of its own, committed. */
    public void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The number in the first column of the first row of {@code query}, read outside any transaction of this unit. */
    public long queryLong(String query) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            if (!rs.next()) {
                throw new SQLException("no row: " + query);
            }
            return rs.getLong(1);
        }
    }

    /** Deletes every row of {@code tables}, in the order given (children before parents); sequences go on. */
    public void deleteAll(String... tables) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String table : tables) {
                s.executeUpdate("DELETE FROM " + table);
            }
        }
    }

    /** Closes the SessionFactory and frees the database: an H2 one is shut down, a PostgreSQL one this unit created is dropped. */
    @Override
    public void close() {
        sessionFactory.close();
        if (url.startsWith("jdbc:h2:mem:")) {
            try {
                execute("SHUTDOWN");
            } catch (SQLException e) {
                // already gone
            }
        } else if (createdDatabase != null) {
            String admin = withDatabase(serverUrl, "postgres");
            try (Connection c = connect(admin, user, password); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + createdDatabase + " WITH (FORCE)");
            } catch (SQLException e) {
                // left behind; the throwaway cluster goes with it
            }
        }
    }

    /** For failure messages. */
    @Override
    public String toString() {
        return "TestPersistenceUnit[" + name + " at " + url + "]";
    }
}
