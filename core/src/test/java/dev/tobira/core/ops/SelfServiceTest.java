package dev.tobira.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tobira.core.CognitoException.AliasExistsException;
import dev.tobira.core.CognitoException.CodeMismatchException;
import dev.tobira.core.CognitoException.ExpiredCodeException;
import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.LimitExceededException;
import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.CognitoException.PasswordResetRequiredException;
import dev.tobira.core.CognitoException.UserNotFoundException;
import dev.tobira.core.TestServices;
import dev.tobira.core.code.CodePurpose;
import dev.tobira.core.message.Message;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPool.SchemaAttribute;
import dev.tobira.core.pool.UserPool.UserAttributeUpdateSettings;
import dev.tobira.core.user.Attribute;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The calls users make about themselves after sign-in (UpdateUserAttributes, VerifyUserAttribute,
 * GetUserAttributeVerificationCode, DeleteUser, DeleteUserAttributes) and AdminResetUserPassword,
 * with Cognito's exact errors.
 */
class SelfServiceTest {

    private TestServices t;
    private String poolId;
    private String clientId;

    @BeforeEach
    void setUp() {
        t = new TestServices();
        pool(null, null, null);
    }

    /** A pool that auto-verifies email, has email as an alias, and an app client signing in by password. */
    private void pool(UserAttributeUpdateSettings settings, List<String> writeAttributes, List<SchemaAttribute> schema) {
        UserPool pool = new CreateUserPool(t.services).handle(new CreateUserPool.Request("p", null, null, null,
                List.of("email"), List.of("email"), null, null, null, null, null, null, null, settings, null, null,
                null, null, null, schema, null, null, null, null)).userPool();
        poolId = pool.id();
        clientId = new CreateUserPoolClient(t.services).handle(new CreateUserPoolClient.Request(poolId, "c", null,
                null, null, null, null, null, null, writeAttributes, List.of("ALLOW_USER_PASSWORD_AUTH"), null, null,
                null, null, null, null, null, null, null, null, null, null, null)).userPoolClient().clientId();
    }

    private String user(String username, String email) {
        new AdminCreateUser(t.services).handle(new AdminCreateUser.Request(poolId, username,
                List.of(new Attribute("email", email), new Attribute("email_verified", "true")), null,
                "Temp-Passw0rd!", null, "SUPPRESS", null, null));
        new AdminSetUserPassword(t.services).handle(new AdminSetUserPassword.Request(poolId, username, "Passw0rd!1",
                true));
        return signIn(username);
    }

    private String signIn(String username) {
        return new InitiateAuth(t.services).handle(new InitiateAuth.Request("USER_PASSWORD_AUTH",
                Map.of("USERNAME", username, "PASSWORD", "Passw0rd!1"), null, clientId, null, null, null))
                .authenticationResult().accessToken();
    }

    private Map<String, String> attributes(String username) {
        return new AdminGetUser(t.services).handle(new AdminGetUser.Request(poolId, username)).userAttributes()
                .stream().collect(java.util.stream.Collectors.toMap(Attribute::name, Attribute::value));
    }

