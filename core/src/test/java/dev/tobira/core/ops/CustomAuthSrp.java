package dev.tobira.core.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.core.TestServices;
import dev.tobira.core.srp.SrpClient;
import java.util.Map;
import java.util.Random;

/** CUSTOM_AUTH as amazon-cognito-identity-js begins it: SRP_A, then the password proof (spec §3.1). */
final class CustomAuthSrp {

    private CustomAuthSrp() {}

    /**
     * Initiates CUSTOM_AUTH with {@code CHALLENGE_NAME=SRP_A}, expects PASSWORD_VERIFIER, proves
     * {@code password} at the test clock's time, and returns what follows the proof.
     */
    static AuthResponse passwordThenNext(TestServices t, String poolId, String clientId, String username,
            String password, Random random) {
        SrpClient srp = new SrpClient(poolId, random);
        AuthResponse verifier = new InitiateAuth(t.services).handle(new InitiateAuth.Request("CUSTOM_AUTH",
                Map.of("USERNAME", username, "SRP_A", srp.srpA(), "CHALLENGE_NAME", "SRP_A"), null, clientId, null,
                null, null));
        assertThat(verifier.challengeName()).isEqualTo("PASSWORD_VERIFIER");
        Map<String, String> p = verifier.challengeParameters();
        return new RespondToAuthChallenge(t.services).handle(new RespondToAuthChallenge.Request(clientId,
                "PASSWORD_VERIFIER", verifier.session(), srp.passwordVerifierResponses(p.get("USER_ID_FOR_SRP"),
                        password, p.get("SALT"), p.get("SRP_B"), p.get("SECRET_BLOCK"), t.clock.instant()), null,
                null, null));
    }
}
