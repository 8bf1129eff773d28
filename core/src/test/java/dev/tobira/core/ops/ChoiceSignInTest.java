package dev.tobira.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.core.CognitoException.CodeMismatchException;
import dev.tobira.core.CognitoException.FeatureUnavailableInTierException;
import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.CognitoException.UnsupportedOperationException;
import dev.tobira.core.CognitoException.UserNotFoundException;
import dev.tobira.core.Limits;
import dev.tobira.core.pool.UserPool.PasswordPolicy;
import dev.tobira.core.pool.UserPool.Policies;
import dev.tobira.core.pool.UserPool.SignInPolicy;
import dev.tobira.core.srp.SrpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * USER_AUTH (spec §4): which first factors a user is offered, SELECT_CHALLENGE and its answers,
 * the password factors, the gates, auto sign-in with ConfirmSignUp's session, GetUserAuthFactors.
 */
class ChoiceSignInTest {

    private static final String PASSWORD = "Right-Passw0rd!";

    private ChoicePool p;

    @BeforeEach
    void setUp() {
        p = new ChoicePool(Limits.DEFAULT);
    }

    // ---- Auto sign-in after sign-up (spec §4.5) ----

    @Test
    @DisplayName("SignUp (no password) → Session; ConfirmSignUp → Session; USER_AUTH with it → tokens")
    void initiateAuthWhenSessionParameterIsConfirmSignUpsThenTokensAtOnceWithoutAnyCode() {
        SignUp.Response signedUp = p.signUp("aiko@example.com", null);
        assertThat(signedUp.session()).isNotBlank();
        assertThat(signedUp.userConfirmed()).isFalse();
        String session = p.confirm("aiko@example.com");
        assertThat(session).isNotBlank();
        int sent = p.t.sent.size();

        AuthResponse tokens = p.initiate(Map.of("USERNAME", "aiko@example.com", "SESSION", session));
        assertThat(tokens.authenticationResult().accessToken()).isNotBlank();
        assertThat(tokens.authenticationResult().refreshToken()).isNotBlank();
        assertThat(tokens.challengeParameters()).isEmpty();
        assertThat(p.t.sent).hasSize(sent);
    }

    @Test
    void initiateAuthWhenConfirmSignUpsSessionIsTheTopLevelSessionThenTokens() {
        String session = p.passwordless("aiko@example.com");
        assertThat(p.initiate(p.clientId, Map.of("USERNAME", "aiko@example.com"), session).authenticationResult())
                .isNotNull();
    }

    @Test
    void adminInitiateAuthWhenUserAuthWithConfirmSignUpsSessionThenTokensAndWithoutItTheEmailedCode() {
        String session = p.passwordless("aiko@example.com");
        AdminInitiateAuth admin = new AdminInitiateAuth(p.t.services);
        assertThat(admin.handle(new AdminInitiateAuth.Request(p.poolId, p.clientId, "USER_AUTH",
                Map.of("USERNAME", "aiko@example.com"), null, null, null, session)).authenticationResult()).isNotNull();
        AuthResponse otp = admin.handle(new AdminInitiateAuth.Request(p.poolId, p.clientId, "USER_AUTH",
                Map.of("USERNAME", "aiko@example.com"), null, null, null, null));
        assertThat(otp.challengeName()).isEqualTo("EMAIL_OTP");
        assertThat(new AdminRespondToAuthChallenge(p.t.services).handle(new AdminRespondToAuthChallenge.Request(
                p.poolId, p.clientId, "EMAIL_OTP", Map.of("USERNAME", "aiko@example.com", "EMAIL_OTP_CODE", p.code(8)),
                otp.session(), null, null, null)).authenticationResult()).isNotNull();
    }

    @Test
    void initiateAuthWhenConfirmSignUpsSessionUsedTwiceThenInvalidSession() {
        String session = p.passwordless("aiko@example.com");
        p.initiate(Map.of("USERNAME", "aiko@example.com", "SESSION", session));
        assertThatThrownBy(() -> p.initiate(Map.of("USERNAME", "aiko@example.com", "SESSION", session)))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Invalid session for the user.");
    }

