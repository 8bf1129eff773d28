package dev.tobira.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.TestServices;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.srp.SrpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** USER_SRP_AUTH → PASSWORD_VERIFIER through the operations, with the core SRP client and an injected clock. */
class SrpSignInTest {

    private TestServices t;
    private String poolId;
    private String clientId;

    @BeforeEach
    void setUp() {
        t = new TestServices();
        UserPool pool = new CreateUserPool(t.services).handle(new CreateUserPool.Request("p", null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null)).userPool();
        poolId = pool.id();
        clientId = new CreateUserPoolClient(t.services).handle(new CreateUserPoolClient.Request(poolId, "c", null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                "ENABLED", null, null, null, null)).userPoolClient().clientId();
        new AdminCreateUser(t.services).handle(new AdminCreateUser.Request(poolId, "sue", null, null,
                "Temp-Passw0rd!", null, "SUPPRESS", null, null));
        new AdminSetUserPassword(t.services).handle(new AdminSetUserPassword.Request(poolId, "sue", "Right-Passw0rd!",
                true));
    }

    private AuthResponse initiate(String username, SrpClient srp) {
        return new InitiateAuth(t.services).handle(new InitiateAuth.Request("USER_SRP_AUTH",
                Map.of("USERNAME", username, "SRP_A", srp.srpA()), null, clientId, null, null, null));
    }

    private AuthResponse verify(AuthResponse challenge, SrpClient srp, String password, String session) {
        Map<String, String> p = challenge.challengeParameters();
        Map<String, String> responses = new HashMap<>(srp.passwordVerifierResponses(p.get("USER_ID_FOR_SRP"),
                password, p.get("SALT"), p.get("SRP_B"), p.get("SECRET_BLOCK"), t.clock.instant()));
        return new RespondToAuthChallenge(t.services).handle(new RespondToAuthChallenge.Request(clientId,
                "PASSWORD_VERIFIER", session, responses, null, null, null));
    }

    @Test
    void verifyWhenRightPasswordThenTokensAndWhenWrongThenIncorrect() {
        SrpClient srp = new SrpClient(poolId, new Random(1));
        AuthResponse challenge = initiate("sue", srp);
        assertThat(challenge.challengeName()).isEqualTo("PASSWORD_VERIFIER");
        assertThat(challenge.challengeParameters()).containsEntry("USERNAME", "sue").containsEntry("USER_ID_FOR_SRP",
                "sue").containsKeys("SALT", "SRP_B", "SECRET_BLOCK");
        assertThat(verify(challenge, srp, "Right-Passw0rd!", challenge.session()).authenticationResult()
                .accessToken()).isNotBlank();

        SrpClient other = new SrpClient(poolId, new Random(2));
        AuthResponse second = initiate("sue", other);
        assertThatThrownBy(() -> verify(second, other, "Wrong-Passw0rd!", second.session()))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Incorrect username or password.");
    }

    @Test
    @DisplayName("Cognito requires that your application respond to this challenge within a few seconds (spec §2.4)")
    void verifyWhenSessionOlderThanItsValidityThenSessionExpired() {
        SrpClient srp = new SrpClient(poolId, new Random(3));
        AuthResponse challenge = initiate("sue", srp);
        t.clock.advance(Duration.ofMinutes(3));
        assertThatThrownBy(() -> verify(challenge, srp, "Right-Passw0rd!", null))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Invalid session for the user, session is expired.");
    }

    @Test
    @DisplayName("PreventUserExistenceErrors: a simulated PASSWORD_VERIFIER, the same for the same name (spec §2.5.7)")
    void initiateWhenUserUnknownThenDeterministicSimulatedChallengeThatNoProofPasses() {
        SrpClient srp = new SrpClient(poolId, new Random(4));
        AuthResponse first = initiate("nobody", srp);
        AuthResponse again = initiate("nobody", new SrpClient(poolId, new Random(5)));
        assertThat(first.challengeName()).isEqualTo("PASSWORD_VERIFIER");
        assertThat(first.challengeParameters().get("SALT")).isEqualTo(again.challengeParameters().get("SALT"));
        assertThat(first.challengeParameters().get("USER_ID_FOR_SRP"))
                .isEqualTo(again.challengeParameters().get("USER_ID_FOR_SRP"))
                .matches("[0-9a-f-]{36}");
        assertThatThrownBy(() -> verify(first, srp, "Any-Passw0rd!", first.session()))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Incorrect username or password.");
    }

    @Test
    void verifyWhenTimestampIsNotCognitosFormatThenInvalidParameter() {
        SrpClient srp = new SrpClient(poolId, new Random(6));
        AuthResponse challenge = initiate("sue", srp);
        Map<String, String> p = challenge.challengeParameters();
        Map<String, String> responses = new HashMap<>(srp.passwordVerifierResponses(p.get("USER_ID_FOR_SRP"),
                "Right-Passw0rd!", p.get("SALT"), p.get("SRP_B"), p.get("SECRET_BLOCK"), t.clock.instant()));
        responses.put("TIMESTAMP", "2026-11-02T08:04:05Z");
        assertThatThrownBy(() -> new RespondToAuthChallenge(t.services).handle(new RespondToAuthChallenge.Request(
                clientId, "PASSWORD_VERIFIER", challenge.session(), responses, null, null, null)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.");
    }

}
