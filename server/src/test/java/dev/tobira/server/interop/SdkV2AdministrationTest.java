package dev.tobira.server.interop;

import static dev.tobira.server.interop.CognitoErrors.assertCognitoError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.server.RunningTobira;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.*;

/** Pool, client and user administration driven by the AWS SDK for Java v2, as an application would. */
class SdkV2AdministrationTest {

    private static RunningTobira tobira;
    private static CognitoIdentityProviderClient cognito;

    @BeforeAll
    static void start() {
        tobira = RunningTobira.devInMemory();
        cognito = tobira.client("any", "credentials");
    }

    @AfterAll
    static void stop() {
        cognito.close();
        tobira.close();
    }

    @Test
    void createUserPoolWhenSettingsGivenThenDescribeReturnsThemAndDefaultsFillTheRest() {
        CreateUserPoolResponse created = cognito.createUserPool(b -> b
                .poolName("sdk-pool")
                .policies(p -> p.passwordPolicy(pp -> pp.minimumLength(10).requireNumbers(true))
                        .signInPolicy(s -> s.allowedFirstAuthFactors(AuthFactorType.PASSWORD, AuthFactorType.EMAIL_OTP)))
                .usernameAttributes(UsernameAttributeType.EMAIL)
                .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .lambdaConfig(l -> l
                        .defineAuthChallenge("arn:aws:lambda:us-east-1:000000000000:function:tobira-email-otp")
                        .createAuthChallenge("arn:aws:lambda:us-east-1:000000000000:function:tobira-email-otp")
                        .verifyAuthChallengeResponse("arn:aws:lambda:us-east-1:000000000000:function:tobira-email-otp"))
                .verificationMessageTemplate(v -> v.emailSubject("Your code").emailMessage("Code: {####}"))
                .schema(SchemaAttributeType.builder().name("team").attributeDataType(AttributeDataType.STRING)
                        .mutable(true).build())
                .deletionProtection(DeletionProtectionType.INACTIVE)
                .userPoolTags(Map.of("env", "test"))
                .adminCreateUserConfig(a -> a.allowAdminCreateUserOnly(false)
                        .inviteMessageTemplate(m -> m.smsMessage("Hi {username} {####}")))
                .mfaConfiguration(UserPoolMfaType.OFF));
        UserPoolType pool = created.userPool();
        assertThat(pool.id()).matches("us-east-1_[0-9a-zA-Z]{9}");
        assertThat(pool.arn()).isEqualTo("arn:aws:cognito-idp:us-east-1:000000000000:userpool/" + pool.id());

        UserPoolType described = cognito.describeUserPool(b -> b.userPoolId(pool.id())).userPool();
        assertThat(described.name()).isEqualTo("sdk-pool");
        assertThat(described.policies().passwordPolicy().minimumLength()).isEqualTo(10);
        assertThat(described.policies().passwordPolicy().requireNumbers()).isTrue();
        assertThat(described.policies().passwordPolicy().requireSymbols()).isFalse();
        assertThat(described.policies().passwordPolicy().temporaryPasswordValidityDays()).isEqualTo(7);
        assertThat(described.policies().signInPolicy().allowedFirstAuthFactors())
                .containsExactly(AuthFactorType.PASSWORD, AuthFactorType.EMAIL_OTP);
        assertThat(described.usernameAttributes()).containsExactly(UsernameAttributeType.EMAIL);
        assertThat(described.autoVerifiedAttributes()).containsExactly(VerifiedAttributeType.EMAIL);
        assertThat(described.lambdaConfig().defineAuthChallenge()).endsWith(":function:tobira-email-otp");
        assertThat(described.verificationMessageTemplate().emailMessage()).isEqualTo("Code: {####}");
        assertThat(described.verificationMessageTemplate().defaultEmailOption())
                .isEqualTo(DefaultEmailOptionType.CONFIRM_WITH_CODE);
        assertThat(described.emailVerificationMessage()).isEqualTo("Code: {####}");
        // Cognito lists the 20 standard attributes in this order, without identities, then custom ones
        // (aws-cli example describe-user-pool.rst; see StandardAttributes).
        assertThat(described.schemaAttributes()).extracting(SchemaAttributeType::name)
                .containsExactly("sub", "name", "given_name", "family_name", "middle_name", "nickname",
                        "preferred_username", "profile", "picture", "website", "email", "email_verified", "gender",
                        "birthdate", "zoneinfo", "locale", "phone_number", "phone_number_verified", "address",
                        "updated_at", "custom:team");
        assertThat(described.userPoolTags()).containsEntry("env", "test");
        assertThat(described.adminCreateUserConfig().inviteMessageTemplate().smsMessage())
                .isEqualTo("Hi {username} {####}");
        assertThat(described.userPoolTier()).isEqualTo(UserPoolTierType.ESSENTIALS);
        assertThat(described.emailConfiguration().emailSendingAccount()).isEqualTo(EmailSendingAccountType.COGNITO_DEFAULT);
        // Created without UsernameConfiguration, so described without it, as Cognito does (see CreateUserPool).
        assertThat(described.usernameConfiguration()).isNull();
        assertThat(described.estimatedNumberOfUsers()).isZero();
        assertThat(described.creationDate()).isNotNull();
    }

