package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.CognitoException.UsernameExistsException;
import dev.tobira.core.Services;
import dev.tobira.core.code.CodePurpose;
import dev.tobira.core.message.Message;
import dev.tobira.core.pool.PasswordPolicyCheck;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.session.AuthSession;
import dev.tobira.core.session.Sessions;
import dev.tobira.core.srp.Verifiers;
import dev.tobira.core.user.Attribute;
import dev.tobira.core.user.PasswordVerifier;
import dev.tobira.core.trigger.CustomMessageTrigger;
import dev.tobira.core.user.User;
import dev.tobira.core.user.UserStatus;
import dev.tobira.core.trigger.AuthChallengeTriggers;
import dev.tobira.core.trigger.UserLifecycleTriggers;
import dev.tobira.core.trigger.UserLifecycleTriggers.PreSignUpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registers a user (spec §5.1, §4.5): {@code UNCONFIRMED}, with a confirmation code sent to the
 * auto-verified email or phone number in the same transaction. Without a password only where the
 * pool's first factors include a one-time code. Clients that allow {@code USER_AUTH} also get a
 * {@code Session} to carry into ConfirmSignUp and sign in without another code. The pool's
 * PreSignUp trigger, if any, may refuse the sign-up, or confirm it (no code is sent) and mark the
 * email or phone number verified.
 */
public final class SignUp extends ServiceOperation<SignUp.Request, SignUp.Response> {

    public record Request(
            String clientId,
            String secretHash,
            String username,
            String password,
            List<Attribute> userAttributes,
            List<Attribute> validationData,
            Map<String, String> clientMetadata) {}

    public record Response(Boolean userConfirmed, CodeDeliveryDetails codeDeliveryDetails, String userSub,
            String session) {}

    public SignUp(Services services) {
        super(services, Request.class);
    }

    @Override
    public Response handle(Request r) {
        AppClients.Caller caller = AppClients.caller(services, r.clientId(), r.username(), r.secretHash());
        UserPoolClient client = caller.client();
        UserPool pool = caller.pool();
        if (pool.adminCreateUserConfig() != null
                && Boolean.TRUE.equals(pool.adminCreateUserConfig().allowAdminCreateUserOnly())) {
            throw new NotAuthorizedException("SignUp is not permitted for this user pool");
        }
        List<Attribute> given = r.userAttributes() == null ? List.of() : r.userAttributes();
        AttributeRules.checkWritable(pool, given, true);
        AttributeRules.checkClientMayWrite(client, given);

        Usernames.NewIdentity identity = Usernames.newIdentity(services, pool, r.username(), given);
        String username = identity.username();
        List<Attribute> attributes = identity.attributes();
        AttributeRules.checkRequired(pool, attributes);
        Optional<PasswordVerifier> password = password(pool, username, r.password());

        Instant now = services.clock().instant();
        User user = new User(pool.id(), username, attributes, UserStatus.UNCONFIRMED, true, now, now, password,
                Optional.empty());
        boolean caseSensitive = !pool.caseInsensitiveUsernames();
        if (services.users().find(pool.id(), username, caseSensitive).isPresent()) {
            throw new UsernameExistsException("User already exists");
        }
        // Outside the transaction: a function may take seconds, and may refuse the sign-up.
        PreSignUpResponse pre = new UserLifecycleTriggers(pool.lambdaConfig(), services.triggers()).preSignUp(
                UserLifecycleTriggers.SignUpSource.SignUp, AuthChallengeTriggers.Context.of(client.clientId(), user,
                        r.clientMetadata()), names(r.validationData()));
        User created = preSignUpApplied(user, pre, now);
        Optional<Message.Channel> channel = pre.autoConfirmUser() ? Optional.empty()
                : ConfirmationCodes.channel(pool, created);
        Optional<ConfirmationCodes.Prepared> code = channel.map(c -> ConfirmationCodes.prepare(services, pool,
                created, c, now, CustomMessageTrigger.Source.SignUp, client.clientId(), r.clientMetadata()));
        Optional<CodeDeliveryDetails> delivery = services.transactions().inTransaction(() -> {
            services.users().create(created, caseSensitive);
            return code.map(c -> ConfirmationCodes.issue(services, pool, created, CodePurpose.SIGN_UP, now, c));
        });
        String session = client.allows("ALLOW_USER_AUTH") ? session(client, created, now) : null;
        return new Response(pre.autoConfirmUser(), delivery.orElse(null), identity.sub(), session);
    }

    /**
     * The session for ConfirmSignUp, or — for a user PreSignUp confirmed at once — the one-time
     * sign-in session ConfirmSignUp would have returned.
     */
    private String session(UserPoolClient client, User user, Instant now) {
        if (user.status() == UserStatus.CONFIRMED) {
            return AutoSignIn.open(services, client, user, now);
        }
        return new Sessions(services.sessions(), services.random()).open(new AuthSession(user.userPoolId(), client.clientId(), user.username(),
                AuthSession.Kind.SIGN_UP, now, now.plus(services.limits().confirmationCodeValidity()), Map.of()));
    }

    /** The user as PreSignUp asked: confirmed at once, and its email or phone number marked verified. */
    static User preSignUpApplied(User user, PreSignUpResponse pre, Instant now) {
        List<Attribute> verified = new ArrayList<>();
        if (pre.autoVerifyEmail() && user.attribute("email").isPresent()) {
            verified.add(new Attribute("email_verified", "true"));
        }
        if (pre.autoVerifyPhone() && user.attribute("phone_number").isPresent()) {
            verified.add(new Attribute("phone_number_verified", "true"));
        }
        User out = verified.isEmpty() ? user : user.withAttributes(AttributeRules.merge(user.attributes(), verified), now);
        return pre.autoConfirmUser() ? out.withStatus(UserStatus.CONFIRMED, now) : out;
    }

    static Map<String, String> names(List<Attribute> attributes) {
        Map<String, String> out = new LinkedHashMap<>();
        if (attributes != null) {
            attributes.forEach(a -> out.put(a.name(), a.value()));
        }
        return out;
    }

    /**
     * The verifier of the given password, or none for a passwordless sign-up, which only pools with a
     * one-time-code first factor allow.
     */
    private Optional<PasswordVerifier> password(UserPool pool, String username, String password) {
        if (password == null || password.isEmpty()) {
            List<String> factors = pool.policies().signInPolicy().allowedFirstAuthFactors();
            if (factors.contains("EMAIL_OTP") || factors.contains("SMS_OTP")) {
                return Optional.empty();
            }
            throw new InvalidParameterException("A password is required: this user pool's sign-in policy allows "
                    + "no passwordless first factor (EMAIL_OTP or SMS_OTP).");
        }
        PasswordPolicyCheck.check(pool.policies().passwordPolicy(), password);
        return Optional.of(Verifiers.create(pool.srpPoolName(), username, password, services.random()));
    }
}
