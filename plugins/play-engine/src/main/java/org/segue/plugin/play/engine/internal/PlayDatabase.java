package org.segue.plugin.play.engine.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sqlite.SQLiteConfig;

/**
 * The play store: one SQLite file ({@code play.db}) opened over JDBC, with the pragmas that make a
 * commit durable (WAL journal, {@code synchronous=FULL}: the WAL is synced at every commit) and
 * processes share it (a busy timeout instead of an error while another process writes), and the
 * schema, versioned by {@code PRAGMA user_version} and created or migrated in one transaction.
 *
 * <p>One connection, used under the engine's lock (not thread-safe); statements are prepared once.
 * Writes run in {@code BEGIN IMMEDIATE} transactions, which take the write lock at the start:
 * a deferred transaction that reads first and writes later can fail with "database is locked" when
 * another process wrote in between, whatever the busy timeout.
 */
final class PlayDatabase implements AutoCloseable {

    /** The schema version this code writes; a newer file is refused rather than misread. */
    static final int SCHEMA = 2;
    static final int BUSY_TIMEOUT_MILLIS = 10_000;

    /** Work on the database inside a transaction. */
    interface Work<T> {
        T run() throws SQLException;
    }

    /** Reads one row. */
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final Path file;
    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private boolean inTransaction;

    private PlayDatabase(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating) the database file and brings its schema to {@link #SCHEMA}. */
    static PlayDatabase open(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        Connection c;
        try {
            // The driver class directly: DriverManager does not see drivers of other bundles in OSGi.
            c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw new IOException("could not open the play database " + file + ": " + e.getMessage(), e);
        }
        PlayDatabase db = new PlayDatabase(file, c);
        try {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA foreign_keys=ON");
            }
            db.write(() -> {
                int version = (int) db.queryLong("PRAGMA user_version", 0);
                if (version > SCHEMA) {
                    throw new SQLException(file + " has schema version " + version + "; this Segue reads up to " + SCHEMA);
                }
                if (version < SCHEMA) {
                    try (Statement s = c.createStatement()) {
                        if (version < 1) {
                            for (String sql : Schema.VERSION_1) {
                                s.execute(sql);
                            }
                        }
                        for (String sql : Schema.VERSION_2) {
                            s.execute(sql);
                        }
                        s.execute("PRAGMA user_version = " + SCHEMA);
                    }
                }
                return null;
            });
            return db;
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw new IOException("could not open the play database " + file + ": " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    /** Runs {@code work} in one write transaction: committed (durably) if it returns, rolled back if it throws. */
    <T> T write(Work<T> work) throws SQLException {
        return transaction("BEGIN IMMEDIATE", work);
    }

    /** Runs {@code work} in one read transaction: every query in it sees the same state of the file. */
    <T> T read(Work<T> work) throws SQLException {
        return transaction("BEGIN", work);
    }

    private <T> T transaction(String begin, Work<T> work) throws SQLException {
        if (inTransaction) {
            return work.run();
        }
        try (Statement s = connection.createStatement()) {
            s.execute(begin);
        }
        inTransaction = true;
        boolean committed = false;
        try {
            T result = work.run();
            try (Statement s = connection.createStatement()) {
                s.execute("COMMIT");
            }
            committed = true;
            return result;
        } finally {
            inTransaction = false;
            if (!committed) {
                try (Statement s = connection.createStatement()) {
                    s.execute("ROLLBACK");
                } catch (SQLException rollback) {
                    // The transaction is gone already (SQLite rolls back on some errors itself).
                }
            }
        }
    }

    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement p = statements.get(sql);
        if (p == null) {
            p = connection.prepareStatement(sql);
            statements.put(sql, p);
        }
        return p;
    }

    /** Executes an insert, update or delete; returns the rows changed. */
    int update(String sql, Object... args) throws SQLException {
        PreparedStatement p = bind(sql, args);
        return p.executeUpdate();
    }

    <T> List<T> query(String sql, Row<T> row, Object... args) throws SQLException {
        PreparedStatement p = bind(sql, args);
        List<T> out = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.add(row.read(rs));
            }
        }
        return out;
    }

    /** The first row, or {@code otherwise} when there is none. */
    <T> T queryOne(String sql, Row<T> row, T otherwise, Object... args) throws SQLException {
        PreparedStatement p = bind(sql, args);
        try (ResultSet rs = p.executeQuery()) {
            return rs.next() ? row.read(rs) : otherwise;
        }
    }

    /** The first column of the first row as a number, or {@code otherwise} when there is no row or it is NULL. */
    long queryLong(String sql, long otherwise, Object... args) throws SQLException {
        PreparedStatement p = bind(sql, args);
        try (ResultSet rs = p.executeQuery()) {
            if (!rs.next()) {
                return otherwise;
            }
            long v = rs.getLong(1);
            return rs.wasNull() ? otherwise : v;
        }
    }

    private PreparedStatement bind(String sql, Object... args) throws SQLException {
        PreparedStatement p = prepare(sql);
        p.clearParameters();
        for (int i = 0; i < args.length; i++) {
            p.setObject(i + 1, args[i]);
        }
        return p;
    }

    @Override
    public void close() {
        for (PreparedStatement p : statements.values()) {
            try {
                p.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
        statements.clear();
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing is pending: every write committed or rolled back before
        }
    }
}
