package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.RunningTobira;
import dev.tobira.server.dev.DevPool;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The README's sign-up walkthrough with the real AWS CLI, and the same flow through boto3. */
class SignUpWithCliAndBoto3Test {

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

    private static JsonNode cli(String... args) {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", tobira.endpoint(), "--output", "json",
                "cognito-idp"));
        command.addAll(List.of(args));
        Processes.Result result = Processes.run(command, Processes.awsEnvironment("local", "local"));
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return result.stdout().isBlank() ? JSON.createObjectNode() : JSON.readTree(result.stdout());
    }

    @Test
    void signUpWhenTypedAsInTheReadmeThenTheEmailedCodeConfirmsTheUser() {
        JsonNode signedUp = cli("sign-up", "--client-id", DevPool.CLIENT_ID, "--username", "taro@example.com",
                "--password", "Passw0rd!", "--user-attributes", "Name=email,Value=taro@example.com");
        assertThat(signedUp.get("UserConfirmed").asBoolean()).isFalse();
        assertThat(signedUp.get("CodeDeliveryDetails").get("Destination").asString()).isEqualTo("t***@e***");

        String code = DevOutbox.latestCode(tobira.endpoint(), "taro@example.com", 6);
        JsonNode confirmed = cli("confirm-sign-up", "--client-id", DevPool.CLIENT_ID, "--username", "taro@example.com",
                "--confirmation-code", code);
        assertThat(confirmed.get("Session").asString()).isNotBlank();
        assertThat(cli("admin-get-user", "--user-pool-id", DevPool.poolId("us-east-1"), "--username",
                "taro@example.com").get("UserStatus").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void signUpWhenDrivenByBoto3ThenEveryCheckPasses() throws URISyntaxException {
        String script = Path.of(getClass().getResource("/interop/boto3_signup.py").toURI()).toString();
        Processes.Result result = Processes.run(List.of("python3", script, tobira.endpoint(),
                DevPool.poolId("us-east-1"), DevPool.CLIENT_ID), Map.of());
        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        assertThat(result.stdout()).contains("all checks passed");
    }
}
