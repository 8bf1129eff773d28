package dev.tobira.server.store;

import dev.tobira.core.CognitoException.UsernameExistsException;
import dev.tobira.core.Page;
import dev.tobira.core.PageTokens;
import dev.tobira.core.user.Attribute;
import dev.tobira.core.user.PasswordVerifier;
import dev.tobira.core.user.User;
import dev.tobira.core.user.UserFilter;
import dev.tobira.core.user.UserStatus;
import dev.tobira.core.user.UserStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Users in the {@code users} table and their attributes in {@code user_attributes}, one row per
 * attribute in the order set. A user row and its attribute rows are written in one transaction, so a
 * user is never seen, nor left after a crash, with only some of its attributes.
 *
 * <p>Reads are single statements (the user rows joined with their attributes), so each sees one
 * consistent state without holding a transaction open. The database's unique key on
 * {@code (pool_id, username_key)} is what decides a race between two creates of one username.
 */
public final class JdbcUserStore implements UserStore {

    /** The user columns and one attribute per row, ordered so that a user's rows are adjacent. */
    private static final String USER_ROWS = """
            SELECT u.username, u.pool_id, u.status, u.enabled, u.created, u.modified, u.password_salt,
                   u.password_verifier, u.temp_password_expires, a.name AS attr_name, a.val AS attr_val
            FROM %s u
            LEFT JOIN user_attributes a ON a.pool_id = u.pool_id AND a.username = u.username
            WHERE %s
            ORDER BY u.username, a.ordinal""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate tx;

    public JdbcUserStore(JdbcTemplate jdbcTemplate, TransactionTemplate tx) {
        this.jdbc = JdbcClient.create(jdbcTemplate);
        this.batch = jdbcTemplate;
        this.tx = tx;
    }

    @Override
    public void create(User user, boolean caseSensitive) {
        tx.executeWithoutResult(s -> {
            try {
                jdbc.sql("""
                                INSERT INTO users (pool_id, username, username_key, status, enabled, created, modified,
                                                   password_salt, password_verifier, temp_password_expires)
                                VALUES (:poolId, :username, :usernameKey, :status, :enabled, :created, :modified,
                                        :salt, :verifier, :tempExpires)""")
                        .paramSource(userColumns(user)
                                .addValue("usernameKey", Keys.usernameKey(user.username(), caseSensitive)))
                        .update();
            } catch (DuplicateKeyException e) {
                throw new UsernameExistsException("User account already exists");
            }
            insertAttributes(user);
        });
    }

    @Override
    public Optional<User> find(String userPoolId, String username, boolean caseSensitive) {
        List<User> found = users(jdbc.sql(USER_ROWS.formatted("users",
                        "u.pool_id = :poolId AND u.username_key = :usernameKey"))
                .param("poolId", userPoolId)
                .param("usernameKey", Keys.usernameKey(username, caseSensitive)));
        return found.stream().findFirst();
    }

    @Override
    public List<User> findByAttribute(String userPoolId, String name, String value, boolean caseSensitive) {
        List<User> candidates = users(jdbc.sql(USER_ROWS.formatted("users", """
                        u.pool_id = :poolId AND EXISTS (
                            SELECT 1 FROM user_attributes f
                            WHERE f.pool_id = u.pool_id AND f.username = u.username
                              AND f.name = :name AND f.val_key = :valKey)"""))
                .param("poolId", userPoolId)
                .param("name", name)
                .param("valKey", Keys.valueKey(value)));
        // val_key only narrows to values whose folded first 128 code points match; this is the exact rule.
        Predicate<String> matches = caseSensitive ? value::equals : value::equalsIgnoreCase;
        return candidates.stream().filter(u -> u.attribute(name).filter(matches).isPresent()).toList();
    }

    @Override
    public boolean update(User user) {
        Boolean updated = tx.execute(s -> {
            int rows = jdbc.sql("""
                            UPDATE users SET status = :status, enabled = :enabled, created = :created,
                                             modified = :modified, password_salt = :salt,
                                             password_verifier = :verifier, temp_password_expires = :tempExpires
                            WHERE pool_id = :poolId AND username = :username""")
                    .paramSource(userColumns(user))
                    .update();
            if (rows == 0) {
                return false;
            }
            // The UPDATE above holds the user's row lock, so concurrent updates replace the attributes in turn.
            jdbc.sql("DELETE FROM user_attributes WHERE pool_id = :poolId AND username = :username")
                    .param("poolId", user.userPoolId())
                    .param("username", user.username())
                    .update();
            insertAttributes(user);
            return true;
        });
        return Boolean.TRUE.equals(updated);
    }

    @Override
    public boolean delete(String userPoolId, String username) {
        Integer deleted = tx.execute(s -> jdbc.sql("DELETE FROM users WHERE pool_id = :poolId AND username = :username")
                .param("poolId", userPoolId)
                .param("username", username)
                .update());
        return deleted != null && deleted > 0;
    }

    @Override
    public long count(String userPoolId) {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE pool_id = :poolId")
                .param("poolId", userPoolId)
                .query(Long.class)
                .single();
    }

    @Override
    public Page<User> list(String userPoolId, Optional<UserFilter> filter, int limit, Optional<String> after) {
        Optional<String> from = PageTokens.decode(after);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("poolId", userPoolId);
        params.put("limit", Keys.fetchSize(limit));
        StringBuilder where = new StringBuilder("pool_id = :poolId");
        from.ifPresent(username -> {
            where.append(" AND username > :after");
            params.put("after", username);
        });
        filter.ifPresent(f -> where.append(" AND ").append(condition(f, params)));
        String page = "(SELECT * FROM users WHERE " + where + " ORDER BY username LIMIT :limit)";
        List<User> fetched = users(jdbc.sql(USER_ROWS.formatted(page, "1 = 1")).params(params));
        return Keys.page(fetched, limit, User::username);
    }

    /**
     * The SQL condition on a {@code users} row for a ListUsers filter, adding its parameters to
     * {@code params}. Matching is exact and case-sensitive, as in the in-memory store; a prefix match
     * takes the prefix literally (LIKE's wildcards are escaped).
     */
    private static String condition(UserFilter f, Map<String, Object> params) {
        String operator = f.prefix() ? " LIKE :filterValue ESCAPE '\\'" : " = :filterValue";
        params.put("filterValue", f.prefix() ? Keys.likePrefix(f.value()) : f.value());
        return switch (f.attribute()) {
            case "username" -> "username" + operator;
            case "cognito:user_status" -> "status" + operator;
            case "status" -> {
                // Enabled and Disabled are the only values; decide here which of them the filter admits.
                Predicate<String> admits = f.prefix() ? v -> v.startsWith(f.value()) : f.value()::equals;
                boolean enabled = admits.test("Enabled");
                boolean disabled = admits.test("Disabled");
                params.put("filterEnabled", enabled);
                yield enabled == disabled ? (enabled ? "1 = 1" : "1 = 0") : "enabled = :filterEnabled";
            }
            default -> {
                params.put("filterName", f.attribute());
                String valueMatch;
                if (f.prefix()) {
                    // Folding maps code point to code point, so a value that starts with the prefix has a
                    // key that starts with the prefix's key: a range of the index, checked exactly on val.
                    params.put("filterValueKey", Keys.likePrefix(Keys.valueKey(f.value())));
                    valueMatch = "f.val_key LIKE :filterValueKey ESCAPE '\\' AND f.val" + operator;
                } else {
                    params.put("filterValueKey", Keys.valueKey(f.value()));
                    valueMatch = "f.val_key = :filterValueKey AND f.val = :filterValue";
                }
                yield "EXISTS (SELECT 1 FROM user_attributes f WHERE f.pool_id = users.pool_id"
                        + " AND f.username = users.username AND f.name = :filterName AND " + valueMatch + ")";
            }
        };
    }

    private void insertAttributes(User user) {
        List<Object[]> rows = new ArrayList<>(user.attributes().size());
        for (int i = 0; i < user.attributes().size(); i++) {
            Attribute a = user.attributes().get(i);
            rows.add(new Object[] {user.userPoolId(), user.username(), i, a.name(), a.value(), Keys.valueKey(a.value())});
        }
        if (!rows.isEmpty()) {
            batch.batchUpdate("""
                    INSERT INTO user_attributes (pool_id, username, ordinal, name, val, val_key)
                    VALUES (?, ?, ?, ?, ?, ?)""", rows);
        }
    }

    /** The parameters create and update both bind, named as their statements name them. */
    private static MapSqlParameterSource userColumns(User user) {
        return new MapSqlParameterSource()
                .addValue("poolId", user.userPoolId())
                .addValue("username", user.username())
                .addValue("status", user.status().name())
                .addValue("enabled", user.enabled())
                .addValue("created", user.createdAt().toEpochMilli())
                .addValue("modified", user.lastModifiedAt().toEpochMilli())
                .addValue("salt", user.password().map(PasswordVerifier::saltHex).orElse(null), Types.VARCHAR)
                .addValue("verifier", user.password().map(PasswordVerifier::verifierHex).orElse(null), Types.VARCHAR)
                .addValue("tempExpires", user.temporaryPasswordExpiry().map(Instant::toEpochMilli).orElse(null),
                        Types.BIGINT);
    }

    /** The users in {@code rows} (a {@link #USER_ROWS} query), in row order, each with its attributes. */
    private static List<User> users(JdbcClient.StatementSpec rows) {
        Map<String, UserRow> users = new LinkedHashMap<>();
        rows.query((RowCallbackHandler) rs -> {
            UserRow user = users.get(rs.getString("username"));
            if (user == null) {
                user = UserRow.of(rs);
                users.put(user.username, user);
            }
            String name = rs.getString("attr_name");
            if (name != null) {
                user.attributes.add(new Attribute(name, rs.getString("attr_val")));
            }
        });
        return users.values().stream().map(UserRow::toUser).toList();
    }

    /** A user being read back from its rows. */
    private static final class UserRow {
        final String username;
        final String poolId;
        final UserStatus status;
        final boolean enabled;
        final Instant created;
        final Instant modified;
        final Optional<PasswordVerifier> password;
        final Optional<Instant> temporaryPasswordExpiry;
        final List<Attribute> attributes = new ArrayList<>();

        private UserRow(ResultSet rs) throws SQLException {
            username = rs.getString("username");
            poolId = rs.getString("pool_id");
            status = UserStatus.valueOf(rs.getString("status"));
            enabled = rs.getBoolean("enabled");
            created = Instant.ofEpochMilli(rs.getLong("created"));
            modified = Instant.ofEpochMilli(rs.getLong("modified"));
            String salt = rs.getString("password_salt");
            password = salt == null ? Optional.empty()
                    : Optional.of(new PasswordVerifier(salt, rs.getString("password_verifier")));
            long expires = rs.getLong("temp_password_expires");
            temporaryPasswordExpiry = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(expires));
        }

        static UserRow of(ResultSet rs) throws SQLException {
            return new UserRow(rs);
        }

        User toUser() {
            return new User(poolId, username, attributes, status, enabled, created, modified, password,
                    temporaryPasswordExpiry);
        }
    }
}
