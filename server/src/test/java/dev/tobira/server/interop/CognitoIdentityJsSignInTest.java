package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.RunningTobira;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import tools.jackson.databind.JsonNode;

/**
 * amazon-cognito-identity-js 6.3.21 signs in to a running Tobira over real HTTP (its {@code endpoint}
 * option, spec §1.4) with its own SRP code (USER_SRP_AUTH, spec §2), and jose verifies the tokens it
 * got against the server's JWKS and issuer (spec §6.2); the claims must be Cognito's (§6.3, §6.4).
 */
class CognitoIdentityJsSignInTest {

    private static final String PASSWORD = "Right-Passw0rd!";
    private static final String SIGNIN_SCOPE = "aws.cognito.signin.user.admin";
    private static final AtomicInteger USERS = new AtomicInteger();

    private static RunningTobira tobira;
    private static CognitoIdentityProviderClient cognito;
    private static String poolId;
    private static String clientId;
    private static String emailPoolId;
    private static String emailClientId;

    @BeforeAll
    static void start() {
        tobira = RunningTobira.devInMemory();
        cognito = tobira.client();
        poolId = cognito.createUserPool(b -> b.poolName("js")).userPool().id();
        clientId = srpClient(poolId, PreventUserExistenceErrorTypes.LEGACY);
        emailPoolId = cognito.createUserPool(b -> b.poolName("js-email")
                .usernameAttributes(UsernameAttributeType.EMAIL)).userPool().id();
        emailClientId = srpClient(emailPoolId, PreventUserExistenceErrorTypes.ENABLED);
    }

    @AfterAll
    static void stop() {
        if (cognito != null) {
            cognito.close();
        }
        if (tobira != null) {
            tobira.close();
        }
    }

    @BeforeEach
    void node() throws Exception {
        CognitoIdentityJs.assumeInstalled();
    }

