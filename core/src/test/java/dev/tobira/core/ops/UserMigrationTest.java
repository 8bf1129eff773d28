package dev.tobira.core.ops;

import static dev.tobira.core.ops.TriggerPool.ARN;
import static dev.tobira.core.ops.TriggerPool.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.core.CognitoException.AliasExistsException;
import dev.tobira.core.CognitoException.InvalidLambdaResponseException;
import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.CognitoException.PasswordResetRequiredException;
import dev.tobira.core.CognitoException.UserNotFoundException;
import dev.tobira.core.message.Message;
import dev.tobira.core.user.Attribute;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The UserMigration trigger on sign-in with a password and on ForgotPassword. */
class UserMigrationTest {

    private static final String FUNCTION = ARN + "userMigration";
    private static final String LEGACY_PASSWORD = "Legacy-Passw0rd!";

    private final TriggerPool p = new TriggerPool(TriggerPool.lambdaConfig("userMigration"));

    /** The legacy directory: knows "ada" with one password. */
    UserMigrationTest() {
        p.functions.put(FUNCTION, event -> {
            Map<String, Object> request = request(event);
            boolean known = "ada".equals(event.get("userName"));
            boolean forgot = "UserMigration_ForgotPassword".equals(event.get("triggerSource"));
            if (!known || !forgot && !LEGACY_PASSWORD.equals(request.get("password"))) {
                return Map.of();
            }
            Map<String, Object> response = new HashMap<>();
            response.put("userAttributes", Map.of("email", "ada@example.com", "email_verified", "true",
                    "sub", "legacy-id"));
            response.put("messageAction", "SUPPRESS");
            if (!forgot) {
                response.put("finalUserStatus", "CONFIRMED");
            }
            return response;
        });
    }

    private AdminGetUser.Response user(String username) {
        return new AdminGetUser(p.t.services).handle(new AdminGetUser.Request(p.poolId, username));
    }

