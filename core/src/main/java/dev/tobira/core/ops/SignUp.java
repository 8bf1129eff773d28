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
import dev.tobira.core.user.User;
import dev.tobira.core.user.UserStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registers a user (spec §5.1, §4.5): {@code UNCONFIRMED}, with a confirmation code sent to the
 * auto-verified email or phone number in the same transaction. Without a password only where the
 * pool's first factors include a one-time code. Clients that allow {@code USER_AUTH} also get a
 * {@code Session} to carry into ConfirmSignUp and sign in without another code.
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
        checkClientMayWrite(client, given);

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
        Optional<Message.Channel> channel = ConfirmationCodes.channel(pool, user);
        Optional<CodeDeliveryDetails> delivery = services.transactions().inTransaction(() -> {
            services.users().create(user, caseSensitive);
            return channel.map(c -> ConfirmationCodes.send(services, pool, user, c, CodePurpose.SIGN_UP, now));
        });
        String session = client.allows("ALLOW_USER_AUTH")
                ? new Sessions(services.sessions(), services.random()).open(new AuthSession(pool.id(),
                        client.clientId(), username, AuthSession.Kind.SIGN_UP, now,
                        now.plus(services.limits().confirmationCodeValidity()), Map.of()))
                : null;
        return new Response(false, delivery.orElse(null), identity.sub(), session);
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

    /** A client with WriteAttributes may set only those. */
    private static void checkClientMayWrite(UserPoolClient client, List<Attribute> attributes) {
        if (client.writeAttributes().isEmpty()) {
            return;
        }
        for (Attribute a : attributes) {
            if (!client.writeAttributes().contains(a.name())) {
                throw new NotAuthorizedException("A client attempted to write unauthorized attribute");
            }
        }
    }
}
