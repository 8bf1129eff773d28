package dev.tobira.core.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tobira.core.CognitoException;
import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.session.AuthSession;
import dev.tobira.core.session.Sessions;
import dev.tobira.core.trigger.TokenGenerationTrigger;
import dev.tobira.core.user.User;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * USER_AUTH's WEB_AUTHN challenge: {@code CREDENTIAL_REQUEST_OPTIONS} (the {@code publicKey} member of
 * {@code navigator.credentials.get()}'s options, as a JSON string) goes out with a session that keeps
 * the request and its challenge, so any node can judge the answer; the {@code CREDENTIAL} response
 * (the PublicKeyCredential as a JSON string) is checked by {@link Passkeys}. The session is spent by
 * the first answer, right or wrong, so an assertion can never be replayed.
 *
 * <p>Refused assertions count towards the user's lockout as wrong passwords and codes do (spec §7):
 * while locked out no challenge starts and no assertion is judged; a good one clears the count.
 */
final class PasskeySignIn {

    private static final String REQUEST = "request";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PasskeySignIn() {}

    /** The user can sign in with a passkey: the pool has a relying party id and the user a passkey. */
    static boolean usable(Services services, UserPool pool, User user) {
        return Passkeys.configured(services, pool).isPresent() && !Passkeys.owned(services, user).isEmpty();
    }

    static AuthResponse challenge(Services services, UserPool pool, SignInFlow flow, User user, List<String> listed) {
        PasswordSignIn.notLockedOut(services, pool, user, services.clock().instant());
        Passkeys.Started started = Passkeys.of(services, pool, user).startAssertion();
        String session = flow.openSession(AuthSession.Kind.WEB_AUTHN, user.username(),
                Map.of(REQUEST, started.requestJson()));
        return AuthResponse.challenge("WEB_AUTHN", session,
                Map.of("CREDENTIAL_REQUEST_OPTIONS", Passkeys.toJson(started.publicKey())), listed);
    }

    static AuthResponse answer(Services services, UserPool pool, UserPoolClient client, SignInFlow flow,
            Map<String, String> responses, String session) {
        String username = PasswordSignIn.required(responses, "USERNAME");
        AppClients.checkSecretHash(client, username, responses.get("SECRET_HASH"));
        AuthSession pending = flow.session(session, AuthSession.Kind.WEB_AUTHN);
        Object credential = credential(PasswordSignIn.required(responses, "CREDENTIAL"));
        new Sessions(services.sessions(), services.random()).consume(session)
                .orElseThrow(() -> new NotAuthorizedException(SignInFlow.INVALID_SESSION));
        User user = PasswordSignIn.signableUser(services, pool, client, pending.username());
        if (!Users.lookUp(services, pool, username).map(u -> u.username().equals(user.username())).orElse(false)) {
            throw new NotAuthorizedException(SignInFlow.INVALID_SESSION);
        }
        Instant now = services.clock().instant();
        PasswordSignIn.notLockedOut(services, pool, user, now);
        try {
            Passkeys.of(services, pool, user).finishAssertion(pending.data().get(REQUEST), credential);
        } catch (InvalidParameterException e) {
            // Not a credential at all: a malformed request, like a missing password, is not a guess.
            throw e;
        } catch (CognitoException e) {
            PasswordSignIn.count(services, pool, user, false, now);
            throw e;
        }
        PasswordSignIn.count(services, pool, user, true, now);
        return AuthResponse.tokens(SignInTokens.signIn(services, pool, client, user,
                TokenGenerationTrigger.Source.Authentication, flow.clientMetadata()));
    }

    private static Object credential(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (java.io.IOException | RuntimeException e) {
            throw new InvalidParameterException("CREDENTIAL must be a PublicKeyCredential as JSON (UNCONFIRMED text).");
        }
    }
}
