package dev.tobira.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.ResourceNotFoundException;
import dev.tobira.core.CognitoException.UnsupportedOperationException;
import org.junit.jupiter.api.Test;

/** CreateUserPoolDomain, DescribeUserPoolDomain, UpdateUserPoolDomain, DeleteUserPoolDomain, and Domain in DescribeUserPool. */
class UserPoolDomainOperationsTest {

    private final OAuthFixtures f = new OAuthFixtures();

    private DescribeUserPoolDomain.DomainDescription describe(String domain) {
        return new DescribeUserPoolDomain(f.t.services).handle(new DescribeUserPoolDomain.Request(domain))
                .domainDescription();
    }

    private String poolDomain() {
        return new DescribeUserPool(f.t.services).handle(new DescribeUserPool.Request(f.poolId)).userPool().domain();
    }

    @Test
    void createWhenFreeThenDescribedAndShownInDescribeUserPool() {
        CreateUserPoolDomain.Response created = new CreateUserPoolDomain(f.t.services)
                .handle(new CreateUserPoolDomain.Request("my-app", f.poolId, null, null));
        assertThat(created).isEqualTo(new CreateUserPoolDomain.Response(1, null));
        assertThat(describe("my-app")).isEqualTo(
                new DescribeUserPoolDomain.DomainDescription(f.poolId, "000000000000", "my-app", "ACTIVE", 1));
        assertThat(poolDomain()).isEqualTo("my-app");
    }

    @Test
    void describeWhenDomainMissingThenEmptyDescription() {
        assertThat(describe("nobody")).isEqualTo(new DescribeUserPoolDomain.DomainDescription(null, null, null, null,
                null));
        assertThat(poolDomain()).isNull();
    }

    @Test
    void createWhenDomainTakenByAnotherPoolThenInvalidParameter() {
        f.domain("my-app");
        String second = f.newPool("q");
        assertThatThrownBy(() -> new CreateUserPoolDomain(f.t.services)
                .handle(new CreateUserPoolDomain.Request("my-app", second, null, null)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Domain already associated with another user pool.");
    }

    @Test
    void createWhenPoolHasADomainThenInvalidParameter() {
        f.domain("my-app");
        assertThatThrownBy(() -> f.domain("my-other-app"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("User pool already has a domain configured.");
    }

    @Test
    void createWhenCustomDomainConfigGivenThenRefusedClearly() {
        assertThatThrownBy(() -> new CreateUserPoolDomain(f.t.services).handle(new CreateUserPoolDomain.Request(
                "auth", f.poolId, null, new UserPoolDomains.CustomDomainConfig(
                        "arn:aws:acm:us-east-1:000000000000:certificate/abc"))))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageStartingWith("Tobira does not support custom domains (CustomDomainConfig)");
        assertThat(describe("auth").domain()).isNull();
    }

    @Test
    void createWhenManagedLoginVersionOutOfRangeThenInvalidParameter() {
        assertThatThrownBy(() -> new CreateUserPoolDomain(f.t.services)
                .handle(new CreateUserPoolDomain.Request("my-app", f.poolId, 3, null)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("ManagedLoginVersion must be 1 or 2.");
    }

    @Test
    void createWhenPoolMissingThenResourceNotFound() {
        assertThatThrownBy(() -> new CreateUserPoolDomain(f.t.services)
                .handle(new CreateUserPoolDomain.Request("my-app", "us-east-1_missing00", null, null)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("User pool us-east-1_missing00 does not exist.");
    }

    @Test
    void updateWhenManagedLoginVersionGivenThenStored() {
        f.domain("my-app");
        CreateUserPoolDomain.Response updated = new UpdateUserPoolDomain(f.t.services)
                .handle(new UpdateUserPoolDomain.Request("my-app", f.poolId, 2, null));
        assertThat(updated.managedLoginVersion()).isEqualTo(2);
        assertThat(describe("my-app").managedLoginVersion()).isEqualTo(2);
    }

    @Test
    void updateWhenDomainIsAnotherPoolsOrMissingThenInvalidParameter() {
        assertThatThrownBy(() -> new UpdateUserPoolDomain(f.t.services)
                .handle(new UpdateUserPoolDomain.Request("my-app", f.poolId, 2, null)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("No such domain or user pool exists.");
    }

    @Test
    void deleteWhenDomainExistsThenFreeAgainAndWhenMissingThenInvalidParameter() {
        f.domain("my-app");
        DeleteUserPoolDomain delete = new DeleteUserPoolDomain(f.t.services);
        delete.handle(new DeleteUserPoolDomain.Request("my-app", f.poolId));
        assertThat(poolDomain()).isNull();
        assertThat(describe("my-app").domain()).isNull();
        assertThatThrownBy(() -> delete.handle(new DeleteUserPoolDomain.Request("my-app", f.poolId)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("No such domain or user pool exists.");
        f.domain("my-app");
    }

    @Test
    void deleteUserPoolWhenItHasADomainThenTheNameIsFree() {
        f.domain("my-app");
        new DeleteUserPool(f.t.services).handle(new DeleteUserPool.Request(f.poolId));
        assertThat(describe("my-app").domain()).isNull();
    }
}
