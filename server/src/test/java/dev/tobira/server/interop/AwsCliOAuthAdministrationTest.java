package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.RunningTobira;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Resource servers, domains and client OAuth settings typed as a user types them, through the real AWS CLI. */
class AwsCliOAuthAdministrationTest {

    private static RunningTobira tobira;
    private static AwsCli aws;

    @BeforeAll
    static void start() {
        tobira = RunningTobira.devInMemory();
        aws = new AwsCli(tobira.endpoint());
    }

    @AfterAll
    static void stop() {
        tobira.close();
    }

    private static String newPool(String name) {
        return aws.ok("create-user-pool", "--pool-name", name).get("UserPool").get("Id").asString();
    }

    @Test
    void resourceServerCommandsWhenTypedThenTheWholeCycleWorksWithCognitosErrors() {
        String poolId = newPool("apis");
        // Not https://…: the AWS CLI v1 would fetch such a parameter value as a URL before sending it.
        JsonNode created = aws.ok("create-resource-server", "--user-pool-id", poolId, "--identifier",
                "api.example.com", "--name", "Orders API", "--scopes",
                "ScopeName=read,ScopeDescription=Read orders", "ScopeName=write,ScopeDescription=Write orders")
                .get("ResourceServer");
        assertThat(created.get("UserPoolId").asString()).isEqualTo(poolId);
        assertThat(created.get("Scopes").findValuesAsString("ScopeName")).containsExactly("read", "write");

        assertThat(aws.ok("describe-resource-server", "--user-pool-id", poolId, "--identifier",
                "api.example.com").get("ResourceServer")).isEqualTo(created);
        assertThat(aws.error("create-resource-server", "--user-pool-id", poolId, "--identifier",
                "api.example.com", "--name", "Again")).isEqualTo("An error occurred (InvalidParameterException) "
                + "when calling the CreateResourceServer operation: A resource server with identifier "
                + "api.example.com already exists in this user pool.");

        aws.ok("create-resource-server", "--user-pool-id", poolId, "--identifier", "billing", "--name", "Billing");
        JsonNode page = aws.ok("list-resource-servers", "--user-pool-id", poolId, "--max-results", "1",
                "--no-paginate");
        assertThat(page.get("ResourceServers").findValuesAsString("Identifier")).containsExactly("api.example.com");
        assertThat(page.get("NextToken")).isNotNull();
        // --page-size: the CLI follows NextToken page after page (it does not when --max-results is given).
        assertThat(aws.ok("list-resource-servers", "--user-pool-id", poolId, "--page-size", "1")
                .get("ResourceServers").findValuesAsString("Identifier"))
                .containsExactly("api.example.com", "billing");

        JsonNode updated = aws.ok("update-resource-server", "--user-pool-id", poolId, "--identifier",
                "api.example.com", "--name", "Orders", "--scopes", "ScopeName=read,ScopeDescription=Read")
                .get("ResourceServer");
        assertThat(updated.get("Scopes").findValuesAsString("ScopeName")).containsExactly("read");

        // A scope of a resource server can be allowed to a client; a removed one no longer can.
        assertThat(aws.error("create-user-pool-client", "--user-pool-id", poolId, "--client-name", "m",
                "--generate-secret", "--allowed-o-auth-flows", "client_credentials", "--allowed-o-auth-flows-user-pool-client",
                "--allowed-o-auth-scopes", "api.example.com/write")).isEqualTo("An error occurred "
                + "(ScopeDoesNotExistException) when calling the CreateUserPoolClient operation: Invalid scope requested: "
                + "api.example.com/write");
        JsonNode client = aws.ok("create-user-pool-client", "--user-pool-id", poolId, "--client-name", "m",
                "--generate-secret", "--allowed-o-auth-flows", "client_credentials",
                "--allowed-o-auth-flows-user-pool-client", "--allowed-o-auth-scopes", "api.example.com/read",
                "--supported-identity-providers", "COGNITO").get("UserPoolClient");
        assertThat(client.get("AllowedOAuthFlows").valueStream().map(JsonNode::asString))
                .containsExactly("client_credentials");
        assertThat(aws.error("create-user-pool-client", "--user-pool-id", poolId, "--client-name", "p",
                "--allowed-o-auth-flows", "client_credentials", "--allowed-o-auth-flows-user-pool-client",
                "--allowed-o-auth-scopes", "api.example.com/read")).isEqualTo("An error occurred "
                + "(InvalidOAuthFlowException) when calling the CreateUserPoolClient operation: client_credentials flow "
                + "can not be selected if client does not have a client secret.");

        aws.ok("delete-resource-server", "--user-pool-id", poolId, "--identifier", "api.example.com");
        assertThat(aws.error("describe-resource-server", "--user-pool-id", poolId, "--identifier",
                "api.example.com")).isEqualTo("An error occurred (ResourceNotFoundException) when calling the "
                + "DescribeResourceServer operation: Resource server api.example.com does not exist.");
    }

