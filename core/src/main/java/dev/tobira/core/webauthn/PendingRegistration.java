package dev.tobira.core.webauthn;

import java.time.Instant;

/**
 * A registration StartWebAuthnRegistration began and CompleteWebAuthnRegistration may finish: the
 * creation options sent (with their challenge) as the WebAuthn library's JSON, and the app client
 * whose access token asked for it.
 */
public record PendingRegistration(String userPoolId, String username, String clientId, String requestJson,
        Instant expiresAt) {

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