    @Test
    void initiateAuthWhenConfirmSignUpsSessionIsPastItsValidityThenSessionIsExpired() {
        String session = p.passwordless("aiko@example.com");
        p.t.clock.advance(Duration.ofMinutes(3));
        assertThatThrownBy(() -> p.initiate(Map.of("USERNAME", "aiko@example.com", "SESSION", session)))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Invalid session for the user, session is expired.");
    }

    @Test
    void initiateAuthWhenConfirmSignUpsSessionIsAnotherUsersThenInvalidSessionAndItStaysUsableByItsOwner() {
        String session = p.passwordless("aiko@example.com");
        p.passwordless("ben@example.com");
        assertThatThrownBy(() -> p.initiate(Map.of("USERNAME", "ben@example.com", "SESSION", session)))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Invalid session for the user.");
        assertThat(p.initiate(Map.of("USERNAME", "aiko@example.com", "SESSION", session)).authenticationResult())
                .isNotNull();
    }

    @Test
    void initiateAuthWhenConfirmSignUpsSessionIsUsedOnAnotherClientThenInvalidSession() {
        String session = p.passwordless("aiko@example.com");
        String other = p.newClient(List.of("ALLOW_USER_AUTH"), null);
        assertThatThrownBy(() -> p.initiate(other, Map.of("USERNAME", "aiko@example.com", "SESSION", session), null))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Invalid session for the user.");
    }

    @Test
    @DisplayName("The session is \"only valid for users who … are signing in for the first time\" (spec §4.5): "
            + "a sign-in with an emailed code ends it")
    void initiateAuthWhenUserSignedInWithAnEmailedCodeSinceConfirmingThenConfirmSignUpsSessionIsInvalid() {
        String session = p.passwordless("aiko@example.com");
        AuthResponse otp = p.initiate(Map.of("USERNAME", "aiko@example.com"));
        assertThat(p.answerEmail(otp, "aiko@example.com", p.code(8)).authenticationResult()).isNotNull();
        assertAutoSignInRefused("aiko@example.com", session);
    }

    @Test
    void initiateAuthWhenUserSignedInWithThePasswordOnAnotherClientSinceConfirmingThenConfirmSignUpsSessionIsInvalid() {
        p.signUp("ren@example.com", PASSWORD);
        String session = p.confirm("ren@example.com");
        String other = p.newClient(List.of("ALLOW_USER_PASSWORD_AUTH"), null);
        assertThat(new InitiateAuth(p.t.services).handle(new InitiateAuth.Request("USER_PASSWORD_AUTH",
                Map.of("USERNAME", "ren@example.com", "PASSWORD", PASSWORD), null, other, null, null, null))
                .authenticationResult()).isNotNull();
        assertAutoSignInRefused("ren@example.com", session);
    }

    @Test
    void initiateAuthWhenOnlyFailedSignInsCameSinceConfirmingThenConfirmSignUpsSessionStillSignsIn() {
        p.signUp("ren@example.com", PASSWORD);
        String session = p.confirm("ren@example.com");
        assertThatThrownBy(() -> p.initiate(Map.of("USERNAME", "ren@example.com", "PREFERRED_CHALLENGE", "PASSWORD",
                "PASSWORD", "Wrong-Passw0rd!")))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Incorrect username or password.");
        AuthResponse otp = p.initiate(Map.of("USERNAME", "ren@example.com", "PREFERRED_CHALLENGE", "EMAIL_OTP"));
        assertThatThrownBy(() -> p.answerEmail(otp, "ren@example.com", ChoicePool.wrong(p.code(8))))
                .isInstanceOf(CodeMismatchException.class);
        assertThat(p.initiate(Map.of("USERNAME", "ren@example.com", "SESSION", session)).authenticationResult())
                .isNotNull();
    }

