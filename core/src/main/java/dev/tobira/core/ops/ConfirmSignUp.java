package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.AliasExistsException;
import dev.tobira.core.CognitoException.CodeMismatchException;
import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.CognitoException.UserNotFoundException;
import dev.tobira.core.Services;
import dev.tobira.core.code.CodePurpose;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.session.AuthSession;
import dev.tobira.core.session.Sessions;
import dev.tobira.core.user.Attribute;
import dev.tobira.core.user.User;
import dev.tobira.core.user.UserStatus;
import dev.tobira.core.trigger.AuthChallengeTriggers;
import dev.tobira.core.trigger.UserLifecycleTriggers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Confirms a sign-up with the emailed (or texted) code (spec §5.2). The code is spent and the user
 * confirmed, with the address it went to marked verified, in one transaction. Clients that allow
 * {@code USER_AUTH} get a {@code Session} with which the user signs in once, within the client's
 * auth-session validity, without another code, unless they signed in otherwise first (spec §4.5,
 * {@link AutoSignIn}). The pool's PostConfirmation trigger,
 * if any, runs after the confirmation is stored.
 */
public final class ConfirmSignUp extends ServiceOperation<ConfirmSignUp.Request, ConfirmSignUp.Response> {

    public record Request(
            String clientId,
            String secretHash,
            String username,
            String confirmationCode,
            Boolean forceAliasCreation,
            String session,
            Map<String, String> clientMetadata) {}

    public record Response(String session) {}

    public ConfirmSignUp(Services services) {
        super(services, Request.class);
    }

    @Override
    public Response handle(Request r) {
        AppClients.Caller caller = AppClients.caller(services, r.clientId(), r.username(), r.secretHash());
        UserPoolClient client = caller.client();
        UserPool pool = caller.pool();
        Optional<User> found = Users.lookUp(services, pool, r.username());
        if (found.isEmpty()) {
            throw "ENABLED".equals(client.preventUserExistenceErrors())
                    ? new CodeMismatchException(ConfirmationCodes.MISMATCH)
                    : new UserNotFoundException("Username/client id combination not found.");
        }
        User user = found.get();
        if (user.status() != UserStatus.UNCONFIRMED) {
            throw new NotAuthorizedException("User cannot be confirmed. Current status is " + user.status().name());
        }
        Instant now = services.clock().instant();
        Sessions sessions = new Sessions(services.sessions(), services.random());
        if (r.session() != null) {
            // The session SignUp returned, if the client passes it on, must be this sign-up's.
            sessions.find(r.session())
                    .filter(s -> s.kind() == AuthSession.Kind.SIGN_UP && !s.expired(now))
                    .filter(s -> s.clientId().equals(client.clientId()) && s.username().equals(user.username()))
                    .orElseThrow(() -> new NotAuthorizedException("Invalid session for the user."));
        }
        Optional<User> aliasHolder = aliasHolder(pool, user, r.forceAliasCreation());
        User confirmed = user.withAttributes(AttributeRules.merge(user.attributes(), verified(pool, user)), now)
                .withStatus(UserStatus.CONFIRMED, now);
        ConfirmationCodes.use(services, pool, user, CodePurpose.SIGN_UP, r.confirmationCode(), now, () -> {
            aliasHolder.ifPresent(other -> Pools.save(services, other.withAttributes(
                    AttributeRules.merge(other.attributes(), List.of(new Attribute("email_verified", "false"))), now)));
            Pools.save(services, confirmed);
            if (r.session() != null) {
                sessions.consume(r.session());
            }
            return confirmed;
        });
        // After the commit, as in Cognito: a failing function does not undo the confirmation.
        new UserLifecycleTriggers(pool.lambdaConfig(), services.triggers()).postConfirmation(
                UserLifecycleTriggers.ConfirmationSource.ConfirmSignUp,
                AuthChallengeTriggers.Context.of(client.clientId(), confirmed, r.clientMetadata()));
        if (!client.allows("ALLOW_USER_AUTH")) {
            return new Response(null);
        }
        return new Response(AutoSignIn.open(services, client, confirmed, now));
    }

    /** The attribute the code went to is now verified. */
    private static List<Attribute> verified(UserPool pool, User user) {
        return ConfirmationCodes.channel(pool, user)
                .map(c -> List.of(new Attribute(c == dev.tobira.core.message.Message.Channel.SMS
                        ? "phone_number_verified" : "email_verified", "true")))
                .orElse(List.of());
    }

    /**
     * In a pool with an email alias, another user whose verified email is this user's: confirming
     * would give two users one alias, so Cognito refuses unless told to move the alias.
     */
    private Optional<User> aliasHolder(UserPool pool, User user, Boolean force) {
        if (!pool.aliasAttributes().contains("email") || user.attribute("email").isEmpty()) {
            return Optional.empty();
        }
        Optional<User> holder = services.users().findByAttribute(pool.id(), "email", user.attribute("email").get(),
                        !pool.caseInsensitiveUsernames()).stream()
                .filter(u -> !u.username().equals(user.username()))
                .filter(u -> u.attribute("email_verified").filter("true"::equals).isPresent())
                .findFirst();
        if (holder.isPresent() && !Boolean.TRUE.equals(force)) {
            throw new AliasExistsException("An account with the email already exists.");
        }
        return holder;
    }
}
