package dev.tobira.core.token;

import java.time.Instant;

/**
 * The claims of an access token that {@link TokenIssuer#verifyAccessToken} accepted: signed by a
 * published access key of its pool, issued by this server, and not expired.
 *
 * @param userPoolId the pool in {@code iss}, which is also the pool of the key that signed it
 * @param clientId {@code client_id}
 * @param username {@code username}: the internal username
 * @param sub {@code sub}
 * @param jti {@code jti}
 * @param originJti {@code origin_jti}, shared with the sign-in's other tokens
 * @param eventId {@code event_id}
 * @param authTime {@code auth_time}
 * @param issuedAt {@code iat} (e.g. to refuse tokens issued before a GlobalSignOut)
 * @param expiresAt {@code exp}
 */
public record AccessTokenClaims(
        String userPoolId,
        String clientId,
        String username,
        String sub,
        String jti,
        String originJti,
        String eventId,
        Instant authTime,
        Instant issuedAt,
        Instant expiresAt) {}