    @Test
    void updateUserPoolWhenFieldsOmittedThenTheyReturnToDefaults() {
        String id = cognito.createUserPool(b -> b.poolName("upd").mfaConfiguration(UserPoolMfaType.OFF)
                .deletionProtection(DeletionProtectionType.ACTIVE)).userPool().id();
        cognito.updateUserPool(b -> b.userPoolId(id)
                .policies(p -> p.passwordPolicy(pp -> pp.minimumLength(12))));
        UserPoolType pool = cognito.describeUserPool(b -> b.userPoolId(id)).userPool();
        assertThat(pool.policies().passwordPolicy().minimumLength()).isEqualTo(12);
        assertThat(pool.deletionProtection()).isEqualTo(DeletionProtectionType.INACTIVE);
        assertThat(pool.name()).isEqualTo("upd");
    }

    @Test
    void setUserPoolMfaConfigWhenEmailMessageGivenThenGetReturnsItAndUnsupportedKindsAreRefused() {
        String id = cognito.createUserPool(b -> b.poolName("mfa")).userPool().id();
        SetUserPoolMfaConfigResponse set = cognito.setUserPoolMfaConfig(b -> b.userPoolId(id)
                .emailMfaConfiguration(e -> e.subject("Your sign-in code").message("Your code is {####}")));
        assertThat(set.emailMfaConfiguration().message()).isEqualTo("Your code is {####}");
        GetUserPoolMfaConfigResponse got = cognito.getUserPoolMfaConfig(b -> b.userPoolId(id));
        assertThat(got.emailMfaConfiguration().subject()).isEqualTo("Your sign-in code");
        assertThat(got.mfaConfiguration()).isEqualTo(UserPoolMfaType.OFF);
        assertThatThrownBy(() -> cognito.setUserPoolMfaConfig(b -> b.userPoolId(id)
                .softwareTokenMfaConfiguration(t -> t.enabled(true))))
                .isInstanceOf(software.amazon.awssdk.services.cognitoidentityprovider.model.UnsupportedOperationException.class);
        assertThat(cognito.getUserPoolMfaConfig(b -> b.userPoolId(id)).softwareTokenMfaConfiguration()).isNull();
    }

    @Test
    void setUserPoolMfaConfigWhenEmailMessageLacksTheCodePlaceholderThenValidationErrorAndNothingChanges() {
        String id = cognito.createUserPool(b -> b.poolName("mfa-message")).userPool().id();
        assertCognitoError(() -> cognito.setUserPoolMfaConfig(b -> b.userPoolId(id)
                        .emailMfaConfiguration(e -> e.subject("Your sign-in code").message("Your code is below"))),
                InvalidParameterException.class,
                "1 validation error detected: Value 'Your code is below' at 'emailMfaConfiguration.message' failed "
                        + "to satisfy constraint: Member must satisfy regular expression pattern: "
                        + "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*\\{####\\}[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*");
        assertThat(cognito.getUserPoolMfaConfig(b -> b.userPoolId(id)).emailMfaConfiguration()).isNull();
    }

