package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.UnsupportedUserStateException;
import dev.tobira.core.CognitoException.UsernameExistsException;
import dev.tobira.core.Services;
import dev.tobira.core.message.Message;
import dev.tobira.core.pool.PasswordPolicyCheck;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.srp.Verifiers;
import dev.tobira.core.trigger.AuthChallengeTriggers;
import dev.tobira.core.trigger.UserLifecycleTriggers;
import dev.tobira.core.trigger.UserLifecycleTriggers.PreSignUpResponse;
import dev.tobira.core.user.Attribute;
import dev.tobira.core.user.PasswordVerifier;
import dev.tobira.core.user.User;
import dev.tobira.core.user.UserStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates a user with a temporary password (given, or generated to fit the policy) in
 * {@code FORCE_CHANGE_PASSWORD}, and sends the invitation unless told not to. {@code RESEND} sends
 * a new temporary password to an existing user who has not signed in yet.
 */
public final class AdminCreateUser extends ServiceOperation<AdminCreateUser.Request, AdminCreateUser.Response> {

    public record Request(
            String userPoolId,
            String username,
            List<Attribute> userAttributes,
            List<Attribute> validationData,
            String temporaryPassword,
            Boolean forceAliasCreation,
            String messageAction,
            List<String> desiredDeliveryMediums,
            Map<String, String> clientMetadata) {}

    public record Response(UserViews.UserType user) {}

    public AdminCreateUser(Services services) {
        super(services, Request.class);
    }

    @Override
    public Response handle(Request r) {
        UserPool pool = Pools.pool(services, r.userPoolId());
        if ("RESEND".equals(r.messageAction())) {
            return resend(pool, r);
        }
        List<Attribute> given = r.userAttributes() == null ? List.of() : r.userAttributes();
        AttributeRules.checkWritable(pool, given, true);
        Instant now = services.clock().instant();
        Usernames.NewIdentity identity = Usernames.newIdentity(services, pool, r.username(), given);
        String username = identity.username();
        List<Attribute> attributes = identity.attributes();
        AttributeRules.checkRequired(pool, attributes);

        String password = r.temporaryPassword() != null ? r.temporaryPassword()
                : PasswordPolicyCheck.generate(pool.policies().passwordPolicy(), services.random());
        PasswordPolicyCheck.check(pool.policies().passwordPolicy(), password);
        PasswordVerifier verifier = Verifiers.create(pool.srpPoolName(), username, password, services.random());
        User created = new User(pool.id(), username, attributes, UserStatus.FORCE_CHANGE_PASSWORD, true, now, now,
                Optional.of(verifier), Optional.of(temporaryExpiry(pool, now)));

        boolean caseSensitive = !pool.caseInsensitiveUsernames();
        if (services.users().find(pool.id(), username, caseSensitive).isPresent()) {
            throw new UsernameExistsException("User account already exists");
        }
        // PreSignUp_AdminCreateUser, outside the transaction: it may refuse, or verify the addresses. The
        // user stays FORCE_CHANGE_PASSWORD whatever autoConfirmUser says: an invited user must still
        // choose a password.
        PreSignUpResponse pre = new UserLifecycleTriggers(pool.lambdaConfig(), services.triggers()).preSignUp(
                UserLifecycleTriggers.SignUpSource.AdminCreateUser, AuthChallengeTriggers.Context.of(
                        AdminConfirmSignUp.ADMIN_CALLER, created, r.clientMetadata()), SignUp.names(r.validationData()));
        User user = SignUp.preSignUpApplied(created,
                new PreSignUpResponse(false, pre.autoVerifyEmail(), pre.autoVerifyPhone()), now);
        List<Message> invitations = "SUPPRESS".equals(r.messageAction()) ? List.of()
                : Invitations.messages(services, pool, AdminConfirmSignUp.ADMIN_CALLER, user, r.username(), password,
                        r.desiredDeliveryMediums(), r.clientMetadata(), now);
        services.transactions().inTransaction(() -> {
            services.users().create(user, caseSensitive);
            invitations.forEach(services.messages()::send);
            return user;
        });
        return new Response(UserViews.of(user));
    }

    private Response resend(UserPool pool, Request r) {
        User user = Pools.user(services, pool, r.username());
        if (user.status() != UserStatus.FORCE_CHANGE_PASSWORD) {
            throw new UnsupportedUserStateException("Resend not possible. " + user.username()
                    + " status is not FORCE_CHANGE_PASSWORD.");
        }
        Instant now = services.clock().instant();
        String password = r.temporaryPassword() != null ? r.temporaryPassword()
                : PasswordPolicyCheck.generate(pool.policies().passwordPolicy(), services.random());
        PasswordPolicyCheck.check(pool.policies().passwordPolicy(), password);
        User updated = user.withPassword(Verifiers.create(pool.srpPoolName(), user.username(), password,
                services.random()), Optional.of(temporaryExpiry(pool, now)), UserStatus.FORCE_CHANGE_PASSWORD, now);
        List<Message> invitations = Invitations.messages(services, pool, AdminConfirmSignUp.ADMIN_CALLER, updated,
                r.username(), password, r.desiredDeliveryMediums(), r.clientMetadata(), now);
        services.transactions().inTransaction(() -> {
            Pools.save(services, updated);
            invitations.forEach(services.messages()::send);
            return updated;
        });
        return new Response(UserViews.of(updated));
    }

    private static Instant temporaryExpiry(UserPool pool, Instant now) {
        return now.plus(Duration.ofDays(pool.policies().passwordPolicy().temporaryPasswordValidityDays()));
    }
}
