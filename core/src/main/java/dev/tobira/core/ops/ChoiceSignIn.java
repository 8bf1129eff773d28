package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.FeatureUnavailableInTierException;
import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.Services;
import dev.tobira.core.trigger.TokenGenerationTrigger;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.session.AuthSession;
import dev.tobira.core.session.Sessions;
import dev.tobira.core.user.User;
import dev.tobira.core.user.UserStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * USER_AUTH, choice-based sign-in (spec §4). The user's first factors are the pool's
 * {@code AllowedFirstAuthFactors} that this user can use: a password (PASSWORD and PASSWORD_SRP), a
 * verified email (EMAIL_OTP), a verified phone number (SMS_OTP), a passkey (WEB_AUTHN, when the pool
 * has a relying party id); one-time codes and passkeys not for a user who
 * must first replace a temporary password. {@code PREFERRED_CHALLENGE}
 * starts the preferred factor when the user has it, and then {@code AvailableChallenges} is left out
 * (as in the spec §4.2 example); otherwise a single factor starts at once and several are offered in
 * a SELECT_CHALLENGE, and in both cases {@code AvailableChallenges} lists them.
 *
 * <p>A {@code Session} from ConfirmSignUp (top-level, or as the {@code SESSION} auth parameter)
 * signs its user in at once, a single time, within its validity, on the client it was issued to, and
 * only if the user has not signed in another way since (spec §4.5): the confirmation code was the
 * first factor.
 *
 * <p>With {@code PreventUserExistenceErrors} an unknown name gets the challenge a user with every
 * factor of the pool would get, which no answer passes ("Amazon Cognito responds with a random
 * selection of the challenge types that the user pool allows" for choice-based sign-in).
 */
final class ChoiceSignIn {

    /** The challenges of USER_AUTH, in the order AvailableChallenges lists them (spec §4.2). */
    static final List<String> CHALLENGES = List.of("PASSWORD_SRP", "PASSWORD", "EMAIL_OTP", "SMS_OTP", "WEB_AUTHN");
    static final String SIMULATED = "simulated";
    private static final String AVAILABLE = "availableChallenges";

    private ChoiceSignIn() {}

    static AuthResponse initiate(Services services, UserPool pool, UserPoolClient client, SignInFlow flow,
            Map<String, String> params, String session) {
        if ("LITE".equals(pool.userPoolTier())) {
            // UNCONFIRMED: the exception the model lists for tier-gated features; the text is Tobira's.
            throw new FeatureUnavailableInTierException(
                    "USER_AUTH requires the ESSENTIALS or PLUS user pool tier; this user pool is LITE.");
        }
        String username = PasswordSignIn.required(params, "USERNAME");
        AppClients.checkSecretHash(client, username, params.get("SECRET_HASH"));
        String signUpSession = session != null ? session : params.get("SESSION");
        if (signUpSession != null && !signUpSession.isEmpty()) {
            return afterSignUp(services, pool, client, flow, username, signUpSession);
        }
        String preferred = params.get("PREFERRED_CHALLENGE");
        if (preferred != null && !CHALLENGES.contains(preferred)) {
            // UNCONFIRMED text: Cognito's answer to an unknown PREFERRED_CHALLENGE is not documented.
            throw new InvalidParameterException("PREFERRED_CHALLENGE must be one of " + CHALLENGES + ".");
        }
        if (Users.lookUp(services, pool, username).isEmpty() && "ENABLED".equals(client.preventUserExistenceErrors())) {
            return simulated(services, pool, client, flow, username, preferred, params);
        }
        User user = PasswordSignIn.signableUser(services, pool, client, username);
        flow.preAuthentication(user);
        List<String> available = availableChallenges(services, pool, user);
        if (preferred != null && available.contains(preferred)) {
            return start(services, pool, client, flow, user, preferred, params, null);
        }
        if (available.size() == 1) {
            return start(services, pool, client, flow, user, available.getFirst(), params, available);
        }
        if (available.isEmpty()) {
            // UNCONFIRMED: a user with no usable first factor; answered like a failed sign-in, revealing nothing.
            throw new NotAuthorizedException(PasswordSignIn.INCORRECT);
        }
        return select(flow, user.username(), available, false);
    }

    /**
     * RespondToAuthChallenge on a SELECT_CHALLENGE session: {@code ANSWER} (or the challenge name
     * itself, PASSWORD or PASSWORD_SRP) picks one of the offered factors, with what that factor needs
     * ({@code PASSWORD}, {@code SRP_A}) in the same call (spec §4.3). The session is spent whatever follows.
     */
    static AuthResponse select(Services services, UserPool pool, UserPoolClient client, SignInFlow flow,
            String challengeName, Map<String, String> responses, String session) {
        String username = PasswordSignIn.required(responses, "USERNAME");
        AppClients.checkSecretHash(client, username, responses.get("SECRET_HASH"));
        AuthSession pending = flow.session(session, AuthSession.Kind.SELECT_CHALLENGE);
        String answer = challengeName.equals("SELECT_CHALLENGE")
                ? PasswordSignIn.required(responses, "ANSWER") : challengeName;
        List<String> offered = Arrays.asList(pending.data().get(AVAILABLE).split(","));
        if (!offered.contains(answer)) {
            // UNCONFIRMED text; the model says only that ANSWER "must be one of the challenge types in AvailableChallenges".
            throw new InvalidParameterException("ANSWER must be one of the AvailableChallenges " + offered + ".");
        }
        new Sessions(services.sessions(), services.random()).consume(session)
                .orElseThrow(() -> new NotAuthorizedException(SignInFlow.INVALID_SESSION));
        if (Boolean.parseBoolean(pending.data().get(SIMULATED))) {
            if (!pending.username().equals(username)) {
                throw new NotAuthorizedException(SignInFlow.INVALID_SESSION);
            }
            return simulated(services, pool, client, flow, username, answer, responses);
        }
        User user = PasswordSignIn.signableUser(services, pool, client, pending.username());
        if (!Users.lookUp(services, pool, username).map(u -> u.username().equals(user.username())).orElse(false)) {
            throw new NotAuthorizedException(SignInFlow.INVALID_SESSION);
        }
        return start(services, pool, client, flow, user, answer, responses, null);
    }

    /**
     * The challenges {@code user} can answer as a first factor in {@code pool}, in AvailableChallenges
     * order; also what GetUserAuthFactors reports.
     */
    static List<String> availableChallenges(Services services, UserPool pool, User user) {
        List<String> factors = pool.policies().signInPolicy().allowedFirstAuthFactors();
        List<String> out = new ArrayList<>();
        if (user.password().isPresent()) {
            out.add("PASSWORD_SRP");
            out.add("PASSWORD");
        }
        // A temporary password must be replaced before anything else. (MFA never takes the code factors
        // away: Tobira refuses MFA ON, PoolSettings.checkMfa, and no user can turn MFA on.)
        boolean codes = user.status() != UserStatus.FORCE_CHANGE_PASSWORD;
        if (codes && factors.contains("EMAIL_OTP") && verified(user, "email")) {
            out.add("EMAIL_OTP");
        }
        if (codes && factors.contains("SMS_OTP") && verified(user, "phone_number")) {
            out.add("SMS_OTP");
        }
        if (codes && factors.contains("WEB_AUTHN") && PasskeySignIn.usable(services, pool, user)) {
            out.add("WEB_AUTHN");
        }
        return out;
    }

    /**
     * The session ConfirmSignUp returned: tokens for its user, once, and only as the user's first
     * sign-in since (spec §4.5, {@link AutoSignIn}).
     */
    private static AuthResponse afterSignUp(Services services, UserPool pool, UserPoolClient client, SignInFlow flow,
            String username, String session) {
        AuthSession confirmed = flow.session(session, AuthSession.Kind.CONFIRMED_SIGN_UP);
        User user = PasswordSignIn.signableUser(services, pool, client, confirmed.username());
        if (!Users.lookUp(services, pool, username).map(u -> u.username().equals(user.username())).orElse(false)) {
            throw new NotAuthorizedException(SignInFlow.INVALID_SESSION);
        }
        new Sessions(services.sessions(), services.random()).consume(session)
                .orElseThrow(() -> new NotAuthorizedException(SignInFlow.INVALID_SESSION));
        if (!AutoSignIn.claim(services, confirmed, services.clock().instant())) {
            // The user signed in another way since: this is no longer their first sign-in.
            throw new NotAuthorizedException(SignInFlow.INVALID_SESSION);
        }
        return AuthResponse.tokens(SignInTokens.signIn(services, pool, client, user,
                TokenGenerationTrigger.Source.Authentication, flow.clientMetadata()));
    }

    /** Starts {@code challenge} for {@code user}; {@code listed}, when not null, goes out as AvailableChallenges. */
    private static AuthResponse start(Services services, UserPool pool, UserPoolClient client, SignInFlow flow,
            User user, String challenge, Map<String, String> params, List<String> listed) {
        return switch (challenge) {
            case "PASSWORD" -> {
                String password = PasswordSignIn.required(params, "PASSWORD");
                PasswordSignIn.prove(services, pool, user, PasswordSignIn.matches(pool, user, password));
                yield flow.afterPassword(user);
            }
            case "PASSWORD_SRP" -> SrpSignIn.challenge(services, flow, user.username(), user.password().orElseThrow(),
                    false, SrpSignIn.srpA(PasswordSignIn.required(params, "SRP_A")), Map.of());
            case "EMAIL_OTP", "SMS_OTP" -> SignInCodes.send(services, pool, flow, user, challenge, listed);
            case "WEB_AUTHN" -> PasskeySignIn.challenge(services, pool, flow, user, listed);
            default -> throw new IllegalStateException("not a first factor Tobira offers: " + challenge);
        };
    }

    private static AuthResponse select(SignInFlow flow, String username, List<String> available, boolean simulated) {
        String session = flow.openSession(AuthSession.Kind.SELECT_CHALLENGE, username,
                Map.of(AVAILABLE, String.join(",", available), SIMULATED, String.valueOf(simulated)));
        // ChallengeParameters is empty here in Cognito's examples (spec §4.2; its contents are UNCONFIRMED).
        return AuthResponse.challenge("SELECT_CHALLENGE", session, Map.of(), available);
    }

    /**
     * For a name no user has: what a user with a password and every code factor of the pool would
     * get, leading nowhere: a wrong password, an SRP proof that cannot pass, or a code never sent.
     */
    private static AuthResponse simulated(Services services, UserPool pool, UserPoolClient client, SignInFlow flow,
            String name, String chosen, Map<String, String> params) {
        List<String> everything = new ArrayList<>(List.of("PASSWORD_SRP", "PASSWORD"));
        pool.policies().signInPolicy().allowedFirstAuthFactors().stream()
                .filter(f -> f.equals("EMAIL_OTP") || f.equals("SMS_OTP"))
                .forEach(everything::add);
        String challenge = chosen != null && everything.contains(chosen) ? chosen : null;
        if (challenge == null) {
            return select(flow, name, everything, true);
        }
        return switch (challenge) {
            case "PASSWORD" -> {
                PasswordSignIn.required(params, "PASSWORD");
                throw new NotAuthorizedException(PasswordSignIn.INCORRECT);
            }
            case "PASSWORD_SRP" -> {
                Map<String, String> srp = new HashMap<>(Map.of("USERNAME", name,
                        "SRP_A", PasswordSignIn.required(params, "SRP_A")));
                Optional.ofNullable(params.get("SECRET_HASH")).ifPresent(h -> srp.put("SECRET_HASH", h));
                yield SrpSignIn.initiate(services, pool, client, flow, srp);
            }
            default -> SignInCodes.simulated(flow, name, challenge);
        };
    }

    private static boolean verified(User user, String attribute) {
        return user.attribute(attribute).isPresent()
                && user.attribute(attribute + "_verified").map(v -> v.toLowerCase(Locale.ROOT)).filter("true"::equals)
                        .isPresent();
    }
}
