package org.siyu.kernel.events.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many offsets H2 hands out between two writes of the offset sequence's state.
 *
 * <p>H2 keeps the identity sequence of {@code events_event.event_offset} in memory and writes its next limit to the
 * schema every {@code CACHE} values (default 32) in a commit of its own; with the host's {@code WRITE_DELAY=0} that
 * commit writes every page the running transaction has dirtied so far. An import publishing 1,000 events per
 * transaction paid about 30 such extra commits per transaction (16 % of the import job's time). With
 * {@value #H2_CACHE} it pays one per ten such transactions.
 *
 * <p>Why a larger cache is safe with the {@link GapRule} on H2 (ADR 0008): H2's sequence is one object for the whole
 * database, so offsets are still handed out in increasing order whatever connection asks — the only thing the rule
 * assumes about the sequence. What the cache changes is the size of the hole a crash leaves: after kill -9 H2 starts
 * again at the last written limit, so up to {@value #H2_CACHE} offsets are never used (with 32, up to 32 were; a clean
 * stop writes the exact value and leaves no hole). No transaction holds them (they died with the process) and this
 * node's new {@link OutboxTransactions} does not know them, so the rule's third case applies as before: readers pass
 * the hole once the first event after it is {@code gapGraceMs} old. The rule passes a run of missing offsets at once,
 * and readers page by {@code event_offset > ?}, so a hole of 10,000 costs what a hole of 32 cost: one grace period
 * after a crash. {@code OffsetCacheTest} kills a writer with SIGKILL and checks exactly that.
 *
 * <p>Not a Flyway migration: the same SQL runs on PostgreSQL, where a sequence cache is per session — each pooled
 * connection would take its own block of offsets, a later commit could carry a lower offset than one a reader has
 * already passed, and the gap rule would skip it forever. PostgreSQL keeps its default ({@code CACHE 1}); its
 * {@code nextval} is cheap anyway (no commit of its own). The host runs SQL migrations only (no Java migrations), so
 * the H2-only change is made here, at activation, and only when the setting differs.
 */
final class OffsetCache {

    /** Offsets per write of the sequence's state on H2. */
    static final int H2_CACHE = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(OffsetCache.class);

    private OffsetCache() {
    }

    /**
     * Sets the cache of the offset sequence to {@value #H2_CACHE} when the database is H2 and it is not set yet; does
     * nothing on other databases.
     *
     * @return whether it changed the setting
     */
    static boolean apply(Connection c) throws SQLException {
        if (!"H2".equals(c.getMetaData().getDatabaseProductName())) {
            return false;
        }
        long current = current(c);
        if (current == H2_CACHE) {
            return false;
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE events_event ALTER COLUMN event_offset SET CACHE " + H2_CACHE);
        }
        LOG.debug("Offset sequence cache {} -> {}", current, H2_CACHE);
        return true;
    }

    /** The cache of the offset sequence on H2. */
    static long current(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = 'EVENTS_EVENT'"
                + " AND COLUMN_NAME = 'EVENT_OFFSET'");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("events_event.event_offset not found: the events schema is not migrated");
            }
            return rs.getLong(1);
        }
    }
}
