package org.siyu.kernel.events.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.siyu.api.events.Event;

/** The SQL of {@code events_event}, the outbox and log. Every method works on the caller's connection. */
final class Outbox {

    /** Ids per {@code IN (…)} query: well under every driver's parameter limit. */
    private static final int IDS_PER_QUERY = 500;

    private static final String COLUMNS = "event_offset, id, type, source, subject, time, data, published_at";

    private Outbox() {
    }

    /** Which of {@code ids} are already on the bus. */
    static Set<String> existingIds(Connection c, Collection<String> ids) throws SQLException {
        Set<String> found = new HashSet<>();
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM events_event WHERE id IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            }
        }
        return found;
    }

    /**
     * Inserts {@code events} in one JDBC batch.
     *
     * @return the offsets the database gave them, in the order of {@code events}
     */
    static long[] insert(Connection c, List<Event> events, Instant publishedAt) throws SQLException {
        long[] offsets = new long[events.size()];
        if (events.isEmpty()) {
            return offsets;
        }
        OffsetDateTime published = Sql.timestamp(publishedAt);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO events_event (id, type, source, subject, time, data, published_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            for (Event e : events) {
                ps.setString(1, e.id());
                ps.setString(2, e.type());
                ps.setString(3, e.source());
                if (e.subject() == null) {
                    ps.setNull(4, Types.INTEGER);
                } else {
                    ps.setInt(4, e.subject());
                }
                ps.setObject(5, Sql.timestamp(e.time()));
                ps.setString(6, e.data());
                ps.setObject(7, published);
                ps.addBatch();
            }
            ps.executeBatch();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                int i = 0;
                while (keys.next() && i < offsets.length) {
                    offsets[i++] = keys.getLong("event_offset");
                }
                if (i != offsets.length) {
                    throw new SQLException("the database returned " + i + " offsets for " + offsets.length + " events");
                }
            }
        }
        return offsets;
    }

    /** Committed events after {@code afterOffset}, oldest first, at most {@code limit}. */
    static List<Stored> readAfter(Connection c, long afterOffset, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM events_event"
                + " WHERE event_offset > ? ORDER BY event_offset FETCH FIRST ? ROWS ONLY")) {
            ps.setLong(1, afterOffset);
            ps.setInt(2, limit);
            return stored(ps);
        }
    }

    /** The newest events about {@code subject}, newest first. */
    static List<Event> timeline(Connection c, int subject, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM events_event"
                + " WHERE subject = ? ORDER BY event_offset DESC FETCH FIRST ? ROWS ONLY")) {
            ps.setInt(1, subject);
            ps.setInt(2, limit);
            return events(ps);
        }
    }

    /** The newest events, newest first. */
    static List<Event> latest(Connection c, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM events_event"
                + " ORDER BY event_offset DESC FETCH FIRST ? ROWS ONLY")) {
            ps.setInt(1, limit);
            return events(ps);
        }
    }

    static Optional<Event> byOffset(Connection c, long offset) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM events_event WHERE event_offset = ?")) {
            ps.setLong(1, offset);
            return events(ps).stream().findFirst();
        }
    }

    static Optional<Event> byId(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM events_event WHERE id = ?")) {
            ps.setString(1, id);
            return events(ps).stream().findFirst();
        }
    }

    /** The highest offset on the bus, 0 when it is empty. */
    static long maxOffset(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MAX(event_offset) FROM events_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Event> events(PreparedStatement ps) throws SQLException {
        return stored(ps).stream().map(Stored::event).toList();
    }

    private static List<Stored> stored(PreparedStatement ps) throws SQLException {
        List<Stored> result = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int subject = rs.getInt(5);
                Integer subjectOrNull = rs.wasNull() ? null : subject;
                Event event = new Event(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), subjectOrNull,
                        Sql.instant(rs.getObject(6, OffsetDateTime.class)), rs.getString(7));
                result.add(new Stored(event, Sql.instant(rs.getObject(8, OffsetDateTime.class))));
            }
        }
        return result;
    }
}