    private static String srpClient(String pool, PreventUserExistenceErrorTypes existenceErrors) {
        return cognito.createUserPoolClient(b -> b.userPoolId(pool).clientName("browser")
                .preventUserExistenceErrors(existenceErrors)
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                        ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                .userPoolClient().clientId();
    }

    /** A new confirmed user with a verified email and {@link #PASSWORD}; returns its name. */
    private static String user(String pool, String name) {
        String email = name.contains("@") ? name : name + "@example.com";
        cognito.adminCreateUser(b -> b.userPoolId(pool).username(name).messageAction(MessageActionType.SUPPRESS)
                .userAttributes(attribute("email", email), attribute("email_verified", "true")));
        cognito.adminSetUserPassword(b -> b.userPoolId(pool).username(name).password(PASSWORD).permanent(true));
        return name;
    }

    private static String unique(String prefix) {
        return prefix + "-" + USERS.incrementAndGet();
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    private static String sub(String pool, String username) {
        return cognito.adminGetUser(b -> b.userPoolId(pool).username(username)).userAttributes().stream()
                .filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();
    }

    private static JsonNode js(String scenario, String pool, String client, String username, String password,
            Map<String, ?> more) {
        Map<String, Object> request = new HashMap<>(Map.of("scenario", scenario, "endpoint", tobira.endpoint(),
                "userPoolId", pool, "clientId", client, "username", username, "password", password,
                "issuer", issuer(pool), "jwksUri", tobira.endpoint() + "/" + pool + "/.well-known/jwks.json"));
        request.putAll(more);
        return CognitoIdentityJs.run(request);
    }

    private static JsonNode js(String scenario, String username, String password) {
        return js(scenario, poolId, clientId, username, password, Map.of());
    }

    /** The server's issuer for a pool: its public base URL (RunningTobira's is its endpoint), then the pool id. */
    private static String issuer(String pool) {
        return tobira.endpoint() + "/" + pool;
    }

    @Test
    @DisplayName("authenticateUser with the right password: onSuccess, and jose verifies tokens with Cognito's claims")
    void authenticateUserWhenPasswordRightThenTokensVerifiedByJoseWithCognitosClaims() {
        String name = user(poolId, unique("jo"));

        JsonNode result = js("signIn", name, PASSWORD);

        assertThat(result.path("outcome").asString()).as(result.toString()).isEqualTo("success");
        assertThat(result.path("username").asString()).isEqualTo(name);
        JsonNode tokens = result.path("tokens");
        assertCognitoTokens(tokens, poolId, clientId, name, sub(poolId, name));
        assertThat(tokens.path("id").path("claims").path("email").asString()).isEqualTo(name + "@example.com");
        assertThat(tokens.path("refreshToken").asString()).matches("[A-Za-z0-9-_=.]+");
    }

    /** Spec §6.2–6.4, as jose returned them after checking the signature, the issuer and (ID token) the audience. */
    private static void assertCognitoTokens(JsonNode tokens, String pool, String client, String username,
            String sub) {
        JsonNode idHeader = tokens.path("id").path("header");
        JsonNode accessHeader = tokens.path("access").path("header");
        JsonNode id = tokens.path("id").path("claims");
        JsonNode access = tokens.path("access").path("claims");
        assertThat(idHeader.path("alg").asString()).isEqualTo("RS256");
        assertThat(accessHeader.path("alg").asString()).isEqualTo("RS256");
        assertThat(idHeader.path("kid").asString()).as("ID and access tokens are signed with different keys")
                .isNotBlank().isNotEqualTo(accessHeader.path("kid").asString());

        assertThat(id.path("token_use").asString()).isEqualTo("id");
        assertThat(id.path("iss").asString()).isEqualTo(issuer(pool));
        assertThat(id.path("aud").asString()).isEqualTo(client);
        assertThat(id.path("cognito:username").asString()).isEqualTo(username);
        assertThat(id.path("sub").asString()).isEqualTo(sub);
        assertThat(id.path("email_verified").isBoolean()).as("email_verified is a JSON boolean: " + id).isTrue();
        assertThat(id.path("email_verified").asBoolean()).isTrue();
        assertThat(id.path("exp").asLong() - id.path("iat").asLong()).isEqualTo(3600);
        assertThat(id.path("auth_time").isNumber()).isTrue();
        assertThat(id.path("jti").asString()).isNotBlank();

        assertThat(access.path("token_use").asString()).isEqualTo("access");
        assertThat(access.path("iss").asString()).isEqualTo(issuer(pool));
        assertThat(access.path("client_id").asString()).isEqualTo(client);
        assertThat(access.has("aud")).as("access tokens carry client_id, not aud").isFalse();
        assertThat(access.path("username").asString()).isEqualTo(username);
        assertThat(access.path("sub").asString()).isEqualTo(sub);
        assertThat(access.path("scope").asString()).isEqualTo(SIGNIN_SCOPE);
        assertThat(access.path("exp").asLong() - access.path("iat").asLong()).isEqualTo(3600);
        assertThat(access.path("auth_time").asLong()).isEqualTo(id.path("auth_time").asLong());
        assertThat(access.path("jti").asString()).isNotBlank().isNotEqualTo(id.path("jti").asString());

        assertThat(access.path("origin_jti").asString()).as("one authentication, one origin_jti")
                .isNotBlank().isEqualTo(id.path("origin_jti").asString());
    }

    @Test
    @DisplayName("authenticateUser with a wrong password: onFailure NotAuthorizedException \"Incorrect username or password.\"")
    void authenticateUserWhenPasswordWrongThenNotAuthorized() {
        String name = user(poolId, unique("kai"));

        JsonNode result = js("signIn", name, "Wrong-Passw0rd!");

        assertThat(result.path("outcome").asString()).as(result.toString()).isEqualTo("failure");
        assertThat(result.path("code").asString()).isEqualTo("NotAuthorizedException");
        assertThat(result.path("message").asString()).isEqualTo("Incorrect username or password.");
    }

    @Test
    @DisplayName("authenticateUser with the USER_PASSWORD_AUTH flow: the same tokens, and a wrong password is refused")
    void authenticateUserWhenUserPasswordAuthFlowThenTokensAndWrongPasswordRefused() {
        String name = user(poolId, unique("ian"));

        JsonNode result = js("signIn", poolId, clientId, name, PASSWORD, Map.of("flow", "USER_PASSWORD_AUTH"));

        assertThat(result.path("outcome").asString()).as(result.toString()).isEqualTo("success");
        assertCognitoTokens(result.path("tokens"), poolId, clientId, name, sub(poolId, name));
        JsonNode wrong = js("signIn", poolId, clientId, name, "Wrong-Passw0rd!",
                Map.of("flow", "USER_PASSWORD_AUTH"));
        assertThat(wrong.path("code").asString()).isEqualTo("NotAuthorizedException");
        assertThat(wrong.path("message").asString()).isEqualTo("Incorrect username or password.");
    }

    @Test
    @DisplayName("five wrong passwords, then the right one: onFailure \"Password attempts exceeded\" (spec §7)")
    void authenticateUserWhenFiveWrongPasswordsThenTheRightOneIsRefusedAsAttemptsExceeded() {
        String name = user(poolId, unique("jan"));
        List<String> passwords = new ArrayList<>(Collections.nCopies(5, "Wrong-Passw0rd!"));
        passwords.add(PASSWORD);

        // One process for all six, so that the right password follows the fifth failure at once.
        JsonNode result = js("attempts", poolId, clientId, name, PASSWORD,
                Map.of("flow", "USER_PASSWORD_AUTH", "passwords", passwords));

        assertThat(result.path("results").valueStream().map(r -> r.path("code").asString() + ": "
                + r.path("message").asString()).toList())
                .containsExactly(
                        "NotAuthorizedException: Incorrect username or password.",
                        "NotAuthorizedException: Incorrect username or password.",
                        "NotAuthorizedException: Incorrect username or password.",
                        "NotAuthorizedException: Incorrect username or password.",
                        "NotAuthorizedException: Incorrect username or password.",
                        "NotAuthorizedException: Password attempts exceeded");
    }

    @Test
    @DisplayName("email as username: the library signs in as USER_ID_FOR_SRP, the internal UUID username (spec §2.5.5)")
    void authenticateUserWhenPoolUsesEmailAsUsernameThenTheLibrarySignsInAsTheInternalUsername() {
        String email = user(emailPoolId, unique("lea") + "@example.com");
        String internal = cognito.adminGetUser(b -> b.userPoolId(emailPoolId).username(email)).username();
        assertThat(internal).isNotEqualTo(email);
        assertThat(UUID.fromString(internal).toString()).isEqualTo(internal);

        JsonNode result = js("signIn", emailPoolId, emailClientId, email, PASSWORD, Map.of());

        assertThat(result.path("outcome").asString()).as(result.toString()).isEqualTo("success");
        assertThat(result.path("username").asString()).isEqualTo(internal);
        assertCognitoTokens(result.path("tokens"), emailPoolId, emailClientId, internal, sub(emailPoolId, email));
        assertThat(result.path("tokens").path("id").path("claims").path("email").asString()).isEqualTo(email);
        JsonNode wrong = js("signIn", emailPoolId, emailClientId, email, "Wrong-Passw0rd!", Map.of());
        assertThat(wrong.path("code").asString()).isEqualTo("NotAuthorizedException");
        assertThat(wrong.path("message").asString()).isEqualTo("Incorrect username or password.");
    }

    @Test
    @DisplayName("unknown user: UserNotFoundException with LEGACY; with PreventUserExistenceErrors a simulated challenge, then \"Incorrect username or password.\"")
    void authenticateUserWhenUserUnknownThenCognitosErrorForTheClientsSetting() {
        JsonNode legacy = js("signIn", unique("nobody"), PASSWORD);
        assertThat(legacy.path("code").asString()).as(legacy.toString()).isEqualTo("UserNotFoundException");
        assertThat(legacy.path("message").asString()).isEqualTo("User does not exist.");

        JsonNode prevented = js("signIn", emailPoolId, emailClientId, unique("nobody") + "@example.com", PASSWORD,
                Map.of());
        assertThat(prevented.path("code").asString()).as(prevented.toString()).isEqualTo("NotAuthorizedException");
        assertThat(prevented.path("message").asString()).isEqualTo("Incorrect username or password.");
    }

    @Test
    @DisplayName("getSession with stale cached tokens refreshes them (REFRESH_TOKEN_AUTH): same family, new tokens jose verifies")
    void getSessionWhenCachedTokensAreStaleThenRefreshTokenAuthGivesVerifiedTokensOfTheSameAuthentication() {
        String name = user(poolId, unique("max"));

        JsonNode result = js("session", name, PASSWORD);

        assertThat(result.path("outcome").asString()).as(result.toString()).isEqualTo("success");
        JsonNode first = result.path("signIn");
        JsonNode refreshed = result.path("refreshed");
        String sub = sub(poolId, name);
        assertCognitoTokens(refreshed, poolId, clientId, name, sub);
        JsonNode firstAccess = first.path("access").path("claims");
        JsonNode access = refreshed.path("access").path("claims");
        assertThat(access.path("jti").asString()).as("new tokens").isNotEqualTo(firstAccess.path("jti").asString());
        assertThat(access.path("origin_jti").asString()).as("the same token family")
                .isEqualTo(firstAccess.path("origin_jti").asString());
        assertThat(refreshed.path("id").path("claims").path("auth_time").asLong()).as("auth_time is the sign-in's")
                .isEqualTo(first.path("id").path("claims").path("auth_time").asLong());
        assertThat(refreshed.path("refreshToken").asString()).as("the library keeps the refresh token it had")
                .isEqualTo(first.path("refreshToken").asString());
        assertThat(result.path("attributes").path("sub").asString()).isEqualTo(sub);
        assertThat(result.path("attributes").path("email").asString()).isEqualTo(name + "@example.com");
        assertThat(result.path("attributes").path("email_verified").asString()).isEqualTo("true");
    }

    @Test
    @DisplayName("globalSignOut: GetUser (getUserAttributes) then says \"Access Token has been revoked\", refresh \"Refresh Token has been revoked\"")
    void globalSignOutWhenDoneThenGetUserAndRefreshAreRefused() {
        String name = user(poolId, unique("noa"));

        JsonNode result = js("globalSignOut", name, PASSWORD);

        assertThat(result.path("outcome").asString()).as(result.toString()).isEqualTo("success");
        assertThat(result.path("before").path("email").asString()).isEqualTo(name + "@example.com");
        assertThat(result.path("getUserAfter").path("code").asString()).isEqualTo("NotAuthorizedException");
        assertThat(result.path("getUserAfter").path("message").asString()).isEqualTo("Access Token has been revoked");
        assertThat(result.path("refreshAfter").path("code").asString()).isEqualTo("NotAuthorizedException");
        assertThat(result.path("refreshAfter").path("message").asString()).isEqualTo("Refresh Token has been revoked");
    }

    @Test
    @DisplayName("signOut with a callback sends RevokeToken (the token has origin_jti): its refresh token is revoked")
    void signOutWhenAskedToRevokeThenTheRefreshTokenIsRevoked() {
        String name = user(poolId, unique("oto"));

        JsonNode result = js("revokeSignOut", name, PASSWORD);

        assertThat(result.path("outcome").asString()).as(result.toString()).isEqualTo("success");
        assertThat(result.path("refreshAfter").path("code").asString()).isEqualTo("NotAuthorizedException");
        assertThat(result.path("refreshAfter").path("message").asString()).isEqualTo("Refresh Token has been revoked");
    }

    @Test
    @DisplayName("a temporary password: newPasswordRequired with parsed attributes, completeNewPasswordChallenge gives tokens")
    void authenticateUserWhenPasswordTemporaryThenNewPasswordRequiredAndCompletingItGivesTokens() {
        String name = unique("pia");
        cognito.adminCreateUser(b -> b.userPoolId(poolId).username(name).temporaryPassword("Temp-Passw0rd!")
                .messageAction(MessageActionType.SUPPRESS)
                .userAttributes(attribute("email", name + "@example.com"), attribute("email_verified", "true")));

        JsonNode result = js("newPassword", poolId, clientId, name, "Temp-Passw0rd!",
                Map.of("newPassword", "New-Passw0rd!"));

        assertThat(result.path("outcome").asString()).as(result.toString()).isEqualTo("success");
        assertThat(result.path("userAttributes").path("email").asString()).isEqualTo(name + "@example.com");
        assertThat(result.path("requiredAttributes").isArray()).isTrue();
        assertCognitoTokens(result.path("tokens"), poolId, clientId, name, sub(poolId, name));
        assertThat(cognito.adminGetUser(b -> b.userPoolId(poolId).username(name)).userStatus())
                .isEqualTo(UserStatusType.CONFIRMED);
        assertThat(js("signIn", name, "New-Passw0rd!").path("outcome").asString()).isEqualTo("success");
    }
}
