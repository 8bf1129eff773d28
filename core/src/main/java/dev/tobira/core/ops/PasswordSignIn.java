package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.NotAuthorizedException;
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

/**
 * The checks every password sign-in makes, in Cognito's order (spec §5.4, §7): the user exists
 * (or, with {@code PreventUserExistenceErrors}, an unknown user looks like a wrong password), is
 * confirmed (said even when the password is wrong), is enabled, is not locked out; then the password
 * itself, whose failures count towards the lockout.
 */
final class PasswordSignIn {

    static final String INCORRECT = "Incorrect username or password.";
    static final String ATTEMPTS_EXCEEDED = "Password attempts exceeded";

    private PasswordSignIn() {}

    /** The user named {@code username}, in a state that may sign in; Cognito's errors otherwise. */
    static User signableUser(Services services, UserPool pool, UserPoolClient client, String username) {
        Optional<User> found = Users.lookUp(services, pool, username);
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
        return user;
    }

    /**
     * Checks a password proof for {@code user} against the lockout: refused outright while locked
     * out; otherwise {@code proof} decides, and a failure counts. A temporary password past its
     * validity is refused like a wrong one would be, with Cognito's own text.
     */
    static void prove(Services services, UserPool pool, User user, boolean proof) {
        Instant now = services.clock().instant();
        count(services, pool, user, notLockedOut(services, pool, user, now), proof, now);
        if (!proof) {
            throw new NotAuthorizedException(INCORRECT);
        }
        if (user.status() == UserStatus.FORCE_CHANGE_PASSWORD
                && user.temporaryPasswordExpiry().filter(now::isAfter).isPresent()) {
            throw new NotAuthorizedException("Temporary password has expired and must be reset by an administrator.");
        }
    }

    /**
     * The user's lockout counters as of {@code now}, unless the user is locked out: then the attempt
     * is refused with "Password attempts exceeded" and, as Cognito does, does not count.
     */
    static Lockout notLockedOut(Services services, UserPool pool, User user, Instant now) {
        Lockout lockout = services.lockouts().find(pool.id(), user.username()).asOf(now);
        if (lockout.locked(now)) {
            services.lockouts().save(pool.id(), user.username(), lockout.refused(now));
            throw new NotAuthorizedException(ATTEMPTS_EXCEEDED);
        }
        return lockout;
    }

    /** Counts a judged proof: a failure towards the lockout; a success clears the counters. */
    static void count(Services services, UserPool pool, User user, Lockout lockout, boolean proof, Instant now) {
        if (!proof) {
            services.lockouts().save(pool.id(), user.username(), lockout.failed(now));
        } else if (!lockout.equals(Lockout.NONE)) {
            services.lockouts().save(pool.id(), user.username(), Lockout.NONE);
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
