package org.siyu.kernel.events.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/** The SQL of {@code events_position}: each subscriber's durable position (offset of the last event dealt with). */
final class Positions {

    private Positions() {
    }

    static OptionalLong find(Connection c, String subscriberId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT position FROM events_position WHERE subscriber_id = ?")) {
            ps.setString(1, subscriberId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** Sets the position, creating the row if there is none. */
    static void save(Connection c, String subscriberId, long position) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE events_position SET position = ? WHERE subscriber_id = ?")) {
            ps.setLong(1, position);
            ps.setString(2, subscriberId);
            if (ps.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO events_position (subscriber_id, position) VALUES (?, ?)")) {
            ps.setString(1, subscriberId);
            ps.setLong(2, position);
            ps.executeUpdate();
        }
    }

    /** Every subscriber's position, by id. */
    static Map<String, Long> all(Connection c) throws SQLException {
        Map<String, Long> result = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT subscriber_id, position FROM events_position ORDER BY subscriber_id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.put(rs.getString(1), rs.getLong(2));
            }
        }
        return result;
    }
}
