package org.siyu.launcher.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With WRITE_DELAY=0 H2 stops compacting in the background, so the file grows with churn; closing the
 * database compacts it back.
 */
class CompactionTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldShrinkTheFileWhenTheDatabaseCloses() throws Exception {
        Database db = Database.open(null, dataDir);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE churn (id BIGINT PRIMARY KEY, payload VARCHAR(1000))");
            try (PreparedStatement insert = c.prepareStatement("MERGE INTO churn VALUES (?, ?)")) {
                String payload = "x".repeat(900);
                for (int round = 0; round < 40; round++) {
                    for (int i = 0; i < 200; i++) {
                        insert.setLong(1, i);
                        insert.setString(2, payload + round);
                        insert.executeUpdate();   // autocommit: one commit per row, the worst case for growth
                    }
                }
            }
        }
        long grown = db.fileSize();
        db.close();
        long compacted = Database.open(null, dataDir).fileSize();
        assertTrue(grown > 0, "the H2 file should exist");
        assertTrue(compacted < grown / 2, "compaction left " + compacted + " bytes of " + grown);
    }
}
