package dev.tobira.bench.sidebyside;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.LongFunction;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Fills a pool with many users fast, for the scale benchmark: PostgreSQL's {@code COPY} straight into
 * Tobira's {@code users} and {@code user_attributes} tables, 10,000 users a transaction, each new user a
 * copy of a template user the API made, under a new name, with a new {@code sub} and the new name in
 * every attribute that held the template's.
 *
 * <p>The copies are real rows in every table and index a sign-in or {@code ListUsers} reads, but they
 * share the template's salt and password verifier, which were computed for the template's name: a copy
 * cannot sign in with the password (the SRP verifier binds the username), and the benchmark never tries.
 * Making a million real verifiers would cost a million 3072-bit exponentiations (about 20 minutes of
 * CPU here) and change nothing the measured sign-ins touch: they name only users the API made.
 *
 * <p>Names must be lower-case ASCII, so that Tobira's case-folded keys ({@code username_key},
 * {@code val_key}) equal the values themselves.
 */
final class BulkUsers {

    private static final int BATCH = 10_000;
    private static final String USERS = "COPY users (pool_id, username, username_key, status, enabled, created, "
            + "modified, password_salt, password_verifier) FROM STDIN (FORMAT csv)";
    private static final String ATTRIBUTES =
            "COPY user_attributes (pool_id, username, ordinal, name, val, val_key) FROM STDIN (FORMAT csv)";

    private BulkUsers() {}

    /**
     * Adds {@code count} copies of {@code template} to {@code poolId}, named {@code name(i)} for i in
     * [0, count); returns the seconds it took.
     */
    static double load(String jdbcUrl, String user, String poolId, String template, long count,
            LongFunction<String> name) throws SQLException {
        requireLowerAscii(template);
        long start = System.nanoTime();
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, "")) {
            db.setAutoCommit(false);
            Object[] row = templateRow(db, poolId, template);
            List<String[]> attributes = templateAttributes(db, poolId, template);
            CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
            for (long from = 0; from < count; from += BATCH) {
                StringBuilder users = new StringBuilder();
                StringBuilder attrs = new StringBuilder();
                for (long i = from; i < Math.min(count, from + BATCH); i++) {
                    String username = requireLowerAscii(name.apply(i));
                    csv(users, poolId, username, username, row[0], row[1], row[2], row[3], row[4], row[5]);
                    for (int ordinal = 0; ordinal < attributes.size(); ordinal++) {
                        String[] a = attributes.get(ordinal);
                        boolean sub = a[0].equals("sub");
                        String value = sub ? UUID.randomUUID().toString() : a[1].replace(template, username);
                        csv(attrs, poolId, username, ordinal, a[0], value, sub ? value : a[2].replace(template, username));
                    }
                }
                copy.copyIn(USERS, new StringReader(users.toString()));
                copy.copyIn(ATTRIBUTES, new StringReader(attrs.toString()));
                db.commit();
            }
            try (Statement analyze = db.createStatement()) {
                // Fresh statistics, as autovacuum gives a pool that grew over time.
                analyze.execute("ANALYZE users");
                analyze.execute("ANALYZE user_attributes");
            }
            db.commit();
        } catch (IOException e) {
            throw new SQLException("COPY failed: " + e.getMessage(), e);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * PostgreSQL's running counts of sequential and index scans of {@code users} and {@code user_attributes}:
     * {seq users, idx users, seq attributes, idx attributes}. The difference over a flow shows whether its
     * look-ups went through an index (O(log n)) or read the table.
     */
    static long[] scans(String jdbcUrl, String user) throws SQLException {
        long[] scans = new long[4];
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, "");
                Statement q = db.createStatement();
                ResultSet rs = q.executeQuery("SELECT relname, seq_scan, coalesce(idx_scan, 0) FROM pg_stat_user_tables"
                        + " WHERE relname IN ('users', 'user_attributes')")) {
            while (rs.next()) {
                int at = rs.getString(1).equals("users") ? 0 : 2;
                scans[at] = rs.getLong(2);
                scans[at + 1] = rs.getLong(3);
            }
        }
        return scans;
    }

    private static String requireLowerAscii(String name) {
        if (!name.matches("[a-z0-9@._-]+")) {
            throw new IllegalArgumentException("names must be lower-case ASCII: " + name);
        }
        return name;
    }

    /** Appends one CSV line of {@code values}, each quoted; none may hold a quote (names, hex, UUIDs, numbers do not). */
    private static void csv(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            String v = String.valueOf(values[i]);
            if (v.indexOf('"') >= 0) {
                throw new IllegalArgumentException("a value with a quote: " + v);
            }
            out.append(i == 0 ? "" : ",").append('"').append(v).append('"');
        }
        out.append('\n');
    }

    /** status, enabled, created, modified, salt, verifier of the template. */
    private static Object[] templateRow(Connection db, String poolId, String template) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("""
                SELECT status, enabled, created, modified, password_salt, password_verifier
                FROM users WHERE pool_id = ? AND username = ?""")) {
            q.setString(1, poolId);
            q.setString(2, template);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no template user " + template + " in " + poolId);
                }
                return new Object[] {rs.getString(1), rs.getBoolean(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                    rs.getString(6)};
            }
        }
    }

    /** name, val, val_key of each of the template's attributes, in order. */
    private static List<String[]> templateAttributes(Connection db, String poolId, String template) throws SQLException {
        List<String[]> attributes = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement(
                "SELECT name, val, val_key FROM user_attributes WHERE pool_id = ? AND username = ? ORDER BY ordinal")) {
            q.setString(1, poolId);
            q.setString(2, template);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    attributes.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
        }
        return attributes;
    }
}
