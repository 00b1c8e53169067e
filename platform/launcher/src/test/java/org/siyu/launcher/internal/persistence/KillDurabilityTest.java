package org.siyu.launcher.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default database URL loses no committed transaction when the process is killed with SIGKILL: a child
 * process commits rows and reports each commit; the test kills it mid-stream, reopens the file and finds every
 * reported row. H2's own defaults fail this (INTEGRATION-NOTES.md: 37 of 40 cycles lost rows).
 */
class KillDurabilityTest {

    private static final int CYCLES = 6;

    @TempDir
    Path dataDir;

    @Test
    void shouldKeepEveryCommittedRowAcrossKillMinusNine() throws Exception {
        long next = 1;
        long lastReported = 0;
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                    DurabilityWriter.class.getName(), dataDir.toString(), Long.toString(next))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
                String first;
                do {
                    first = out.readLine();   // skip log lines until the writer is ready
                } while (first != null && !first.equals("READY"));
                assertEquals("READY", first, "the writer did not start");
                long stopAfter = 300 + cycle * 137L;   // vary the kill point between cycles
                long reported = 0;
                String line;
                while ((line = out.readLine()) != null) {
                    if (!line.matches("\\d+")) {
                        continue;
                    }
                    reported = Long.parseLong(line);
                    if (reported - next >= stopAfter) {
                        break;
                    }
                }
                child.destroyForcibly();   // SIGKILL on Linux
                assertTrue(child.waitFor(20, TimeUnit.SECONDS));
                lastReported = reported;
            }
            long[] seen = countAndMax();
            assertTrue(seen[1] >= lastReported, "cycle " + cycle + ": commit " + lastReported
                    + " was reported but the database ends at " + seen[1]);
            assertEquals(seen[1], seen[0], "cycle " + cycle + ": rows are missing below the highest id");
            next = seen[1] + 1;
        }
    }

    private long[] countAndMax() throws Exception {
        Database db = Database.open(null, dataDir);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM durability")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        } finally {
            db.close();
        }
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
