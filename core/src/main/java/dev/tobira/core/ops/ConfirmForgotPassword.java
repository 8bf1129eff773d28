package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.CodeMismatchException;
import dev.tobira.core.CognitoException.ExpiredCodeException;
import dev.tobira.core.CognitoException.UserNotFoundException;
import dev.tobira.core.Operation;
import dev.tobira.core.Services;
import dev.tobira.core.code.CodePurpose;
import dev.tobira.core.pool.PasswordPolicyCheck;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.srp.Verifiers;
import dev.tobira.core.trigger.AuthChallengeTriggers;
import dev.tobira.core.trigger.UserLifecycleTriggers;
import dev.tobira.core.user.User;
import dev.tobira.core.user.UserStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Sets a new password with the code ForgotPassword sent: the code is spent and the password set in
 * one transaction; the user is {@code CONFIRMED} afterwards, as in Cognito. The pool's PostConfirmation
 * trigger is then told ({@code PostConfirmation_ConfirmForgotPassword}).
 */
public final class ConfirmForgotPassword extends ServiceOperation<ConfirmForgotPassword.Request, Operation.Empty> {

    public record Request(String clientId, String secretHash, String username, String confirmationCode,
            String password, Map<String, String> clientMetadata) {}

    public ConfirmForgotPassword(Services services) {
        super(services, Request.class);
    }

    @Override
    public Empty handle(Request r) {
        AppClients.Caller caller = AppClients.caller(services, r.clientId(), r.username(), r.secretHash());
        UserPoolClient client = caller.client();
        UserPool pool = caller.pool();
        Optional<User> found = Users.lookUp(services, pool, r.username());
        if (found.isEmpty()) {
            throw "ENABLED".equals(client.preventUserExistenceErrors())
                    ? new CodeMismatchException(ConfirmationCodes.MISMATCH)
                    : new UserNotFoundException("Username/client id combination not found.");
        }
        User user = found.get();
        if (services.codes().active(pool.id(), user.username(), CodePurpose.FORGOT_PASSWORD).isEmpty()
                && services.codes().find(pool.id(), user.username(), CodePurpose.FORGOT_PASSWORD,
                        services.codeHasher().hash(pool.id(), user.username(), CodePurpose.FORGOT_PASSWORD,
                                r.confirmationCode())).isEmpty()) {
            // No code was ever requested (or all are spent): Cognito says to request one.
            throw new ExpiredCodeException(ConfirmationCodes.EXPIRED);
        }
        PasswordPolicyCheck.check(pool.policies().passwordPolicy(), r.password());
        Instant now = services.clock().instant();
        User changed = user.withPassword(Verifiers.create(pool.srpPoolName(), user.username(), r.password(),
                services.random()), Optional.empty(), UserStatus.CONFIRMED, now);
        ConfirmationCodes.use(services, pool, user, CodePurpose.FORGOT_PASSWORD, r.confirmationCode(), now, () -> {
            Pools.save(services, changed);
            return changed;
        });
        new UserLifecycleTriggers(pool.lambdaConfig(), services.triggers()).postConfirmation(
                UserLifecycleTriggers.ConfirmationSource.ConfirmForgotPassword,
                AuthChallengeTriggers.Context.of(client.clientId(), changed, r.clientMetadata()));
        return new Empty();
    }
}
