package dev.tobira.core.signin;

import java.time.Instant;
import java.util.Optional;

/**
 * Every token descending from one sign-in shares an {@code origin_jti}: the family. Revoking the
 * family (RevokeToken, GlobalSignOut) makes its refresh tokens and access tokens useless at once.
 *
 * @param authTime when the user signed in; ID tokens keep it across refreshes
 * @param revokedAt when the family was revoked, if it was
 */
public record TokenFamily(
        String originJti,
        String userPoolId,
        String clientId,
        String username,
        Instant authTime,
        Optional<Instant> revokedAt) {}
