package org.siyu.bench.identity;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.siyu.bench.Postgres;

/**
 * The batch peer: PostgreSQL computes the same partition as {@code GraphRebuild} with one recursive CTE over
 * {@code record_identity(record, identity, merge_key)}. Poison first (merge keys presented by more distinct records
 * than the threshold, a GROUP BY), then the record–record edges through every other shared identity, then the usual
 * minimum-label walk: every record starts with its own number as label and hands it along the edges until nothing
 * new comes ({@code UNION} drops the repeats, so the walk ends); a record's component is the smallest label that
 * reached it, which is the smallest record of its component, the same canonical form as Siyu's.
 */
final class CteRebuild {

    private CteRebuild() {
    }

    /** The statement that rebuilds the graph into the table {@code component(record, label)}. */
    static String sql(int threshold) {
        return """
                CREATE TABLE component AS
                WITH RECURSIVE
                  poison AS (
                    SELECT identity FROM record_identity WHERE merge_key
                    GROUP BY identity HAVING count(DISTINCT record) > %d),
                  edge AS MATERIALIZED (
                    SELECT DISTINCT a.record AS a, b.record AS b
                    FROM record_identity a JOIN record_identity b ON a.identity = b.identity AND a.record <> b.record
                    WHERE NOT EXISTS (SELECT 1 FROM poison p WHERE p.identity = a.identity)),
                  walk(record, label) AS (
                    SELECT DISTINCT record, record FROM record_identity
                    UNION
                    SELECT e.b, w.label FROM walk w JOIN edge e ON e.a = w.record)
                SELECT record, min(label) AS label FROM walk GROUP BY record""".formatted(threshold);
    }

    /**
     * Loads the records with COPY, then indexes and analyses the table (the peer's best case, not its defaults).
     *
     * @return nanoseconds of the indexing and analysing alone: PostgreSQL's counterpart of Siyu's interning
     */
    static long load(Connection c, IdentityData data) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE record_identity (record integer NOT NULL, identity text NOT NULL, "
                    + "merge_key boolean NOT NULL)");
        }
        // keys hold no tab, newline or backslash (the generator writes them): COPY's text format as is
        Postgres.copy(c, "COPY record_identity FROM STDIN", out -> {
            for (int r = 0; r < data.recordCount(); r++) {
                for (String key : data.record(r)) {
                    out.write(r + "\t" + key + (IdentityData.mergeKey(key) ? "\tt\n" : "\tf\n"));
                }
            }
        });
        try (Statement s = c.createStatement()) {
            s.execute("SET work_mem = '256MB'");
            long t0 = System.nanoTime();
            s.execute("CREATE INDEX record_identity_identity ON record_identity (identity, record)");
            s.execute("CREATE INDEX record_identity_record ON record_identity (record)");
            s.execute("VACUUM ANALYZE record_identity");
            return System.nanoTime() - t0;
        }
    }

    /** Runs the rebuild (the timed part); returns nanoseconds. */
    static long rebuild(Connection c, int threshold) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS component");
            long t0 = System.nanoTime();
            s.execute(sql(threshold));
            return System.nanoTime() - t0;
        }
    }

    /** The partition the last rebuild wrote: per record, its label; -1 for a record the CTE left out. */
    static int[] partition(Connection c, int records) throws SQLException {
        int[] label = new int[records];
        java.util.Arrays.fill(label, -1);
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false); // the driver streams with a fetch size only inside a transaction
        try (Statement s = c.createStatement()) {
            s.setFetchSize(50_000);
            try (ResultSet r = s.executeQuery("SELECT record, label FROM component")) {
                while (r.next()) {
                    label[r.getInt(1)] = r.getInt(2);
                }
            }
            c.commit();
        } finally {
            c.setAutoCommit(auto);
        }
        return label;
    }

    /** The poison identities by the CTE's own rule, for the report. */
    static long poisonCount(Connection c, int threshold) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM (SELECT identity "
                + "FROM record_identity WHERE merge_key GROUP BY identity HAVING count(DISTINCT record) > " + threshold
                + ") p")) {
            r.next();
            return r.getLong(1);
        }
    }
}
