package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.InvalidLambdaResponseException;
import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.InvalidUserPoolConfigurationException;
import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.CognitoException.UserNotFoundException;
import dev.tobira.core.Services;
import dev.tobira.core.trigger.TokenGenerationTrigger;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.session.AuthSession;
import dev.tobira.core.session.Sessions;
import dev.tobira.core.trigger.AuthChallengeTriggers;
import dev.tobira.core.trigger.ChallengeResult;
import dev.tobira.core.trigger.EmailOtpTriggers;
import dev.tobira.core.trigger.PoolAuthChallengeTriggers;
import dev.tobira.core.user.User;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * CUSTOM_AUTH (spec §3): the pool's DefineAuthChallenge decides each next step from the history of
 * this sign-in. A client that sends {@code SRP_A} may be asked for the password proof (PASSWORD_VERIFIER)
 * computed from it: with {@code CHALLENGE_NAME=SRP_A} Define first sees [SRP_A ✓] and then
 * [SRP_A ✓, PASSWORD_VERIFIER ✓]; with {@code SRP_A} alone it first sees an empty session and then
 * [PASSWORD_VERIFIER ✓]. {@code CHALLENGE_NAME=SRP_A} without {@code SRP_A} is a missing parameter, and
 * so is a PASSWORD_VERIFIER that Define asks for when the client sent no {@code SRP_A}. CreateAuthChallenge
 * makes each custom challenge and VerifyAuthChallengeResponse checks its answer; every round has a
 * new {@code Session}, and a spent one is refused. With {@code PreventUserExistenceErrors} an unknown
 * user goes through the triggers too ({@code userNotFound: true}), and can never get tokens.
 */
final class CustomSignIn {

    static final String HISTORY = "customAuthHistory";
    private static final String PRIVATE = "private.";
    private static final String METADATA = "challengeMetadata";
    private static final String USER_NOT_FOUND = "userNotFound";

    private CustomSignIn() {}

    /**
     * Who is signing in: a user of the pool, or — only with {@code PreventUserExistenceErrors} — a
     * name that matches nobody, which the triggers see with {@code userNotFound: true}.
     */
    private record Subject(String username, Optional<User> user) {
        boolean found() {
            return user.isPresent();
        }
    }

    /** The pool's auth-challenge triggers, each run where its ARN points. */
    static AuthChallengeTriggers triggers(Services services, UserPool pool) {
        PoolAuthChallengeTriggers triggers = new PoolAuthChallengeTriggers(pool.lambdaConfig(),
                EmailOtpTriggers.of(services, pool), services.triggers());
        if (!triggers.configured()) {
            throw new InvalidUserPoolConfigurationException(
                    "Custom auth lambda trigger is not configured for the user pool.");
        }
        return triggers;
    }

    static AuthResponse initiate(Services services, UserPool pool, UserPoolClient client, SignInFlow flow,
            Map<String, String> params) {
        triggers(services, pool);
        String username = PasswordSignIn.required(params, "USERNAME");
        AppClients.checkSecretHash(client, username, params.get("SECRET_HASH"));
        Subject subject = subject(services, pool, client, username);
        subject.user().ifPresent(flow::preAuthentication);
        // Two shapes begin with SRP. CHALLENGE_NAME=SRP_A (amazon-cognito-identity-js): Define first sees
        // [SRP_A ✓], and SRP_A is required. SRP_A alone (pycognito's get_auth_params, the seed's app):
        // Define first sees an empty session, and may ask for PASSWORD_VERIFIER from that SRP_A. AWS's
        // documentation (spec §3.1: "you must begin with SRP") names only the first; the second is what
        // the seed observed on AWS, and the observed behaviour is the one followed.
        boolean srpFirst = "SRP_A".equals(params.get("CHALLENGE_NAME"));
        Optional<BigInteger> a = srpFirst || params.get("SRP_A") != null
                ? Optional.of(SrpSignIn.srpA(PasswordSignIn.required(params, "SRP_A"))) : Optional.empty();
        List<ChallengeResult> history = srpFirst ? List.of(new ChallengeResult("SRP_A", true, null)) : List.of();
        return next(services, pool, client, flow, subject, history, a);
    }

    /** Asks DefineAuthChallenge what follows {@code history} for {@code user}, and answers with it. */
    static AuthResponse next(Services services, UserPool pool, UserPoolClient client, SignInFlow flow, User user,
            List<ChallengeResult> history, Optional<BigInteger> srpA) {
        return next(services, pool, client, flow, new Subject(user.username(), Optional.of(user)), history, srpA);
    }

