package dev.tobira.server.web;

import java.io.Serializable;
import java.time.Instant;

/**
 * The tokens of a signed-in user, kept in the server-side session only: never in a cookie, never in a
 * page. {@link #toString} shows none of them.
 *
 * @param refreshToken empty when the pool issued none
 * @param expiresAt when the access and ID tokens stop working ({@code ExpiresIn} after they were issued)
 */
public record Tokens(String accessToken, String idToken, String refreshToken, Instant expiresAt)
        implements Serializable {

    /** These tokens with a fresh access and ID token, keeping the refresh token when none came back. */
    public Tokens refreshedBy(Tokens fresh) {
        return new Tokens(fresh.accessToken, fresh.idToken,
                fresh.refreshToken.isEmpty() ? refreshToken : fresh.refreshToken, fresh.expiresAt);
    }

    @Override
    public String toString() {
        return "Tokens[expiresAt=" + expiresAt + "]";
    }
}
