package dev.tobira.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.tobira.core.Limits;
import dev.tobira.core.Services;
import dev.tobira.core.code.CodeHasher;
import dev.tobira.core.message.Message;
import dev.tobira.core.ops.AuthResponse;
import dev.tobira.core.ops.CompleteWebAuthnRegistration;
import dev.tobira.core.ops.ConfirmSignUp;
import dev.tobira.core.ops.CreateUserPool;
import dev.tobira.core.ops.CreateUserPoolClient;
import dev.tobira.core.ops.InitiateAuth;
import dev.tobira.core.ops.RespondToAuthChallenge;
import dev.tobira.core.ops.SetUserPoolMfaConfig;
import dev.tobira.core.ops.SignUp;
import dev.tobira.core.ops.StartWebAuthnRegistration;
import dev.tobira.core.pool.UserPool.PasswordPolicy;
import dev.tobira.core.pool.UserPool.Policies;
import dev.tobira.core.pool.UserPool.SignInPolicy;
import dev.tobira.core.token.TokenIssuer;
import dev.tobira.core.trigger.TriggerInvoker;
import dev.tobira.core.user.Attribute;
import dev.tobira.core.webauthn.SoftwareAuthenticator;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passkeys on the JDBC stores with two nodes sharing one H2 database: a registration started on one
 * node completes on the other, a WEB_AUTHN challenge from one is answered on the other, and the same
 * assertion sent to both signs in once.
 */
class PasskeysAcrossNodesTest {

    private static final String RP = "example.com";
    private static final String ORIGIN = "https://example.com";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final List<Message> sent = new CopyOnWriteArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-04T09:00:00Z"), ZoneOffset.UTC);

    private Services node(HikariDataSource dataSource) {
        JdbcStores stores = JdbcStores.create(dataSource);
        SecureRandom random = new SecureRandom();
        JdbcSigningKeys keys = new JdbcSigningKeys(dataSource, clock, random);
        return new Services(stores.pools(), stores.clients(), stores.users(), stores.codes(), stores.sessions(),
                stores.lockouts(), stores.tokens(), new TokenIssuer(keys, clock, "http://localhost:9229"), keys,
                sent::add, stores.transactions(), new CodeHasher(stores.secrets().getOrCreate("code-hmac-key", 32)),
                new Limits(6, Duration.ofHours(24), 5, Duration.ZERO, dev.tobira.core.trigger.EmailOtpSettings.DEFAULT),
                clock, random, "us-east-1", "000000000000", TriggerInvoker.NONE, stores.groups(),
                stores.resourceServers(), stores.domains(), stores.webAuthn(), stores.authorizationCodes());
    }

    @Test
    @SuppressWarnings("unchecked")
    void passkeyWhenStartedOnOneNodeThenFinishedOnTheOtherAndARacedAssertionSignsInOnce() throws Exception {
        try (HikariDataSource dataSource = TestDatabases.h2(dir)) {
            Services a = node(dataSource);
            Services b = node(dataSource);
            String poolId = new CreateUserPool(a).handle(new CreateUserPool.Request("nodes",
                    new Policies(PasswordPolicy.DEFAULT, new SignInPolicy(List.of("PASSWORD", "WEB_AUTHN"))),
                    null, null, List.of("email"), null, List.of("email"), null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null)).userPool().id();
            new SetUserPoolMfaConfig(b).handle(new SetUserPoolMfaConfig.Request(poolId, null, null, null, null,
                    new SetUserPoolMfaConfig.WebAuthnConfiguration(RP, null, null)));
            String clientId = new CreateUserPoolClient(b).handle(new CreateUserPoolClient.Request(poolId, "web",
                    null, null, null, null, null, null, null, null, List.of("ALLOW_USER_AUTH"), null, null, null,
                    null, null, null, null, null, null, null, null, null, null)).userPoolClient().clientId();
            String email = "kai@example.com";
            new SignUp(a).handle(new SignUp.Request(clientId, null, email, "Right-Passw0rd!",
                    List.of(new Attribute("email", email)), null, null));
            new ConfirmSignUp(b).handle(new ConfirmSignUp.Request(clientId, null, email, code(), null, null, null));
            String token = new InitiateAuth(a).handle(new InitiateAuth.Request("USER_AUTH", Map.of("USERNAME", email,
                    "PREFERRED_CHALLENGE", "PASSWORD", "PASSWORD", "Right-Passw0rd!"), null, clientId, null, null,
                    null)).authenticationResult().accessToken();

            SoftwareAuthenticator authenticator = new SoftwareAuthenticator(1);
            Map<String, Object> creation = new StartWebAuthnRegistration(a)
                    .handle(new StartWebAuthnRegistration.Request(token)).credentialCreationOptions();
            new CompleteWebAuthnRegistration(b).handle(new CompleteWebAuthnRegistration.Request(token,
                    authenticator.create(creation, ORIGIN, RP)));

            AuthResponse challenge = new InitiateAuth(b).handle(new InitiateAuth.Request("USER_AUTH",
                    Map.of("USERNAME", email, "PREFERRED_CHALLENGE", "WEB_AUTHN"), null, clientId, null, null, null));
            Map<String, Object> request = JSON.readValue(
                    challenge.challengeParameters().get("CREDENTIAL_REQUEST_OPTIONS"), Map.class);
            String credential = JSON.writeValueAsString(authenticator.get(request, ORIGIN, RP));
            List<String> outcomes = dev.tobira.core.Race.outcomes(2, i -> new RespondToAuthChallenge(i == 0 ? a : b)
                    .handle(new RespondToAuthChallenge.Request(clientId, "WEB_AUTHN", challenge.session(),
                            Map.of("USERNAME", email, "CREDENTIAL", credential), null, null, null)));
            assertThat(outcomes).containsExactlyInAnyOrder("tokens",
                    "NotAuthorizedException: Invalid session for the user.");
        }
    }

    private String code() {
        Matcher m = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)").matcher(sent.getLast().body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