    private static AuthResponse next(Services services, UserPool pool, UserPoolClient client, SignInFlow flow,
            Subject subject, List<ChallengeResult> history, Optional<BigInteger> srpA) {
        AuthChallengeTriggers triggers = triggers(services, pool);
        AuthChallengeTriggers.Context context = context(pool, client, flow, subject);
        AuthChallengeTriggers.DefineResponse decision = triggers.define(context, history);
        if (decision.failAuthentication()) {
            throw new NotAuthorizedException(PasswordSignIn.INCORRECT);
        }
        if (decision.issueTokens()) {
            User user = subject.user().orElseThrow(() -> new NotAuthorizedException(PasswordSignIn.INCORRECT));
            return AuthResponse.tokens(SignInTokens.signIn(services, pool, client, user,
                TokenGenerationTrigger.Source.Authentication, flow.clientMetadata()));
        }
        String name = String.valueOf(decision.challengeName());
        if (name.equals("PASSWORD_VERIFIER")) {
            BigInteger a = srpA.orElseThrow(() -> new InvalidParameterException(
                    "SRP_A is required: begin a custom authentication with SRP to verify the password."));
            Map<String, String> extra = Map.of(HISTORY, encode(history));
            if (!subject.found() || subject.user().get().password().isEmpty()) {
                // The same simulated challenge USER_SRP_AUTH gives; its proof always fails.
                return SrpSignIn.challenge(services, flow, SrpSignIn.simulatedUserId(services, pool, subject.username()),
                        SrpSignIn.simulatedVerifier(services, pool, subject.username()), true, a, extra);
            }
            User user = subject.user().get();
            return SrpSignIn.challenge(services, flow, user.username(), user.password().get(), false, a, extra);
        }
        if (!name.equals("CUSTOM_CHALLENGE")) {
            throw new InvalidLambdaResponseException("Invalid lambda function output : Invalid challenge name " + name);
        }
        AuthChallengeTriggers.CreateResponse created = triggers.create(context, name, history);
        Map<String, String> data = new LinkedHashMap<>();
        data.put(HISTORY, encode(history));
        created.privateChallengeParameters().forEach((k, v) -> data.put(PRIVATE + k, v));
        if (created.challengeMetadata() != null) {
            data.put(METADATA, created.challengeMetadata());
        }
        if (!subject.found()) {
            data.put(USER_NOT_FOUND, "true");
        }
        String session = flow.openSession(AuthSession.Kind.CUSTOM_CHALLENGE, subject.username(), data);
        return AuthResponse.challenge("CUSTOM_CHALLENGE", session, created.publicChallengeParameters());
    }

    /** CUSTOM_CHALLENGE: VerifyAuthChallengeResponse judges ANSWER, then Define decides again. */
    static AuthResponse answer(Services services, UserPool pool, UserPoolClient client, SignInFlow flow,
            Map<String, String> responses, String session) {
        String username = PasswordSignIn.required(responses, "USERNAME");
        AppClients.checkSecretHash(client, username, responses.get("SECRET_HASH"));
        AuthSession pending = flow.session(session, AuthSession.Kind.CUSTOM_CHALLENGE);
        new Sessions(services.sessions(), services.random()).consume(session)
                .orElseThrow(() -> new NotAuthorizedException(SignInFlow.INVALID_SESSION));
        Subject subject;
        if (pending.data().containsKey(USER_NOT_FOUND)) {
            if (!pending.username().equals(username)) {
                throw new NotAuthorizedException(SignInFlow.INVALID_SESSION);
            }
            subject = new Subject(username, Optional.empty());
        } else {
            User user = PasswordSignIn.signableUser(services, pool, client, pending.username());
            if (!Users.lookUp(services, pool, username).map(u -> u.username().equals(user.username())).orElse(false)) {
                throw new NotAuthorizedException(SignInFlow.INVALID_SESSION);
            }
            subject = new Subject(user.username(), Optional.of(user));
        }
        Map<String, String> privateParameters = pending.data().entrySet().stream()
                .filter(e -> e.getKey().startsWith(PRIVATE))
                .collect(Collectors.toMap(e -> e.getKey().substring(PRIVATE.length()), Map.Entry::getValue));
        boolean correct = triggers(services, pool).verify(context(pool, client, flow, subject), privateParameters,
                responses.get("ANSWER"));
        List<ChallengeResult> history = append(pending.data().get(HISTORY), "CUSTOM_CHALLENGE", correct,
                pending.data().get(METADATA));
        return next(services, pool, client, flow, subject, history, Optional.empty());
    }

    static List<ChallengeResult> append(String encoded, String name, boolean result, String metadata) {
        List<ChallengeResult> history = new ArrayList<>(decode(encoded));
        history.add(new ChallengeResult(name, result, metadata));
        return history;
    }

    private static Subject subject(Services services, UserPool pool, UserPoolClient client, String username) {
        if (Users.lookUp(services, pool, username).isEmpty()) {
            if (!"ENABLED".equals(client.preventUserExistenceErrors())) {
                throw new UserNotFoundException("User does not exist.");
            }
            return new Subject(username, Optional.empty());
        }
        User user = PasswordSignIn.signableUser(services, pool, client, username);
        return new Subject(user.username(), Optional.of(user));
    }

    /** The trigger's view of the user: all attributes as strings, plus Cognito's status pseudo-attribute. */
    private static AuthChallengeTriggers.Context context(UserPool pool, UserPoolClient client, SignInFlow flow,
            Subject subject) {
        return subject.user()
                .map(user -> AuthChallengeTriggers.Context.of(client.clientId(), user, flow.clientMetadata()))
                .orElseGet(() -> new AuthChallengeTriggers.Context(pool.id(), client.clientId(), subject.username(),
                        Map.of(), true, flow.clientMetadata()));
    }

    /** The history as one string in the session's data: entries by {@code ;}, fields base64url-encoded. */
    private static String encode(List<ChallengeResult> history) {
        return history.stream()
                .map(c -> b64(c.challengeName()) + "," + c.challengeResult() + ","
                        + (c.challengeMetadata() == null ? "" : b64(c.challengeMetadata())))
                .collect(Collectors.joining(";"));
    }

    private static List<ChallengeResult> decode(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return List.of();
        }
        List<ChallengeResult> out = new ArrayList<>();
        for (String entry : encoded.split(";")) {
            String[] f = entry.split(",", -1);
            out.add(new ChallengeResult(unb64(f[0]), Boolean.parseBoolean(f[1]), f[2].isEmpty() ? null : unb64(f[2])));
        }
        return out;
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String unb64(String s) {
        return new String(Base64.getUrlDecoder().decode(s), StandardCharsets.UTF_8);
    }
}
