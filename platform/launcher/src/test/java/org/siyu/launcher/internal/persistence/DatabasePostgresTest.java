package org.siyu.launcher.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host's connections to PostgreSQL ({@code -Dsiyu.test.postgres=<jdbc url>}, as {@code ./siyu test} sets): every
 * connection of the pool plans each execution with its values, so a plan made while a new node's table was empty
 * is not kept as the table grows (ADR 0014).
 */
@EnabledIfSystemProperty(named = "siyu.test.postgres", matches = "jdbc:postgresql:.*")
class DatabasePostgresTest {

    @TempDir
    Path data;

    @Test
    void everyConnectionShouldPlanEachExecutionWithItsValues() throws Exception {
        try (Database db = Database.open(System.getProperty("siyu.test.postgres"), data)) {
            Connection[] held = new Connection[3]; // several at once: each is its own pooled connection
            try {
                for (int i = 0; i < held.length; i++) {
                    held[i] = db.dataSource().getConnection();
                    try (Statement s = held[i].createStatement();
                            ResultSet r = s.executeQuery("SHOW plan_cache_mode")) {
                        r.next();
                        assertEquals("force_custom_plan", r.getString(1), "connection " + i);
                    }
                }
            } finally {
                for (Connection c : held) {
                    if (c != null) {
                        c.close();
                    }
                }
            }
        }
    }
}
