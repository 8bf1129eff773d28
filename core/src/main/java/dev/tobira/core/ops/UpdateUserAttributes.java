package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.Services;
import dev.tobira.core.code.CodePurpose;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.user.Attribute;
import dev.tobira.core.user.User;
import dev.tobira.core.trigger.CustomMessageTrigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A signed-in user changes their own attributes. Each must exist in the schema, be mutable and be
 * among the app client's {@code WriteAttributes}; {@code email_verified} and
 * {@code phone_number_verified} are never the user's to set. A changed {@code email} or
 * {@code phone_number}:
 * <ul>
 *   <li>in a pool whose {@code UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate}
 *       names it, keeps its old value; a code goes to the new value, which becomes the user's only
 *       when VerifyUserAttribute gets that code (the code carries it);
 *   <li>otherwise changes at once and becomes unverified ({@code *_verified} false), with a code sent
 *       to the new value when the pool auto-verifies the attribute.
 * </ul>
 * An attribute given a blank value is deleted, as DeleteUserAttributes deletes it. The messages are composed
 * (CustomMessage trigger) first; then the changes, the codes and their messages are written in one transaction. Where each code went
 * is in {@code CodeDeliveryDetailsList}.
 */
public final class UpdateUserAttributes
        extends ServiceOperation<UpdateUserAttributes.Request, UpdateUserAttributes.Response> {

    public record Request(List<Attribute> userAttributes, String accessToken, Map<String, String> clientMetadata) {}

    /** @param codeDeliveryDetailsList null (left out of the answer) when no code was sent */
    public record Response(List<CodeDeliveryDetails> codeDeliveryDetailsList) {}

    public UpdateUserAttributes(Services services) {
        super(services, Request.class);
    }

    @Override
    public Response handle(Request r) {
        SignedInUser caller = SignedInUser.of(services, r.accessToken());
        UserPool pool = caller.pool();
        User user = caller.user();
        List<Attribute> given = r.userAttributes() == null ? List.of() : r.userAttributes();
        // "To delete an attribute from your user, submit the attribute in your API request with a blank
        // value" (Cognito's AdminUpdateUserAttributes documentation; the same holds here).
        List<String> deleted = given.stream().filter(a -> "".equals(a.value())).map(Attribute::name).toList();
        List<Attribute> set = given.stream().filter(a -> !"".equals(a.value())).toList();
        AttributeRules.checkWritable(pool, set, false);
        AttributeRules.checkDeletable(pool, deleted);
        boolean setsVerifiedFlag = given.stream().anyMatch(a -> ContactAttributes.VERIFIABLE.stream()
                .map(ContactAttributes::verifiedFlag).anyMatch(a.name()::equals));
        if (setsVerifiedFlag) {
            throw new NotAuthorizedException(AttributeRules.UNAUTHORIZED_WRITE);
        }
        AttributeRules.checkClientMayWrite(caller.client(), given);

        List<Attribute> applied = new ArrayList<>();
        List<Attribute> pending = new ArrayList<>();
        List<String> verifyNow = new ArrayList<>();
        for (Attribute a : set) {
            boolean changedContact = ContactAttributes.VERIFIABLE.contains(a.name())
                    && !user.attribute(a.name()).map(a.value()::equals).orElse(false);
            if (!changedContact) {
                applied.add(a);
                continue;
            }
            ContactAttributes.checkAliasFree(services, pool, user, a.name(), a.value());
            if (ContactAttributes.verifiedBeforeUpdate(pool, a.name())) {
                pending.add(a);
            } else {
                applied.add(a);
                applied.add(new Attribute(ContactAttributes.verifiedFlag(a.name()), "false"));
                if (pool.autoVerifiedAttributes().contains(a.name())) {
                    verifyNow.add(a.name());
                }
            }
        }
        Instant now = services.clock().instant();
        User updated = user.withAttributes(
                AttributeRules.without(AttributeRules.merge(user.attributes(), applied), deleted), now);
        // Messages are composed (CustomMessage_UpdateUserAttribute) before the transaction: a function may
        // take seconds, and must not hold a database transaction open meanwhile. A refusal changes nothing.
        Map<String, String> metadata = r.clientMetadata() == null ? Map.of() : r.clientMetadata();
        List<Runnable> issues = new ArrayList<>();
        List<CodeDeliveryDetails> sent = new ArrayList<>();
        for (Attribute a : pending) {
            prepareCode(services, pool, updated, caller.client().clientId(), a.name(), a.value(), Optional.of(a.value()),
                    now, metadata, issues, sent);
        }
        for (String name : verifyNow) {
            prepareCode(services, pool, updated, caller.client().clientId(), name, updated.attribute(name).orElseThrow(),
                    Optional.empty(), now, metadata, issues, sent);
        }
        services.transactions().inTransaction(() -> {
            Pools.save(services, updated);
            issues.forEach(Runnable::run);
            return null;
        });
        return new Response(sent.isEmpty() ? null : List.copyOf(sent));
    }

    /**
     * Composes (CustomMessage_UpdateUserAttribute, outside any transaction) the code that verifies attribute
     * {@code name} at {@code to}; adds the work that issues it, to run in the change's transaction, to
     * {@code issues}, and where it goes to {@code sent}.
     */
    static void prepareCode(Services services, UserPool pool, User updated, String clientId, String name, String to,
            Optional<String> pendingValue, Instant now, Map<String, String> metadata, List<Runnable> issues,
            List<CodeDeliveryDetails> sent) {
        ConfirmationCodes.Prepared code = ConfirmationCodes.prepare(services, pool, updated,
                ConfirmationCodes.channelOf(name), to, now, CustomMessageTrigger.Source.UpdateUserAttribute,
                clientId, metadata);
        issues.add(() -> ConfirmationCodes.issue(services, pool, updated, CodePurpose.verifying(name), now,
                pendingValue, code));
        sent.add(code.details());
    }
}