    /** USER_AUTH with ConfirmSignUp's {@code session} no longer signs {@code email} in. */
    private void assertAutoSignInRefused(String email, String session) {
        assertThatThrownBy(() -> p.initiate(Map.of("USERNAME", email, "SESSION", session)))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Invalid session for the user.");
    }

    @Test
    void initiateAuthWhenSessionIsSignUpsUnconfirmedOneThenInvalidSession() {
        String session = p.signUp("aiko@example.com", null).session();
        p.confirm("aiko@example.com");
        assertThatThrownBy(() -> p.initiate(Map.of("USERNAME", "aiko@example.com", "SESSION", session)))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Invalid session for the user.");
    }

    // ---- Which factors, SELECT_CHALLENGE ----

    @Test
    @DisplayName("Without PREFERRED_CHALLENGE a user with several first factors gets SELECT_CHALLENGE and AvailableChallenges")
    void initiateAuthWhenUserHasPasswordAndEmailThenSelectChallengeListingThemAndNoCodeSent() {
        p.withPassword("ren@example.com", PASSWORD);
        int sent = p.t.sent.size();
        AuthResponse select = p.initiate(Map.of("USERNAME", "ren@example.com"));
        assertThat(select.challengeName()).isEqualTo("SELECT_CHALLENGE");
        assertThat(select.availableChallenges()).containsExactly("PASSWORD_SRP", "PASSWORD", "EMAIL_OTP");
        assertThat(select.challengeParameters()).isEmpty();
        assertThat(select.session()).isNotBlank();
        assertThat(p.t.sent).hasSize(sent);
    }

    @Test
    void respondWhenSelectChallengeAnswerIsEmailOtpThenTheCodeIsSentAndSignsIn() {
        p.withPassword("ren@example.com", PASSWORD);
        AuthResponse select = p.initiate(Map.of("USERNAME", "ren@example.com"));
        AuthResponse otp = p.respond("SELECT_CHALLENGE", Map.of("USERNAME", "ren@example.com", "ANSWER", "EMAIL_OTP"),
                select.session());
        assertThat(otp.challengeName()).isEqualTo("EMAIL_OTP");
        assertThat(otp.challengeParameters()).containsEntry("CODE_DELIVERY_DESTINATION", "r***@e***");
        assertThat(otp.availableChallenges()).isNull();
        assertThat(p.answerEmail(otp, "ren@example.com", p.code(8)).authenticationResult()).isNotNull();
        assertThatThrownBy(() -> p.respond("SELECT_CHALLENGE", Map.of("USERNAME", "ren@example.com", "ANSWER",
                "EMAIL_OTP"), select.session()))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Invalid session for the user.");
    }

    @Test
    void respondWhenSelectChallengeAnswerIsPasswordWithThePasswordThenTokensAndWrongOneIncorrect() {
        p.withPassword("ren@example.com", PASSWORD);
        AuthResponse select = p.initiate(Map.of("USERNAME", "ren@example.com"));
        assertThat(p.respond("SELECT_CHALLENGE", Map.of("USERNAME", "ren@example.com", "ANSWER", "PASSWORD",
                "PASSWORD", PASSWORD), select.session()).authenticationResult()).isNotNull();

        AuthResponse again = p.initiate(Map.of("USERNAME", "ren@example.com"));
        assertThatThrownBy(() -> p.respond("PASSWORD", Map.of("USERNAME", "ren@example.com", "PASSWORD",
                "Wrong-Passw0rd!"), again.session()))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Incorrect username or password.");
    }

