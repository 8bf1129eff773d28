package dev.tobira.core.ops;

import dev.tobira.core.Operation;
import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.user.Attribute;
import dev.tobira.core.user.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sets attributes of a user. Changing {@code email} or {@code phone_number} marks it unverified
 * unless the same call sets its {@code *_verified} attribute, as in Cognito; unless that call sets it
 * {@code true}, a pool that auto-verifies the attribute sends a code to the new value
 * (CustomMessage_UpdateUserAttribute), and a pool that requires verification before update keeps the old
 * value until the code comes back (VerifyUserAttribute), as UpdateUserAttributes does.
 */
public final class AdminUpdateUserAttributes
        extends ServiceOperation<AdminUpdateUserAttributes.Request, Operation.Empty> {

    public record Request(String userPoolId, String username, List<Attribute> userAttributes,
            Map<String, String> clientMetadata) {}

    public AdminUpdateUserAttributes(Services services) {
        super(services, Request.class);
    }

    @Override
    public Empty handle(Request r) {
        UserPool pool = Pools.pool(services, r.userPoolId());
        User user = Pools.user(services, pool, r.username());
        AttributeRules.checkWritable(pool, r.userAttributes(), false);
        List<Attribute> changes = new ArrayList<>(r.userAttributes());
        List<Attribute> pending = new ArrayList<>();
        List<String> verifyNow = new ArrayList<>();
        for (String contact : ContactAttributes.VERIFIABLE) {
            String verified = ContactAttributes.verifiedFlag(contact);
            Optional<Attribute> change = changes.stream().filter(a -> a.name().equals(contact)
                    && !user.attribute(contact).map(a.value()::equals).orElse(false)).findFirst();
            if (change.isEmpty()) {
                continue;
            }
            ContactAttributes.checkAliasFree(services, pool, user, contact, change.get().value());
            boolean verifiedGiven = changes.stream().anyMatch(a -> a.name().equals(verified));
            boolean verifiedTrue = changes.stream().anyMatch(a -> a.name().equals(verified) && "true".equals(a.value()));
            // AdminUpdateUserAttributes' UserAttributes documentation: in a pool that requires verification before
            // update the value waits for the code; "If you set the email_verified or phone_number_verified value ...
            // to true, Amazon Cognito doesn't send a verification message". AWS's knowledge-center article on
            // email_verified: with the pool's email verification set (AutoVerifiedAttributes), UpdateUserAttributes
            // and AdminUpdateUserAttributes send the code to the new address.
            if (verifiedTrue) {
                continue;
            }
            if (ContactAttributes.verifiedBeforeUpdate(pool, contact)) {
                changes.remove(change.get());
                pending.add(change.get());
                continue;
            }
            if (!verifiedGiven && user.attribute(verified).isPresent()) {
                changes.add(new Attribute(verified, "false"));
            }
            if (pool.autoVerifiedAttributes().contains(contact)) {
                verifyNow.add(contact);
            }
        }
        Instant now = services.clock().instant();
        User updated = user.withAttributes(AttributeRules.merge(user.attributes(), changes), now);
        Map<String, String> metadata = r.clientMetadata() == null ? Map.of() : r.clientMetadata();
        List<Runnable> issues = new ArrayList<>();
        List<CodeDeliveryDetails> sent = new ArrayList<>();
        for (Attribute a : pending) {
            UpdateUserAttributes.prepareCode(services, pool, updated, AdminConfirmSignUp.ADMIN_CALLER, a.name(),
                    a.value(), Optional.of(a.value()), now, metadata, issues, sent);
        }
        for (String name : verifyNow) {
            UpdateUserAttributes.prepareCode(services, pool, updated, AdminConfirmSignUp.ADMIN_CALLER, name,
                    updated.attribute(name).orElseThrow(), Optional.empty(), now, metadata, issues, sent);
        }
        services.transactions().inTransaction(() -> {
            Pools.save(services, updated);
            issues.forEach(Runnable::run);
            return null;
        });
        return new Empty();
    }
}
