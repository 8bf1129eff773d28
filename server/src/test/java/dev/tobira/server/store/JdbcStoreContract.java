package dev.tobira.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.tobira.core.CognitoException;
import dev.tobira.core.Fixtures;
import dev.tobira.core.Page;
import dev.tobira.core.PageTokens;
import dev.tobira.core.StoreContract;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.user.Attribute;
import dev.tobira.core.user.User;
import dev.tobira.core.user.UserFilter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Core's {@link StoreContract} on a JDBC database, plus what only the JDBC stores can get wrong: a
 * write that fails half-way, values the indexes have to cope with, SQL wildcards, collation, cursors.
 * Subclasses supply a fresh, empty database per test.
 */
abstract class JdbcStoreContract extends StoreContract {

    static final Instant T0 = Instant.parse("2026-11-02T08:04:05.123Z");
    static final String POOL = "us-east-1_AAAAAAAAA";

    HikariDataSource dataSource;
    JdbcStores stores;

    /** A connection pool to a database nobody has used yet; closed after the test. */
    protected abstract HikariDataSource newDatabase();

    @Override
    protected Stores emptyStores() {
        dataSource = newDatabase();
        stores = JdbcStores.create(dataSource);
        return new Stores(stores.pools(), stores.clients(), stores.users());
    }

