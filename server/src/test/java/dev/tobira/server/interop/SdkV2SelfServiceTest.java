package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.server.RunningTobira;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.*;

/**
 * The self-service calls and AdminResetUserPassword through the AWS SDK for Java v2, on the JDBC
 * stores: Cognito's errors, UserAttributeUpdateSettings as stored and described, and nothing
 * half-written when a call fails.
 */
class SdkV2SelfServiceTest {

    private static final String PASSWORD = "Right-Passw0rd!";

    private static RunningTobira tobira;
    private static CognitoIdentityProviderClient cognito;
    private String poolId;
    private String clientId;

    @BeforeAll
    static void start() {
        tobira = RunningTobira.devInMemory();
        cognito = tobira.client();
    }

    @AfterAll
    static void stop() {
        cognito.close();
        tobira.close();
    }

    @BeforeEach
    void pool() {
        pool(false);
    }

    /** A pool that auto-verifies email and has it as an alias; a client that signs in by password. */
    private void pool(boolean verifyBeforeUpdate) {
        poolId = cognito.createUserPool(b -> {
            b.poolName("self-service").autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                    .aliasAttributes(AliasAttributeType.EMAIL)
                    .schema(SchemaAttributeType.builder().name("name").attributeDataType(AttributeDataType.STRING)
                            .mutable(true).required(true).build());
            if (verifyBeforeUpdate) {
                b.userAttributeUpdateSettings(s -> s.attributesRequireVerificationBeforeUpdate(
                        VerifiedAttributeType.EMAIL));
            }
        }).userPool().id();
        clientId = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("app")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
    }

    private String user(String username, String email) {
        cognito.adminCreateUser(b -> b.userPoolId(poolId).username(username).messageAction(MessageActionType.SUPPRESS)
                .userAttributes(attribute("email", email), attribute("email_verified", "true"),
                        attribute("name", username)));
        cognito.adminSetUserPassword(b -> b.userPoolId(poolId).username(username).password(PASSWORD).permanent(true));
        return signIn(username).authenticationResult().accessToken();
    }

