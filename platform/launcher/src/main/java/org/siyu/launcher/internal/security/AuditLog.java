package org.siyu.launcher.internal.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.siyu.shell.backend.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log in table {@code siyu_audit}, written synchronously so that an entry is on disk when the change
 * it records is reported done. Also mirrored to the {@code siyu.audit} logger.
 */
public final class AuditLog implements AuditTrail {

    private static final Logger AUDIT = LoggerFactory.getLogger("siyu.audit");
    private static final int MAX_VALUE = 4000;

    private final DataSource dataSource;

    public AuditLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void record(String actor, String action, String target, String before, String after) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO siyu_audit (at, actor, action, target, before_value, after_value) VALUES (?,?,?,?,?,?)")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setString(2, cut(actor == null ? "system" : actor, 64));
            ps.setString(3, cut(action, 64));
            ps.setString(4, cut(target, 255));
            ps.setString(5, cut(before, MAX_VALUE));
            ps.setString(6, cut(after, MAX_VALUE));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the audit log: " + e.getMessage(), e);
        }
        AUDIT.info("{} {} {}", actor, action, target);
    }

    @Override
    public List<Entry> recent(int limit) {
        List<Entry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT id, at, actor, action, target, before_value, after_value FROM siyu_audit ORDER BY id DESC")) {
            ps.setMaxRows(Math.max(1, limit));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit log: " + e.getMessage(), e);
        }
        return entries;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