    @Test
    @DisplayName("MfaConfiguration ON: Cognito's refusal beside a code first factor, else unsupported (no MFA challenge)")
    void createUserPoolWhenMfaOnThenRefusedAndUpdateUserPoolAndSetUserPoolMfaConfigToo() {
        String unsupported = "Tobira does not support MfaConfiguration ON: it has no MFA challenge, so it could not "
                + "require one. Use OFF or OPTIONAL.";
        Class<software.amazon.awssdk.services.cognitoidentityprovider.model.UnsupportedOperationException> type =
                software.amazon.awssdk.services.cognitoidentityprovider.model.UnsupportedOperationException.class;
        assertCognitoError(() -> cognito.createUserPool(b -> b.poolName("mfa-on").mfaConfiguration(UserPoolMfaType.ON)),
                type, unsupported);
        assertCognitoError(() -> cognito.createUserPool(b -> b.poolName("mfa-on-codes")
                        .policies(p -> p.signInPolicy(s -> s.allowedFirstAuthFactors(AuthFactorType.PASSWORD,
                                AuthFactorType.EMAIL_OTP)))
                        .mfaConfiguration(UserPoolMfaType.ON)),
                InvalidParameterException.class,
                "Only PASSWORD and WEB_AUTHN (if configured) can be enabled as an auth factor if MFA is enabled");
        assertThat(cognito.listUserPools(b -> b.maxResults(60)).userPools()).extracting(UserPoolDescriptionType::name)
                .doesNotContain("mfa-on", "mfa-on-codes");

        String id = cognito.createUserPool(b -> b.poolName("mfa-later")).userPool().id();
        assertCognitoError(() -> cognito.updateUserPool(b -> b.userPoolId(id).mfaConfiguration(UserPoolMfaType.ON)),
                type, unsupported);
        assertCognitoError(() -> cognito.setUserPoolMfaConfig(b -> b.userPoolId(id)
                .mfaConfiguration(UserPoolMfaType.ON)), type, unsupported);
        assertThat(cognito.describeUserPool(b -> b.userPoolId(id)).userPool().mfaConfiguration())
                .isEqualTo(UserPoolMfaType.OFF);
        assertThat(cognito.setUserPoolMfaConfig(b -> b.userPoolId(id).mfaConfiguration(UserPoolMfaType.OPTIONAL))
                .mfaConfiguration()).isEqualTo(UserPoolMfaType.OPTIONAL);
        assertThat(cognito.describeUserPool(b -> b.userPoolId(id)).userPool().mfaConfiguration())
                .isEqualTo(UserPoolMfaType.OPTIONAL);
    }

