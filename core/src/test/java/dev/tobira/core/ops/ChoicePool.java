package dev.tobira.core.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.core.Limits;
import dev.tobira.core.TestServices;
import dev.tobira.core.pool.UserPool.PasswordPolicy;
import dev.tobira.core.pool.UserPool.Policies;
import dev.tobira.core.pool.UserPool.SignInPolicy;
import dev.tobira.core.user.Attribute;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pool set up for choice-based sign-in as the dev pool is (email as username, email verified
 * automatically), with PASSWORD, EMAIL_OTP and SMS_OTP first factors, and an app client that allows
 * USER_AUTH; the operations called as a client would call them.
 */
final class ChoicePool {

    final TestServices t;
    final String poolId;
    final String clientId;
    private final List<String> firstFactors;

    /** Cognito's defaults: ESSENTIALS, MFA off, PreventUserExistenceErrors LEGACY. */
    ChoicePool(Limits limits) {
        this(limits, "ESSENTIALS", null, null, List.of("ALLOW_USER_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"));
    }

    ChoicePool(Limits limits, String tier, String mfaConfiguration, String preventUserExistenceErrors,
            List<String> explicitAuthFlows) {
        this(limits, List.of("PASSWORD", "EMAIL_OTP", "SMS_OTP"), tier, mfaConfiguration, preventUserExistenceErrors,
                explicitAuthFlows);
    }

    ChoicePool(Limits limits, List<String> firstFactors, String tier, String mfaConfiguration,
            String preventUserExistenceErrors, List<String> explicitAuthFlows) {
        t = new TestServices(limits);
        this.firstFactors = List.copyOf(firstFactors);
        poolId = new CreateUserPool(t.services).handle(new CreateUserPool.Request("choice",
                new Policies(PasswordPolicy.DEFAULT, new SignInPolicy(firstFactors)),
                null, null, List.of("email"), null, List.of("email"), null, null, null, null, null, mfaConfiguration,
                null, null, null, null, null, null, null, null, null, null, tier)).userPool().id();
        clientId = newClient(explicitAuthFlows, preventUserExistenceErrors);
    }

    /** The pool's AllowedFirstAuthFactors. */
    List<String> firstFactors() {
        return firstFactors;
    }

    String newClient(List<String> explicitAuthFlows, String preventUserExistenceErrors) {
        return new CreateUserPoolClient(t.services).handle(new CreateUserPoolClient.Request(poolId, "web", null,
                null, null, null, null, null, null, null, explicitAuthFlows, null, null, null, null, null, null, null,
                null, preventUserExistenceErrors, null, null, null, null)).userPoolClient().clientId();
    }

    SignUp.Response signUp(String email, String password, Attribute... more) {
        List<Attribute> attributes = new java.util.ArrayList<>(List.of(new Attribute("email", email)));
        attributes.addAll(List.of(more));
        return new SignUp(t.services).handle(new SignUp.Request(clientId, null, email, password, attributes, null,
                null));
    }

    /** Confirms with the code just emailed; returns ConfirmSignUp's session. */
    String confirm(String email) {
        return new ConfirmSignUp(t.services).handle(new ConfirmSignUp.Request(clientId, null, email, code(6), null,
                null, null)).session();
    }

    /** A confirmed user without a password; returns the session that signs it in once. */
    String passwordless(String email) {
        signUp(email, null);
        return confirm(email);
    }

    /** A confirmed user with a password. */
    void withPassword(String email, String password) {
        signUp(email, password);
        confirm(email);
    }

    AuthResponse initiate(Map<String, String> parameters) {
        return initiate(clientId, parameters, null);
    }

    AuthResponse initiate(String client, Map<String, String> parameters, String session) {
        return new InitiateAuth(t.services).handle(new InitiateAuth.Request("USER_AUTH", parameters, null, client,
                null, null, session));
    }

    AuthResponse respond(String challenge, Map<String, String> responses, String session) {
        return new RespondToAuthChallenge(t.services).handle(new RespondToAuthChallenge.Request(clientId, challenge,
                session, responses, null, null, null));
    }

    /** EMAIL_OTP_CODE for {@code email}. */
    AuthResponse answerEmail(AuthResponse challenge, String email, String code) {
        return respond("EMAIL_OTP", Map.of("USERNAME", email, "EMAIL_OTP_CODE", code), challenge.session());
    }

    /** The code of {@code digits} digits in the newest message sent. */
    String code(int digits) {
        Matcher m = Pattern.compile("(?<!\\d)(\\d{" + digits + "})(?!\\d)").matcher(t.sent.getLast().body());
        assertThat(m.find()).as(t.sent.getLast().body()).isTrue();
        return m.group(1);
    }

    /** A code of 8 digits that is not {@code right}. */
    static String wrong(String right) {
        return right.equals("00000000") ? "11111111" : "00000000";
    }
}