    @AfterEach
    void closeDatabase() {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    private long rows(String table) {
        return JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private User user(String username, List<Attribute> attributes) {
        return new User(POOL, username, attributes, Fixtures.user(POOL, username, "x", T0).status(), true, T0, T0,
                Optional.empty(), Optional.empty());
    }

    private List<String> usernames(Optional<UserFilter> filter) {
        return stores.users().list(POOL, filter, 60, Optional.empty()).items().stream().map(User::username).toList();
    }

    @Test
    void createWhenAnAttributeRowFailsThenNeitherTheUserNorAnyAttributeIsWritten() {
        stores.pools().create(Fixtures.pool(POOL, T0));
        User broken = user("alice", List.of(new Attribute("sub", "s"), new Attribute("email", "a@example.com"),
                new Attribute(null, "no name")));
        assertThatThrownBy(() -> stores.users().create(broken, false)).isInstanceOf(DataAccessException.class);
        assertThat(stores.users().find(POOL, "alice", false)).isEmpty();
        assertThat(rows("users")).isZero();
        assertThat(rows("user_attributes")).isZero();
        // The username is free: the failed create left no row holding it.
        stores.users().create(Fixtures.user(POOL, "alice", "a@example.com", T0), false);
    }

    @Test
    void updateWhenAnAttributeRowFailsThenTheUserIsUnchanged() {
        stores.pools().create(Fixtures.pool(POOL, T0));
        User alice = Fixtures.user(POOL, "alice", "a@example.com", T0);
        stores.users().create(alice, false);
        User broken = alice.withAttributes(List.of(new Attribute("sub", "s"), new Attribute(null, "x")),
                T0.plusSeconds(1)).withEnabled(false, T0.plusSeconds(1));
        assertThatThrownBy(() -> stores.users().update(broken)).isInstanceOf(DataAccessException.class);
        assertThat(stores.users().find(POOL, "alice", false)).contains(alice);
    }

    @Test
    void deleteWhenPoolHasUsersWithAttributesThenNoRowOfItRemains() {
        stores.pools().create(Fixtures.pool(POOL, T0));
        stores.pools().create(Fixtures.pool("us-east-1_BBBBBBBBB", T0));
        stores.clients().create(Fixtures.client(POOL, "clientaaaaaaaaaaaaaaaaaaaa", T0));
        stores.users().create(Fixtures.user(POOL, "alice", "a@example.com", T0), false);
        stores.users().create(Fixtures.user("us-east-1_BBBBBBBBB", "bob", "b@example.com", T0), false);
        assertThat(stores.pools().delete(POOL)).isTrue();
        assertThat(rows("user_pool_clients")).isZero();
        assertThat(rows("users")).isEqualTo(1);
        assertThat(rows("user_attributes")).isEqualTo(3);
    }

    @Test
    void findByAttributeWhenLongValuesShareTheirIndexedPrefixThenOnlyTheEqualOneMatches() {
        stores.pools().create(Fixtures.pool(POOL, T0));
        String common = "x".repeat(Keys.VALUE_KEY_CODE_POINTS + 10);
        stores.users().create(user("a", List.of(new Attribute("name", common + "A"))), false);
        stores.users().create(user("b", List.of(new Attribute("name", common + "B"))), false);
        assertThat(stores.users().findByAttribute(POOL, "name", common.toUpperCase() + "b", false))
                .extracting(User::username).containsExactly("b");
        assertThat(stores.users().findByAttribute(POOL, "name", common + "b", true)).isEmpty();
        assertThat(stores.users().findByAttribute(POOL, "name", common + "B", true))
                .extracting(User::username).containsExactly("b");
    }

    @Test
    void findByAttributeWhenValueIsTheLongestAllowedInThreeByteCharactersThenStoredAndFound() {
        // 2048 characters of 3 bytes each, varied so that they do not compress: more than a PostgreSQL
        // B-tree entry may hold (2704 bytes).
        stores.pools().create(Fixtures.pool(POOL, T0));
        StringBuilder varied = new StringBuilder();
        for (int i = 0; i < 2048; i++) {
            varied.append((char) (0x4E00 + (i * 7919) % 20000));
        }
        String address = varied.toString();
        stores.users().create(user("a", List.of(new Attribute("address", address))), false);
        assertThat(stores.users().findByAttribute(POOL, "address", address, true))
                .extracting(User::username).containsExactly("a");
        assertThat(stores.users().find(POOL, "a", false).orElseThrow().attribute("address")).contains(address);
    }

    @Test
    void findByAttributeWhenValuesDifferInCaseBeyondAsciiThenMatchesAsEqualsIgnoreCase() {
        stores.pools().create(Fixtures.pool(POOL, T0));
        stores.users().create(user("a", List.of(new Attribute("email", "ÄRGER.Ωmega@example.com"))), false);
        assertThat(stores.users().findByAttribute(POOL, "email", "ärger.ωmega@EXAMPLE.com", false))
                .extracting(User::username).containsExactly("a");
    }

    @Test
    void listWhenPrefixHasSqlWildcardsThenTheyMatchOnlyThemselves() {
        stores.pools().create(Fixtures.pool(POOL, T0));
        stores.users().create(user("u1", List.of(new Attribute("email", "a_b@example.com"))), false);
        stores.users().create(user("u2", List.of(new Attribute("email", "axb@example.com"))), false);
        stores.users().create(user("u3", List.of(new Attribute("email", "a\\b@example.com"))), false);
        stores.users().create(user("u_4", List.of(new Attribute("email", "a%b@example.com"))), false);
        assertThat(usernames(Optional.of(new UserFilter("email", true, "a_")))).containsExactly("u1");
        assertThat(usernames(Optional.of(new UserFilter("email", true, "a\\")))).containsExactly("u3");
        assertThat(usernames(Optional.of(new UserFilter("email", true, "a%")))).containsExactly("u_4");
        assertThat(usernames(Optional.of(new UserFilter("username", true, "u_")))).containsExactly("u_4");
        assertThat(usernames(Optional.of(new UserFilter("email", false, "a_b@example.com")))).containsExactly("u1");
    }

    @Test
    void listWhenAttributePrefixDiffersInCaseOrOutrunsTheIndexedKeyThenTheMatchIsStillExact() {
        stores.pools().create(Fixtures.pool(POOL, T0));
        String longer = "y".repeat(Keys.VALUE_KEY_CODE_POINTS + 5);
        stores.users().create(user("u1", List.of(new Attribute("name", "Alice Smith"))), false);
        stores.users().create(user("u2", List.of(new Attribute("name", "alice jones"))), false);
        stores.users().create(user("u3", List.of(new Attribute("name", longer + "A"))), false);
        stores.users().create(user("u4", List.of(new Attribute("name", longer + "B"))), false);
        assertThat(usernames(Optional.of(new UserFilter("name", true, "Al")))).containsExactly("u1");
        assertThat(usernames(Optional.of(new UserFilter("name", true, "al")))).containsExactly("u2");
        assertThat(usernames(Optional.of(new UserFilter("name", true, longer)))).containsExactly("u3", "u4");
        assertThat(usernames(Optional.of(new UserFilter("name", true, longer + "B")))).containsExactly("u4");
        assertThat(usernames(Optional.of(new UserFilter("name", false, longer + "B")))).containsExactly("u4");
    }

    @Test
    void listWhenStatusFilterIsAPrefixThenItAdmitsEnabledDisabledOrBoth() {
        stores.pools().create(Fixtures.pool(POOL, T0));
        stores.users().create(Fixtures.user(POOL, "on", "on@example.com", T0), false);
        stores.users().create(Fixtures.user(POOL, "off", "off@example.com", T0).withEnabled(false, T0), false);
        assertThat(usernames(Optional.of(new UserFilter("status", true, "En")))).containsExactly("on");
        assertThat(usernames(Optional.of(new UserFilter("status", true, "Dis")))).containsExactly("off");
        assertThat(usernames(Optional.of(new UserFilter("status", true, "")))).containsExactly("off", "on");
        assertThat(usernames(Optional.of(new UserFilter("status", false, "enabled")))).isEmpty();
        assertThat(usernames(Optional.of(new UserFilter("cognito:user_status", true, "CONF"))))
                .containsExactly("off", "on");
    }

    @Test
    void listWhenUsernamesDifferInCaseThenTheyAreInCodePointOrder() {
        stores.pools().create(Fixtures.pool(POOL, T0));
        for (String name : List.of("bob", "Zed", "alice", "Bob", "émile", "_x")) {
            stores.users().create(Fixtures.user(POOL, name, name + "@example.com", T0), true);
        }
        List<String> inOrder = List.of("Bob", "Zed", "_x", "alice", "bob", "émile");
        assertThat(usernames(Optional.empty())).containsExactlyElementsOf(inOrder);
        // Page cursors compare in the same order as the listing sorts.
        List<String> paged = new ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
            Page<User> page = stores.users().list(POOL, Optional.empty(), 2, token);
            page.items().forEach(u -> paged.add(u.username()));
            token = page.nextToken();
        } while (token.isPresent());
        assertThat(paged).containsExactlyElementsOf(inOrder);
    }

    @Test
    void listWhenTheLastUserOfAPageIsDeletedThenTheNextPageStillFollowsOn() {
        stores.pools().create(Fixtures.pool(POOL, T0));
        for (String name : List.of("a", "b", "c", "d")) {
            stores.users().create(Fixtures.user(POOL, name, name + "@example.com", T0), false);
        }
        Page<User> first = stores.users().list(POOL, Optional.empty(), 2, Optional.empty());
        stores.users().delete(POOL, "b");
        Page<User> second = stores.users().list(POOL, Optional.empty(), 2, first.nextToken());
        assertThat(second.items()).extracting(User::username).containsExactly("c", "d");
        assertThat(second.nextToken()).isEmpty();
    }

    @Test
    void listWhenTokenIsWellFormedButNoCursorThenInvalidParameter() {
        Optional<String> token = Optional.of(PageTokens.encode("not a cursor"));
        assertThatThrownBy(() -> stores.pools().list(10, token))
                .isInstanceOf(CognitoException.InvalidParameterException.class)
                .hasMessage("Invalid pagination token.");
        assertThatThrownBy(() -> stores.clients().list(POOL, 10, token))
                .isInstanceOf(CognitoException.InvalidParameterException.class);
    }

    @Test
    void findWhenPoolAndClientHaveEverySettingThenTheyComeBackEqual() {
        UserPool pool = FullFixtures.pool(POOL, T0);
        UserPoolClient client = FullFixtures.client(POOL, "clientaaaaaaaaaaaaaaaaaaaa", T0);
        stores.pools().create(pool);
        stores.clients().create(client);
        assertThat(stores.pools().find(POOL)).contains(pool);
        assertThat(stores.clients().find(client.clientId())).contains(client);
        assertThat(stores.pools().list(10, Optional.empty()).items()).containsExactly(pool);
    }

    @Test
    void createWhenTimesHaveMicrosecondsThenUsersKeepMilliseconds() {
        stores.pools().create(Fixtures.pool(POOL, T0));
        Instant precise = T0.plusNanos(456_789);
        stores.users().create(Fixtures.user(POOL, "alice", "a@example.com", precise), false);
        User found = stores.users().find(POOL, "alice", false).orElseThrow();
        assertThat(found.createdAt()).isEqualTo(T0);
        assertThat(found.lastModifiedAt()).isEqualTo(T0);
    }

    @Test
    void migrateWhenRunAgainThenNothingChangesAndDataStays() {
        stores.pools().create(Fixtures.pool(POOL, T0));
        JdbcStores again = JdbcStores.create(dataSource);
        assertThat(again.pools().find(POOL)).isPresent();
    }

    @Test
    void updateWhenManyThreadsUpdateOneUserThenItHasExactlyOneWritersAttributes() throws Exception {
        stores.pools().create(Fixtures.pool(POOL, T0));
        User alice = Fixtures.user(POOL, "alice", "a@example.com", T0);
        stores.users().create(alice, false);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            String mark = "w" + w;
            writers.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 10; i++) {
                    stores.users().update(alice.withAttributes(List.of(new Attribute("sub", mark),
                            new Attribute("email", mark + "@example.com"), new Attribute("name", mark)), T0));
                }
            }));
        }
        for (Thread t : writers) {
            t.join();
        }
        User result = stores.users().find(POOL, "alice", false).orElseThrow();
        String mark = result.sub();
        assertThat(result.attributes()).containsExactly(new Attribute("sub", mark),
                new Attribute("email", mark + "@example.com"), new Attribute("name", mark));
    }
}
