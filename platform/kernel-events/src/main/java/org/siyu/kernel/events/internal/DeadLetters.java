package org.siyu.kernel.events.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL of {@code events_dead_letter}. */
final class DeadLetters {

    /** Longer errors are cut to fit the column. */
    static final int MAX_ERROR = 4000;

    private static final String SELECT = "SELECT d.id, d.subscriber_id, d.event_offset, e.id, e.type, d.attempts,"
            + " d.error, d.failed_at, d.replayed_at FROM events_dead_letter d"
            + " LEFT JOIN events_event e ON e.event_offset = d.event_offset";

    private DeadLetters() {
    }

    static long record(Connection c, String subscriberId, long offset, int attempts, String error, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO events_dead_letter"
                + " (subscriber_id, event_offset, attempts, error, failed_at) VALUES (?, ?, ?, ?, ?)",
                java.sql.Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, subscriberId);
            ps.setLong(2, offset);
            ps.setInt(3, attempts);
            ps.setString(4, cut(error));
            ps.setObject(5, Sql.timestamp(at));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong("id");
            }
        }
    }

    static Optional<DeadLetter> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE d.id = ?")) {
            ps.setLong(1, id);
            return read(ps).stream().findFirst();
        }
    }

    /** Dead letters, newest first; only those not yet replayed unless {@code includeReplayed}. */
    static List<DeadLetter> list(Connection c, boolean includeReplayed, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + (includeReplayed ? "" : " WHERE d.replayed_at IS NULL")
                + " ORDER BY d.id DESC FETCH FIRST ? ROWS ONLY")) {
            ps.setInt(1, limit);
            return read(ps);
        }
    }

    static void markReplayed(Connection c, long id, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE events_dead_letter SET replayed_at = ?, attempts = attempts + 1 WHERE id = ?")) {
            ps.setObject(1, Sql.timestamp(at));
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    static void failedAgain(Connection c, long id, String error, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE events_dead_letter SET attempts = attempts + 1, error = ?, failed_at = ? WHERE id = ?")) {
            ps.setString(1, cut(error));
            ps.setObject(2, Sql.timestamp(at));
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    private static List<DeadLetter> read(PreparedStatement ps) throws SQLException {
        List<DeadLetter> result = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(new DeadLetter(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getString(7),
                        Sql.instant(rs.getObject(8, OffsetDateTime.class)),
                        Sql.instant(rs.getObject(9, OffsetDateTime.class))));
            }
        }
        return result;
    }

    private static String cut(String error) {
        String text = error == null ? "" : error;
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 1) + "…";
    }
}