    @Test
    void respondWhenSelectChallengeAnswerIsNotOfferedThenInvalidParameterAndTheSessionStays() {
        p.withPassword("ren@example.com", PASSWORD);
        AuthResponse select = p.initiate(Map.of("USERNAME", "ren@example.com"));
        assertThatThrownBy(() -> p.respond("SELECT_CHALLENGE", Map.of("USERNAME", "ren@example.com", "ANSWER",
                "SMS_OTP"), select.session()))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("ANSWER must be one of the AvailableChallenges [PASSWORD_SRP, PASSWORD, EMAIL_OTP].");
        assertThat(p.respond("SELECT_CHALLENGE", Map.of("USERNAME", "ren@example.com", "ANSWER", "EMAIL_OTP"),
                select.session()).challengeName()).isEqualTo("EMAIL_OTP");
    }

    @Test
    void initiateAuthWhenPreferredChallengeIsPasswordWithThePasswordThenTokensDirectly() {
        p.withPassword("ren@example.com", PASSWORD);
        AuthResponse tokens = p.initiate(Map.of("USERNAME", "ren@example.com", "PREFERRED_CHALLENGE", "PASSWORD",
                "PASSWORD", PASSWORD));
        assertThat(tokens.authenticationResult().accessToken()).isNotBlank();
    }

    @Test
    @DisplayName("PREFERRED_CHALLENGE PASSWORD_SRP with SRP_A → PASSWORD_VERIFIER exactly as USER_SRP_AUTH (spec §4.2)")
    void initiateAuthWhenPreferredChallengeIsPasswordSrpThenPasswordVerifierThatTheRightPasswordPasses() {
        p.withPassword("ren@example.com", PASSWORD);
        SrpClient srp = new SrpClient(p.poolId, new Random(5));
        AuthResponse verifier = p.initiate(Map.of("USERNAME", "ren@example.com", "PREFERRED_CHALLENGE", "PASSWORD_SRP",
                "SRP_A", srp.srpA()));
        assertThat(verifier.challengeName()).isEqualTo("PASSWORD_VERIFIER");
        Map<String, String> c = verifier.challengeParameters();
        assertThat(p.respond("PASSWORD_VERIFIER", new HashMap<>(srp.passwordVerifierResponses(c.get("USER_ID_FOR_SRP"),
                PASSWORD, c.get("SALT"), c.get("SRP_B"), c.get("SECRET_BLOCK"), p.t.clock.instant())),
                verifier.session()).authenticationResult()).isNotNull();

        SrpClient wrong = new SrpClient(p.poolId, new Random(6));
        AuthResponse select = p.initiate(Map.of("USERNAME", "ren@example.com"));
        AuthResponse second = p.respond("SELECT_CHALLENGE", Map.of("USERNAME", "ren@example.com", "ANSWER",
                "PASSWORD_SRP", "SRP_A", wrong.srpA()), select.session());
        Map<String, String> d = second.challengeParameters();
        assertThatThrownBy(() -> p.respond("PASSWORD_VERIFIER", new HashMap<>(wrong.passwordVerifierResponses(
                d.get("USER_ID_FOR_SRP"), "Wrong-Passw0rd!", d.get("SALT"), d.get("SRP_B"), d.get("SECRET_BLOCK"),
                p.t.clock.instant())), second.session()))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Incorrect username or password.");
    }

    @Test
    void initiateAuthWhenPreferredChallengeIsEmailOtpThenCodeSentWithoutAvailableChallenges() {
        p.withPassword("ren@example.com", PASSWORD);
        AuthResponse otp = p.initiate(Map.of("USERNAME", "ren@example.com", "PREFERRED_CHALLENGE", "EMAIL_OTP"));
        assertThat(otp.challengeName()).isEqualTo("EMAIL_OTP");
        assertThat(otp.availableChallenges()).isNull();
        assertThat(p.t.sent.getLast().to()).isEqualTo("ren@example.com");
    }

