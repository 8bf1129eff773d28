package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.Operation;
import dev.tobira.core.Services;
import dev.tobira.core.code.CodePurpose;
import dev.tobira.core.message.Message;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.user.User;
import dev.tobira.core.user.UserStatus;
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
        services.transactions().inTransaction(() -> {
            User reset = user.withStatus(UserStatus.RESET_REQUIRED, now);
            Pools.save(services, reset);
            return channel.map(c -> ConfirmationCodes.send(services, pool, reset, c, CodePurpose.FORGOT_PASSWORD, now));
        });
        return new Empty();
    }
}
