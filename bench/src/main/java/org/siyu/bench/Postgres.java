package org.siyu.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A database of its own on the PostgreSQL server a run was given (the throwaway cluster {@code ./siyu bench} and
 * {@code ./siyu test} start on loopback), dropped when closed.
 */
public final class Postgres implements AutoCloseable {

    private final String serverUrl;
    private final String database;
    private final Connection connection;

    private Postgres(String serverUrl, String database, Connection connection) {
        this.serverUrl = serverUrl;
        this.database = database;
        this.connection = connection;
    }

    /** {@code prefix_<pid>}: runs sharing a server (a smoke test beside a full run) must not drop each other's data. */
    public static String uniqueName(String prefix) {
        return prefix + "_" + ProcessHandle.current().pid();
    }

    /** Creates {@code database} (dropping a leftover of an interrupted run) and connects to it. */
    public static Postgres create(String serverUrl, String database) throws SQLException {
        try (Connection admin = DriverManager.getConnection(withDatabase(serverUrl, "postgres"));
                Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
        }
        return new Postgres(serverUrl, database, DriverManager.getConnection(withDatabase(serverUrl, database)));
    }

    public Connection connection() {
        return connection;
    }

    /** "PostgreSQL 15.14". */
    public String version() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SHOW server_version")) {
            r.next();
            return "PostgreSQL " + r.getString(1).split(" ")[0];
        }
    }

    /** A setting as the server reports it ({@code SHOW name}). */
    public String setting(String name) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SHOW " + name)) {
            r.next();
            return r.getString(1);
        }
    }

    /** {@code jdbc:postgresql://host:port/db?params} with another database (the part after the last slash). */
    public static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        int slash = base.lastIndexOf('/');
        if (slash < "jdbc:postgresql://".length()) {
            return base + "/" + database + params;
        }
        return base.substring(0, slash + 1) + database + params;
    }

    /** Writes the rows of a {@code COPY … FROM STDIN} in its text format; see {@link #copy}. */
    @FunctionalInterface
    public interface CopyRows {
        void write(CopyOut out) throws SQLException;
    }

    /** Where {@link CopyRows} writes: buffered, sent to the server a megabyte at a time. */
    public static final class CopyOut {
        private static final int FLUSH_AT = 1 << 20;
        private final CopyIn copy;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(FLUSH_AT + 4096);

        private CopyOut(CopyIn copy) {
            this.copy = copy;
        }

        /** Text of the row format (the caller writes tabs and newlines; values must hold none, nor backslashes). */
        public void write(String text) throws SQLException {
            buffer.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            if (buffer.size() > FLUSH_AT) {
                flush();
            }
        }

        private void flush() throws SQLException {
            copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
            buffer.reset();
        }
    }

    /** Streams the rows {@code rows} writes into {@code copySql} ({@code COPY <table> FROM STDIN}); cancelled on failure. */
    public static void copy(Connection c, String copySql, CopyRows rows) throws SQLException {
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
        try {
            CopyOut out = new CopyOut(copy);
            rows.write(out);
            out.flush();
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
        try (Connection admin = DriverManager.getConnection(withDatabase(serverUrl, "postgres"));
                Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }
}
