package dev.tobira.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.ResourceNotFoundException;
import dev.tobira.core.oauth.ResourceServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CreateResourceServer, DescribeResourceServer, ListResourceServers, UpdateResourceServer, DeleteResourceServer. */
class ResourceServerOperationsTest {

    private final OAuthFixtures f = new OAuthFixtures();

    private ResourceServer describe(String identifier) {
        return new DescribeResourceServer(f.t.services)
                .handle(new DescribeResourceServer.Request(f.poolId, identifier)).resourceServer();
    }

    @Test
    void createWhenNewThenDescribedAsCreatedWithFullScopeNames() {
        ResourceServer created = f.resourceServer("https://api.example.com", "read", "write");
        assertThat(describe("https://api.example.com")).isEqualTo(created);
        assertThat(created.scopeNames()).containsExactly("https://api.example.com/read", "https://api.example.com/write");
        assertThat(created.scopes().getFirst().scopeDescription()).isEqualTo("the read scope");
    }

    @Test
    void createWhenIdentifierExistsInThePoolThenInvalidParameter() {
        f.resourceServer("orders", "read");
        assertThatThrownBy(() -> f.resourceServer("orders", "write"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("A resource server with identifier orders already exists in this user pool.");
    }

    @Test
    void createWhenScopeNameRepeatedThenInvalidParameter() {
        assertThatThrownBy(() -> f.resourceServer("orders", "read", "read"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Duplicate scope name read.");
    }

    @Test
    void createWhenPoolMissingThenResourceNotFound() {
        assertThatThrownBy(() -> new CreateResourceServer(f.t.services).handle(
                new CreateResourceServer.Request("us-east-1_missing00", "orders", "Orders", List.of())))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("User pool us-east-1_missing00 does not exist.");
    }

    @Test
    void describeWhenMissingThenResourceNotFound() {
        assertThatThrownBy(() -> describe("nothing"))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("Resource server nothing does not exist.");
    }

    @Test
    void listWhenMoreThanAPageThenPagesInIdentifierOrder() {
        f.resourceServer("c", "x");
        f.resourceServer("a", "x");
        f.resourceServer("b", "x");
        ListResourceServers list = new ListResourceServers(f.t.services);
        ListResourceServers.Response first = list.handle(new ListResourceServers.Request(f.poolId, 2, null));
        assertThat(first.resourceServers()).extracting(ResourceServer::identifier).containsExactly("a", "b");
        ListResourceServers.Response second =
                list.handle(new ListResourceServers.Request(f.poolId, 2, first.nextToken()));
        assertThat(second.resourceServers()).extracting(ResourceServer::identifier).containsExactly("c");
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void updateWhenScopesLeftOutThenTheyAreRemoved() {
        f.resourceServer("orders", "read", "write");
        ResourceServer updated = new UpdateResourceServer(f.t.services).handle(new UpdateResourceServer.Request(
                f.poolId, "orders", "Orders v2", List.of(new ResourceServer.Scope("read", "Read")))).resourceServer();
        assertThat(describe("orders")).isEqualTo(updated);
        assertThat(updated.name()).isEqualTo("Orders v2");
        assertThat(updated.scopeNames()).containsExactly("orders/read");
    }

    @Test
    void updateWhenMissingThenResourceNotFound() {
        assertThatThrownBy(() -> new UpdateResourceServer(f.t.services).handle(
                new UpdateResourceServer.Request(f.poolId, "orders", "Orders", List.of())))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("Resource server orders does not exist.");
    }

    @Test
    void deleteWhenExistsThenGoneAndWhenMissingThenResourceNotFound() {
        f.resourceServer("orders", "read");
        DeleteResourceServer delete = new DeleteResourceServer(f.t.services);
        delete.handle(new DeleteResourceServer.Request(f.poolId, "orders"));
        assertThatThrownBy(() -> describe("orders")).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> delete.handle(new DeleteResourceServer.Request(f.poolId, "orders")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("Resource server orders does not exist.");
    }

    @Test
    void deleteUserPoolWhenItHasResourceServersThenTheyGoWithIt() {
        f.resourceServer("orders", "read");
        new DeleteUserPool(f.t.services).handle(new DeleteUserPool.Request(f.poolId));
        assertThat(f.t.services.resourceServers().find(f.poolId, "orders")).isEmpty();
    }
}
