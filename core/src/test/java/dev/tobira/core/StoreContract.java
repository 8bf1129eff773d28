package dev.tobira.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.pool.UserPoolClientStore;
import dev.tobira.core.pool.UserPoolStore;
import dev.tobira.core.user.Attribute;
import dev.tobira.core.user.User;
import dev.tobira.core.user.UserFilter;
import dev.tobira.core.user.UserStatus;
import dev.tobira.core.user.UserStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every implementation of {@link UserPoolStore}, {@link UserPoolClientStore} and
 * {@link UserStore} must meet. Subclasses supply empty stores; the in-memory, H2 and PostgreSQL
 * implementations all run these same tests.
 */
public abstract class StoreContract {

    /** The three stores, empty and wired so that deleting a pool deletes its clients and users. */
    public record Stores(UserPoolStore pools, UserPoolClientStore clients, UserStore users) {}

    protected abstract Stores emptyStores();

    // Truncated to milliseconds: what every store must keep exactly.
    private static final Instant T0 = Instant.parse("2026-11-02T08:04:05.123Z");

    private UserPoolStore pools;
    private UserPoolClientStore clients;
    private UserStore users;

    @BeforeEach
    void setUpStores() {
        Stores stores = emptyStores();
        pools = stores.pools();
        clients = stores.clients();
        users = stores.users();
    }

    @Test
    void findWhenPoolCreatedThenReturnsEqualPool() {
        UserPool pool = Fixtures.pool("us-east-1_AAAAAAAAA", T0);
        pools.create(pool);
        assertThat(pools.find(pool.id())).contains(pool);
        assertThat(pools.find("us-east-1_missing")).isEmpty();
    }

    @Test
    void updateWhenPoolExistsThenReplacesItAndWhenMissingThenReturnsFalse() {
        UserPool pool = Fixtures.pool("us-east-1_AAAAAAAAA", T0);
        pools.create(pool);
        UserPool renamed = new UserPool(pool.id(), "renamed", pool.arn(), pool.policies(), "ACTIVE",
                pool.lambdaConfig(), pool.status(), T0.plusSeconds(60), pool.creationDate(), pool.schemaAttributes(),
                pool.autoVerifiedAttributes(), pool.aliasAttributes(), pool.usernameAttributes(),
                pool.smsVerificationMessage(), "Code {####}", "Subject", pool.verificationMessageTemplate(),
                pool.smsAuthenticationMessage(), pool.userAttributeUpdateSettings(), pool.mfaConfiguration(),
                pool.deviceConfiguration(), pool.emailConfiguration(), pool.smsConfiguration(), pool.userPoolTags(),
                pool.adminCreateUserConfig(), pool.userPoolAddOns(), pool.usernameConfiguration(),
                pool.accountRecoverySetting(), pool.userPoolTier(), pool.emailMfaConfiguration(), null, null);
        assertThat(pools.update(renamed)).isTrue();
        assertThat(pools.find(pool.id())).contains(renamed);
        assertThat(pools.update(Fixtures.pool("us-east-1_BBBBBBBBB", T0))).isFalse();
        assertThat(pools.find("us-east-1_BBBBBBBBB")).isEmpty();
    }