    @Test
    @DisplayName("UserMigration_Authentication gets the password, validationData and clientMetadata and null "
            + "response members; the migrated user is CONFIRMED with that password, and signs in at once")
    void signInWhenFunctionKnowsTheUserThenMigratedWithThePasswordAndSignedIn() {
        AuthResponse response = p.adminSignIn("ada", LEGACY_PASSWORD, Map.of("app", "web"));

        assertThat(response.authenticationResult().accessToken()).isNotBlank();
        Map<String, Object> event = p.events("UserMigration_Authentication").getFirst();
        assertThat(event).containsEntry("userName", "ada");
        assertThat(request(event)).containsEntry("password", LEGACY_PASSWORD)
                .containsEntry("validationData", Map.of("app", "web"))
                .containsEntry("clientMetadata", Map.of("app", "web"));
        Map<String, Object> nulls = new HashMap<>();
        for (String m : new String[] {"userAttributes", "finalUserStatus", "messageAction", "desiredDeliveryMediums",
                "forceAliasCreation", "enableSMSMFA"}) {
            nulls.put(m, null);
        }
        assertThat(event.get("response")).isEqualTo(nulls);
        assertThat(user("ada").userStatus()).isEqualTo("CONFIRMED");
        assertThat(user("ada").userAttributes()).contains(new Attribute("email", "ada@example.com"))
                .doesNotContain(new Attribute("sub", "legacy-id"));
        p.events.clear();
        assertThat(p.signIn("ada", LEGACY_PASSWORD).authenticationResult()).isNotNull();
        assertThat(p.events).isEmpty();
        assertThatThrownBy(() -> p.signIn("ada", "Other-Passw0rd!")).isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void signInWhenFunctionDoesNotKnowTheUserThenUserNotFoundAndNoUser() {
        assertThatThrownBy(() -> p.signIn("bob", LEGACY_PASSWORD)).isInstanceOf(UserNotFoundException.class);
        assertThatThrownBy(() -> p.signIn("ada", "Wrong-Passw0rd!")).isInstanceOf(UserNotFoundException.class);
        assertThatThrownBy(() -> user("ada")).isInstanceOf(UserNotFoundException.class);
    }

    @Test
    void signInWhenFunctionSaysResetRequiredThenPasswordResetRequired() {
        p.functions.put(FUNCTION, event -> Map.of("userAttributes", Map.of("email", "ada@example.com",
                "email_verified", "true"), "finalUserStatus", "RESET_REQUIRED"));

        assertThatThrownBy(() -> p.signIn("ada", LEGACY_PASSWORD)).isInstanceOf(PasswordResetRequiredException.class)
                .hasMessage("Password reset required for the user");
        assertThat(user("ada").userStatus()).isEqualTo("RESET_REQUIRED");
    }

    @Test
    void signInWhenFunctionAnswersAnUnknownStatusThenInvalidLambdaResponse() {
        p.functions.put(FUNCTION, event -> Map.of("userAttributes", Map.of("email", "ada@example.com"),
                "finalUserStatus", "ACTIVE"));

        assertThatThrownBy(() -> p.signIn("ada", LEGACY_PASSWORD)).isInstanceOf(InvalidLambdaResponseException.class);
    }

    @Test
    @DisplayName("UserMigration_ForgotPassword brings the user in as RESET_REQUIRED, and the reset code is sent")
    void forgotPasswordWhenFunctionKnowsTheUserThenMigratedAndCodeSent() {
        new ForgotPassword(p.t.services).handle(new ForgotPassword.Request(p.clientId, null, "ada", null));

        assertThat(request(p.events("UserMigration_ForgotPassword").getFirst())).doesNotContainKey("password");
        assertThat(user("ada").userStatus()).isEqualTo("RESET_REQUIRED");
        assertThat(p.t.sent.getLast().to()).isEqualTo("ada@example.com");
    }

    /** A pool with an email alias and this class's UserMigration function; "eve" already holds ada's email, verified. */
    private String[] aliasPool() {
        String pool = new CreateUserPool(p.t.services).handle(new CreateUserPool.Request("aliases", null, null,
                TriggerPool.lambdaConfig("userMigration"), List.of("email"), List.of("email"), null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null)).userPool().id();
        String client = new CreateUserPoolClient(p.t.services).handle(new CreateUserPoolClient.Request(pool, "c", null,
                null, null, null, null, null, null, null, List.of("ALLOW_USER_PASSWORD_AUTH"), null, null, null, null,
                null, null, null, null, null, null, null, null, null)).userPoolClient().clientId();
        new AdminCreateUser(p.t.services).handle(new AdminCreateUser.Request(pool, "eve",
                List.of(new Attribute("email", "ada@example.com"), new Attribute("email_verified", "true")), null,
                "Temp-Passw0rd!", null, "SUPPRESS", null, null));
        return new String[] {pool, client};
    }

    private void migrateAda(String client) {
        new InitiateAuth(p.t.services).handle(new InitiateAuth.Request("USER_PASSWORD_AUTH",
                Map.of("USERNAME", "ada", "PASSWORD", LEGACY_PASSWORD), null, client, null, null, null));
    }

    @Test
    @DisplayName("forceAliasCreation absent: a verified email another user holds as an alias refuses the migration "
            + "with AliasExistsException, and no user is made")
    void signInWhenMigratedEmailIsAnotherUsersAliasThenAliasExistsAndNoUser() {
        String[] pool = aliasPool();

        assertThatThrownBy(() -> migrateAda(pool[1])).isInstanceOf(AliasExistsException.class)
                .hasMessage("An account with the email already exists.");
        assertThatThrownBy(() -> new AdminGetUser(p.t.services).handle(new AdminGetUser.Request(pool[0], "ada")))
                .isInstanceOf(UserNotFoundException.class);
    }

    @Test
    @DisplayName("forceAliasCreation true: the alias moves to the migrated user; the old holder keeps the email, unverified")
    void signInWhenForceAliasCreationThenAliasMovesToTheMigratedUser() {
        UnaryOperator<Map<String, Object>> legacy = p.functions.get(FUNCTION);
        p.functions.put(FUNCTION, event -> {
            Map<String, Object> answer = new HashMap<>(legacy.apply(event));
            answer.put("forceAliasCreation", true);
            return answer;
        });
        String[] pool = aliasPool();

        migrateAda(pool[1]);

        AdminGetUser.Response eve = new AdminGetUser(p.t.services).handle(new AdminGetUser.Request(pool[0], "eve"));
        assertThat(eve.userAttributes()).contains(new Attribute("email", "ada@example.com"),
                new Attribute("email_verified", "false"));
        AdminGetUser.Response ada = new AdminGetUser(p.t.services).handle(
                new AdminGetUser.Request(pool[0], "ada@example.com"));
        assertThat(ada.username()).isEqualTo("ada");
    }

    /** The legacy function answering ada's sign-in with {@code response} besides her attributes. */
    private void migrateAnswering(TriggerPool pool, Map<String, Object> response) {
        pool.functions.put(FUNCTION, event -> {
            Map<String, Object> answer = new HashMap<>(response);
            answer.put("userAttributes", Map.of("email", "ada@example.com", "email_verified", "true",
                    "phone_number", "+15555550100"));
            return answer;
        });
    }

    @Test
    @DisplayName("messageAction absent: the welcome message is sent, by SMS when desiredDeliveryMediums is absent; "
            + "it names the user and never carries her password")
    void signInWhenMessageActionAbsentThenWelcomeSmsSent() {
        migrateAnswering(p, Map.of("finalUserStatus", "CONFIRMED"));

        p.signIn("ada", LEGACY_PASSWORD);

        assertThat(p.t.sent).singleElement().satisfies(m -> {
            assertThat(m.channel()).isEqualTo(Message.Channel.SMS);
            assertThat(m.to()).isEqualTo("+15555550100");
            assertThat(m.body()).isEqualTo("Welcome. Your username is ada.");
        });
    }

    @Test
    @DisplayName("desiredDeliveryMediums EMAIL (and a ForgotPassword migration, RESET_REQUIRED): the welcome email "
            + "is sent, then the reset code")
    void forgotPasswordWhenDesiredDeliveryMediumsEmailThenWelcomeEmailThenCode() {
        migrateAnswering(p, Map.of("desiredDeliveryMediums", List.of("EMAIL")));

        new ForgotPassword(p.t.services).handle(new ForgotPassword.Request(p.clientId, null, "ada", null));

        assertThat(p.t.sent).hasSize(2);
        Message welcome = p.t.sent.getFirst();
        assertThat(welcome.channel()).isEqualTo(Message.Channel.EMAIL);
        assertThat(welcome.to()).isEqualTo("ada@example.com");
        assertThat(welcome.subject()).isEqualTo("Welcome");
        assertThat(welcome.body()).isEqualTo("Welcome. Your username is ada.");
        assertThat(p.t.sent.getLast().subject()).isNotEqualTo("Welcome");
    }

    @Test
    @DisplayName("messageAction SUPPRESS: no welcome message in any medium")
    void signInWhenMessageActionSuppressThenNothingSent() {
        migrateAnswering(p, Map.of("messageAction", "SUPPRESS", "desiredDeliveryMediums", List.of("EMAIL", "SMS")));

        p.signIn("ada", LEGACY_PASSWORD);

        assertThat(user("ada").userStatus()).isEqualTo("CONFIRMED");
        assertThat(p.t.sent).isEmpty();
    }

    @Test
    @DisplayName("The welcome message goes through CustomMessage_AdminCreateUser with the sign-in's client; the "
            + "code placeholder stays empty, the username placeholder is the user's")
    void signInWhenPoolHasCustomMessageThenWelcomeComposedAsAdminCreateUser() {
        TriggerPool custom = new TriggerPool(TriggerPool.lambdaConfig("userMigration", "customMessage"));
        migrateAnswering(custom, Map.of("messageAction", "RESEND", "desiredDeliveryMediums", List.of("EMAIL")));
        custom.functions.put(ARN + "customMessage", event -> Map.of("emailSubject", "Hello",
                "emailMessage", "Hi {username}, your account moved.{####}"));

        custom.signIn("ada", LEGACY_PASSWORD);

        Map<String, Object> event = custom.events("CustomMessage_AdminCreateUser").getFirst();
        assertThat(event).containsEntry("userName", "ada");
        assertThat(event.get("callerContext")).isInstanceOfSatisfying(Map.class,
                c -> assertThat(c.get("clientId")).isEqualTo(custom.clientId));
        assertThat(custom.t.sent).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("Hello");
            assertThat(m.body()).isEqualTo("Hi ada, your account moved.");
        });
    }

    @Test
    void signInWhenDesiredMediumHasNoAddressThenInvalidParameterAndNoUser() {
        p.functions.put(FUNCTION, event -> Map.of("userAttributes", Map.of("email", "ada@example.com"),
                "desiredDeliveryMediums", List.of("SMS")));

        assertThatThrownBy(() -> p.signIn("ada", LEGACY_PASSWORD)).isInstanceOf(InvalidParameterException.class)
                .hasMessage("User has no attribute matching desired delivery mediums");
        assertThatThrownBy(() -> user("ada")).isInstanceOf(UserNotFoundException.class);
    }
}
