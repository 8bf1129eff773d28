package dev.tobira.core.webauthn;

import java.time.Instant;
import java.util.List;

/**
 * A user's registered passkey (a WebAuthn public-key credential).
 *
 * @param credentialId the credential id, base64url without padding, unique within its pool
 * @param userHandle the WebAuthn user handle it was registered for (the user's {@code sub}, UTF-8), so
 *     that a later user of the same name never inherits it
 * @param publicKeyCose the credential's public key, COSE-encoded, base64url without padding
 * @param signatureCount the authenticator's signature counter as last seen
 * @param attachment {@code platform} or {@code cross-platform}; null when the browser did not say
 */
public record Passkey(
        String userPoolId,
        String username,
        String credentialId,
        String userHandle,
        String publicKeyCose,
        long signatureCount,
        String relyingPartyId,
        String friendlyName,
        String attachment,
        List<String> transports,
        Instant createdAt) {

    public Passkey {
        transports = List.copyOf(transports);
    }

    public Passkey withSignatureCount(long count) {
        return new Passkey(userPoolId, username, credentialId, userHandle, publicKeyCose, count, relyingPartyId,
                friendlyName, attachment, transports, createdAt);
    }
}