    @Test
    void domainCommandsWhenTypedThenTheWholeCycleWorksWithCognitosErrors() {
        String poolId = newPool("with-domain");
        String other = newPool("without-domain");
        assertThat(aws.ok("create-user-pool-domain", "--user-pool-id", poolId, "--domain", "my-shop"))
                .isEqualTo(aws.ok("update-user-pool-domain", "--user-pool-id", poolId, "--domain", "my-shop",
                        "--managed-login-version", "1"));
        JsonNode description = aws.ok("describe-user-pool-domain", "--domain", "my-shop").get("DomainDescription");
        assertThat(description.get("UserPoolId").asString()).isEqualTo(poolId);
        assertThat(description.get("Domain").asString()).isEqualTo("my-shop");
        assertThat(description.get("Status").asString()).isEqualTo("ACTIVE");
        assertThat(description.get("AWSAccountId").asString()).hasSize(12);
        assertThat(aws.ok("describe-user-pool", "--user-pool-id", poolId).get("UserPool").get("Domain").asString())
                .isEqualTo("my-shop");
        assertThat(aws.ok("describe-user-pool-domain", "--domain", "nobody-has-this").get("DomainDescription")
                .isEmpty()).isTrue();

        assertThat(aws.error("create-user-pool-domain", "--user-pool-id", other, "--domain", "my-shop"))
                .isEqualTo("An error occurred (InvalidParameterException) when calling the CreateUserPoolDomain "
                        + "operation: Domain already associated with another user pool.");
        assertThat(aws.error("create-user-pool-domain", "--user-pool-id", poolId, "--domain", "my-other-shop"))
                .isEqualTo("An error occurred (InvalidParameterException) when calling the CreateUserPoolDomain "
                        + "operation: User pool already has a domain configured.");
        assertThat(aws.error("create-user-pool-domain", "--user-pool-id", other, "--domain", "auth",
                "--custom-domain-config", "CertificateArn=arn:aws:acm:us-east-1:000000000000:certificate/abc"))
                .startsWith("An error occurred (UnsupportedOperationException) when calling the CreateUserPoolDomain "
                        + "operation: Tobira does not support custom domains (CustomDomainConfig)");
        assertThat(aws.error("delete-user-pool-domain", "--user-pool-id", other, "--domain", "my-shop"))
                .isEqualTo("An error occurred (InvalidParameterException) when calling the DeleteUserPoolDomain "
                        + "operation: No such domain or user pool exists.");

        aws.ok("delete-user-pool-domain", "--user-pool-id", poolId, "--domain", "my-shop");
        assertThat(aws.ok("describe-user-pool", "--user-pool-id", poolId).get("UserPool").has("Domain")).isFalse();
        aws.ok("create-user-pool-domain", "--user-pool-id", other, "--domain", "my-shop");
    }
}
