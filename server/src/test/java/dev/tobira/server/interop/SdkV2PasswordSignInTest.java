package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.server.RunningTobira;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.*;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Password sign-in (ADMIN_USER_PASSWORD_AUTH, USER_PASSWORD_AUTH) through the AWS SDK for Java v2 (spec §5.4). */
class SdkV2PasswordSignInTest {

    private static RunningTobira tobira;
    private static CognitoIdentityProviderClient cognito;
    private static String poolId;
    private static String clientId;

    @BeforeAll
    static void start() {
        tobira = RunningTobira.devInMemory();
        cognito = tobira.client();
        poolId = cognito.createUserPool(b -> b.poolName("signin")).userPool().id();
        clientId = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("backend").explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
    }

    @AfterAll
    static void stop() {
        cognito.close();
        tobira.close();
    }

    private static void user(String name, String password) {
        cognito.adminCreateUser(b -> b.userPoolId(poolId).username(name).messageAction(MessageActionType.SUPPRESS)
                .userAttributes(AttributeType.builder().name("email").value(name + "@example.com").build()));
        cognito.adminSetUserPassword(b -> b.userPoolId(poolId).username(name).password(password).permanent(true));
    }

    private static AdminInitiateAuthResponse adminSignIn(String name, String password) {
        return cognito.adminInitiateAuth(b -> b.userPoolId(poolId).clientId(clientId)
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", name, "PASSWORD", password)));
    }

    @Test
    void adminInitiateAuthWhenPasswordRightThenTokensAndWhenWrongThenNotAuthorized() {
        user("abe", "Right-Passw0rd!");
        AuthenticationResultType tokens = adminSignIn("abe", "Right-Passw0rd!").authenticationResult();
        assertThat(tokens.accessToken()).isNotBlank();
        assertThat(tokens.idToken()).isNotBlank();
        assertThat(tokens.refreshToken()).isNotBlank().matches("[A-Za-z0-9-_=.]+");
        assertThat(tokens.expiresIn()).isEqualTo(3600);
        assertThat(tokens.tokenType()).isEqualTo("Bearer");
        assertThatThrownBy(() -> adminSignIn("abe", "Wrong-Passw0rd!"))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith("Incorrect username or password.");
    }

    @Test
    void initiateAuthWhenUserPasswordAuthThenTokensThroughTheUnsignedCall() {
        user("bea", "Right-Passw0rd!");
        InitiateAuthResponse response = cognito.initiateAuth(b -> b.clientId(clientId)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "bea", "PASSWORD", "Right-Passw0rd!")));
        assertThat(response.authenticationResult().accessToken()).isNotBlank();
        assertThat(response.challengeParameters()).isEmpty();
    }

    @Test
    void initiateAuthWhenUserStatesForbidThenCognitosErrors() {
        assertThatThrownBy(() -> adminSignIn("nobody", "Right-Passw0rd!"))
                .isInstanceOf(UserNotFoundException.class)
                .hasMessageStartingWith("User does not exist.");
        user("cal", "Right-Passw0rd!");
        cognito.adminDisableUser(b -> b.userPoolId(poolId).username("cal"));
        assertThatThrownBy(() -> adminSignIn("cal", "Right-Passw0rd!"))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith("User is disabled.");
        String web = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("web")).userPoolClient()
                .clientId();
        assertThatThrownBy(() -> cognito.initiateAuth(b -> b.clientId(web).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "cal", "PASSWORD", "Right-Passw0rd!"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("USER_PASSWORD_AUTH flow not enabled for this client");
        assertThatThrownBy(() -> cognito.initiateAuth(b -> b.clientId(clientId)
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "cal", "PASSWORD", "Right-Passw0rd!"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("Initiate Auth method not supported.");
    }

    @Test
    void adminInitiateAuthWhenTemporaryPasswordThenNewPasswordRequiredAndAnswerGivesTokens() {
        cognito.adminCreateUser(b -> b.userPoolId(poolId).username("dee").temporaryPassword("Temp-Passw0rd!")
                .messageAction(MessageActionType.SUPPRESS)
                .userAttributes(AttributeType.builder().name("email").value("dee@example.com").build()));
        AdminInitiateAuthResponse challenge = adminSignIn("dee", "Temp-Passw0rd!");
        assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.NEW_PASSWORD_REQUIRED);
        assertThat(challenge.session()).isNotBlank();
        assertThat(challenge.challengeParameters()).containsEntry("USER_ID_FOR_SRP", "dee")
                .containsEntry("requiredAttributes", "[]");
        JsonNode attributes = JsonMapper.builder().build().readTree(challenge.challengeParameters().get("userAttributes"));
        assertThat(attributes.get("email").asString()).isEqualTo("dee@example.com");

        assertThatThrownBy(() -> cognito.adminRespondToAuthChallenge(b -> b.userPoolId(poolId).clientId(clientId)
                .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED).session(challenge.session())
                .challengeResponses(Map.of("USERNAME", "dee", "NEW_PASSWORD", "weak"))))
                .isInstanceOf(InvalidPasswordException.class);
        AdminRespondToAuthChallengeResponse done = cognito.adminRespondToAuthChallenge(b -> b.userPoolId(poolId)
                .clientId(clientId).challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED).session(challenge.session())
                .challengeResponses(Map.of("USERNAME", "dee", "NEW_PASSWORD", "New-Passw0rd!")));
        assertThat(done.authenticationResult().idToken()).isNotBlank();
        assertThat(cognito.adminGetUser(b -> b.userPoolId(poolId).username("dee")).userStatus())
                .isEqualTo(UserStatusType.CONFIRMED);
        assertThatThrownBy(() -> cognito.adminRespondToAuthChallenge(b -> b.userPoolId(poolId).clientId(clientId)
                .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED).session(challenge.session())
                .challengeResponses(Map.of("USERNAME", "dee", "NEW_PASSWORD", "Other-Passw0rd!"))))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith("Invalid session for the user.");
        assertThat(adminSignIn("dee", "New-Passw0rd!").authenticationResult()).isNotNull();
    }

    @Test
    void initiateAuthWhenRefreshTokenThenNewAccessAndIdTokensWithoutARefreshToken() {
        user("eve", "Right-Passw0rd!");
        String refresh = adminSignIn("eve", "Right-Passw0rd!").authenticationResult().refreshToken();
        AuthenticationResultType refreshed = cognito.initiateAuth(b -> b.clientId(clientId)
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH).authParameters(Map.of("REFRESH_TOKEN", refresh)))
                .authenticationResult();
        assertThat(refreshed.accessToken()).isNotBlank();
        assertThat(refreshed.idToken()).isNotBlank();
        assertThat(refreshed.refreshToken()).isNull();
        assertThatThrownBy(() -> cognito.initiateAuth(b -> b.clientId(clientId)
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH).authParameters(Map.of("REFRESH_TOKEN", "garbage"))))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith("Invalid Refresh Token.");
    }

    @Test
    void getTokensFromRefreshTokenWhenRotationEnabledThenNewRefreshTokenAndReuseRevokesTheFamily() {
        String rotating = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("rotating")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
                .refreshTokenRotation(r -> r.feature(FeatureType.ENABLED).retryGracePeriodSeconds(0)))
                .userPoolClient().clientId();
        user("fay", "Right-Passw0rd!");
        String first = cognito.adminInitiateAuth(b -> b.userPoolId(poolId).clientId(rotating)
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "fay", "PASSWORD", "Right-Passw0rd!")))
                .authenticationResult().refreshToken();
        AuthenticationResultType rotated = cognito.getTokensFromRefreshToken(b -> b.clientId(rotating)
                .refreshToken(first)).authenticationResult();
        assertThat(rotated.accessToken()).isNotBlank();
        assertThat(rotated.refreshToken()).isNotBlank().isNotEqualTo(first);

        assertThatThrownBy(() -> cognito.getTokensFromRefreshToken(b -> b.clientId(rotating).refreshToken(first)))
                .isInstanceOf(RefreshTokenReuseException.class);
        // Reuse is taken as theft: the whole family, the new token included, is revoked.
        assertThatThrownBy(() -> cognito.getTokensFromRefreshToken(b -> b.clientId(rotating)
                .refreshToken(rotated.refreshToken())))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith("Refresh Token has been revoked");
    }

    @Test
    void getTokensFromRefreshTokenWhenRotationOffThenSameRefreshTokenKeepsWorking() {
        user("gil", "Right-Passw0rd!");
        String refresh = adminSignIn("gil", "Right-Passw0rd!").authenticationResult().refreshToken();
        for (int i = 0; i < 2; i++) {
            AuthenticationResultType tokens = cognito.getTokensFromRefreshToken(b -> b.clientId(clientId)
                    .refreshToken(refresh)).authenticationResult();
            assertThat(tokens.idToken()).isNotBlank();
            assertThat(tokens.refreshToken()).isNull();
        }
    }

    @Test
    void initiateAuthWhenClientHasSecretThenSecretHashOfTheUsernameIsRequired() throws Exception {
        UserPoolClientType secret = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("confidential")
                .generateSecret(true).explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient();
        user("hap", "Right-Passw0rd!");
        assertThatThrownBy(() -> cognito.initiateAuth(b -> b.clientId(secret.clientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "hap", "PASSWORD", "Right-Passw0rd!"))))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith("Client " + secret.clientId() + " is configured with secret but SECRET_HASH "
                        + "was not received");
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.clientSecret().getBytes(), "HmacSHA256"));
        String hash = java.util.Base64.getEncoder().encodeToString(mac.doFinal(("hap" + secret.clientId()).getBytes()));
        AuthenticationResultType tokens = cognito.initiateAuth(b -> b.clientId(secret.clientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "hap", "PASSWORD", "Right-Passw0rd!", "SECRET_HASH", hash)))
                .authenticationResult();
        assertThat(tokens.accessToken()).isNotBlank();
        assertThat(cognito.initiateAuth(b -> b.clientId(secret.clientId()).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", tokens.refreshToken(), "SECRET_HASH", hash)))
                .authenticationResult().accessToken()).isNotBlank();
        assertThatThrownBy(() -> cognito.initiateAuth(b -> b.clientId(secret.clientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "hap", "PASSWORD", "Right-Passw0rd!", "SECRET_HASH", "bm9wZQ=="))))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith("Unable to verify secret hash for client " + secret.clientId());
    }
}
