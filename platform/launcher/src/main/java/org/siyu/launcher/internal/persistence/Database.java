package org.siyu.launcher.internal.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one database of a Siyu node, pooled. By default an H2 file under {@code $SIYU_HOME/data} with
 * {@code WRITE_DELAY=0}, so every commit is written before {@code commit()} returns and a killed process
 * loses no committed transaction (H2's default buffers commits for 500 ms; see docs/adr/0003).
 *
 * <p>{@code WRITE_DELAY=0} stops H2's background compaction, so the file is compacted here: fully when the
 * node stops ({@code SHUTDOWN COMPACT}), and at start when the file has grown past
 * {@link #COMPACT_AT_START_BYTES}.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** A file larger than this at start is compacted before the pool opens. */
    static final long COMPACT_AT_START_BYTES = 64L * 1024 * 1024;

    private final String url;
    private final HikariDataSource dataSource;
    private final Path h2File;

    private Database(String url, HikariDataSource dataSource, Path h2File) {
        this.url = url;
        this.dataSource = dataSource;
        this.h2File = h2File;
    }

    /** The default URL for a data folder: durable on kill -9. */
    public static String defaultUrl(Path dataDir) {
        // DB_CLOSE_ON_EXIT=FALSE: the host closes (and compacts) the database itself in its shutdown hook.
        return "jdbc:h2:file:" + dataDir.resolve("siyu").toAbsolutePath() + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * Opens the database at {@code url} (or the default H2 file under {@code dataDir}) and migrates the host's
     * own tables.
     */
    public static Database open(String url, Path dataDir) throws SQLException {
        String jdbcUrl = url == null ? defaultUrl(dataDir) : url;
        Path h2File = null;
        if (url == null) {
            try {
                Files.createDirectories(dataDir);
            } catch (java.io.IOException e) {
                throw new SQLException("cannot create the data folder " + dataDir + ": " + e.getMessage(), e);
            }
            h2File = dataDir.resolve("siyu.mv.db");
            compactIfLarge(jdbcUrl, h2File);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("siyu");
        config.setMaximumPoolSize(10);
        config.setAutoCommit(true);
        config.setInitializationFailTimeout(10_000);
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            // A JDBC batch of inserts as multi-row INSERTs: an import chunk's rows in a few statements, not one each.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            // Plan every execution of a prepared statement with its values. A new node's tables start empty, and a
            // generic plan PostgreSQL caches for the connection while a table is small (a sequential scan) stays for
            // the connection's life as the table grows: the outbox's id check of an import took 600 ms per chunk
            // at 50,000 rows, and the import ran at a sixth of its speed (ADR 0014). Needs PostgreSQL 12 or newer.
            config.setConnectionInitSql("SET plan_cache_mode = force_custom_plan");
        }
        HikariDataSource ds = new HikariDataSource(config);
        Database db = new Database(jdbcUrl, ds, h2File);
        db.migrateHost();
        return db;
    }

    private static void compactIfLarge(String jdbcUrl, Path file) throws SQLException {
        try {
            if (!Files.exists(file) || Files.size(file) < COMPACT_AT_START_BYTES) {
                return;
            }
            long before = Files.size(file);
            try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
            LOG.info("Compacted {} from {} MB to {} MB", file.getFileName(), before >> 20, Files.size(file) >> 20);
        } catch (java.io.IOException e) {
            LOG.warn("Cannot read the size of {}: {}", file, e.toString());
        }
    }

    private void migrateHost() {
        Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .table("flyway_siyu")
                .locations("classpath:db/migration/siyu")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String url() {
        return url;
    }

    public boolean isH2() {
        return url.startsWith("jdbc:h2:");
    }

    /** Size of the H2 file, or -1 for another database. */
    public long fileSize() {
        try {
            return h2File != null && Files.exists(h2File) ? Files.size(h2File) : -1;
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    /** Closes the pool; an H2 file database is then compacted on its own connection. */
    @Override
    public void close() {
        dataSource.close();
        if (h2File != null) {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            } catch (SQLException e) {
                LOG.warn("Compaction at shutdown failed: {}", e.toString());
            }
        }
    }
}
