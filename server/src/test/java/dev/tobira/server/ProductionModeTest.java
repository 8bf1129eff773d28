package dev.tobira.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.server.interop.InteropScripts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;

/** Production mode: admin calls must carry a valid signature by the configured key, checked before any state is touched. */
class ProductionModeTest {

    @TempDir
    static Path dataDir;

    private static RunningTobira tobira;

    @BeforeAll
    static void start() {
        tobira = RunningTobira.production(dataDir);
    }

    @AfterAll
    static void stop() {
        tobira.close();
    }

    private static int poolCount() {
        try (CognitoIdentityProviderClient admin = tobira.client()) {
            return admin.listUserPools(b -> b.maxResults(60)).userPools().size();
        }
    }

    @Test
    void adminCallWhenSignedWithConfiguredKeyThenWorks() {
        try (CognitoIdentityProviderClient admin = tobira.client()) {
            int before = poolCount();
            admin.createUserPool(b -> b.poolName("prod-ok"));
            assertThat(poolCount()).isEqualTo(before + 1);
        }
    }

    @Test
    void adminCallWhenSecretIsWrongThenInvalidSignatureAndNothingChanges() {
        int before = poolCount();
        try (CognitoIdentityProviderClient wrong = tobira.client(RunningTobira.ADMIN_KEY_ID, "wrong-secret")) {
            assertThatThrownBy(() -> wrong.createUserPool(b -> b.poolName("prod-wrong-secret")))
                    .isInstanceOfSatisfying(CognitoIdentityProviderException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                        assertThat(e.statusCode()).isEqualTo(400);
                    });
        }
        assertThat(poolCount()).isEqualTo(before);
    }

    @Test
    void adminCallWhenKeyIsUnknownThenUnrecognizedClientAndNothingChanges() {
        int before = poolCount();
        try (CognitoIdentityProviderClient stranger = tobira.client("AKIDSTRANGER", RunningTobira.ADMIN_SECRET)) {
            assertThatThrownBy(() -> stranger.createUserPool(b -> b.poolName("prod-stranger")))
                    .isInstanceOfSatisfying(CognitoIdentityProviderException.class, e ->
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
        }
        assertThat(poolCount()).isEqualTo(before);
    }

    @Test
    void adminCallWhenUnsignedThenMissingAuthenticationTokenAndNothingChanges() throws Exception {
        int before = poolCount();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                .uri(URI.create(tobira.endpoint() + "/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.CreateUserPool")
                .POST(HttpRequest.BodyPublishers.ofString("{\"PoolName\":\"unsigned\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(
                "{\"__type\":\"MissingAuthenticationTokenException\",\"message\":\"Missing Authentication Token\"}");
        assertThat(poolCount()).isEqualTo(before);
    }

    @Test
    void adminCallWhenBoto3UsesRightOrWrongCredentialsThenAcceptedOrRefused() {
        InteropScripts.boto3Signed(tobira.endpoint(), RunningTobira.ADMIN_KEY_ID, RunningTobira.ADMIN_SECRET, "ok");
        int before = poolCount();
        InteropScripts.boto3Signed(tobira.endpoint(), RunningTobira.ADMIN_KEY_ID, "wrong", "InvalidSignatureException");
        InteropScripts.boto3Signed(tobira.endpoint(), "AKIDOTHER", RunningTobira.ADMIN_SECRET,
                "UnrecognizedClientException");
        assertThat(poolCount()).isEqualTo(before);
    }

    @Test
    void adminCreateUserWhenNoMailTransportConfiguredThenRefusedAndNoUserCreated() {
        try (CognitoIdentityProviderClient admin = tobira.client()) {
            String poolId = admin.createUserPool(b -> b.poolName("prod-mail")).userPool().id();
            assertThatThrownBy(() -> admin.adminCreateUser(b -> b.userPoolId(poolId).username("ivan")
                    .userAttributes(a -> a.name("email").value("ivan@example.com"))
                    .desiredDeliveryMediumsWithStrings("EMAIL")))
                    .isInstanceOfSatisfying(CognitoIdentityProviderException.class, e ->
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("CodeDeliveryFailureException"));
            assertThat(admin.listUsers(b -> b.userPoolId(poolId)).users()).isEmpty();
        }
    }

    @Test
    void startWhenSettingsMissingThenRefusesAndNamesThem() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        AtomicBoolean launched = new AtomicBoolean();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = TobiraCommand.run(settings -> launched.set(true), "start", "--db-url", "jdbc:h2:mem:x");
            assertThat(code).isEqualTo(2);
        } finally {
            System.setErr(original);
        }
        assertThat(launched).isFalse();
        String message = captured.toString(StandardCharsets.UTF_8);
        assertThat(message).contains("TOBIRA_ISSUER_URL", "TOBIRA_ADMIN_ACCESS_KEY_ID",
                "TOBIRA_ADMIN_SECRET_ACCESS_KEY").doesNotContain("TOBIRA_DB_URL");
    }
}
