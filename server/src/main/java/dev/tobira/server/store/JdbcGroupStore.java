package dev.tobira.server.store;

import dev.tobira.core.CognitoException.GroupExistsException;
import dev.tobira.core.Page;
import dev.tobira.core.PageTokens;
import dev.tobira.core.group.Group;
import dev.tobira.core.group.GroupStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Groups in {@code user_groups} and memberships in {@code user_group_members}. The database's keys
 * decide every race: the primary key between two creates of one name, the foreign keys between adding
 * a member and deleting the group or the user, whose cascades also remove memberships.
 */
public final class JdbcGroupStore implements GroupStore {

    private static final String COLUMNS =
            "g.pool_id, g.group_name, g.description, g.role_arn, g.precedence, g.created, g.modified";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public JdbcGroupStore(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void create(Group group) {
        try {
            tx.executeWithoutResult(s -> jdbc.sql("""
                            INSERT INTO user_groups (pool_id, group_name, description, role_arn, precedence, created,
                                                     modified)
                            VALUES (:poolId, :groupName, :description, :roleArn, :precedence, :created, :modified)""")
                    .paramSource(columns(group))
                    .update());
        } catch (DuplicateKeyException e) {
            throw new GroupExistsException("A group with the name " + group.groupName() + " already exists.");
        }
    }

    @Override
    public Optional<Group> find(String userPoolId, String groupName) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM user_groups g WHERE g.pool_id = :poolId AND g.group_name = :name")
                .param("poolId", userPoolId)
                .param("name", groupName)
                .query(JdbcGroupStore::group)
                .optional();
    }

    @Override
    public boolean update(Group group) {
        Integer rows = tx.execute(s -> jdbc.sql("""
                        UPDATE user_groups SET description = :description, role_arn = :roleArn,
                                               precedence = :precedence, created = :created, modified = :modified
                        WHERE pool_id = :poolId AND group_name = :groupName""")
                .paramSource(columns(group))
                .update());
        return rows != null && rows > 0;
    }

    @Override
    public boolean delete(String userPoolId, String groupName) {
        Integer rows = tx.execute(s -> jdbc.sql("DELETE FROM user_groups WHERE pool_id = :poolId AND group_name = :name")
                .param("poolId", userPoolId)
                .param("name", groupName)
                .update());
        return rows != null && rows > 0;
    }

    @Override
    public long count(String userPoolId) {
        return jdbc.sql("SELECT COUNT(*) FROM user_groups WHERE pool_id = :poolId")
                .param("poolId", userPoolId)
                .query(Long.class)
                .single();
    }

    @Override
    public Page<Group> list(String userPoolId, int limit, Optional<String> after) {
        Optional<String> from = PageTokens.decode(after);
        var query = jdbc.sql("SELECT " + COLUMNS + " FROM user_groups g WHERE g.pool_id = :poolId"
                        + (from.isPresent() ? " AND g.group_name > :after" : "")
                        + " ORDER BY g.group_name LIMIT :limit")
                .param("poolId", userPoolId)
                .param("limit", Keys.fetchSize(limit));
        if (from.isPresent()) {
            query = query.param("after", from.get());
        }
        return Keys.page(query.query(JdbcGroupStore::group).list(), limit, Group::groupName);
    }

    @Override
    public boolean addMember(String userPoolId, String groupName, String username) {
        try {
            tx.executeWithoutResult(s -> jdbc.sql("""
                            INSERT INTO user_group_members (pool_id, group_name, username)
                            VALUES (:poolId, :name, :username) ON CONFLICT DO NOTHING""")
                    .param("poolId", userPoolId)
                    .param("name", groupName)
                    .param("username", username)
                    .update());
            return true;
        } catch (DataIntegrityViolationException e) {
            // A foreign key: the group or the user does not exist.
            return false;
        }
    }

    @Override
    public boolean removeMember(String userPoolId, String groupName, String username) {
        Integer rows = tx.execute(s -> jdbc.sql("""
                        DELETE FROM user_group_members
                        WHERE pool_id = :poolId AND group_name = :name AND username = :username""")
                .param("poolId", userPoolId)
                .param("name", groupName)
                .param("username", username)
                .update());
        return rows != null && rows > 0;
    }

    @Override
    public Page<String> members(String userPoolId, String groupName, int limit, Optional<String> after) {
        Optional<String> from = PageTokens.decode(after);
        var query = jdbc.sql("SELECT username FROM user_group_members WHERE pool_id = :poolId AND group_name = :name"
                        + (from.isPresent() ? " AND username > :after" : "")
                        + " ORDER BY username LIMIT :limit")
                .param("poolId", userPoolId)
                .param("name", groupName)
                .param("limit", Keys.fetchSize(limit));
        if (from.isPresent()) {
            query = query.param("after", from.get());
        }
        return Keys.page(query.query(String.class).list(), limit, username -> username);
    }

    @Override
    public Page<Group> groupsOf(String userPoolId, String username, int limit, Optional<String> after) {
        Optional<String> from = PageTokens.decode(after);
        var query = jdbc.sql("SELECT " + COLUMNS + """
                         FROM user_group_members m
                        JOIN user_groups g ON g.pool_id = m.pool_id AND g.group_name = m.group_name
                        WHERE m.pool_id = :poolId AND m.username = :username"""
                        + (from.isPresent() ? " AND m.group_name > :after" : "")
                        + " ORDER BY m.group_name LIMIT :limit")
                .param("poolId", userPoolId)
                .param("username", username)
                .param("limit", Keys.fetchSize(limit));
        if (from.isPresent()) {
            query = query.param("after", from.get());
        }
        return Keys.page(query.query(JdbcGroupStore::group).list(), limit, Group::groupName);
    }

    @Override
    public List<Group> allGroupsOf(String userPoolId, String username) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM user_group_members m
                        JOIN user_groups g ON g.pool_id = m.pool_id AND g.group_name = m.group_name
                        WHERE m.pool_id = :poolId AND m.username = :username
                        ORDER BY m.group_name""")
                .param("poolId", userPoolId)
                .param("username", username)
                .query(JdbcGroupStore::group)
                .list();
    }

    private static MapSqlParameterSource columns(Group group) {
        return new MapSqlParameterSource()
                .addValue("poolId", group.userPoolId())
                .addValue("groupName", group.groupName())
                .addValue("description", group.description().orElse(null), Types.VARCHAR)
                .addValue("roleArn", group.roleArn().orElse(null), Types.VARCHAR)
                .addValue("precedence", group.precedence().orElse(null), Types.INTEGER)
                .addValue("created", group.creationDate().toEpochMilli())
                .addValue("modified", group.lastModifiedDate().toEpochMilli());
    }

    private static Group group(ResultSet rs, int row) throws SQLException {
        int precedence = rs.getInt("precedence");
        Optional<Integer> maybePrecedence = rs.wasNull() ? Optional.empty() : Optional.of(precedence);
        return new Group(rs.getString("pool_id"), rs.getString("group_name"),
                Optional.ofNullable(rs.getString("description")), Optional.ofNullable(rs.getString("role_arn")),
                maybePrecedence, Instant.ofEpochMilli(rs.getLong("created")), Instant.ofEpochMilli(rs.getLong("modified")));
    }
}
