package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.Operation;
import dev.tobira.core.Services;
import dev.tobira.core.code.CodePurpose;
import dev.tobira.core.message.Message;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.user.User;
import dev.tobira.core.user.UserStatus;
import dev.tobira.core.trigger.CustomMessageTrigger;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An administrator makes a user reset their password: the user becomes {@code RESET_REQUIRED}, so
 * that sign-in answers {@code PasswordResetRequiredException}, and is sent a ForgotPassword code
 * (to the verified phone number, else the verified email) with which ConfirmForgotPassword sets a new
 * password. As Cognito documents, the code is sent only when the user has such a verified address;
 * the status changes either way. A user who never set a password of their own (invited by
 * AdminCreateUser, or not yet confirmed) is refused with Cognito's error.
 */
public final class AdminResetUserPassword extends ServiceOperation<AdminResetUserPassword.Request, Operation.Empty> {

    public record Request(String userPoolId, String username, Map<String, String> clientMetadata) {}

    public AdminResetUserPassword(Services services) {
        super(services, Request.class);
    }

    @Override
    public Empty handle(Request r) {
        UserPool pool = Pools.pool(services, r.userPoolId());
        User user = Pools.user(services, pool, r.username());
        // Cognito's text for a FORCE_CHANGE_PASSWORD user (reported in issues); UNCONFIRMED users get it by inference.
        if (user.status() == UserStatus.FORCE_CHANGE_PASSWORD || user.status() == UserStatus.UNCONFIRMED) {
            throw new NotAuthorizedException("User password cannot be reset in the current state.");
        }
        Instant now = services.clock().instant();
        Optional<Message.Channel> channel = ForgotPassword.channel(user);
        User reset = user.withStatus(UserStatus.RESET_REQUIRED, now);
        // Composed (CustomMessage_ForgotPassword) before the transaction: a function may take seconds.
        Optional<ConfirmationCodes.Prepared> code = channel.map(c -> ConfirmationCodes.prepare(services, pool, reset, c,
                now, CustomMessageTrigger.Source.ForgotPassword, AdminConfirmSignUp.ADMIN_CALLER,
                r.clientMetadata() == null ? Map.of() : r.clientMetadata()));
        services.transactions().inTransaction(() -> {
            Pools.save(services, reset);
            return code.map(c -> ConfirmationCodes.issue(services, pool, reset, CodePurpose.FORGOT_PASSWORD, now, c));
        });
        return new Empty();
    }
}
