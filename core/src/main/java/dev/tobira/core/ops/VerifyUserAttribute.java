package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.UserNotFoundException;
import dev.tobira.core.Operation;
import dev.tobira.core.Services;
import dev.tobira.core.code.CodePurpose;
import dev.tobira.core.code.OneTimeCode;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.user.Attribute;
import dev.tobira.core.user.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A signed-in user proves an email address or phone number with the code GetUserAttributeVerificationCode
 * or UpdateUserAttributes sent: {@code email_verified} / {@code phone_number_verified} becomes true,
 * and a new value the code carries (a pool that verifies before updating) replaces the old one. The
 * code is spent and the user changed in one transaction. Wrong, spent and expired codes and the
 * attempt limit get the same errors as ConfirmSignUp's ({@link ConfirmationCodes#use}).
 */
public final class VerifyUserAttribute extends ServiceOperation<VerifyUserAttribute.Request, Operation.Empty> {

    public record Request(String accessToken, String attributeName, String code) {}

    public VerifyUserAttribute(Services services) {
        super(services, Request.class);
    }

    @Override
    public Empty handle(Request r) {
        SignedInUser caller = SignedInUser.of(services, r.accessToken());
        ContactAttributes.checkVerifiable(r.attributeName());
        UserPool pool = caller.pool();
        User user = caller.user();
        String name = r.attributeName();
        CodePurpose purpose = CodePurpose.verifying(name);
        Instant now = services.clock().instant();
        ConfirmationCodes.use(services, pool, user, purpose, r.code(), now, () -> {
            Optional<String> pendingValue = services.codes().find(pool.id(), user.username(), purpose,
                    services.codeHasher().hash(pool.id(), user.username(), purpose, r.code()))
                    .flatMap(OneTimeCode::pendingValue);
            // Read again inside the transaction: the user may have changed since the token was checked.
            User current = services.users().find(pool.id(), user.username(), true)
                    .orElseThrow(() -> new UserNotFoundException("User does not exist."));
            List<Attribute> changes = new ArrayList<>();
            pendingValue.ifPresent(value -> {
                ContactAttributes.checkAliasFree(services, pool, current, name, value);
                changes.add(new Attribute(name, value));
            });
            if (pendingValue.isPresent() || current.attribute(name).isPresent()) {
                changes.add(new Attribute(ContactAttributes.verifiedFlag(name), "true"));
            }
            User updated = current.withAttributes(AttributeRules.merge(current.attributes(), changes), now);
            Pools.save(services, updated);
            return updated;
        });
        return new Empty();
    }
}
