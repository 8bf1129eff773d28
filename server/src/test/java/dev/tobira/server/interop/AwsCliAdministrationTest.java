package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.RunningTobira;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The administration calls typed as a user types them, through the real AWS CLI on this machine. */
class AwsCliAdministrationTest {

    private static RunningTobira tobira;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void start() {
        tobira = RunningTobira.devInMemory();
    }

    @AfterAll
    static void stop() {
        tobira.close();
    }

    private static Processes.Result aws(String... args) {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", tobira.endpoint(), "--output", "json",
                "cognito-idp"));
        command.addAll(List.of(args));
        return Processes.run(command, Processes.awsEnvironment("AKIDEXAMPLE", "any-secret"));
    }

    private static JsonNode ok(String... args) {
        Processes.Result result = aws(args);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return result.stdout().isBlank() ? JSON.createObjectNode() : JSON.readTree(result.stdout());
    }

    @Test
    void createUserPoolWhenTypedAsInTheReadmeThenTheWholeAdministrationCycleWorks() {
        JsonNode pool = ok("create-user-pool", "--pool-name", "demo").get("UserPool");
        String poolId = pool.get("Id").asString();
        assertThat(poolId).matches("us-east-1_[0-9a-zA-Z]{9}");
        assertThat(pool.get("Policies").get("PasswordPolicy").get("MinimumLength").asInt()).isEqualTo(8);

        assertThat(ok("describe-user-pool", "--user-pool-id", poolId).get("UserPool").get("Name").asString())
                .isEqualTo("demo");
        assertThat(ok("list-user-pools", "--max-results", "60").get("UserPools").findValuesAsString("Id"))
                .contains(poolId);

        JsonNode client = ok("create-user-pool-client", "--user-pool-id", poolId, "--client-name", "cli",
                "--explicit-auth-flows", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH",
                "--generate-secret").get("UserPoolClient");
        String clientId = client.get("ClientId").asString();
        assertThat(client.get("ClientSecret").asString()).hasSize(51);
        assertThat(ok("list-user-pool-clients", "--user-pool-id", poolId).get("UserPoolClients")
                .findValuesAsString("ClientId")).containsExactly(clientId);

        JsonNode user = ok("admin-create-user", "--user-pool-id", poolId, "--username", "dana",
                "--user-attributes", "Name=email,Value=dana@example.com", "Name=email_verified,Value=true",
                "--message-action", "SUPPRESS").get("User");
        assertThat(user.get("UserStatus").asString()).isEqualTo("FORCE_CHANGE_PASSWORD");
        ok("admin-set-user-password", "--user-pool-id", poolId, "--username", "dana", "--password",
                "Passw0rd!Passw0rd", "--permanent");
        JsonNode got = ok("admin-get-user", "--user-pool-id", poolId, "--username", "dana");
        assertThat(got.get("UserStatus").asString()).isEqualTo("CONFIRMED");
        assertThat(got.get("UserAttributes").findValuesAsString("Name")).contains("sub", "email");
        assertThat(ok("list-users", "--user-pool-id", poolId, "--filter", "email = \"dana@example.com\"")
                .get("Users").findValuesAsString("Username")).containsExactly("dana");

        ok("update-user-pool", "--user-pool-id", poolId, "--deletion-protection", "ACTIVE");
        Processes.Result refused = aws("delete-user-pool", "--user-pool-id", poolId);
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("InvalidParameterException");
        ok("update-user-pool", "--user-pool-id", poolId, "--deletion-protection", "INACTIVE");
        ok("admin-delete-user", "--user-pool-id", poolId, "--username", "dana");
        ok("delete-user-pool-client", "--user-pool-id", poolId, "--client-id", clientId);
        ok("delete-user-pool", "--user-pool-id", poolId);
        assertThat(ok("list-user-pools", "--max-results", "60").get("UserPools").findValuesAsString("Id"))
                .doesNotContain(poolId);
    }

    @Test
    void describeUserPoolWhenUnknownThenCliReportsResourceNotFound() {
        Processes.Result result = aws("describe-user-pool", "--user-pool-id", "us-east-1_nosuchone");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("(ResourceNotFoundException)")
                .contains("User pool us-east-1_nosuchone does not exist.");
    }

    @Test
    void describeUserPoolWhenDevPoolThenItIsReadyForBothSignInDesigns() {
        JsonNode pool = ok("describe-user-pool", "--user-pool-id", "us-east-1_TobiraDev").get("UserPool");
        assertThat(pool.get("LambdaConfig").get("DefineAuthChallenge").asString()).endsWith(":function:tobira-email-otp");
        assertThat(pool.get("Policies").get("SignInPolicy").get("AllowedFirstAuthFactors").toString())
                .contains("PASSWORD").contains("EMAIL_OTP");
        JsonNode client = ok("describe-user-pool-client", "--user-pool-id", "us-east-1_TobiraDev", "--client-id",
                "tobiradevclient00000000000").get("UserPoolClient");
        assertThat(client.get("ExplicitAuthFlows").toString())
                .contains("ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH", "ALLOW_USER_AUTH", "ALLOW_REFRESH_TOKEN_AUTH");
    }
}
