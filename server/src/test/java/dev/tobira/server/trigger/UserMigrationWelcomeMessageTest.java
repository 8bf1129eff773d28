package dev.tobira.server.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.RunningTobira;
import dev.tobira.server.config.Settings;
import dev.tobira.server.interop.DevOutbox;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import tools.jackson.databind.JsonNode;

/**
 * The welcome message of a user a UserMigration function (a Java class written against
 * aws-lambda-java-events) brings in on sign-in with the AWS SDK for Java v2: it lands in the dev outbox
 * by the medium the function asked for, unless the function answers {@code messageAction} SUPPRESS.
 */
class UserMigrationWelcomeMessageTest {

    private static RunningTobira tobira;
    private static CognitoIdentityProviderClient cognito;
    private static String clientId;

    @BeforeAll
    static void start() {
        tobira = RunningTobira.devInMemory(new Settings.Triggers(Map.of("welcoming-directory",
                TestHandlers.WelcomingMigration.class.getName()), List.of(), Optional.empty()));
        cognito = tobira.client();
        String poolId = cognito.createUserPool(b -> b.poolName("migrating").lambdaConfig(l -> l.userMigration(
                "arn:aws:lambda:us-east-1:123456789012:function:welcoming-directory"))).userPool().id();
        clientId = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("app")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
    }

    @AfterAll
    static void stop() {
        if (tobira != null) {
            cognito.close();
            tobira.close();
        }
    }

    private static void signIn(String username, Map<String, String> clientMetadata) {
        assertThat(cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", "Legacy-Passw0rd!"))
                .clientMetadata(clientMetadata)).authenticationResult().accessToken()).isNotBlank();
    }

    @Test
    @DisplayName("messageAction absent, desiredDeliveryMediums EMAIL: the welcome email is in the outbox")
    void signInWhenMigratedWithoutSuppressThenWelcomeEmailInOutbox() {
        signIn("ada", Map.of());

        JsonNode welcome = DevOutbox.newest(tobira.endpoint(), "ada@example.com");
        assertThat(welcome.path("channel").asString()).isEqualTo("EMAIL");
        assertThat(welcome.path("subject").asString()).isEqualTo("Welcome");
        assertThat(welcome.path("body").asString()).isEqualTo("Welcome. Your username is ada.")
                .doesNotContain("Legacy-Passw0rd!");
        assertThat(DevOutbox.count(tobira.endpoint(), "ada@example.com")).isEqualTo(1);
    }

    @Test
    @DisplayName("messageAction SUPPRESS: the user is migrated and signed in, and nothing is sent")
    void signInWhenMigratedWithSuppressThenOutboxEmpty() {
        signIn("bob", Map.of("messageAction", "SUPPRESS"));

        assertThat(DevOutbox.count(tobira.endpoint(), "bob@example.com")).isZero();
    }
}
