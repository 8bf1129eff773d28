package dev.tobira.server.login;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The managed-login session of a domain: who signed in there, so that the next {@code /oauth2/authorize}
 * of any app of the domain's pool goes straight back to it, as Cognito's hosted UI does with its one session
 * cookie per domain. The app the user signed in through is recorded because its refresh token is the session.
 *
 * <p>Kept as a refresh token in an encrypted cookie rather than in a table: nothing to migrate or clean up,
 * any node can read it (the key is a {@code ServerSecrets} secret, shared through the database), and the
 * sign-in it stands for stays the pool's own — a revoked refresh token or a global sign-out ends it on
 * every node at once, because the next use of the cookie refreshes at the pool. AES-GCM makes the cookie
 * unreadable and unforgeable; its own time stamp bounds it to {@link #LIFETIME} whatever the browser keeps.
 *
 * <p>The cookie is {@code HttpOnly}, {@code SameSite=Lax} (the redirect from the app is a top-level GET),
 * {@code Secure} unless the server is a dev server on plain http, with path {@code /<domain>/}.
 */
public final class ManagedLoginSessions {

    /** How long a managed-login session lasts: Cognito's hosted UI keeps its session cookie for one hour. */
    static final Duration LIFETIME = Duration.ofHours(1);

    static final String COOKIE = "TOBIRA_LOGIN";

    private static final int IV_BYTES = 12;

    /**
     * A signed-in user of a domain.
     *
     * @param username the pool's username (the tokens' {@code username}), for {@code SECRET_HASH}
     * @param email what the user typed to sign in
     * @param refreshToken the refresh token of {@code clientId}
     */
    record Session(String poolId, String clientId, String username, String email, String refreshToken,
            Instant signedInAt) {

        @Override
        public String toString() {
            return "Session[poolId=" + poolId + ", clientId=" + clientId + ", signedInAt=" + signedInAt + "]";
        }
    }

    private final SecretKeySpec key;
    private final boolean secure;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ManagedLoginSessions(byte[] key, boolean secure, Clock clock) {
        this.key = new SecretKeySpec(key, "AES");
        this.secure = secure;
        this.clock = clock;
    }

    /** The session of {@code domain} that this request carries, when it is one of ours and not over. */
    Optional<Session> find(HttpServletRequest request, String domain) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> c.getName().equals(COOKIE)).map(c -> open(c.getValue(), domain))
                .flatMap(Optional::stream).filter(s -> clock.instant().isBefore(s.signedInAt().plus(LIFETIME)))
                .findFirst();
    }

    void start(HttpServletResponse response, String domain, Session session) {
        String value = String.join("\n", domain, session.poolId(), session.clientId(), session.username(),
                session.email(), session.refreshToken(), Long.toString(session.signedInAt().getEpochSecond()));
        write(response, domain, seal(value), LIFETIME.toSeconds());
    }

    void end(HttpServletResponse response, String domain) {
        write(response, domain, "", 0);
    }

    private void write(HttpServletResponse response, String domain, String value, long maxAge) {
        StringBuilder cookie = new StringBuilder(COOKIE).append('=').append(value).append("; Path=/").append(domain)
                .append("/; Max-Age=").append(maxAge).append("; HttpOnly; SameSite=Lax");
        if (secure) {
            cookie.append("; Secure");
        }
        response.addHeader("Set-Cookie", cookie.toString());
    }

    private String seal(String value) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The session in {@code value}, when it was sealed by this server for {@code domain}. */
    private Optional<Session> open(String value, String domain) {
        try {
            // RFC 6265 lets a cookie-value come in double quotes (java.net's CookieManager sends it so).
            String unquoted = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                    ? value.substring(1, value.length() - 1) : value;
            byte[] all = Base64.getUrlDecoder().decode(unquoted);
            if (all.length <= IV_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, IV_BYTES));
            String[] parts = new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8)
                    .split("\n", -1);
            // A cookie of another domain (a copied cookie) is no session here.
            if (parts.length != 7 || !parts[0].equals(domain)) {
                return Optional.empty();
            }
            return Optional.of(new Session(parts[1], parts[2], parts[3], parts[4], parts[5],
                    Instant.ofEpochSecond(Long.parseLong(parts[6]))));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}