    @Test
    @DisplayName("One factor: listed in AvailableChallenges without a preference, left out when PREFERRED_CHALLENGE names it (spec §4.2)")
    void initiateAuthWhenUsersOnlyFactorIsPreferredThenNoAvailableChallengesAndWithoutPreferenceListed() {
        p.passwordless("aiko@example.com");
        AuthResponse unasked = p.initiate(Map.of("USERNAME", "aiko@example.com"));
        assertThat(unasked.challengeName()).isEqualTo("EMAIL_OTP");
        assertThat(unasked.availableChallenges()).containsExactly("EMAIL_OTP");
        assertThat(p.answerEmail(unasked, "aiko@example.com", p.code(8)).authenticationResult()).isNotNull();

        AuthResponse preferred = p.initiate(Map.of("USERNAME", "aiko@example.com", "PREFERRED_CHALLENGE", "EMAIL_OTP"));
        assertThat(preferred.challengeName()).isEqualTo("EMAIL_OTP");
        assertThat(preferred.availableChallenges()).isNull();
        assertThat(p.answerEmail(preferred, "aiko@example.com", p.code(8)).authenticationResult()).isNotNull();
    }

    @Test
    void initiateAuthWhenPreferredChallengeIsNotTheUsersThenTheUsersOwnFactor() {
        p.passwordless("aiko@example.com");
        AuthResponse otp = p.initiate(Map.of("USERNAME", "aiko@example.com", "PREFERRED_CHALLENGE", "PASSWORD",
                "PASSWORD", PASSWORD));
        assertThat(otp.challengeName()).isEqualTo("EMAIL_OTP");
        assertThat(otp.availableChallenges()).containsExactly("EMAIL_OTP");
    }

