package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.CodeMismatchException;
import dev.tobira.core.CognitoException.LimitExceededException;
import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.Services;
import dev.tobira.core.trigger.CustomMessageTrigger;
import dev.tobira.core.trigger.TokenGenerationTrigger;
import dev.tobira.core.code.CodeHasher;
import dev.tobira.core.code.CodePurpose;
import dev.tobira.core.code.OneTimeCode;
import dev.tobira.core.message.Masking;
import dev.tobira.core.message.Message;
import dev.tobira.core.message.MessageTemplates;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.session.AuthSession;
import dev.tobira.core.session.Sessions;
import dev.tobira.core.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one-time codes of USER_AUTH's EMAIL_OTP and SMS_OTP challenges (spec §4.4).
 *
 * <ul>
 *   <li>A code has {@code Limits.signInCodeLength} digits (Cognito: 8) from the injected random
 *       source; only its keyed hash is stored, in the code store and in the session that waits for it.
 *   <li>It works for the session's validity (the client's AuthSessionValidity), once: the answer that
 *       spends it is one conditional update, so of two racing right answers one gets the tokens.
 *   <li>Starting USER_AUTH again sends a new code and supersedes the old, whose session then dies;
 *       not within {@code Limits.resendCooldown} of the last unused code.
 *   <li>A wrong code is {@code CodeMismatchException} and the session stays; every answer counts
 *       against {@code Limits.signInCodeAttempts} before it is judged, so that even racing answers
 *       get no more guesses; the session dies with the last wrong one.
 *   <li>Wrong codes also count towards the user's lockout, as wrong passwords do (spec §7): while
 *       locked out no code is sent and none is judged.
 * </ul>
 */
final class SignInCodes {

    /** What Cognito says to a wrong MFA code (amplify-js#11069, #3066); its passwordless text is UNCONFIRMED. */
    static final String MISMATCH = "Invalid code or auth state for the user.";
    /** UNCONFIRMED for sign-in codes: Tobira's resend cooldown answers like ResendConfirmationCode's. */
    static final String TOO_SOON = ConfirmationCodes.ATTEMPTS;

    private static final CodePurpose PURPOSE = CodePurpose.SIGN_IN_OTP;
    private static final String CODE_HASH = "codeHash";
    private static final String ATTEMPTS = "attempts";

    private SignInCodes() {}

    /**
     * Sends {@code user} a new code for {@code challenge} (EMAIL_OTP or SMS_OTP) and opens the session
     * that waits for it; {@code listed}, when not null, goes out as AvailableChallenges.
     */
    static AuthResponse send(Services services, UserPool pool, SignInFlow flow, User user, String challenge,
            List<String> listed) {
        Instant now = services.clock().instant();
        PasswordSignIn.notLockedOut(services, pool, user, now);
        services.codes().active(pool.id(), user.username(), PURPOSE)
                .filter(code -> now.isBefore(code.issuedAt().plus(services.limits().resendCooldown())))
                .ifPresent(code -> {
                    throw new LimitExceededException(TOO_SOON);
                });
        Message.Channel channel = channel(challenge);
        String to = user.attribute(channel == Message.Channel.SMS ? "phone_number" : "email").orElseThrow();
        String code = CodeHasher.newCode(services.limits().signInCodeLength(), services.random());
        String hash = services.codeHasher().hash(pool.id(), user.username(), PURPOSE, code);
        Duration validity = flow.sessionValidity();
        String language = MessageTemplates.language(pool, user.attribute("locale"));
        Message standard = channel == Message.Channel.SMS
                ? MessageTemplates.smsOtp(pool, language, to, code, validity, now)
                : MessageTemplates.emailOtp(pool, language, to, code, validity, now);
        // Composed before the transaction: the CustomMessage function may take its time.
        Message message = CustomMessages.compose(services, pool, CustomMessageTrigger.Source.Authentication,
                flow.clientId(), user, flow.clientMetadata(), standard, code, null);
        String session = services.transactions().inTransaction(() -> {
            services.codes().issue(new OneTimeCode(pool.id(), user.username(), PURPOSE, hash, now, now.plus(validity),
                    0, OneTimeCode.State.ACTIVE));
            services.messages().send(message);
            return flow.openSession(kind(challenge), user.username(), Map.of(CODE_HASH, hash));
        });
        return AuthResponse.challenge(challenge, session, delivery(channel, to), listed);
    }

