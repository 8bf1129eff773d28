package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.CognitoException.PasswordResetRequiredException;
import dev.tobira.core.CognitoException.UserNotConfirmedException;
import dev.tobira.core.CognitoException.UserNotFoundException;
import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.signin.Lockout;
import dev.tobira.core.srp.Verifiers;
import dev.tobira.core.user.User;
import dev.tobira.core.user.UserStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The checks every password sign-in makes, in Cognito's order (spec §5.4, §7): the user exists
 * (or, with {@code PreventUserExistenceErrors}, an unknown user looks like a wrong password), is
 * confirmed (said even when the password is wrong), is enabled, is not locked out; then the password
 * itself, whose failures count towards the lockout.
 */
final class PasswordSignIn {

    static final String INCORRECT = "Incorrect username or password.";
    static final String ATTEMPTS_EXCEEDED = "Password attempts exceeded";
    static final String PASSWORD_RESET_REQUIRED = "Password reset required for the user";

    private PasswordSignIn() {}

    /** The user named {@code username}, in a state that may sign in; Cognito's errors otherwise. */
    static User signableUser(Services services, UserPool pool, UserPoolClient client, String username) {
        return signableUser(client, Users.lookUp(services, pool, username));
    }

    /** {@link #signableUser(Services, UserPool, UserPoolClient, String)} for a user already looked up. */
    static User signableUser(UserPoolClient client, Optional<User> found) {
        if (found.isEmpty()) {
            throw "ENABLED".equals(client.preventUserExistenceErrors())
                    ? new NotAuthorizedException(INCORRECT)
                    : new UserNotFoundException("User does not exist.");
        }
        User user = found.get();
        if (user.status() == UserStatus.UNCONFIRMED) {
            throw new UserNotConfirmedException("User is not confirmed.");
        }
        if (!user.enabled()) {
            throw new NotAuthorizedException("User is disabled.");
        }
        if (user.status() == UserStatus.RESET_REQUIRED) {
            // After AdminResetUserPassword: the password no longer works, whatever is sent; the way on
            // is ForgotPassword's code. Said even with PreventUserExistenceErrors (aws-sdk-ios#2298).
            throw new PasswordResetRequiredException(PASSWORD_RESET_REQUIRED);
        }
        return user;
    }

    /**
     * Checks a password proof for {@code user} against the lockout: refused outright while locked
     * out; otherwise {@code proof} decides, and a failure counts. A temporary password past its
     * validity is refused like a wrong one would be, with Cognito's own text.
     */
    static void prove(Services services, UserPool pool, User user, boolean proof) {
        Instant now = services.clock().instant();
        count(services, pool, user, proof, now);
        if (!proof) {
            throw new NotAuthorizedException(INCORRECT);
        }
        if (user.status() == UserStatus.FORCE_CHANGE_PASSWORD
                && user.temporaryPasswordExpiry().filter(now::isAfter).isPresent()) {
            throw new NotAuthorizedException("Temporary password has expired and must be reset by an administrator.");
        }
    }

    /**
     * Refuses the attempt with "Password attempts exceeded" while the user is locked out; such an
     * attempt, as in Cognito, does not count.
     */
    static void notLockedOut(Services services, UserPool pool, User user, Instant now) {
        judge(services, pool, user, now, Function.identity());
    }

    /**
     * Counts a judged proof in one atomic change of the counters, so that proofs racing in parallel
     * are each counted: a failure towards the lockout, a success clears the counters. While the user
     * is locked out the proof is refused instead, whatever it was, and does not count.
     */
    static void count(Services services, UserPool pool, User user, boolean proof, Instant now) {
        judge(services, pool, user, now, l -> proof ? Lockout.NONE : l.failed(now));
    }

    private static void judge(Services services, UserPool pool, User user, Instant now,
            Function<Lockout, Lockout> unlocked) {
        AtomicBoolean refused = new AtomicBoolean();
        services.lockouts().change(pool.id(), user.username(), stored -> {
            Lockout lockout = stored.asOf(now);
            refused.set(lockout.locked(now));
            return refused.get() ? lockout.refused(now) : unlocked.apply(lockout);
        });
        if (refused.get()) {
            throw new NotAuthorizedException(ATTEMPTS_EXCEEDED);
        }
    }

    /** Whether {@code password} is the user's: recomputes the SRP verifier from it. */
    static boolean matches(UserPool pool, User user, String password) {
        return user.password().map(v -> Verifiers.matches(v, pool.srpPoolName(), user.username(), password))
                .orElse(false);
    }

    static String required(java.util.Map<String, String> parameters, String name) {
        String value = parameters == null ? null : parameters.get(name);
        if (value == null || value.isEmpty()) {
            throw new InvalidParameterException("Missing required parameter " + name);
        }
        return value;
    }
}
