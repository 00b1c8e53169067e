package org.siyu.kernel.events.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.hibernate.Session;
import org.siyu.api.persistence.PersistenceUnit;

/**
 * Plain JDBC on the connection of the unit's transaction: the outbox rows commit or roll back with whatever
 * else the calling thread's transaction holds, and batches are real JDBC batches.
 */
final class Sql {

    private Sql() {
    }

    @FunctionalInterface
    interface Work<R> {
        R run(Connection connection, Session session) throws SQLException;
    }

    /** Runs {@code work} in the unit's transaction (joining the caller's, if one is open). */
    static <R> R inTransaction(PersistenceUnit unit, Work<R> work) {
        return unit.inTransaction(em -> {
            Session session = em.unwrap(Session.class);
            return session.doReturningWork(connection -> work.run(connection, session));
        });
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
