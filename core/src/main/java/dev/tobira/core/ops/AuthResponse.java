package dev.tobira.core.ops;

import java.util.List;
import java.util.Map;

/**
 * The answer of the four sign-in operations (InitiateAuth, RespondToAuthChallenge and their Admin
 * forms): either the next challenge with its {@code Session}, or the tokens.
 */
public record AuthResponse(
        String challengeName,
        String session,
        Map<String, String> challengeParameters,
        AuthenticationResult authenticationResult,
        List<String> availableChallenges) {

    /** Cognito's {@code AuthenticationResultType}. */
    public record AuthenticationResult(String accessToken, Integer expiresIn, String tokenType, String refreshToken,
            String idToken) {}

    static AuthResponse tokens(AuthenticationResult result) {
        // Cognito sends an empty ChallengeParameters object beside the tokens (spec §2.3).
        return new AuthResponse(null, null, Map.of(), result, null);
    }

    static AuthResponse challenge(String name, String session, Map<String, String> parameters) {
        return new AuthResponse(name, session, parameters, null, null);
    }

    /** A USER_AUTH challenge that also lists the user's first factors, or none when {@code available} is null. */
    static AuthResponse challenge(String name, String session, Map<String, String> parameters,
            List<String> available) {
        return new AuthResponse(name, session, parameters, null, available == null ? null : List.copyOf(available));
    }
}
