package dev.tobira.server.store;

import dev.tobira.core.oauth.UserPoolDomain;
import dev.tobira.core.oauth.UserPoolDomainStore;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * User pool domains in the {@code user_pool_domains} table, whose primary key (the domain) and unique
 * pool column make "one pool per domain, one domain per pool" hold across nodes.
 */
public final class JdbcUserPoolDomainStore implements UserPoolDomainStore {

    private static final String COLUMNS = "SELECT domain, pool_id, managed_login_version, created FROM user_pool_domains";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public JdbcUserPoolDomainStore(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public Created create(UserPoolDomain domain) {
        try {
            tx.executeWithoutResult(s -> jdbc.sql("""
                            INSERT INTO user_pool_domains (domain, pool_id, managed_login_version, created)
                            VALUES (:domain, :poolId, :version, :created)""")
                    .param("domain", domain.domain())
                    .param("poolId", domain.userPoolId())
                    .param("version", domain.managedLoginVersion())
                    .param("created", domain.created().toEpochMilli())
                    .update());
            return Created.CREATED;
        } catch (DuplicateKeyException e) {
            // Which constraint failed: a domain once taken stays taken until deleted, so this look-up tells.
            return find(domain.domain()).isPresent() ? Created.DOMAIN_TAKEN : Created.POOL_HAS_DOMAIN;
        }
    }

    @Override
    public Optional<UserPoolDomain> find(String domain) {
        return jdbc.sql(COLUMNS + " WHERE domain = :domain").param("domain", domain)
                .query(JdbcUserPoolDomainStore::row).optional();
    }

    @Override
    public Optional<UserPoolDomain> findByPool(String userPoolId) {
        return jdbc.sql(COLUMNS + " WHERE pool_id = :poolId").param("poolId", userPoolId)
                .query(JdbcUserPoolDomainStore::row).optional();
    }

    @Override
    public boolean update(UserPoolDomain domain) {
        Integer updated = tx.execute(s -> jdbc.sql("""
                        UPDATE user_pool_domains SET managed_login_version = :version
                        WHERE domain = :domain AND pool_id = :poolId""")
                .param("domain", domain.domain())
                .param("poolId", domain.userPoolId())
                .param("version", domain.managedLoginVersion())
                .update());
        return updated != null && updated > 0;
    }

    @Override
    public boolean delete(String userPoolId, String domain) {
        Integer deleted = tx.execute(s -> jdbc.sql(
                        "DELETE FROM user_pool_domains WHERE domain = :domain AND pool_id = :poolId")
                .param("domain", domain)
                .param("poolId", userPoolId)
                .update());
        return deleted != null && deleted > 0;
    }

    @Override
    public void deleteAll(String userPoolId) {
        tx.executeWithoutResult(s -> jdbc.sql("DELETE FROM user_pool_domains WHERE pool_id = :poolId")
                .param("poolId", userPoolId)
                .update());
    }

    private static UserPoolDomain row(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new UserPoolDomain(rs.getString("domain"), rs.getString("pool_id"), rs.getInt("managed_login_version"),
                Instant.ofEpochMilli(rs.getLong("created")));
    }
}
