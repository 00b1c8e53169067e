package org.siyu.launcher.internal.persistence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * Child process of {@link KillDurabilityTest}: opens the database with the platform's default URL and commits
 * rows in a loop, printing each committed id only after {@code commit()} returned.
 */
public final class DurabilityWriter {

    private DurabilityWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        long next = Long.parseLong(args[1]);
        Database db = Database.open(null, dataDir);
        try (Connection c = db.dataSource().getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS durability (id BIGINT PRIMARY KEY, payload VARCHAR(200))");
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO durability VALUES (?, ?)")) {
                System.out.println("READY");
                System.out.flush();
                while (true) {
                    for (int i = 0; i < 10; i++) {
                        ps.setLong(1, next);
                        ps.setString(2, "row " + next + " of a commit that must survive kill -9");
                        ps.addBatch();
                        next++;
                    }
                    ps.executeBatch();
                    c.commit();
                    System.out.println(next - 1);
                    System.out.flush();
                }
            }
        }
    }
}