    private String lastCode() {
        Matcher m = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)").matcher(t.sent.getLast().body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private UpdateUserAttributes.Response update(String token, Attribute... attributes) {
        return new UpdateUserAttributes(t.services).handle(new UpdateUserAttributes.Request(List.of(attributes),
                token, null));
    }

    private void verify(String token, String name, String code) {
        new VerifyUserAttribute(t.services).handle(new VerifyUserAttribute.Request(token, name, code));
    }

    @Test
    void updateUserAttributesWhenEmailChangesThenUnverifiedAndACodeGoesToTheNewAddress() {
        String token = user("ada", "ada@example.com");

        UpdateUserAttributes.Response response = update(token, new Attribute("email", "ada@new.example"),
                new Attribute("name", "Ada"));

        assertThat(response.codeDeliveryDetailsList()).containsExactly(
                new CodeDeliveryDetails("a***@n***", "EMAIL", "email"));
        assertThat(t.sent.getLast().to()).isEqualTo("ada@new.example");
        assertThat(attributes("ada")).containsEntry("email", "ada@new.example").containsEntry("email_verified", "false")
                .containsEntry("name", "Ada");
        verify(token, "email", lastCode());
        assertThat(attributes("ada")).containsEntry("email", "ada@new.example").containsEntry("email_verified", "true");
    }

    @Test
    void updateUserAttributesWhenUserLocaleIsJapaneseThenTheCodeComesInJapaneseAndThePoolsTemplateWins() {
        String token = user("aki", "aki@example.com");
        update(token, new Attribute("locale", "ja-JP"), new Attribute("email", "aki@new.example"));
        assertThat(t.sent.getLast().subject()).isEqualTo("確認コードのお知らせ");

        new UpdateUserPool(t.services).handle(new UpdateUserPool.Request(poolId, null, null, null,
                List.of("email"), null, "Code: {####}", "Check", null, null, null, null, null, null, null, null,
                null, null, null, null, null));
        t.clock.advance(Duration.ofSeconds(10));
        new GetUserAttributeVerificationCode(t.services).handle(
                new GetUserAttributeVerificationCode.Request(token, "email", null));
        assertThat(t.sent.getLast().subject()).isEqualTo("Check");
        assertThat(t.sent.getLast().body()).startsWith("Code: ");
    }

    @Test
    void updateUserAttributesWhenNoContactChangesThenNoCodeAndNoList() {
        String token = user("ada", "ada@example.com");
        int sent = t.sent.size();

        assertThat(update(token, new Attribute("name", "Ada"), new Attribute("email", "ada@example.com"))
                .codeDeliveryDetailsList()).isNull();
        assertThat(t.sent).hasSize(sent);
        assertThat(attributes("ada")).containsEntry("email_verified", "true");
    }

    @Test
    @DisplayName("Amazon Cognito doesn't change the value of the attribute until your user responds to the "
            + "verification message and confirms the new value")
    void updateUserAttributesWhenPoolVerifiesBeforeUpdateThenOldValueStaysUntilVerified() {
        pool(new UserAttributeUpdateSettings(List.of("email")), null, null);
        String token = user("bea", "bea@example.com");

        UpdateUserAttributes.Response response = update(token, new Attribute("email", "bea@new.example"));

        assertThat(response.codeDeliveryDetailsList()).extracting(CodeDeliveryDetails::attributeName)
                .containsExactly("email");
        assertThat(t.sent.getLast().to()).isEqualTo("bea@new.example");
        assertThat(attributes("bea")).containsEntry("email", "bea@example.com").containsEntry("email_verified", "true");
        // Still signs in by the old address, an alias.
        assertThat(signIn("bea@example.com")).isNotBlank();

        verify(token, "email", lastCode());

        assertThat(attributes("bea")).containsEntry("email", "bea@new.example").containsEntry("email_verified", "true");
    }

    @Test
    void getUserAttributeVerificationCodeWhenAChangeIsPendingThenTheCodeGoesToTheNewValueAndCarriesIt() {
        pool(new UserAttributeUpdateSettings(List.of("email")), null, null);
        String token = user("bea", "bea@example.com");
        update(token, new Attribute("email", "bea@new.example"));
        t.clock.advance(Duration.ofSeconds(10));

        GetUserAttributeVerificationCode.Response response = new GetUserAttributeVerificationCode(t.services)
                .handle(new GetUserAttributeVerificationCode.Request(token, "email", null));

        assertThat(response.codeDeliveryDetails()).isEqualTo(new CodeDeliveryDetails("b***@n***", "EMAIL", "email"));
        assertThat(t.sent.getLast().to()).isEqualTo("bea@new.example");
        verify(token, "email", lastCode());
        assertThat(attributes("bea")).containsEntry("email", "bea@new.example");
    }

    @Test
    void getUserAttributeVerificationCodeWhenEmailThenSentInThePoolsTemplateAndVerifies() {
        String token = user("cid", "cid@example.com");
        new AdminUpdateUserAttributes(t.services).handle(new AdminUpdateUserAttributes.Request(poolId, "cid",
                List.of(new Attribute("email_verified", "false")), null));

        GetUserAttributeVerificationCode.Response response = new GetUserAttributeVerificationCode(t.services)
                .handle(new GetUserAttributeVerificationCode.Request(token, "email", null));

        assertThat(response.codeDeliveryDetails().deliveryMedium()).isEqualTo("EMAIL");
        Message message = t.sent.getLast();
        assertThat(message.channel()).isEqualTo(Message.Channel.EMAIL);
        assertThat(message.to()).isEqualTo("cid@example.com");
        verify(token, "email", lastCode());
        assertThat(attributes("cid")).containsEntry("email_verified", "true");
    }

    @Test
    void getUserAttributeVerificationCodeWhenWithinCooldownThenLimitExceeded() {
        String token = user("cid", "cid@example.com");
        GetUserAttributeVerificationCode op = new GetUserAttributeVerificationCode(t.services);
        op.handle(new GetUserAttributeVerificationCode.Request(token, "email", null));
        assertThatThrownBy(() -> op.handle(new GetUserAttributeVerificationCode.Request(token, "email", null)))
                .isInstanceOf(LimitExceededException.class)
                .hasMessage("Attempt limit exceeded, please try after some time.");
    }

    @Test
    void getUserAttributeVerificationCodeWhenNotEmailOrPhoneThenInvalidParameter() {
        String token = user("cid", "cid@example.com");
        assertThatThrownBy(() -> new GetUserAttributeVerificationCode(t.services)
                .handle(new GetUserAttributeVerificationCode.Request(token, "name", null)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Invalid attribute name. Only phone_number and email can be verified.");
        assertThatThrownBy(() -> verify(token, "custom:x", "123456"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Invalid attribute name. Only phone_number and email can be verified.");
    }

    @Test
    void verifyUserAttributeWhenWrongCodeThenMismatchAndAfterTheLimitEvenTheRightOneIsRefused() {
        String token = user("dan", "dan@example.com");
        update(token, new Attribute("email", "dan@new.example"));
        String code = lastCode();
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> verify(token, "email", wrong))
                    .isInstanceOf(CodeMismatchException.class)
                    .hasMessage("Invalid verification code provided, please try again.");
        }
        assertThatThrownBy(() -> verify(token, "email", wrong))
                .isInstanceOf(LimitExceededException.class)
                .hasMessage("Attempt limit exceeded, please try after some time.");
        assertThatThrownBy(() -> verify(token, "email", code))
                .isInstanceOf(LimitExceededException.class)
                .hasMessage("Attempt limit exceeded, please try after some time.");
        assertThat(attributes("dan")).containsEntry("email_verified", "false");
    }

    @Test
    void verifyUserAttributeWhenCodeExpiredOrUsedThenExpiredCode() {
        String token = user("eve", "eve@example.com");
        update(token, new Attribute("email", "eve@new.example"));
        String code = lastCode();
        t.clock.advance(Duration.ofHours(24));
        assertThatThrownBy(() -> verify(token, "email", code))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Access Token has expired");
        String fresh = signIn("eve");
        assertThatThrownBy(() -> verify(fresh, "email", code))
                .isInstanceOf(ExpiredCodeException.class)
                .hasMessage("Invalid code provided, please request a code again.");

        new GetUserAttributeVerificationCode(t.services).handle(
                new GetUserAttributeVerificationCode.Request(fresh, "email", null));
        String second = lastCode();
        verify(fresh, "email", second);
        assertThatThrownBy(() -> verify(fresh, "email", second))
                .isInstanceOf(ExpiredCodeException.class)
                .hasMessage("Invalid code provided, please request a code again.");
    }

    @Test
    void updateUserAttributesWhenClientMayNotWriteOrTheVerifiedFlagThenNotAuthorizedAndNothingChanges() {
        pool(null, List.of("email", "name"), null);
        String token = user("fay", "fay@example.com");
        int sent = t.sent.size();

        assertThatThrownBy(() -> update(token, new Attribute("name", "Fay"), new Attribute("family_name", "F")))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("A client attempted to write unauthorized attribute");
        assertThatThrownBy(() -> update(token, new Attribute("email", "fay@new.example"),
                new Attribute("email_verified", "true")))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("A client attempted to write unauthorized attribute");

        assertThat(attributes("fay")).doesNotContainKey("name").containsEntry("email", "fay@example.com");
        assertThat(t.sent).hasSize(sent);
    }

    @Test
    void updateUserAttributesWhenNewEmailIsAnotherUsersAliasThenAliasExistsAndNothingChanges() {
        user("gus", "gus@example.com");
        String token = user("hal", "hal@example.com");
        assertThatThrownBy(() -> update(token, new Attribute("email", "gus@example.com"), new Attribute("name", "H")))
                .isInstanceOf(AliasExistsException.class)
                .hasMessage("An account with the given email already exists.");
        assertThat(attributes("hal")).containsEntry("email", "hal@example.com").doesNotContainKey("name");
    }

    @Test
    void updateUserAttributesWhenUnknownAttributeThenSchemaError() {
        String token = user("ida", "ida@example.com");
        assertThatThrownBy(() -> update(token, new Attribute("custom:nope", "x")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Attributes did not conform to the schema: custom:nope: Attribute does not exist in the schema.\n");
    }

    @Test
    void updateUserAttributesWhenTokenRevokedThenNotAuthorized() {
        String token = user("ida", "ida@example.com");
        new GlobalSignOut(t.services).handle(new GlobalSignOut.Request(token));
        assertThatThrownBy(() -> update(token, new Attribute("name", "I")))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Access Token has been revoked");
    }

    @Test
    @DisplayName("The aws.cognito.signin.user.admin scope grants access to the operations that require access tokens")
    void selfServiceCallsWhenTokenLacksTheSignInScopeThenNotAuthorized() throws Exception {
        String token = user("ida", "ida@example.com");
        SignedJWT issued = SignedJWT.parse(token);
        // The same claims with another scope, signed with the pool's own access-token key, as an OAuth
        // sign-in without that scope would issue them.
        SignedJWT narrowed = new SignedJWT(issued.getHeader(),
                new JWTClaimsSet.Builder(issued.getJWTClaimsSet()).claim("scope", "openid email")
                        .build());
        narrowed.sign(new RSASSASigner(
                t.services.signingKeys().find(issued.getHeader().getKeyID()).orElseThrow().rsaKey()));
        String openidOnly = narrowed.serialize();

        assertThatThrownBy(() -> update(openidOnly, new Attribute("name", "I")))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Access Token does not have required scopes");
        assertThatThrownBy(() -> new DeleteUser(t.services).handle(new DeleteUser.Request(openidOnly)))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Access Token does not have required scopes");
        assertThat(attributes("ida")).doesNotContainKey("name");
    }

    @Test
    void deleteUserWhenSignedInThenUserTokensCodesAndMembershipsGo() {
        String token = user("jo", "jo@example.com");
        new CreateGroup(t.services).handle(new CreateGroup.Request("g", poolId, null, null, null));
        new AdminAddUserToGroup(t.services).handle(new AdminAddUserToGroup.Request(poolId, "jo", "g"));
        update(token, new Attribute("email", "jo@new.example"));

        new DeleteUser(t.services).handle(new DeleteUser.Request(token));

        assertThatThrownBy(() -> new AdminGetUser(t.services).handle(new AdminGetUser.Request(poolId, "jo")))
                .isInstanceOf(UserNotFoundException.class);
        assertThat(t.services.codes().active(poolId, "jo", CodePurpose.EMAIL_VERIFICATION)).isEmpty();
        assertThat(t.services.groups().allGroupsOf(poolId, "jo")).isEmpty();
        // A later user of the same name does not inherit the deleted one's tokens.
        user("jo", "jo@example.com");
        assertThatThrownBy(() -> new GetUser(t.services).handle(new GetUser.Request(token)))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Access Token has been revoked");
    }

    @Test
    void updateUserAttributesWhenBlankValueThenTheAttributeIsDeleted() {
        String token = user("kay", "kay@example.com");
        update(token, new Attribute("name", "Kay"));
        update(token, new Attribute("name", ""), new Attribute("nickname", "K"));
        assertThat(attributes("kay")).doesNotContainKey("name").containsEntry("nickname", "K");
    }

    @Test
    void createUserPoolWhenVerifyBeforeUpdateNamesAnAttributeNotAutoVerifiedThenInvalidParameter() {
        assertThatThrownBy(() -> new CreateUserPool(t.services).handle(new CreateUserPool.Request("q", null, null,
                null, null, null, null, null, null, null, null, null, null,
                new UserAttributeUpdateSettings(List.of("email")), null, null, null, null, null, null, null, null,
                null, null)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("All attributes in AttributesRequireVerificationBeforeUpdate must exist in "
                        + "AutoVerifiedAttributes");
    }

    @Test
    void deleteUserAttributesWhenOptionalThenGoneWithItsVerifiedFlag() {
        String token = user("kim", "kim@example.com");
        update(token, new Attribute("name", "Kim"));
        new DeleteUserAttributes(t.services).handle(new DeleteUserAttributes.Request(List.of("name", "email"), token));
        assertThat(attributes("kim")).doesNotContainKeys("name", "email", "email_verified").containsKey("sub");
    }

    @Test
    void deleteUserAttributesWhenRequiredThenInvalidParameterAndNothingGoes() {
        pool(null, null, List.of(new SchemaAttribute("name", "String", false, true, true, null, null)));
        new AdminCreateUser(t.services).handle(new AdminCreateUser.Request(poolId, "lee",
                List.of(new Attribute("name", "Lee")), null, "Temp-Passw0rd!", null, "SUPPRESS", null, null));
        new AdminSetUserPassword(t.services).handle(new AdminSetUserPassword.Request(poolId, "lee", "Passw0rd!1", true));
        String token = signIn("lee");
        assertThatThrownBy(() -> new DeleteUserAttributes(t.services).handle(
                new DeleteUserAttributes.Request(List.of("name"), token)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Attributes did not conform to the schema: name: The attribute is required.\n");
        assertThat(attributes("lee")).containsEntry("name", "Lee");
    }

    @Test
    @DisplayName("If a user tries to sign in after the API request, Amazon Cognito responds with a "
            + "PasswordResetRequiredException error")
    void adminResetUserPasswordWhenConfirmedUserThenResetRequiredAndForgotPasswordCodeSetsANewOne() {
        user("max", "max@example.com");
        new AdminResetUserPassword(t.services).handle(new AdminResetUserPassword.Request(poolId, "max", null));

        assertThat(new AdminGetUser(t.services).handle(new AdminGetUser.Request(poolId, "max")).userStatus())
                .isEqualTo("RESET_REQUIRED");
        assertThat(t.sent.getLast().to()).isEqualTo("max@example.com");
        String code = lastCode();
        assertThatThrownBy(() -> signIn("max"))
                .isInstanceOf(PasswordResetRequiredException.class)
                .hasMessage("Password reset required for the user");

        new ConfirmForgotPassword(t.services).handle(new ConfirmForgotPassword.Request(clientId, null, "max", code,
                "Passw0rd!2", null));
        assertThat(new AdminGetUser(t.services).handle(new AdminGetUser.Request(poolId, "max")).userStatus())
                .isEqualTo("CONFIRMED");
        assertThat(new InitiateAuth(t.services).handle(new InitiateAuth.Request("USER_PASSWORD_AUTH",
                Map.of("USERNAME", "max", "PASSWORD", "Passw0rd!2"), null, clientId, null, null, null))
                .authenticationResult().accessToken()).isNotBlank();
    }

    @Test
    void adminResetUserPasswordWhenInvitedUserThenNotAuthorized() {
        new AdminCreateUser(t.services).handle(new AdminCreateUser.Request(poolId, "ned", null, null,
                "Temp-Passw0rd!", null, "SUPPRESS", null, null));
        assertThatThrownBy(() -> new AdminResetUserPassword(t.services).handle(
                new AdminResetUserPassword.Request(poolId, "ned", null)))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("User password cannot be reset in the current state.");
        assertThat(new AdminGetUser(t.services).handle(new AdminGetUser.Request(poolId, "ned")).userStatus())
                .isEqualTo("FORCE_CHANGE_PASSWORD");
    }

    private void adminUpdate(String username, Attribute... attributes) {
        new AdminUpdateUserAttributes(t.services).handle(new AdminUpdateUserAttributes.Request(poolId, username,
                List.of(attributes), Map.of("from", "admin")));
    }

    @Test
    @DisplayName("AdminUpdateUserAttributes changing email in a pool that auto-verifies it: unverified, and a code "
            + "goes to the new address (AWS knowledge center, email_verified); with email_verified true, no message")
    void adminUpdateUserAttributesWhenEmailChangesThenACodeGoesToTheNewAddressUnlessVerifiedTrueGiven() {
        String token = user("ada", "ada@example.com");
        int before = t.sent.size();

        adminUpdate("ada", new Attribute("email", "ada@new.example"));

        assertThat(t.sent).hasSize(before + 1);
        assertThat(t.sent.getLast().to()).isEqualTo("ada@new.example");
        assertThat(attributes("ada")).containsEntry("email", "ada@new.example").containsEntry("email_verified", "false");
        verify(token, "email", lastCode());
        assertThat(attributes("ada")).containsEntry("email_verified", "true");

        adminUpdate("ada", new Attribute("email", "ada@third.example"), new Attribute("email_verified", "true"));

        assertThat(t.sent).hasSize(before + 1);
        assertThat(attributes("ada")).containsEntry("email", "ada@third.example").containsEntry("email_verified", "true");
    }

    @Test
    @DisplayName("AdminUpdateUserAttributes in a pool that requires verification before update: the old email stays "
            + "until the code sent to the new one is verified")
    void adminUpdateUserAttributesWhenVerificationBeforeUpdateThenOldValueKeptUntilVerified() {
        pool(new UserAttributeUpdateSettings(List.of("email")), null, null);
        String token = user("ada", "ada@example.com");

        adminUpdate("ada", new Attribute("email", "ada@new.example"), new Attribute("name", "Ada"));

        assertThat(t.sent.getLast().to()).isEqualTo("ada@new.example");
        assertThat(attributes("ada")).containsEntry("email", "ada@example.com").containsEntry("email_verified", "true")
                .containsEntry("name", "Ada");
        verify(token, "email", lastCode());
        assertThat(attributes("ada")).containsEntry("email", "ada@new.example").containsEntry("email_verified", "true");
    }
}
