package dev.tobira.core.ops;

import dev.tobira.core.Ids;
import dev.tobira.core.Services;
import dev.tobira.core.code.CodePurpose;
import dev.tobira.core.code.OneTimeCode;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.session.AuthSession;
import dev.tobira.core.session.Sessions;
import dev.tobira.core.user.User;
import java.time.Instant;
import java.util.Map;

/**
 * The sign-in that ConfirmSignUp's session allows (spec §4.5): "only valid for users who have
 * confirmed their sign-up and are signing in for the first time within the authentication flow
 * session duration".
 *
 * <p>The CONFIRMED_SIGN_UP session names an {@link CodePurpose#AUTO_SIGN_IN} code, never sent to
 * anyone, that lives as long as the session. Using the session spends the code with the code
 * store's one conditional update, and so does every other sign-in of the user ({@link #endedBy}),
 * whatever the flow or app client: once the user has tokens, the session is refused.
 */
final class AutoSignIn {

    private static final CodePurpose PURPOSE = CodePurpose.AUTO_SIGN_IN;
    private static final String CODE_HASH = "autoSignInCodeHash";

    private AutoSignIn() {}

    /**
     * Opens the one-time sign-in session of {@code user}, confirmed just now, for {@code client}:
     * valid for the client's auth-session validity.
     */
    static String open(Services services, UserPoolClient client, User user, Instant now) {
        Instant expires = now.plus(client.authSessionDuration());
        String hash = services.codeHasher().hash(user.userPoolId(), user.username(), PURPOSE,
                Ids.opaque("A", 32, services.random()));
        return services.transactions().inTransaction(() -> {
            services.codes().issue(new OneTimeCode(user.userPoolId(), user.username(), PURPOSE, hash, now, expires, 0,
                    OneTimeCode.State.ACTIVE));
            return new Sessions(services.sessions(), services.random()).open(new AuthSession(user.userPoolId(),
                    client.clientId(), user.username(), AuthSession.Kind.CONFIRMED_SIGN_UP, now, expires,
                    Map.of(CODE_HASH, hash)));
        });
    }

    /**
     * Spends the sign-in that {@code session} allows: true for exactly one caller, and only while
     * the user has not signed in since the session was opened.
     */
    static boolean claim(Services services, AuthSession session, Instant now) {
        String hash = session.data().get(CODE_HASH);
        return hash != null && services.codes().consume(session.userPoolId(), session.username(), PURPOSE, hash, now);
    }

    /** {@code user} signed in: an open auto sign-in session of theirs no longer signs anyone in. */
    static void endedBy(Services services, User user, Instant now) {
        services.codes().active(user.userPoolId(), user.username(), PURPOSE)
                .filter(code -> !code.expired(now))
                .ifPresent(code -> services.codes().consume(user.userPoolId(), user.username(), PURPOSE,
                        code.codeHash(), now));
    }
}