    @Test
    void listWhenMorePoolsThanPageThenPagesThroughAllInCreationOrder() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String id = "us-east-1_P" + i + "AAAAAAA";
            ids.add(id);
            pools.create(Fixtures.pool(id, T0.plusSeconds(i)));
        }
        List<String> seen = new ArrayList<>();
        Optional<String> token = Optional.empty();
        int pages = 0;
        do {
            Page<UserPool> page = pools.list(3, token);
            page.items().forEach(p -> seen.add(p.id()));
            token = page.nextToken();
            pages++;
        } while (token.isPresent());
        assertThat(seen).containsExactlyElementsOf(ids);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void deleteWhenPoolHasClientsAndUsersThenAllAreGone() {
        UserPool pool = Fixtures.pool("us-east-1_AAAAAAAAA", T0);
        pools.create(pool);
        clients.create(Fixtures.client(pool.id(), "client1aaaaaaaaaaaaaaaaaaa", T0));
        users.create(Fixtures.user(pool.id(), "alice", "alice@example.com", T0), false);
        assertThat(pools.delete(pool.id())).isTrue();
        assertThat(pools.find(pool.id())).isEmpty();
        assertThat(clients.find("client1aaaaaaaaaaaaaaaaaaa")).isEmpty();
        assertThat(users.find(pool.id(), "alice", false)).isEmpty();
        assertThat(users.count(pool.id())).isZero();
        assertThat(pools.delete(pool.id())).isFalse();
    }

    @Test
    void clientsWhenCreatedThenFoundByIdAndListedPerPool() {
        pools.create(Fixtures.pool("us-east-1_AAAAAAAAA", T0));
        pools.create(Fixtures.pool("us-east-1_BBBBBBBBB", T0));
        UserPoolClient a = Fixtures.client("us-east-1_AAAAAAAAA", "clientaaaaaaaaaaaaaaaaaaaa", T0);
        UserPoolClient b = Fixtures.client("us-east-1_AAAAAAAAA", "clientbbbbbbbbbbbbbbbbbbbb", T0.plusSeconds(1));
        UserPoolClient c = Fixtures.client("us-east-1_BBBBBBBBB", "clientcccccccccccccccccccc", T0);
        clients.create(a);
        clients.create(b);
        clients.create(c);
        assertThat(clients.find(a.clientId())).contains(a);
        Page<UserPoolClient> first = clients.list("us-east-1_AAAAAAAAA", 1, Optional.empty());
        assertThat(first.items()).containsExactly(a);
        Page<UserPoolClient> second = clients.list("us-east-1_AAAAAAAAA", 1, first.nextToken());
        assertThat(second.items()).containsExactly(b);
        assertThat(second.nextToken()).isEmpty();
    }

    @Test
    void clientsWhenUpdatedOrDeletedThenChangeOnlyInTheirPool() {
        pools.create(Fixtures.pool("us-east-1_AAAAAAAAA", T0));
        UserPoolClient a = Fixtures.client("us-east-1_AAAAAAAAA", "clientaaaaaaaaaaaaaaaaaaaa", T0);
        clients.create(a);
        UserPoolClient renamed = new UserPoolClient(a.userPoolId(), "renamed", a.clientId(), "secret", T0,
                a.creationDate(), 10, 5, 5, a.tokenValidityUnits(), List.of("email"), List.of("email"),
                List.of("ALLOW_USER_AUTH"), List.of("COGNITO"), List.of("https://example.com/cb"), List.of(),
                "https://example.com/cb", List.of("code"), List.of("openid"), true, "LEGACY", false, true, 15,
                new UserPoolClient.RefreshTokenRotation("ENABLED", 10));
        assertThat(clients.update(renamed)).isTrue();
        assertThat(clients.find(a.clientId())).contains(renamed);
        assertThat(clients.delete("us-east-1_BBBBBBBBB", a.clientId())).isFalse();
        assertThat(clients.delete("us-east-1_AAAAAAAAA", a.clientId())).isTrue();
        assertThat(clients.find(a.clientId())).isEmpty();
    }

    @Test
    void createWhenUsernameDiffersOnlyInCaseThenCaseInsensitivePoolRefusesIt() {
        pools.create(Fixtures.pool("us-east-1_AAAAAAAAA", T0));
        User alice = Fixtures.user("us-east-1_AAAAAAAAA", "Alice", "alice@example.com", T0);
        users.create(alice, false);
        assertThatThrownBy(() -> users.create(Fixtures.user("us-east-1_AAAAAAAAA", "ALICE", "x@example.com", T0), false))
                .isInstanceOf(CognitoException.UsernameExistsException.class);
        assertThat(users.find("us-east-1_AAAAAAAAA", "alice", false)).contains(alice);
        assertThat(users.count("us-east-1_AAAAAAAAA")).isEqualTo(1);
    }

    @Test
    void createWhenPoolIsCaseSensitiveThenUsernamesDifferingInCaseAreDistinct() {
        pools.create(Fixtures.pool("us-east-1_AAAAAAAAA", T0));
        users.create(Fixtures.user("us-east-1_AAAAAAAAA", "Bob", "b1@example.com", T0), true);
        users.create(Fixtures.user("us-east-1_AAAAAAAAA", "bob", "b2@example.com", T0), true);
        assertThat(users.find("us-east-1_AAAAAAAAA", "Bob", true).orElseThrow().attribute("email"))
                .contains("b1@example.com");
        assertThat(users.find("us-east-1_AAAAAAAAA", "bob", true).orElseThrow().attribute("email"))
                .contains("b2@example.com");
        assertThat(users.find("us-east-1_AAAAAAAAA", "BOB", true)).isEmpty();
    }

    @Test
    void findByAttributeWhenValuesMatchThenReturnsUsersIgnoringCaseUnlessAsked() {
        pools.create(Fixtures.pool("us-east-1_AAAAAAAAA", T0));
        users.create(Fixtures.user("us-east-1_AAAAAAAAA", "alice", "Alice@Example.com", T0), false);
        users.create(Fixtures.user("us-east-1_AAAAAAAAA", "bob", "bob@example.com", T0), false);
        assertThat(users.findByAttribute("us-east-1_AAAAAAAAA", "email", "alice@example.com", false))
                .extracting(User::username).containsExactly("alice");
        assertThat(users.findByAttribute("us-east-1_AAAAAAAAA", "email", "alice@example.com", true)).isEmpty();
        assertThat(users.findByAttribute("us-east-1_BBBBBBBBB", "email", "bob@example.com", false)).isEmpty();
    }

    @Test
    void updateWhenUserExistsThenAttributesStatusAndPasswordAreReplaced() {
        pools.create(Fixtures.pool("us-east-1_AAAAAAAAA", T0));
        User alice = Fixtures.user("us-east-1_AAAAAAAAA", "alice", "alice@example.com", T0);
        users.create(alice, false);
        User changed = alice.withAttributes(List.of(new Attribute("sub", "sub-alice"),
                        new Attribute("email", "new@example.com"), new Attribute("custom:team", "blue")),
                T0.plusSeconds(5))
                .withStatus(UserStatus.FORCE_CHANGE_PASSWORD, T0.plusSeconds(5))
                .withEnabled(false, T0.plusSeconds(5));
        assertThat(users.update(changed)).isTrue();
        assertThat(users.find("us-east-1_AAAAAAAAA", "alice", false)).contains(changed);
        assertThat(users.findByAttribute("us-east-1_AAAAAAAAA", "email", "alice@example.com", false)).isEmpty();
        assertThat(users.update(Fixtures.user("us-east-1_AAAAAAAAA", "nobody", "n@example.com", T0))).isFalse();
    }

    @Test
    void deleteWhenUserExistsThenGoneAndCountDrops() {
        pools.create(Fixtures.pool("us-east-1_AAAAAAAAA", T0));
        users.create(Fixtures.user("us-east-1_AAAAAAAAA", "alice", "alice@example.com", T0), false);
        users.create(Fixtures.user("us-east-1_AAAAAAAAA", "bob", "bob@example.com", T0), false);
        assertThat(users.delete("us-east-1_AAAAAAAAA", "alice")).isTrue();
        assertThat(users.delete("us-east-1_AAAAAAAAA", "alice")).isFalse();
        assertThat(users.count("us-east-1_AAAAAAAAA")).isEqualTo(1);
    }

    @Test
    void listWhenFilteredThenOnlyMatchingUsersInUsernameOrder() {
        pools.create(Fixtures.pool("us-east-1_AAAAAAAAA", T0));
        users.create(Fixtures.user("us-east-1_AAAAAAAAA", "carol", "carol@example.com", T0), false);
        users.create(Fixtures.user("us-east-1_AAAAAAAAA", "alice", "alice@example.com", T0), false);
        users.create(Fixtures.user("us-east-1_AAAAAAAAA", "albert", "albert@example.org", T0), false);
        User disabled = Fixtures.user("us-east-1_AAAAAAAAA", "dave", "dave@example.com", T0).withEnabled(false, T0);
        users.create(disabled, false);

        assertThat(users.list("us-east-1_AAAAAAAAA", Optional.empty(), 60, Optional.empty()).items())
                .extracting(User::username).containsExactly("albert", "alice", "carol", "dave");
        assertThat(users.list("us-east-1_AAAAAAAAA", Optional.of(new UserFilter("email", true, "al")), 60,
                Optional.empty()).items()).extracting(User::username).containsExactly("albert", "alice");
        assertThat(users.list("us-east-1_AAAAAAAAA", Optional.of(new UserFilter("email", false, "carol@example.com")),
                60, Optional.empty()).items()).extracting(User::username).containsExactly("carol");
        assertThat(users.list("us-east-1_AAAAAAAAA", Optional.of(new UserFilter("username", true, "al")), 60,
                Optional.empty()).items()).extracting(User::username).containsExactly("albert", "alice");
        assertThat(users.list("us-east-1_AAAAAAAAA", Optional.of(new UserFilter("status", false, "Disabled")), 60,
                Optional.empty()).items()).extracting(User::username).containsExactly("dave");
        assertThat(users.list("us-east-1_AAAAAAAAA", Optional.of(new UserFilter("cognito:user_status", false,
                "CONFIRMED")), 60, Optional.empty()).items()).hasSize(4);
        // A prefix filter treats LIKE's wildcards as plain characters.
        assertThat(users.list("us-east-1_AAAAAAAAA", Optional.of(new UserFilter("email", true, "%")), 60,
                Optional.empty()).items()).isEmpty();
    }

    @Test
    void listWhenPagedThenEveryUserExactlyOnce() {
        pools.create(Fixtures.pool("us-east-1_AAAAAAAAA", T0));
        for (int i = 0; i < 25; i++) {
            users.create(Fixtures.user("us-east-1_AAAAAAAAA", "user" + (100 + i), "u" + i + "@example.com", T0), false);
        }
        Set<String> seen = new HashSet<>();
        Optional<String> token = Optional.empty();
        do {
            Page<User> page = users.list("us-east-1_AAAAAAAAA", Optional.empty(), 10, token);
            page.items().forEach(u -> assertThat(seen.add(u.username())).isTrue());
            token = page.nextToken();
        } while (token.isPresent());
        assertThat(seen).hasSize(25);
    }

    @Test
    void listWhenTokenIsGarbageThenInvalidParameter() {
        assertThatThrownBy(() -> users.list("us-east-1_AAAAAAAAA", Optional.empty(), 10, Optional.of("%%%")))
                .isInstanceOf(CognitoException.InvalidParameterException.class);
    }

    @Test
    void createWhenManyThreadsRaceForOneUsernameThenExactlyOneWins() throws Exception {
        pools.create(Fixtures.pool("us-east-1_AAAAAAAAA", T0));
        ExecutorService executor = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String email = "racer" + i + "@example.com";
                attempts.add(() -> {
                    try {
                        users.create(Fixtures.user("us-east-1_AAAAAAAAA", "racer", email, T0), false);
                        return true;
                    } catch (CognitoException.UsernameExistsException e) {
                        return false;
                    }
                });
            }
            int wins = 0;
            for (Future<Boolean> f : executor.invokeAll(attempts)) {
                wins += f.get() ? 1 : 0;
            }
            assertThat(wins).isEqualTo(1);
            assertThat(users.count("us-east-1_AAAAAAAAA")).isEqualTo(1);
        } finally {
            executor.shutdownNow();
        }
    }
}