    /**
     * EMAIL_OTP or SMS_OTP: {@code EMAIL_OTP_CODE} or {@code SMS_OTP_CODE} against the session's code.
     * Tokens when it is right; {@code CodeMismatchException} when wrong; "Invalid session for the
     * user." when the session is unknown, spent, superseded or out of attempts; the expired-session
     * text when its validity has passed.
     */
    static AuthResponse answer(Services services, UserPool pool, UserPoolClient client, SignInFlow flow,
            String challenge, Map<String, String> responses, String session) {
        String username = PasswordSignIn.required(responses, "USERNAME");
        AppClients.checkSecretHash(client, username, responses.get("SECRET_HASH"));
        AuthSession pending = flow.session(session, kind(challenge));
        String answer = PasswordSignIn.required(responses, challenge + "_CODE").strip();
        Sessions sessions = new Sessions(services.sessions(), services.random());
        if (Boolean.parseBoolean(pending.data().get(ChoiceSignIn.SIMULATED))) {
            return simulatedAnswer(services, sessions, session, pending, username);
        }
        User user = PasswordSignIn.signableUser(services, pool, client, pending.username());
        if (!Users.lookUp(services, pool, username).map(u -> u.username().equals(user.username())).orElse(false)) {
            throw new NotAuthorizedException(SignInFlow.INVALID_SESSION);
        }
        String expected = pending.data().get(CODE_HASH);
        boolean current = services.codes().find(pool.id(), user.username(), PURPOSE, expected)
                .filter(c -> c.state() == OneTimeCode.State.ACTIVE).isPresent();
        if (!current) {
            // Spent, or superseded by a newer USER_AUTH: this session has nothing left to answer.
            sessions.consume(session);
            throw new NotAuthorizedException(SignInFlow.INVALID_SESSION);
        }
        Instant now = services.clock().instant();
        PasswordSignIn.notLockedOut(services, pool, user, now);
        // Counted before it is judged, so that answers racing in parallel cannot add guesses.
        int attempt = services.codes().recordFailure(pool.id(), user.username(), PURPOSE);
        if (attempt == 0 || attempt > services.limits().signInCodeAttempts()) {
            sessions.consume(session);
            throw new NotAuthorizedException(SignInFlow.INVALID_SESSION);
        }
        boolean right = CodeHasher.same(services.codeHasher().hash(pool.id(), user.username(), PURPOSE, answer),
                expected);
        PasswordSignIn.count(services, pool, user, right, now);
        if (!right) {
            if (attempt == services.limits().signInCodeAttempts()) {
                sessions.consume(session);
            }
            throw new CodeMismatchException(MISMATCH);
        }
        // The code's one conditional update decides who signs in. The session goes too, but a losing
        // racer may already have cleared it away, so its removal must not decide anything.
        if (!services.codes().consume(pool.id(), user.username(), PURPOSE, expected, now)) {
            throw new NotAuthorizedException(SignInFlow.INVALID_SESSION);
        }
        sessions.consume(session);
        return AuthResponse.tokens(SignInTokens.signIn(services, pool, client, user,
                TokenGenerationTrigger.Source.Authentication, flow.clientMetadata()));
    }

    /**
     * The challenge an unknown name gets (PreventUserExistenceErrors): nothing is sent, the
     * destination is the name itself masked, and the session behaves as a real one would.
     */
    static AuthResponse simulated(SignInFlow flow, String name, String challenge) {
        String session = flow.openSession(kind(challenge), name,
                Map.of(ChoiceSignIn.SIMULATED, "true", ATTEMPTS, "0"));
        return AuthResponse.challenge(challenge, session, delivery(channel(challenge), name), null);
    }

    /** Every code is wrong; the session dies after as many answers as a real one allows. */
    private static AuthResponse simulatedAnswer(Services services, Sessions sessions, String session,
            AuthSession pending, String username) {
        int attempt = Integer.parseInt(pending.data().getOrDefault(ATTEMPTS, "0")) + 1;
        if (!pending.username().equals(username) || attempt > services.limits().signInCodeAttempts()) {
            sessions.consume(session);
            throw new NotAuthorizedException(SignInFlow.INVALID_SESSION);
        }
        Map<String, String> data = new HashMap<>(pending.data());
        data.put(ATTEMPTS, String.valueOf(attempt));
        if (attempt == services.limits().signInCodeAttempts()) {
            sessions.consume(session);
        } else if (!sessions.replace(session, new AuthSession(pending.userPoolId(), pending.clientId(),
                pending.username(), pending.kind(), pending.createdAt(), pending.expiresAt(), data))) {
            throw new NotAuthorizedException(SignInFlow.INVALID_SESSION);
        }
        throw new CodeMismatchException(MISMATCH);
    }

    private static Map<String, String> delivery(Message.Channel channel, String to) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("CODE_DELIVERY_DELIVERY_MEDIUM", channel.name());
        parameters.put("CODE_DELIVERY_DESTINATION", Masking.destination(channel, to));
        return parameters;
    }

    private static Message.Channel channel(String challenge) {
        return challenge.equals("SMS_OTP") ? Message.Channel.SMS : Message.Channel.EMAIL;
    }

    private static AuthSession.Kind kind(String challenge) {
        return challenge.equals("SMS_OTP") ? AuthSession.Kind.SMS_OTP : AuthSession.Kind.EMAIL_OTP;
    }
}