    private InitiateAuthResponse signIn(String username) {
        return cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD)));
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    private Map<String, String> attributes(String username) {
        return cognito.adminGetUser(b -> b.userPoolId(poolId).username(username)).userAttributes().stream()
                .collect(Collectors.toMap(AttributeType::name, AttributeType::value));
    }

    @Test
    void userAttributeUpdateSettingsWhenCreatedAndUpdatedThenDescribed() {
        pool(true);
        assertThat(cognito.describeUserPool(b -> b.userPoolId(poolId)).userPool().userAttributeUpdateSettings()
                .attributesRequireVerificationBeforeUpdate()).containsExactly(VerifiedAttributeType.EMAIL);
        // UpdateUserPool resets what it leaves out: without AutoVerifiedAttributes, email is no longer verified.
        assertThatThrownBy(() -> cognito.updateUserPool(b -> b.userPoolId(poolId)
                .userAttributeUpdateSettings(s -> s.attributesRequireVerificationBeforeUpdate(
                        VerifiedAttributeType.EMAIL))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("All attributes in AttributesRequireVerificationBeforeUpdate must exist in "
                        + "AutoVerifiedAttributes");
        cognito.updateUserPool(b -> b.userPoolId(poolId).autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .userAttributeUpdateSettings(s -> s.attributesRequireVerificationBeforeUpdate(List.of())));
        assertThat(cognito.describeUserPool(b -> b.userPoolId(poolId)).userPool().userAttributeUpdateSettings()
                .attributesRequireVerificationBeforeUpdate()).isEmpty();
    }

    @Test
    void updateUserAttributesWhenEmailChangesThenCodeDeliveryDetailsListAndTheCodeVerifies() {
        String token = user("ada", "ada@example.com");
        UpdateUserAttributesResponse response = cognito.updateUserAttributes(b -> b.accessToken(token)
                .userAttributes(attribute("email", "ada@new.example")));
        assertThat(response.codeDeliveryDetailsList()).containsExactly(CodeDeliveryDetailsType.builder()
                .destination("a***@n***").deliveryMedium(DeliveryMediumType.EMAIL).attributeName("email").build());
        assertThat(attributes("ada")).containsEntry("email", "ada@new.example").containsEntry("email_verified", "false");
        String code = DevOutbox.latestCode(tobira.endpoint(), "ada@new.example", 6);
        cognito.verifyUserAttribute(b -> b.accessToken(token).attributeName("email").code(code));
        assertThat(attributes("ada")).containsEntry("email_verified", "true");
    }

    @Test
    void selfServiceCallsWhenBadInputThenCognitosErrors() {
        String token = user("bea", "bea@example.com");
        assertThatThrownBy(() -> cognito.updateUserAttributes(b -> b.accessToken(token)
                .userAttributes(attribute("custom:nope", "x"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("Attributes did not conform to the schema: custom:nope: "
                        + "Attribute does not exist in the schema.");
        assertThatThrownBy(() -> cognito.updateUserAttributes(b -> b.accessToken(token)
                .userAttributes(attribute("email_verified", "true"))))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith("A client attempted to write unauthorized attribute");
        assertThatThrownBy(() -> cognito.getUserAttributeVerificationCode(b -> b.accessToken(token)
                .attributeName("name")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("Invalid attribute name. Only phone_number and email can be verified.");
        cognito.getUserAttributeVerificationCode(b -> b.accessToken(token).attributeName("email"));
        String code = DevOutbox.latestCode(tobira.endpoint(), "bea@example.com", 6);
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertThatThrownBy(() -> cognito.verifyUserAttribute(b -> b.accessToken(token).attributeName("email")
                .code(wrong)))
                .isInstanceOf(CodeMismatchException.class)
                .hasMessageStartingWith("Invalid verification code provided, please try again.");
        cognito.verifyUserAttribute(b -> b.accessToken(token).attributeName("email").code(code));
        assertThatThrownBy(() -> cognito.verifyUserAttribute(b -> b.accessToken(token).attributeName("email")
                .code(code)))
                .isInstanceOf(ExpiredCodeException.class)
                .hasMessageStartingWith("Invalid code provided, please request a code again.");
        assertThatThrownBy(() -> cognito.deleteUserAttributes(b -> b.accessToken(token).userAttributeNames("name")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("Attributes did not conform to the schema: name: The attribute is required.");
        assertThat(attributes("bea")).containsEntry("name", "bea");

        cognito.globalSignOut(b -> b.accessToken(token));
        assertThatThrownBy(() -> cognito.deleteUser(b -> b.accessToken(token)))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith("Access Token has been revoked");
        assertThat(attributes("bea")).containsKey("sub");
    }

    @Test
    @DisplayName("AdminResetUserPassword: RESET_REQUIRED, sign-in answers PasswordResetRequiredException, the "
            + "emailed code sets a new password with ConfirmForgotPassword")
    void adminResetUserPasswordWhenConfirmedUserThenResetRequiredUntilConfirmForgotPassword() {
        user("cid", "cid@example.com");
        cognito.adminResetUserPassword(b -> b.userPoolId(poolId).username("cid"));

        assertThat(cognito.adminGetUser(b -> b.userPoolId(poolId).username("cid")).userStatus())
                .isEqualTo(UserStatusType.RESET_REQUIRED);
        assertThatThrownBy(() -> signIn("cid"))
                .isInstanceOf(PasswordResetRequiredException.class)
                .hasMessageStartingWith("Password reset required for the user");
        String code = DevOutbox.latestCode(tobira.endpoint(), "cid@example.com", 6);
        cognito.confirmForgotPassword(b -> b.clientId(clientId).username("cid").confirmationCode(code)
                .password("New-Passw0rd!"));
        assertThat(cognito.adminGetUser(b -> b.userPoolId(poolId).username("cid")).userStatus())
                .isEqualTo(UserStatusType.CONFIRMED);
        assertThat(cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "cid", "PASSWORD", "New-Passw0rd!"))).authenticationResult())
                .isNotNull();
    }

    @Test
    void adminResetUserPasswordWhenUnknownOrInvitedUserThenCognitosErrors() {
        assertThatThrownBy(() -> cognito.adminResetUserPassword(b -> b.userPoolId(poolId).username("nobody")))
                .isInstanceOf(UserNotFoundException.class)
                .hasMessageStartingWith("User does not exist.");
        cognito.adminCreateUser(b -> b.userPoolId(poolId).username("dan").messageAction(MessageActionType.SUPPRESS)
                .userAttributes(attribute("name", "Dan")));
        assertThatThrownBy(() -> cognito.adminResetUserPassword(b -> b.userPoolId(poolId).username("dan")))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith("User password cannot be reset in the current state.");
    }

    @Test
    @DisplayName("A verification that fails spends nothing: the code still works once the conflict is gone")
    void verifyUserAttributeWhenPendingEmailTakenMeanwhileThenAliasExistsAndNothingIsWritten() {
        pool(true);
        String token = user("eve", "eve@example.com");
        cognito.updateUserAttributes(b -> b.accessToken(token).userAttributes(attribute("email", "shared@example.com")));
        String code = DevOutbox.latestCode(tobira.endpoint(), "shared@example.com", 6);
        assertThat(attributes("eve")).containsEntry("email", "eve@example.com");
        // Meanwhile another user takes the address as their verified alias.
        user("fay", "shared@example.com");

        assertThatThrownBy(() -> cognito.verifyUserAttribute(b -> b.accessToken(token).attributeName("email")
                .code(code)))
                .isInstanceOf(AliasExistsException.class)
                .hasMessageStartingWith("An account with the given email already exists.");
        assertThat(attributes("eve")).containsEntry("email", "eve@example.com").containsEntry("email_verified", "true");

        cognito.adminDeleteUser(b -> b.userPoolId(poolId).username("fay"));
        cognito.verifyUserAttribute(b -> b.accessToken(token).attributeName("email").code(code));
        assertThat(attributes("eve")).containsEntry("email", "shared@example.com");
    }
}
