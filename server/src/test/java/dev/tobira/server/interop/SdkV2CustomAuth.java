package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.core.srp.SrpClient;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;

/** CUSTOM_AUTH through the AWS SDK for Java v2, begun with SRP as amazon-cognito-identity-js begins it (spec §3.1). */
final class SdkV2CustomAuth {

    private SdkV2CustomAuth() {}

    /**
     * InitiateAuth CUSTOM_AUTH with {@code CHALLENGE_NAME=SRP_A}, expecting PASSWORD_VERIFIER, then the
     * proof of {@code password}: what follows the proof.
     */
    static RespondToAuthChallengeResponse passwordThenNext(CognitoIdentityProviderClient cognito, String pool,
            String client, String username, String password) {
        SrpClient srp = new SrpClient(pool, new SecureRandom());
        InitiateAuthResponse verifier = cognito.initiateAuth(b -> b.clientId(client).authFlow(AuthFlowType.CUSTOM_AUTH)
                .authParameters(Map.of("USERNAME", username, "SRP_A", srp.srpA(), "CHALLENGE_NAME", "SRP_A")));
        assertThat(verifier.challengeName()).isEqualTo(ChallengeNameType.PASSWORD_VERIFIER);
        Map<String, String> p = verifier.challengeParameters();
        return cognito.respondToAuthChallenge(b -> b.clientId(client).session(verifier.session())
                .challengeName(ChallengeNameType.PASSWORD_VERIFIER)
                .challengeResponses(srp.passwordVerifierResponses(p.get("USER_ID_FOR_SRP"), password, p.get("SALT"),
                        p.get("SRP_B"), p.get("SECRET_BLOCK"), Instant.now())));
    }
}
