package dev.tobira.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.core.oauth.ResourceServer;
import dev.tobira.core.oauth.ResourceServerStore;
import dev.tobira.core.oauth.UserPoolDomain;
import dev.tobira.core.oauth.UserPoolDomainStore;
import dev.tobira.core.oauth.UserPoolDomainStore.Created;
import dev.tobira.core.pool.UserPoolStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every implementation of {@link ResourceServerStore} and {@link UserPoolDomainStore} must
 * meet; the in-memory, H2 and PostgreSQL implementations all run these same tests.
 */
public abstract class OAuthStoreContract {

    /** Empty stores over one database; the pool store is there because the OAuth records belong to pools. */
    public record Stores(UserPoolStore pools, ResourceServerStore resourceServers, UserPoolDomainStore domains) {}

    protected abstract Stores emptyStores();

    private static final Instant T0 = Instant.parse("2026-11-02T08:04:05.123Z");
    private static final String POOL = "us-east-1_AAAAAAAAA";
    private static final String OTHER = "us-east-1_BBBBBBBBB";

    private ResourceServerStore servers;
    private UserPoolDomainStore domains;

    @BeforeEach
    void setUpStores() {
        Stores stores = emptyStores();
        stores.pools().create(Fixtures.pool(POOL, T0));
        stores.pools().create(Fixtures.pool(OTHER, T0));
        servers = stores.resourceServers();
        domains = stores.domains();
    }

    private static ResourceServer server(String pool, String identifier, String... scopes) {
        return new ResourceServer(pool, identifier, "API " + identifier, java.util.Arrays.stream(scopes)
                .map(s -> new ResourceServer.Scope(s, "Lets you " + s)).toList());
    }

    @Test
    void createWhenNewThenFoundEqualAndWhenIdentifierTakenInThePoolThenFalse() {
        ResourceServer orders = server(POOL, "https://api.example.com/orders", "read", "write");
        assertThat(servers.create(orders)).isTrue();
        assertThat(servers.find(POOL, orders.identifier())).contains(orders);
        assertThat(servers.create(server(POOL, orders.identifier(), "other"))).isFalse();
        assertThat(servers.find(POOL, orders.identifier())).contains(orders);
        assertThat(servers.create(server(OTHER, orders.identifier()))).isTrue();
        assertThat(servers.find(OTHER, orders.identifier()).orElseThrow().scopes()).isEmpty();
    }

    @Test
    void updateWhenExistsThenReplacedAndWhenMissingThenFalse() {
        servers.create(server(POOL, "orders", "read"));
        ResourceServer changed = server(POOL, "orders", "write");
        assertThat(servers.update(changed)).isTrue();
        assertThat(servers.find(POOL, "orders")).contains(changed);
        assertThat(servers.update(server(OTHER, "orders"))).isFalse();
        assertThat(servers.find(OTHER, "orders")).isEmpty();
    }

    @Test
    void deleteWhenExistsThenGoneAndWhenMissingThenFalse() {
        servers.create(server(POOL, "orders", "read"));
        assertThat(servers.delete(OTHER, "orders")).isFalse();
        assertThat(servers.delete(POOL, "orders")).isTrue();
        assertThat(servers.find(POOL, "orders")).isEmpty();
        assertThat(servers.delete(POOL, "orders")).isFalse();
    }

    @Test
    void listWhenPagedThenEveryServerOfThePoolOnceInIdentifierOrder() {
        for (String id : List.of("b", "a", "https://x", "c", "B")) {
            servers.create(server(POOL, id, "s"));
        }
        servers.create(server(OTHER, "z", "s"));
        List<String> seen = new java.util.ArrayList<>();
        Optional<String> next = Optional.empty();
        do {
            Page<ResourceServer> page = servers.list(POOL, 2, next);
            page.items().forEach(s -> seen.add(s.identifier()));
            next = page.nextToken();
        } while (next.isPresent());
        assertThat(seen).containsExactly("B", "a", "b", "c", "https://x");
    }

    @Test
    void deleteAllWhenPoolHasServersThenOnlyThatPoolsGo() {
        servers.create(server(POOL, "a", "s"));
        servers.create(server(OTHER, "a", "s"));
        servers.deleteAll(POOL);
        assertThat(servers.find(POOL, "a")).isEmpty();
        assertThat(servers.find(OTHER, "a")).isPresent();
    }

    @Test
    void createDomainWhenFreeThenFoundByNameAndByPool() {
        UserPoolDomain shop = new UserPoolDomain("shop", POOL, 1, T0);
        assertThat(domains.create(shop)).isEqualTo(Created.CREATED);
        assertThat(domains.find("shop")).contains(shop);
        assertThat(domains.findByPool(POOL)).contains(shop);
        assertThat(domains.findByPool(OTHER)).isEmpty();
        assertThat(domains.find("other")).isEmpty();
    }

    @Test
    void createDomainWhenNameTakenOrPoolHasOneThenRefusedAndNothingChanges() {
        UserPoolDomain shop = new UserPoolDomain("shop", POOL, 1, T0);
        domains.create(shop);
        assertThat(domains.create(new UserPoolDomain("shop", OTHER, 2, T0))).isEqualTo(Created.DOMAIN_TAKEN);
        assertThat(domains.create(new UserPoolDomain("shop-2", POOL, 2, T0))).isEqualTo(Created.POOL_HAS_DOMAIN);
        assertThat(domains.find("shop")).contains(shop);
        assertThat(domains.find("shop-2")).isEmpty();
        assertThat(domains.findByPool(OTHER)).isEmpty();
    }

    @Test
    void createDomainWhenTwoPoolsRaceForTheNameThenExactlyOneGetsIt() throws Exception {
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Created>> results = List.of(POOL, OTHER).stream()
                    .map(pool -> threads.submit(() -> {
                        start.await();
                        return domains.create(new UserPoolDomain("contested", pool, 1, T0));
                    }))
                    .toList();
            start.countDown();
            List<Created> outcomes = new java.util.ArrayList<>();
            for (var result : results) {
                outcomes.add(result.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(outcomes).containsExactlyInAnyOrder(Created.CREATED, Created.DOMAIN_TAKEN);
            String winner = domains.find("contested").orElseThrow().userPoolId();
            assertThat(domains.findByPool(winner.equals(POOL) ? OTHER : POOL)).isEmpty();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void updateDomainWhenExistsThenNewVersionAndWhenMissingThenFalse() {
        UserPoolDomain shop = new UserPoolDomain("shop", POOL, 1, T0);
        domains.create(shop);
        assertThat(domains.update(shop.withManagedLoginVersion(2))).isTrue();
        assertThat(domains.find("shop")).contains(shop.withManagedLoginVersion(2));
        assertThat(domains.update(new UserPoolDomain("nope", POOL, 2, T0))).isFalse();
    }

    @Test
    void deleteDomainWhenPoolDiffersThenFalseAndWhenOwnThenNameIsFree() {
        domains.create(new UserPoolDomain("shop", POOL, 1, T0));
        assertThat(domains.delete(OTHER, "shop")).isFalse();
        assertThat(domains.delete(POOL, "shop")).isTrue();
        assertThat(domains.find("shop")).isEmpty();
        assertThat(domains.create(new UserPoolDomain("shop", OTHER, 1, T0))).isEqualTo(Created.CREATED);
        domains.deleteAll(OTHER);
        assertThat(domains.findByPool(OTHER)).isEmpty();
    }
}
