package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.Services;
import dev.tobira.core.code.CodePurpose;
import dev.tobira.core.code.OneTimeCode;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.trigger.CustomMessageTrigger;
import dev.tobira.core.user.User;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Sends a signed-in user a code for VerifyUserAttribute, for {@code email} or {@code phone_number}:
 * to the new value still waiting for verification if an UpdateUserAttributes left one (the new code
 * carries it on), else to the current value. A new code supersedes the previous one; not again
 * within the resend cooldown.
 */
public final class GetUserAttributeVerificationCode extends
        ServiceOperation<GetUserAttributeVerificationCode.Request, GetUserAttributeVerificationCode.Response> {

    public record Request(String accessToken, String attributeName, Map<String, String> clientMetadata) {}

    public record Response(CodeDeliveryDetails codeDeliveryDetails) {}

    public GetUserAttributeVerificationCode(Services services) {
        super(services, Request.class);
    }

    @Override
    public Response handle(Request r) {
        SignedInUser caller = SignedInUser.of(services, r.accessToken());
        ContactAttributes.checkVerifiable(r.attributeName());
        UserPool pool = caller.pool();
        User user = caller.user();
        String name = r.attributeName();
        CodePurpose purpose = CodePurpose.verifying(name);
        Instant now = services.clock().instant();
        Optional<String> pendingValue = services.codes().active(pool.id(), user.username(), purpose)
                .flatMap(OneTimeCode::pendingValue);
        // UNCONFIRMED text: Cognito's answer for a user without the attribute is not documented.
        String to = pendingValue.or(() -> user.attribute(name)).orElseThrow(() -> new InvalidParameterException(
                "User does not have a value for the attribute: " + name));
        ContactAttributes.checkCooldown(services, pool, user, purpose, now);
        // Composed (CustomMessage_VerifyUserAttribute) before the transaction: a trigger may take seconds.
        ConfirmationCodes.Prepared code = ConfirmationCodes.prepare(services, pool, user,
                ConfirmationCodes.channelOf(name), to, now, CustomMessageTrigger.Source.VerifyUserAttribute,
                caller.client().clientId(), r.clientMetadata() == null ? Map.of() : r.clientMetadata());
        return new Response(services.transactions().inTransaction(
                () -> ConfirmationCodes.issue(services, pool, user, purpose, now, pendingValue, code)));
    }
}