    @Test
    void deleteUserPoolWhenProtectedThenRefusedAndWhenUnprotectedThenGone() {
        String id = cognito.createUserPool(b -> b.poolName("del").deletionProtection(DeletionProtectionType.ACTIVE))
                .userPool().id();
        assertThatThrownBy(() -> cognito.deleteUserPool(b -> b.userPoolId(id)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("deletion protection is activated");
        cognito.updateUserPool(b -> b.userPoolId(id).deletionProtection(DeletionProtectionType.INACTIVE));
        cognito.deleteUserPool(b -> b.userPoolId(id));
        assertThatThrownBy(() -> cognito.describeUserPool(b -> b.userPoolId(id)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("User pool " + id + " does not exist.");
    }

    @Test
    void listUserPoolsWhenPagedThenEveryPoolOnce() {
        for (int i = 0; i < 5; i++) {
            int n = i;
            cognito.createUserPool(b -> b.poolName("list-" + n));
        }
        List<String> names = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            ListUserPoolsResponse page = cognito.listUserPools(b -> b.maxResults(2).nextToken(t));
            assertThat(page.userPools()).hasSizeLessThanOrEqualTo(2);
            page.userPools().forEach(p -> names.add(p.name()));
            token = page.nextToken();
        } while (token != null);
        assertThat(names).contains("list-0", "list-1", "list-2", "list-3", "list-4").doesNotHaveDuplicates();
        // The paginator the SDK ships follows the same tokens.
        assertThat(cognito.listUserPoolsPaginator(b -> b.maxResults(3)).userPools()).hasSameSizeAs(names);
    }

    @Test
    void userPoolClientsWhenCreatedThenDescribedListedUpdatedAndDeleted() {
        String poolId = cognito.createUserPool(b -> b.poolName("clients")).userPool().id();
        UserPoolClientType plain = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("web"))
                .userPoolClient();
        assertThat(plain.clientId()).matches("[a-z0-9]{26}");
        assertThat(plain.clientSecret()).isNull();
        assertThat(plain.explicitAuthFlows()).containsExactlyInAnyOrder(ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH,
                ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH, ExplicitAuthFlowsType.ALLOW_CUSTOM_AUTH);
        // As real Cognito answers a client created without validities (see ClientSettings.validities):
        // RefreshTokenValidity 30, TokenValidityUnits {} and no access or ID token validity.
        assertThat(plain.accessTokenValidity()).isNull();
        assertThat(plain.idTokenValidity()).isNull();
        assertThat(plain.refreshTokenValidity()).isEqualTo(30);
        assertThat(plain.tokenValidityUnits()).isEqualTo(TokenValidityUnitsType.builder().build());
        assertThat(plain.authSessionValidity()).isEqualTo(3);
        assertThat(plain.enableTokenRevocation()).isTrue();

        UserPoolClientType secret = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("backend")
                .generateSecret(true)
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
                .accessTokenValidity(2).idTokenValidity(2).refreshTokenValidity(7)
                .tokenValidityUnits(u -> u.accessToken(TimeUnitsType.HOURS).idToken(TimeUnitsType.HOURS)
                        .refreshToken(TimeUnitsType.DAYS))
                .authSessionValidity(10)
                .preventUserExistenceErrors(PreventUserExistenceErrorTypes.ENABLED)
                .readAttributes("email", "name").writeAttributes("name"))
                .userPoolClient();
        assertThat(secret.clientSecret()).matches("[a-z0-9]{51}");

        UserPoolClientType described = cognito.describeUserPoolClient(b -> b.userPoolId(poolId)
                .clientId(secret.clientId())).userPoolClient();
        assertThat(described).isEqualTo(secret);

        assertThat(cognito.listUserPoolClients(b -> b.userPoolId(poolId)).userPoolClients())
                .extracting(UserPoolClientDescription::clientName).containsExactly("web", "backend");

        UserPoolClientType updated = cognito.updateUserPoolClient(b -> b.userPoolId(poolId)
                .clientId(secret.clientId()).clientName("backend-2").authSessionValidity(15)).userPoolClient();
        assertThat(updated.clientName()).isEqualTo("backend-2");
        assertThat(updated.clientSecret()).isEqualTo(secret.clientSecret());
        assertThat(updated.authSessionValidity()).isEqualTo(15);

        cognito.deleteUserPoolClient(b -> b.userPoolId(poolId).clientId(plain.clientId()));
        assertThatThrownBy(() -> cognito.describeUserPoolClient(b -> b.userPoolId(poolId).clientId(plain.clientId())))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("User pool client " + plain.clientId() + " does not exist.");
    }

    @Test
    void createUserPoolClientWhenValidityOutOfRangeThenInvalidParameter() {
        String poolId = cognito.createUserPool(b -> b.poolName("validity")).userPool().id();
        assertThatThrownBy(() -> cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("x")
                .accessTokenValidity(2).tokenValidityUnits(u -> u.accessToken(TimeUnitsType.DAYS))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("Access token validity must be between 5 minutes and 1 day.");
    }

    @Test
    void usersWhenAdministeredThenEveryOperationActsOnTheStoredUser() {
        String poolId = cognito.createUserPool(b -> b.poolName("users")
                .schema(SchemaAttributeType.builder().name("team").attributeDataType(AttributeDataType.STRING).build()))
                .userPool().id();
        UserType alice = cognito.adminCreateUser(b -> b.userPoolId(poolId).username("alice")
                .temporaryPassword("Temp-Passw0rd!")
                .userAttributes(attr("email", "alice@example.com"), attr("email_verified", "true"),
                        attr("custom:team", "blue"))
                .messageAction(MessageActionType.SUPPRESS)).user();
        assertThat(alice.username()).isEqualTo("alice");
        assertThat(alice.userStatus()).isEqualTo(UserStatusType.FORCE_CHANGE_PASSWORD);
        assertThat(alice.enabled()).isTrue();
        assertThat(alice.attributes()).extracting(AttributeType::name)
                .containsExactly("sub", "email", "email_verified", "custom:team");

        assertThatThrownBy(() -> cognito.adminCreateUser(b -> b.userPoolId(poolId).username("ALICE")
                .messageAction(MessageActionType.SUPPRESS)))
                .isInstanceOf(UsernameExistsException.class)
                .hasMessageStartingWith("User account already exists");

        cognito.adminUpdateUserAttributes(b -> b.userPoolId(poolId).username("alice")
                .userAttributes(attr("email", "alice@example.org"), attr("name", "Alice")));
        AdminGetUserResponse got = cognito.adminGetUser(b -> b.userPoolId(poolId).username("Alice"));
        assertThat(got.userAttributes()).contains(attr("email", "alice@example.org"), attr("name", "Alice"),
                attr("email_verified", "false"));

        cognito.adminDeleteUserAttributes(b -> b.userPoolId(poolId).username("alice").userAttributeNames("name"));
        assertThat(cognito.adminGetUser(b -> b.userPoolId(poolId).username("alice")).userAttributes())
                .extracting(AttributeType::name).doesNotContain("name");

        cognito.adminDisableUser(b -> b.userPoolId(poolId).username("alice"));
        assertThat(cognito.adminGetUser(b -> b.userPoolId(poolId).username("alice")).enabled()).isFalse();
        cognito.adminEnableUser(b -> b.userPoolId(poolId).username("alice"));
        assertThat(cognito.adminGetUser(b -> b.userPoolId(poolId).username("alice")).enabled()).isTrue();

        assertThatThrownBy(() -> cognito.adminSetUserPassword(b -> b.userPoolId(poolId).username("alice")
                .password("short").permanent(true)))
                .isInstanceOf(InvalidPasswordException.class)
                .hasMessageStartingWith("Password did not conform with policy: Password not long enough");
        cognito.adminSetUserPassword(b -> b.userPoolId(poolId).username("alice").password("Perm-Passw0rd!")
                .permanent(true));
        assertThat(cognito.adminGetUser(b -> b.userPoolId(poolId).username("alice")).userStatus())
                .isEqualTo(UserStatusType.CONFIRMED);

        assertThatThrownBy(() -> cognito.adminConfirmSignUp(b -> b.userPoolId(poolId).username("alice")))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith("User cannot be confirmed. Current status is CONFIRMED");

        cognito.adminDeleteUser(b -> b.userPoolId(poolId).username("alice"));
        assertThatThrownBy(() -> cognito.adminGetUser(b -> b.userPoolId(poolId).username("alice")))
                .isInstanceOf(UserNotFoundException.class)
                .hasMessageStartingWith("User does not exist.");
    }

    @Test
    void adminCreateUserWhenPoolUsesEmailAsUsernameThenUsernameIsTheSubAndEmailFindsIt() {
        String poolId = cognito.createUserPool(b -> b.poolName("email-pool")
                .usernameAttributes(UsernameAttributeType.EMAIL)).userPool().id();
        UserType user = cognito.adminCreateUser(b -> b.userPoolId(poolId).username("bob@example.com")
                .messageAction(MessageActionType.SUPPRESS)).user();
        String sub = user.attributes().stream().filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();
        assertThat(user.username()).isEqualTo(sub);
        assertThat(user.attributes()).contains(attr("email", "bob@example.com"));
        assertThat(cognito.adminGetUser(b -> b.userPoolId(poolId).username("BOB@example.com")).username())
                .isEqualTo(sub);
        assertThatThrownBy(() -> cognito.adminCreateUser(b -> b.userPoolId(poolId).username("not-an-email")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("Username should be an email.");
        assertThatThrownBy(() -> cognito.adminCreateUser(b -> b.userPoolId(poolId).username("bob@example.com")
                .messageAction(MessageActionType.SUPPRESS)))
                .isInstanceOf(UsernameExistsException.class)
                .hasMessageStartingWith("An account with the given email already exists.");
    }

    @Test
    void adminCreateUserWhenAttributeNotInSchemaThenInvalidParameter() {
        String poolId = cognito.createUserPool(b -> b.poolName("schema")).userPool().id();
        assertThatThrownBy(() -> cognito.adminCreateUser(b -> b.userPoolId(poolId).username("carol")
                .userAttributes(attr("custom:nope", "x"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("Attributes did not conform to the schema: custom:nope: "
                        + "Attribute does not exist in the schema.");
    }

    @Test
    void listUsersWhenFilteredAndPagedThenMatchesCognitoFilterSyntax() {
        String poolId = cognito.createUserPool(b -> b.poolName("filter")).userPool().id();
        for (String name : List.of("anna", "andy", "bert", "carl")) {
            cognito.adminCreateUser(b -> b.userPoolId(poolId).username(name)
                    .userAttributes(attr("email", name + "@example.com")).messageAction(MessageActionType.SUPPRESS));
        }
        assertThat(cognito.listUsers(b -> b.userPoolId(poolId).filter("email ^= \"an\"")).users())
                .extracting(UserType::username).containsExactly("andy", "anna");
        assertThat(cognito.listUsers(b -> b.userPoolId(poolId).filter("username = \"bert\"")).users())
                .extracting(UserType::username).containsExactly("bert");
        assertThat(cognito.listUsers(b -> b.userPoolId(poolId).filter("cognito:user_status = \"FORCE_CHANGE_PASSWORD\""))
                .users()).hasSize(4);
        ListUsersResponse firstPage = cognito.listUsers(b -> b.userPoolId(poolId).limit(3));
        assertThat(firstPage.users()).hasSize(3);
        assertThat(firstPage.paginationToken()).isNotNull();
        assertThat(cognito.listUsers(b -> b.userPoolId(poolId).limit(3).paginationToken(firstPage.paginationToken()))
                .users()).extracting(UserType::username).containsExactly("carl");
        assertThat(cognito.listUsers(b -> b.userPoolId(poolId).attributesToGet("email").limit(1)).users().getFirst()
                .attributes()).extracting(AttributeType::name).containsExactly("email");
        assertThatThrownBy(() -> cognito.listUsers(b -> b.userPoolId(poolId).filter("email = unquoted")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("Error while parsing filter.");
    }

    private static AttributeType attr(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }
}
