package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.LimitExceededException;
import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.CognitoException.UserNotFoundException;
import dev.tobira.core.Services;
import dev.tobira.core.code.CodePurpose;
import dev.tobira.core.message.Masking;
import dev.tobira.core.message.Message;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.trigger.CustomMessageTrigger;
import dev.tobira.core.trigger.SignInTriggers;
import dev.tobira.core.user.User;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Sends a code with which ConfirmForgotPassword sets a new password, to the user's verified email
 * (or phone number); not again within the resend cooldown. With {@code PreventUserExistenceErrors}
 * an unknown user gets a simulated answer.
 */
public final class ForgotPassword extends ServiceOperation<ForgotPassword.Request, ForgotPassword.Response> {

    public record Request(String clientId, String secretHash, String username, Map<String, String> clientMetadata) {}

    public record Response(CodeDeliveryDetails codeDeliveryDetails) {}

    public ForgotPassword(Services services) {
        super(services, Request.class);
    }

    @Override
    public Response handle(Request r) {
        AppClients.Caller caller = AppClients.caller(services, r.clientId(), r.username(), r.secretHash());
        UserPoolClient client = caller.client();
        UserPool pool = caller.pool();
        Optional<User> found = Users.lookUp(services, pool, r.username());
        if (found.isEmpty()) {
            // UserMigration_ForgotPassword: a user the function knows is brought in, without a password.
            found = UserMigrations.migrate(services, pool, client, r.username(),
                    SignInTriggers.MigrationSource.ForgotPassword, null, r.clientMetadata());
        }
        boolean prevent = "ENABLED".equals(client.preventUserExistenceErrors());
        if (found.isEmpty() || !found.get().enabled()) {
            if (prevent) {
                return new Response(simulated(r.username()));
            }
            throw found.isEmpty() ? new UserNotFoundException("Username/client id combination not found.")
                    : new NotAuthorizedException("User is disabled.");
        }
        User user = found.get();
        Message.Channel channel = channel(user).orElseThrow(() -> new InvalidParameterException(
                "Cannot reset password for the user as there is no registered/verified email or phone_number"));
        Instant now = services.clock().instant();
        services.codes().active(pool.id(), user.username(), CodePurpose.FORGOT_PASSWORD)
                .filter(code -> now.isBefore(code.issuedAt().plus(services.limits().resendCooldown())))
                .ifPresent(code -> {
                    throw new LimitExceededException(ConfirmationCodes.ATTEMPTS);
                });
        ConfirmationCodes.Prepared code = ConfirmationCodes.prepare(services, pool, user, channel, now,
                CustomMessageTrigger.Source.ForgotPassword, client.clientId(), r.clientMetadata());
        return new Response(services.transactions().inTransaction(() -> ConfirmationCodes.issue(services, pool, user,
                CodePurpose.FORGOT_PASSWORD, now, code)));
    }

    /** A verified phone number first, as Cognito prefers, else a verified email. */
    static Optional<Message.Channel> channel(User user) {
        if (user.attribute("phone_number_verified").filter("true"::equals).isPresent()
                && user.attribute("phone_number").isPresent()) {
            return Optional.of(Message.Channel.SMS);
        }
        if (user.attribute("email_verified").filter("true"::equals).isPresent() && user.attribute("email").isPresent()) {
            return Optional.of(Message.Channel.EMAIL);
        }
        return Optional.empty();
    }

    /** What an existing user would have seen, so that the answer reveals nothing. */
    static CodeDeliveryDetails simulated(String username) {
        boolean phone = username.startsWith("+");
        Message.Channel channel = phone ? Message.Channel.SMS : Message.Channel.EMAIL;
        String to = username.contains("@") || phone ? username : username + "@" + username;
        return new CodeDeliveryDetails(Masking.destination(channel, to), channel.name(),
                phone ? "phone_number" : "email");
    }
}
