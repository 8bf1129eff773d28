package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.LimitExceededException;
import dev.tobira.core.CognitoException.UserNotFoundException;
import dev.tobira.core.Services;
import dev.tobira.core.code.CodePurpose;
import dev.tobira.core.message.Message;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.trigger.CustomMessageTrigger;
import dev.tobira.core.user.User;
import dev.tobira.core.user.UserStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Sends a new sign-up code (spec §5.3), which supersedes the previous one; not again within the
 * resend cooldown. With {@code PreventUserExistenceErrors} an unknown user gets a simulated answer.
 */
public final class ResendConfirmationCode
        extends ServiceOperation<ResendConfirmationCode.Request, ResendConfirmationCode.Response> {

    public record Request(String clientId, String secretHash, String username, Map<String, String> clientMetadata) {}

    public record Response(CodeDeliveryDetails codeDeliveryDetails) {}

    public ResendConfirmationCode(Services services) {
        super(services, Request.class);
    }

    @Override
    public Response handle(Request r) {
        AppClients.Caller caller = AppClients.caller(services, r.clientId(), r.username(), r.secretHash());
        UserPoolClient client = caller.client();
        UserPool pool = caller.pool();
        Optional<User> found = Users.lookUp(services, pool, r.username());
        if (found.isEmpty()) {
            if ("ENABLED".equals(client.preventUserExistenceErrors())) {
                return new Response(ForgotPassword.simulated(r.username()));
            }
            throw new UserNotFoundException("Username/client id combination not found.");
        }
        User user = found.get();
        if (user.status() != UserStatus.UNCONFIRMED) {
            throw new InvalidParameterException("User is already confirmed.");
        }
        Message.Channel channel = ConfirmationCodes.channel(pool, user)
                .orElseThrow(() -> new InvalidParameterException("Auto verification not turned on."));
        Instant now = services.clock().instant();
        services.codes().active(pool.id(), user.username(), CodePurpose.SIGN_UP)
                .filter(code -> now.isBefore(code.issuedAt().plus(services.limits().resendCooldown())))
                .ifPresent(code -> {
                    throw new LimitExceededException(ConfirmationCodes.ATTEMPTS);
                });
        ConfirmationCodes.Prepared code = ConfirmationCodes.prepare(services, pool, user, channel, now,
                CustomMessageTrigger.Source.ResendCode, client.clientId(), r.clientMetadata());
        return new Response(services.transactions().inTransaction(
                () -> ConfirmationCodes.issue(services, pool, user, CodePurpose.SIGN_UP, now, code)));
    }
}
