package dev.tobira.core.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.core.TestServices;
import dev.tobira.core.srp.SrpClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** CUSTOM_AUTH begun with SRP, then the password proof (spec §3.1), in either shape a client sends. */
final class CustomAuthSrp {

    /** How the client begins. */
    enum Shape {
        /** {@code SRP_A} with {@code CHALLENGE_NAME=SRP_A}: amazon-cognito-identity-js. */
        SRP_A_FIRST,
        /** {@code SRP_A} alone, no {@code CHALLENGE_NAME}: pycognito's {@code get_auth_params()}. */
        SRP_A_ALONE;

        /** The AuthParameters of InitiateAuth CUSTOM_AUTH for {@code username} with {@code srpA}. */
        Map<String, String> authParameters(String username, String srpA) {
            Map<String, String> parameters = new LinkedHashMap<>(Map.of("USERNAME", username, "SRP_A", srpA));
            if (this == SRP_A_FIRST) {
                parameters.put("CHALLENGE_NAME", "SRP_A");
            }
            return parameters;
        }
    }

    private CustomAuthSrp() {}

    /**
     * Initiates CUSTOM_AUTH with {@code CHALLENGE_NAME=SRP_A}, expects PASSWORD_VERIFIER, proves
     * {@code password} at the test clock's time, and returns what follows the proof.
     */
    static AuthResponse passwordThenNext(TestServices t, String poolId, String clientId, String username,
            String password, Random random) {
        return passwordThenNext(t, poolId, clientId, Shape.SRP_A_FIRST, username, password, random);
    }

    /** As {@link #passwordThenNext(TestServices, String, String, String, String, Random)}, begun in {@code shape}. */
    static AuthResponse passwordThenNext(TestServices t, String poolId, String clientId, Shape shape, String username,
            String password, Random random) {
        SrpClient srp = new SrpClient(poolId, random);
        AuthResponse verifier = new InitiateAuth(t.services).handle(new InitiateAuth.Request("CUSTOM_AUTH",
                shape.authParameters(username, srp.srpA()), null, clientId, null, null, null));
        assertThat(verifier.challengeName()).isEqualTo("PASSWORD_VERIFIER");
        return prove(t, clientId, srp, verifier, password);
    }

    /** Answers the PASSWORD_VERIFIER challenge {@code verifier} with a proof of {@code password}. */
    static AuthResponse prove(TestServices t, String clientId, SrpClient srp, AuthResponse verifier, String password) {
        Map<String, String> p = verifier.challengeParameters();
        return new RespondToAuthChallenge(t.services).handle(new RespondToAuthChallenge.Request(clientId,
                "PASSWORD_VERIFIER", verifier.session(), srp.passwordVerifierResponses(p.get("USER_ID_FOR_SRP"),
                        password, p.get("SALT"), p.get("SRP_B"), p.get("SECRET_BLOCK"), t.clock.instant()), null,
                null, null));
    }
}
