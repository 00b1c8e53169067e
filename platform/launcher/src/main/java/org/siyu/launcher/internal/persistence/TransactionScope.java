package org.siyu.launcher.internal.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.siyu.api.persistence.PersistenceException;

/**
 * The transaction of the current thread: one pooled JDBC connection with autocommit off, and one Hibernate
 * session per unit that joins it, opened lazily. Work of any unit on the same thread joins the transaction;
 * the outermost call commits: every session is flushed first (the first Hibernate commit commits the whole
 * connection), then the connection commits. Any failure rolls everything back.
 */
public final class TransactionScope {

    private static final ThreadLocal<TransactionScope> CURRENT = new ThreadLocal<>();

    private final Connection connection;
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private boolean rollbackOnly;

    private TransactionScope(Connection connection) {
        this.connection = connection;
    }

    /** The transaction open on this thread, or {@code null}. */
    public static TransactionScope current() {
        return CURRENT.get();
    }

    /** Work that may throw anything. */
    @FunctionalInterface
    public interface Body<R> {
        R run(TransactionScope scope) throws Exception;
    }

    /**
     * Runs {@code body} in the current transaction, or in a new one that commits when it returns.
     */
    public static <R> R required(DataSource dataSource, Body<R> body) {
        TransactionScope outer = CURRENT.get();
        if (outer != null) {
            try {
                return body.run(outer);
            } catch (Exception e) {
                outer.rollbackOnly = true;
                throw propagate(e);
            } catch (Error e) {
                outer.rollbackOnly = true;
                throw e;
            }
        }
        TransactionScope scope;
        try {
            Connection c = dataSource.getConnection();
            c.setAutoCommit(false);
            scope = new TransactionScope(c);
        } catch (SQLException e) {
            throw new PersistenceException("cannot begin a transaction: " + e.getMessage(), e);
        }
        CURRENT.set(scope);
        try {
            R result = body.run(scope);
            if (scope.rollbackOnly) {
                throw new PersistenceException("the transaction was rolled back because work inside it failed", null);
            }
            scope.commit();
            return result;
        } catch (Throwable t) {
            scope.rollback(t);
            if (t instanceof Error err) {
                throw err;
            }
            throw propagate((Exception) t);
        } finally {
            CURRENT.remove();
            scope.close();
        }
    }

    /** The session of {@code unit} in this transaction, opened on first use. */
    public Session session(String unit, SessionFactory factory) {
        return sessions.computeIfAbsent(unit, u -> {
            Session session = factory.withOptions().connection(connection).openSession();
            session.beginTransaction();
            return session;
        });
    }

    /** The transaction's JDBC connection, for plain SQL that must commit with the entities. */
    public Connection connection() {
        return connection;
    }

    private void commit() throws SQLException {
        for (Session s : sessions.values()) {
            s.flush();
        }
        for (Session s : sessions.values()) {
            if (s.getTransaction().isActive()) {
                s.getTransaction().commit();
            }
        }
        connection.commit();
    }

    private void rollback(Throwable cause) {
        for (Session s : sessions.values()) {
            try {
                if (s.getTransaction().isActive()) {
                    s.getTransaction().rollback();
                }
            } catch (RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (Session s : sessions.values()) {
            try {
                s.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        sessions.clear();
        try {
            connection.setAutoCommit(true);
            connection.close();
        } catch (SQLException e) {
            // the pool discards a broken connection
        }
    }

    private static RuntimeException propagate(Exception e) {
        if (e instanceof RuntimeException r) {
            return r;
        }
        return new PersistenceException(e.getMessage(), e);
    }
}
