package dev.tobira.core.token;

import java.time.Instant;
import java.util.Objects;

/**
 * One sign-in, shared by every token that descends from it: the tokens it returned and those later
 * refreshed from its refresh token. Made by {@link TokenIssuer#newAuthentication()} when a user signs
 * in; a refresh keeps the one it was issued under, which the caller stores with the refresh token.
 *
 * @param authTime when the user signed in, whole seconds: the {@code auth_time} claim, which keeps the
 *     original sign-in time on refresh (spec §6.3)
 * @param originJti the {@code origin_jti} claim: revoking a refresh token revokes every token whose
 *     {@code origin_jti} it shares (spec §6.4)
 * @param eventId the {@code event_id} claim, a UUID naming the sign-in event
 */
public record Authentication(Instant authTime, String originJti, String eventId) {

    public Authentication {
        Objects.requireNonNull(authTime, "authTime");
        Objects.requireNonNull(originJti, "originJti");
        Objects.requireNonNull(eventId, "eventId");
    }
}