    @Test
    void initiateAuthWhenPreferredChallengeIsUnknownThenInvalidParameter() {
        p.passwordless("aiko@example.com");
        assertThatThrownBy(() -> p.initiate(Map.of("USERNAME", "aiko@example.com", "PREFERRED_CHALLENGE", "MAGIC")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("PREFERRED_CHALLENGE must be one of [PASSWORD_SRP, PASSWORD, EMAIL_OTP, SMS_OTP, WEB_AUTHN].");
    }

    // ---- Gates (spec §4.1) ----

    @Test
    void initiateAuthWhenClientDoesNotAllowUserAuthThenInvalidParameter() {
        p.passwordless("aiko@example.com");
        String other = p.newClient(List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"), null);
        assertThatThrownBy(() -> p.initiate(other, Map.of("USERNAME", "aiko@example.com"), null))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("USER_AUTH flow not enabled for this client");
    }

    @Test
    void initiateAuthWhenPoolIsLiteTierThenFeatureUnavailableInTier() {
        // LITE allows only the PASSWORD first factor (PoolSettings); USER_AUTH not even with that.
        ChoicePool lite = new ChoicePool(Limits.DEFAULT, List.of("PASSWORD"), "LITE", null, null,
                List.of("ALLOW_USER_AUTH"));
        assertThatThrownBy(() -> lite.initiate(Map.of("USERNAME", "sue")))
                .isInstanceOf(FeatureUnavailableInTierException.class)
                .hasMessage("USER_AUTH requires the ESSENTIALS or PLUS user pool tier; this user pool is LITE.");
    }

    @Test
    @DisplayName("MFA and passwordless exclude each other: no code first factor in a pool that requires MFA (spec §4.1)")
    void createUserPoolWhenMfaRequiredBesideACodeFirstFactorThenRefusedAndSetUserPoolMfaConfigToo() {
        String only = "Only PASSWORD and WEB_AUTHN (if configured) can be enabled as an auth factor if MFA is enabled";
        assertThatThrownBy(() -> new ChoicePool(Limits.DEFAULT, "ESSENTIALS", "ON", null, List.of("ALLOW_USER_AUTH")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage(only);
        assertMfaOnRefusedLater(p, InvalidParameterException.class, only);
    }

    @Test
    @DisplayName("MFA ON in a password-only pool: refused as unsupported, for Tobira has no MFA challenge to require")
    void createUserPoolWhenMfaRequiredInAPasswordOnlyPoolThenUnsupportedAndUpdateAndSetUserPoolMfaConfigToo() {
        String unsupported = "Tobira does not support MfaConfiguration ON: it has no MFA challenge, so it could not "
                + "require one. Use OFF or OPTIONAL.";
        assertThatThrownBy(() -> new ChoicePool(Limits.DEFAULT, List.of("PASSWORD"), "ESSENTIALS", "ON", null,
                List.of("ALLOW_USER_AUTH")))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage(unsupported);
        ChoicePool passwordOnly = new ChoicePool(Limits.DEFAULT, List.of("PASSWORD"), "ESSENTIALS", null, null,
                List.of("ALLOW_USER_AUTH"));
        assertMfaOnRefusedLater(passwordOnly, UnsupportedOperationException.class, unsupported);
    }

    @Test
    @DisplayName("MFA OPTIONAL is kept as set, and every user keeps the code factors: no user can turn MFA on")
    void initiateAuthWhenPoolMfaIsOptionalThenTheEmailedCodeStillSignsIn() {
        assertThat(new SetUserPoolMfaConfig(p.t.services).handle(new SetUserPoolMfaConfig.Request(p.poolId, null,
                null, null, "OPTIONAL", null)).mfaConfiguration()).isEqualTo("OPTIONAL");
        assertThat(mfaOf(p)).isEqualTo("OPTIONAL");
        p.withPassword("ren@example.com", PASSWORD);
        assertThat(p.initiate(Map.of("USERNAME", "ren@example.com")).availableChallenges())
                .containsExactly("PASSWORD_SRP", "PASSWORD", "EMAIL_OTP");
        AuthResponse otp = p.initiate(Map.of("USERNAME", "ren@example.com", "PREFERRED_CHALLENGE", "EMAIL_OTP"));
        assertThat(p.answerEmail(otp, "ren@example.com", p.code(8)).authenticationResult()).isNotNull();
    }

    /** SetUserPoolMfaConfig and UpdateUserPool both refuse MFA ON for {@code pool}, which stays OFF. */
    private static void assertMfaOnRefusedLater(ChoicePool pool, Class<? extends Exception> type, String message) {
        assertThatThrownBy(() -> new SetUserPoolMfaConfig(pool.t.services).handle(new SetUserPoolMfaConfig.Request(
                pool.poolId, null, null, null, "ON", null)))
                .isInstanceOf(type)
                .hasMessage(message);
        assertThatThrownBy(() -> new UpdateUserPool(pool.t.services).handle(new UpdateUserPool.Request(pool.poolId,
                new Policies(PasswordPolicy.DEFAULT, new SignInPolicy(pool.firstFactors())), null, null,
                List.of("email"), null, null, null, null, null, null, "ON", null, null, null, null, null,
                null, null, null, null)))
                .isInstanceOf(type)
                .hasMessage(message);
        assertThat(mfaOf(pool)).isEqualTo("OFF");
    }

    private static String mfaOf(ChoicePool pool) {
        return new GetUserPoolMfaConfig(pool.t.services).handle(new GetUserPoolMfaConfig.Request(pool.poolId))
                .mfaConfiguration();
    }

    @Test
    void initiateAuthWhenUserMustReplaceATemporaryPasswordThenOnlyPasswordFactors() {
        new AdminCreateUser(p.t.services).handle(new AdminCreateUser.Request(p.poolId, "tom@example.com",
                List.of(new dev.tobira.core.user.Attribute("email", "tom@example.com"),
                        new dev.tobira.core.user.Attribute("email_verified", "true")), null, "Temp-Passw0rd!", null,
                "SUPPRESS", null, null));
        assertThat(p.initiate(Map.of("USERNAME", "tom@example.com")).availableChallenges())
                .containsExactly("PASSWORD_SRP", "PASSWORD");
        AuthResponse newPassword = p.initiate(Map.of("USERNAME", "tom@example.com", "PREFERRED_CHALLENGE", "PASSWORD",
                "PASSWORD", "Temp-Passw0rd!"));
        assertThat(newPassword.challengeName()).isEqualTo("NEW_PASSWORD_REQUIRED");
    }

    @Test
    void initiateAuthWhenUserUnknownAndLegacyErrorsThenUserNotFound() {
        assertThatThrownBy(() -> p.initiate(Map.of("USERNAME", "nobody@example.com")))
                .isInstanceOf(UserNotFoundException.class)
                .hasMessage("User does not exist.");
    }

    @Test
    void initiateAuthWhenUserUnconfirmedThenUserNotConfirmed() {
        p.signUp("aiko@example.com", null);
        assertThatThrownBy(() -> p.initiate(Map.of("USERNAME", "aiko@example.com")))
                .isInstanceOf(dev.tobira.core.CognitoException.UserNotConfirmedException.class)
                .hasMessage("User is not confirmed.");
    }

    @Test
    @DisplayName("PreventUserExistenceErrors: an unknown name gets challenges as a real user would, and nothing is sent")
    void initiateAuthWhenUserUnknownAndExistenceErrorsPreventedThenSimulatedChallengesThatNothingPasses() {
        ChoicePool hidden = new ChoicePool(Limits.DEFAULT, "ESSENTIALS", null, "ENABLED", List.of("ALLOW_USER_AUTH"));
        AuthResponse select = hidden.initiate(Map.of("USERNAME", "nobody@example.com"));
        assertThat(select.challengeName()).isEqualTo("SELECT_CHALLENGE");
        assertThat(select.availableChallenges()).containsExactly("PASSWORD_SRP", "PASSWORD", "EMAIL_OTP", "SMS_OTP");

        AuthResponse otp = hidden.respond("SELECT_CHALLENGE", Map.of("USERNAME", "nobody@example.com", "ANSWER",
                "EMAIL_OTP"), select.session());
        assertThat(otp.challengeName()).isEqualTo("EMAIL_OTP");
        assertThat(otp.challengeParameters()).containsEntry("CODE_DELIVERY_DESTINATION", "n***@e***");
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> hidden.answerEmail(otp, "nobody@example.com", "12345678"))
                    .isInstanceOf(CodeMismatchException.class)
                    .hasMessage("Invalid code or auth state for the user.");
        }
        assertThatThrownBy(() -> hidden.answerEmail(otp, "nobody@example.com", "12345678"))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Invalid session for the user.");
        assertThatThrownBy(() -> hidden.initiate(Map.of("USERNAME", "nobody@example.com", "PREFERRED_CHALLENGE",
                "PASSWORD", "PASSWORD", PASSWORD)))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Incorrect username or password.");
        assertThat(hidden.t.sent).isEmpty();
    }

    // ---- GetUserAuthFactors ----

    @Test
    void getUserAuthFactorsWhenPasswordlessUserThenEmailOtpOnly() {
        String session = p.passwordless("aiko@example.com");
        String accessToken = p.initiate(Map.of("USERNAME", "aiko@example.com", "SESSION", session))
                .authenticationResult().accessToken();
        GetUserAuthFactors.Response factors = new GetUserAuthFactors(p.t.services)
                .handle(new GetUserAuthFactors.Request(accessToken));
        assertThat(factors.configuredUserAuthFactors()).containsExactly("EMAIL_OTP");
        assertThat(factors.username()).isNotEqualTo("aiko@example.com").hasSize(36);
        assertThat(factors.userMFASettingList()).isNull();
    }

    @Test
    void getUserAuthFactorsWhenUserHasPasswordThenPasswordAndEmailOtp() {
        p.withPassword("ren@example.com", PASSWORD);
        String accessToken = p.initiate(Map.of("USERNAME", "ren@example.com", "PREFERRED_CHALLENGE", "PASSWORD",
                "PASSWORD", PASSWORD)).authenticationResult().accessToken();
        assertThat(new GetUserAuthFactors(p.t.services).handle(new GetUserAuthFactors.Request(accessToken))
                .configuredUserAuthFactors()).containsExactly("PASSWORD", "EMAIL_OTP");
    }
}
