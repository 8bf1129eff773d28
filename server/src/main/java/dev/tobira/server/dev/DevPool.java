package dev.tobira.server.dev;

import dev.tobira.core.Services;
import dev.tobira.core.ops.CreateUserPool;
import dev.tobira.core.ops.CreateUserPoolClient;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPool.LambdaConfig;
import dev.tobira.core.pool.UserPool.PasswordPolicy;
import dev.tobira.core.pool.UserPool.Policies;
import dev.tobira.core.pool.UserPool.SignInPolicy;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.webauthn.WebAuthnConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The pool and app client that dev mode creates on first start, with fixed ids so that READMEs,
 * scripts and the web app can name them. Set up for both sign-in designs: email as the username,
 * the built-in {@code tobira-email-otp} custom-auth triggers, and choice-based sign-in with
 * PASSWORD, EMAIL_OTP and WEB_AUTHN first factors. Passkeys are bound to the relying party id
 * {@value #RELYING_PARTY_ID}, which allows {@code http://localhost} on any port: the web app in dev mode
 * is served on {@code http://localhost:9229}, and an app on another local port can use the same passkeys.
 */
public final class DevPool {

    public static final String POOL_SUFFIX = "TobiraDev";
    public static final String CLIENT_ID = "tobiradevclient00000000000";
    public static final String RELYING_PARTY_ID = "localhost";

    /** The dev client's {@code AuthSessionValidity}: how long each sign-in step, and so an EMAIL_OTP code, lasts. */
    public static final Duration AUTH_SESSION_VALIDITY = Duration.ofMinutes(3);

    private DevPool() {}

    public static String poolId(String region) {
        return region + "_" + POOL_SUFFIX;
    }

    /** Creates the dev pool and client unless they exist; returns whether anything was created. */
    public static boolean ensure(Services services) {
        String poolId = poolId(services.region());
        if (services.pools().find(poolId).isPresent()) {
            return false;
        }
        Instant now = services.clock().instant();
        String trigger = "arn:aws:lambda:" + services.region() + ":" + services.accountId()
                + ":function:tobira-email-otp";
        LambdaConfig triggers = new LambdaConfig(null, null, null, null, null, trigger, trigger, trigger, null, null,
                null, null, null, null);
        UserPool pool = CreateUserPool.newPool(new CreateUserPool.Request(
                "tobira-dev",
                new Policies(PasswordPolicy.DEFAULT, new SignInPolicy(List.of("PASSWORD", "EMAIL_OTP", "WEB_AUTHN"))),
                null, triggers, List.of("email"), null, List.of("email"), null, null, null, null, null, null,
                null, null, null, null, Map.of("tobira", "dev"), null, null, null,
                new UserPool.UsernameConfiguration(false), null, "ESSENTIALS"), poolId, now, now, services);
        services.pools().create(pool);
        services.webAuthn().saveConfig(pool.id(), new WebAuthnConfig(RELYING_PARTY_ID, "preferred"));
        UserPoolClient client = CreateUserPoolClient.newClient(new CreateUserPoolClient.Request(
                pool.id(), "tobira-dev-web", false, null, null, null, null, null, null, null,
                List.of("ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH", "ALLOW_USER_AUTH", "ALLOW_USER_PASSWORD_AUTH",
                        "ALLOW_REFRESH_TOKEN_AUTH"),
                List.of("COGNITO"), null, null, null, null, null, null, null, "ENABLED", true, null,
                        Math.toIntExact(AUTH_SESSION_VALIDITY.toMinutes()), null),
                pool, CLIENT_ID, null, now, services);
        services.clients().create(client);
        return true;
    }
}
