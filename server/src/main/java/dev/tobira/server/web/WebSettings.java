package dev.tobira.server.web;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the web sign-in app reaches its user pool and how it behaves. Nothing else ties it to Tobira:
 * pointed at real Cognito ({@code endpoint} empty) it works the same.
 *
 * @param region the pool's region, e.g. {@code us-east-1}
 * @param userPoolId the pool, e.g. {@code us-east-1_TobiraDev}; its name part is SRP's pool name
 * @param clientId the app client, which must allow {@code ALLOW_CUSTOM_AUTH} (password then code),
 *     {@code ALLOW_USER_AUTH} (passwordless) and {@code ALLOW_REFRESH_TOKEN_AUTH}
 * @param clientSecret the app client's secret, when it has one: requests then carry {@code SECRET_HASH}
 * @param endpoint the Cognito API endpoint; empty means AWS's own for {@code region}
 * @param secureCookies whether the session cookie is {@code Secure} (everywhere but local dev over http)
 * @param resendCooldown how long after a confirmation code or a passwordless sign-in code is sent
 *     before the page offers another
 * @param codeValidity how long an emailed sign-in code works, for each design, as the code page tells the user
 * @param passwordRules the pool's password policy, shown on the sign-up page
 * @param rateLimits how many form posts a client address and a username may make per minute
 */
public record WebSettings(
        String region,
        String userPoolId,
        String clientId,
        Optional<String> clientSecret,
        Optional<URI> endpoint,
        boolean secureCookies,
        Duration resendCooldown,
        CodeValidity codeValidity,
        PasswordRules passwordRules,
        RateLimits rateLimits) {

    public WebSettings {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(userPoolId, "userPoolId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(codeValidity, "codeValidity");
        if (!userPoolId.matches("[\\w-]+_[0-9a-zA-Z]+")) {
            throw new IllegalArgumentException("user pool id must look like us-east-1_AbC123, not " + userPoolId);
        }
        if (resendCooldown.isNegative()) {
            throw new IllegalArgumentException("resendCooldown must be ≥ 0");
        }
    }

    /**
     * How long an emailed sign-in code works, told apart by design: the two codes come from different
     * places and need not last as long.
     *
     * @param customChallenge the code of the password design ({@code CUSTOM_AUTH}), made by the
     *     auth-challenge triggers: their code validity, but no longer than the app client's
     *     {@code AuthSessionValidity}, when the round's session ends
     * @param emailOtp the passwordless code ({@code USER_AUTH}, {@code EMAIL_OTP}), made by Cognito:
     *     the app client's {@code AuthSessionValidity} (3 minutes unless set)
     */
    public record CodeValidity(Duration customChallenge, Duration emailOtp) {

        /** Cognito's defaults: both codes last the default {@code AuthSessionValidity}, 3 minutes. */
        public static final CodeValidity COGNITO_DEFAULT = new CodeValidity(Duration.ofMinutes(3), Duration.ofMinutes(3));

        public CodeValidity {
            if (!customChallenge.isPositive() || !emailOtp.isPositive()) {
                throw new IllegalArgumentException("code validities must be > 0");
            }
        }

        /** How long the code of a sign-in by {@code method} works. */
        public Duration of(WebState.Method method) {
            return method == WebState.Method.PASSWORD_AND_EMAIL_CODE ? customChallenge : emailOtp;
        }
    }

    /**
     * A password policy as the sign-up page states it (Cognito's {@code PasswordPolicy}).
     *
     * @param minimumLength at least this many characters (6 to 99)
     */
    public record PasswordRules(int minimumLength, boolean requireUppercase, boolean requireLowercase,
            boolean requireNumbers, boolean requireSymbols) {

        /** Cognito's default policy: 8 characters with upper- and lower-case letters, numbers and symbols. */
        public static final PasswordRules COGNITO_DEFAULT = new PasswordRules(8, true, true, true, true);
    }

    /**
     * Limits on form posts, counted per minute across every node (they share the database).
     *
     * @param perAddressPerMinute posts from one client address
     * @param perUsernamePerMinute posts naming one email address (sign-in, sign-up, codes)
     */
    public record RateLimits(int perAddressPerMinute, int perUsernamePerMinute) {

        /** Production defaults: room for a person, not for a script. */
        public static final RateLimits DEFAULT = new RateLimits(60, 10);

        public RateLimits {
            if (perAddressPerMinute < 1 || perUsernamePerMinute < 1) {
                throw new IllegalArgumentException("rate limits must be at least 1 a minute");
            }
        }
    }

    /** Generous limits for dev mode, where one address is every tester and every test. */
    public static final RateLimits DEV_RATE_LIMITS = new RateLimits(600, 30);

    /**
     * The web app inside a dev-mode server: the dev pool and client, through the server's own port,
     * with the server's resend cooldown, the code validities of the {@code tobira-email-otp} triggers
     * and of the dev client's {@code AuthSessionValidity}, cookies without {@code Secure} (plain http).
     */
    public static WebSettings devServer(dev.tobira.server.config.Settings server) {
        return new WebSettings(server.region(), dev.tobira.server.dev.DevPool.poolId(server.region()),
                dev.tobira.server.dev.DevPool.CLIENT_ID, Optional.empty(), Optional.of(ownPort(server)), false,
                server.limits().resendCooldown(), devCodeValidity(server), PasswordRules.COGNITO_DEFAULT,
                DEV_RATE_LIMITS);
    }

    /** The server's own API, for pages served inside it: its port, on loopback when it listens everywhere. */
    public static URI ownPort(dev.tobira.server.config.Settings server) {
        String host = server.host().equals("0.0.0.0") || server.host().equals("::") ? "127.0.0.1" : server.host();
        String authority = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + authority + ":" + server.port());
    }

    private static CodeValidity devCodeValidity(dev.tobira.server.config.Settings server) {
        Duration session = dev.tobira.server.dev.DevPool.AUTH_SESSION_VALIDITY;
        Duration trigger = server.limits().emailOtpTrigger().codeValidity();
        return new CodeValidity(trigger.compareTo(session) < 0 ? trigger : session, session);
    }

    /** Never shows the client secret. */
    @Override
    public String toString() {
        return "WebSettings[region=" + region + ", userPoolId=" + userPoolId + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret.isPresent() ? "***" : "-") + ", endpoint="
                + endpoint.map(URI::toString).orElse("(AWS)") + ", secureCookies=" + secureCookies
                + ", resendCooldown=" + resendCooldown + ", codeValidity=" + codeValidity + ", passwordRules="
                + passwordRules + ", rateLimits=" + rateLimits + "]";
    }
}
