package dev.tobira.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.core.CognitoException;
import dev.tobira.core.CognitoException.CodeMismatchException;
import dev.tobira.core.CognitoException.LimitExceededException;
import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.Limits;
import dev.tobira.core.Race;
import dev.tobira.core.code.CodePurpose;
import dev.tobira.core.message.Message;
import dev.tobira.core.pool.UserPool.EmailMfaConfig;
import dev.tobira.core.trigger.EmailOtpSettings;
import dev.tobira.core.user.Attribute;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The codes of USER_AUTH's EMAIL_OTP and SMS_OTP challenges (spec §4.4), through the operations. */
class SignInCodesTest {

    private static final String AIKO = "aiko@example.com";

    private ChoicePool p;

    @BeforeEach
    void setUp() {
        p = new ChoicePool(Limits.DEFAULT);
        p.passwordless(AIKO);
    }

    private AuthResponse emailOtp() {
        return p.initiate(Map.of("USERNAME", AIKO));
    }

    /** Past the resend cooldown, so that another USER_AUTH may send a new code. */
    private void afterCooldown() {
        p.t.clock.advance(Limits.DEFAULT.resendCooldown());
    }

    @Test
    @DisplayName("Passwordless email and SMS OTPs are 8 digits; the email says how long the code works")
    void initiateAuthWhenUserHasOnlyEmailThenEmailOtpWithEightDigitCodeAndAvailableChallenges() {
        AuthResponse challenge = emailOtp();
        assertThat(challenge.challengeName()).isEqualTo("EMAIL_OTP");
        assertThat(challenge.challengeParameters()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "CODE_DELIVERY_DELIVERY_MEDIUM", "EMAIL", "CODE_DELIVERY_DESTINATION", "a***@e***"));
        assertThat(challenge.availableChallenges()).containsExactly("EMAIL_OTP");
        assertThat(challenge.session()).hasSizeGreaterThanOrEqualTo(20);
        Message sent = p.t.sent.getLast();
        assertThat(sent.channel()).isEqualTo(Message.Channel.EMAIL);
        assertThat(sent.to()).isEqualTo(AIKO);
        assertThat(sent.subject()).isEqualTo("Your sign-in code");
        assertThat(sent.body()).matches("(?s)Your sign-in code is \\d{8}\\..*").contains("3 minutes");
    }

    @Test
    void respondWhenEmailOtpCodeRightThenTokensForThatUser() {
        AuthResponse challenge = emailOtp();
        AuthResponse tokens = p.answerEmail(challenge, AIKO, p.code(8));
        assertThat(tokens.challengeName()).isNull();
        assertThat(tokens.challengeParameters()).isEmpty();
        String accessToken = tokens.authenticationResult().accessToken();
        assertThat(new GetUser(p.t.services).handle(new GetUser.Request(accessToken)).userAttributes())
                .contains(new Attribute("email", AIKO));
    }

    @Test
    void respondWhenCodeWrongThenCodeMismatchAndTheSameSessionStillTakesTheRightCode() {
        AuthResponse challenge = emailOtp();
        String right = p.code(8);
        assertThatThrownBy(() -> p.answerEmail(challenge, AIKO, ChoicePool.wrong(right)))
                .isInstanceOf(CodeMismatchException.class)
                .hasMessage("Invalid code or auth state for the user.");
        assertThat(p.answerEmail(challenge, AIKO, right).authenticationResult().idToken()).isNotBlank();
    }

    @Test
    @DisplayName("Brute force: a code takes at most 3 answers, then its session is dead even for the right code")
    void respondWhenGuessingThenAtMostThreeGuessesAreJudgedAndThenTheSessionIsDead() {
        AuthResponse challenge = emailOtp();
        String right = p.code(8);
        List<String> outcomes = new ArrayList<>();
        for (int guess = 0; guess < 20; guess++) {
            String code = String.format("%08d", guess);
            if (code.equals(right)) {
                continue;
            }
            try {
                p.answerEmail(challenge, AIKO, code);
                outcomes.add("tokens");
            } catch (CognitoException e) {
                outcomes.add(e.type() + ": " + e.getMessage());
            }
        }
        assertThat(outcomes.stream().filter(o -> o.startsWith("CodeMismatchException"))).hasSize(3);
        assertThat(outcomes.subList(3, outcomes.size()))
                .containsOnly("NotAuthorizedException: Invalid session for the user.");
        assertThatThrownBy(() -> p.answerEmail(challenge, AIKO, right))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Invalid session for the user.");
    }

    @Test
    @DisplayName("Brute force in parallel: of many wrong answers fired at once at one session 3 are judged, every "
            + "other finds the session dead, and so does the right code afterwards")
    void respondWhenManyWrongAnswersRaceThenThreeCodeMismatchesAndEveryOtherInvalidSession() throws Exception {
        AuthResponse challenge = emailOtp();
        String right = p.code(8);
        List<String> outcomes = Race.outcomes(24, guess -> {
            String code = String.format("%08d", guess);
            return p.answerEmail(challenge, AIKO, code.equals(right) ? ChoicePool.wrong(right) : code);
        });
        assertThat(outcomes).filteredOn(o -> o.startsWith("CodeMismatchException"))
                .containsOnly("CodeMismatchException: Invalid code or auth state for the user.")
                .hasSize(Limits.DEFAULT.signInCodeAttempts());
        assertThat(outcomes).filteredOn(o -> !o.startsWith("CodeMismatchException"))
                .hasSize(24 - Limits.DEFAULT.signInCodeAttempts())
                .containsOnly("NotAuthorizedException: Invalid session for the user.");
        assertThatThrownBy(() -> p.answerEmail(challenge, AIKO, right))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Invalid session for the user.");
    }

    @Test
    void respondWhenCodeAnsweredAfterTheSessionValidityThenSessionIsExpired() {
        AuthResponse challenge = emailOtp();
        String right = p.code(8);
        p.t.clock.advance(Duration.ofMinutes(3));
        assertThatThrownBy(() -> p.answerEmail(challenge, AIKO, right))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Invalid session for the user, session is expired.");
    }

    @Test
    void respondWhenCodeAnsweredJustBeforeTheSessionValidityEndsThenTokens() {
        AuthResponse challenge = emailOtp();
        p.t.clock.advance(Duration.ofMinutes(3).minusSeconds(1));
        assertThat(p.answerEmail(challenge, AIKO, p.code(8)).authenticationResult()).isNotNull();
    }

    @Test
    void respondWhenCodeReusedThenInvalidSession() {
        AuthResponse challenge = emailOtp();
        String right = p.code(8);
        p.answerEmail(challenge, AIKO, right);
        assertThatThrownBy(() -> p.answerEmail(challenge, AIKO, right))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Invalid session for the user.");
    }

    @Test
    @DisplayName("Resend: a new USER_AUTH sends a new code, and the old code and its session are dead")
    void initiateAuthAgainWhenCodePendingThenNewCodeAndTheOldOneIsSuperseded() {
        AuthResponse first = emailOtp();
        String firstCode = p.code(8);
        afterCooldown();
        AuthResponse second = emailOtp();
        String secondCode = p.code(8);
        assertThat(p.t.sent).hasSize(3);
        assertThat(second.session()).isNotEqualTo(first.session());

        assertThatThrownBy(() -> p.answerEmail(first, AIKO, firstCode))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Invalid session for the user.");
        if (!firstCode.equals(secondCode)) {
            assertThatThrownBy(() -> p.answerEmail(second, AIKO, firstCode))
                    .isInstanceOf(CodeMismatchException.class)
                    .hasMessage("Invalid code or auth state for the user.");
        }
        assertThat(p.answerEmail(second, AIKO, secondCode).authenticationResult()).isNotNull();
    }

    @Test
    void respondWhenNewCodeAnsweredOnTheOldSessionThenInvalidSession() {
        AuthResponse first = emailOtp();
        afterCooldown();
        emailOtp();
        String secondCode = p.code(8);
        assertThatThrownBy(() -> p.answerEmail(first, AIKO, secondCode))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Invalid session for the user.");
    }

    @Test
    void initiateAuthWhenWithinResendCooldownThenLimitExceededAndNoEmail() {
        emailOtp();
        p.t.clock.advance(Limits.DEFAULT.resendCooldown().minusSeconds(1));
        assertThatThrownBy(this::emailOtp)
                .isInstanceOf(LimitExceededException.class)
                .hasMessage("Attempt limit exceeded, please try after some time.");
        assertThat(p.t.sent).hasSize(2);
        p.t.clock.advance(Duration.ofSeconds(1));
        assertThat(emailOtp().challengeName()).isEqualTo("EMAIL_OTP");
    }

    @Test
    void initiateAuthWhenPreviousCodeWasUsedThenNoCooldown() {
        p.answerEmail(emailOtp(), AIKO, p.code(8));
        assertThat(emailOtp().challengeName()).isEqualTo("EMAIL_OTP");
    }

    @Test
    @DisplayName("Wrong codes count towards the lockout as wrong passwords do: 5 free, then Password attempts exceeded")
    void respondWhenFiveWrongCodesThenLockedOutEvenForTheRightCodeAndNoCodeIsSent() {
        AuthResponse first = emailOtp();
        String wrong = ChoicePool.wrong(p.code(8));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> p.answerEmail(first, AIKO, wrong)).isInstanceOf(CodeMismatchException.class);
        }
        afterCooldown();
        AuthResponse second = emailOtp();
        String right = p.code(8);
        String wrong2 = ChoicePool.wrong(right);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> p.answerEmail(second, AIKO, wrong2)).isInstanceOf(CodeMismatchException.class);
        }
        assertThatThrownBy(() -> p.answerEmail(second, AIKO, right))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Password attempts exceeded");
        int sent = p.t.sent.size();
        assertThatThrownBy(this::emailOtp)
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Password attempts exceeded");
        assertThat(p.t.sent).hasSize(sent);

        p.t.clock.advance(Duration.ofSeconds(1));
        assertThat(p.answerEmail(second, AIKO, right).authenticationResult()).isNotNull();
    }

    @Test
    @DisplayName("Single use under concurrency: of two simultaneous right answers exactly one gets tokens")
    void respondWhenTwoRightAnswersRaceThenExactlyOneGetsTokens() throws Exception {
        ChoicePool racing = new ChoicePool(new Limits(6, Duration.ofHours(24), 5, Duration.ZERO,
                EmailOtpSettings.DEFAULT));
        racing.passwordless(AIKO);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 25; round++) {
                AuthResponse challenge = racing.initiate(Map.of("USERNAME", AIKO));
                String right = racing.code(8);
                CountDownLatch start = new CountDownLatch(1);
                Callable<String> answer = () -> {
                    start.await();
                    try {
                        return racing.answerEmail(challenge, AIKO, right).authenticationResult() != null ? "tokens" : "?";
                    } catch (CognitoException e) {
                        return e.type() + ": " + e.getMessage();
                    }
                };
                Future<String> a = threads.submit(answer);
                Future<String> b = threads.submit(answer);
                start.countDown();
                assertThat(List.of(a.get(), b.get())).as("round " + round).containsExactlyInAnyOrder("tokens",
                        "NotAuthorizedException: Invalid session for the user.");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void respondWhenUsernameIsAnotherUsersThenInvalidSession() {
        p.passwordless("ben@example.com");
        AuthResponse challenge = emailOtp();
        assertThatThrownBy(() -> p.answerEmail(challenge, "ben@example.com", p.code(8)))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Invalid session for the user.");
    }

    @Test
    void respondWhenCodeMissingThenInvalidParameter() {
        AuthResponse challenge = emailOtp();
        assertThatThrownBy(() -> p.respond("EMAIL_OTP", Map.of("USERNAME", AIKO), challenge.session()))
                .isInstanceOf(CognitoException.InvalidParameterException.class)
                .hasMessage("Missing required parameter EMAIL_OTP_CODE");
    }

    @Test
    void respondWhenSessionIsForAnotherChallengeThenInvalidSession() {
        AuthResponse challenge = emailOtp();
        assertThatThrownBy(() -> p.respond("SMS_OTP", Map.of("USERNAME", AIKO, "SMS_OTP_CODE", p.code(8)),
                challenge.session()))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Invalid session for the user.");
    }

    @Test
    void codesWhenStoredThenOnlyTheirKeyedHashIs() {
        emailOtp();
        String code = p.code(8);
        String username = p.t.services.users().findByAttribute(p.poolId, "email", AIKO, false).getFirst().username();
        assertThat(p.t.services.codes().active(p.poolId, username, CodePurpose.SIGN_IN_OTP).orElseThrow().codeHash())
                .isEqualTo(p.t.services.codeHasher().hash(p.poolId, username, CodePurpose.SIGN_IN_OTP, code))
                .doesNotContain(code);
    }

    @Test
    void initiateAuthWhenPoolHasEmailMfaConfigurationThenItsSubjectAndMessageCarryTheCode() {
        new SetUserPoolMfaConfig(p.t.services).handle(new SetUserPoolMfaConfig.Request(p.poolId, null, null,
                new EmailMfaConfig("<p>Code: <b>{####}</b></p>", "Sign in to Example"), null, null));
        emailOtp();
        Message sent = p.t.sent.getLast();
        assertThat(sent.subject()).isEqualTo("Sign in to Example");
        assertThat(sent.body()).matches("Code: \\d{8}");
        assertThat(sent.html()).matches("<p>Code: <b>\\d{8}</b></p>");
    }

    @Test
    void initiateAuthWhenUserLocaleIsJapaneseThenTheDefaultEmailIsJapanese() {
        p.signUp("yui@example.com", null, new Attribute("locale", "ja-JP"));
        p.confirm("yui@example.com");
        p.initiate(Map.of("USERNAME", "yui@example.com"));
        Message sent = p.t.sent.getLast();
        assertThat(sent.subject()).isEqualTo("サインインコードのお知らせ");
        assertThat(sent.body()).contains("サインインコードは ").contains("有効期限は3分です");
    }

    @Test
    void initiateAuthWhenClientAuthSessionValidityIsTenMinutesThenTheCodeWorksTenMinutes() {
        String client = new CreateUserPoolClient(p.t.services).handle(new CreateUserPoolClient.Request(p.poolId,
                "ten", null, null, null, null, null, null, null, null, List.of("ALLOW_USER_AUTH"), null, null, null,
                null, null, null, null, null, null, null, null, 10, null)).userPoolClient().clientId();
        AuthResponse challenge = p.initiate(client, Map.of("USERNAME", AIKO), null);
        assertThat(p.t.sent.getLast().body()).contains("10 minutes");
        String code = p.code(8);
        p.t.clock.advance(Duration.ofMinutes(9));
        assertThat(new RespondToAuthChallenge(p.t.services).handle(new RespondToAuthChallenge.Request(client,
                "EMAIL_OTP", challenge.session(), Map.of("USERNAME", AIKO, "EMAIL_OTP_CODE", code), null, null, null))
                .authenticationResult()).isNotNull();
    }

    @Test
    void initiateAuthWhenSignInCodeLengthIsSetThenCodesHaveThatManyDigits() {
        ChoicePool ten = new ChoicePool(new Limits(6, Duration.ofHours(24), 5, Duration.ZERO,
                EmailOtpSettings.DEFAULT, 10, 3));
        ten.passwordless(AIKO);
        AuthResponse challenge = ten.initiate(Map.of("USERNAME", AIKO));
        assertThat(ten.answerEmail(challenge, AIKO, ten.code(10)).authenticationResult()).isNotNull();
    }

    @Test
    void initiateAuthWhenUserHasVerifiedPhoneAndPrefersSmsOtpThenTextedCodeSignsIn() {
        p.signUp("kai@example.com", null, new Attribute("phone_number", "+15555550123"));
        p.confirm("kai@example.com");
        new AdminUpdateUserAttributes(p.t.services).handle(new AdminUpdateUserAttributes.Request(p.poolId,
                "kai@example.com", List.of(new Attribute("phone_number_verified", "true")), null));
        AuthResponse challenge = p.initiate(Map.of("USERNAME", "kai@example.com", "PREFERRED_CHALLENGE", "SMS_OTP"));
        assertThat(challenge.challengeName()).isEqualTo("SMS_OTP");
        assertThat(challenge.challengeParameters()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "CODE_DELIVERY_DELIVERY_MEDIUM", "SMS", "CODE_DELIVERY_DESTINATION", "+*******0123"));
        assertThat(challenge.availableChallenges()).isNull();
        Message sms = p.t.sent.getLast();
        assertThat(sms.channel()).isEqualTo(Message.Channel.SMS);
        assertThat(sms.to()).isEqualTo("+15555550123");
        assertThat(sms.body()).matches("Your sign-in code is \\d{8}\\. It is valid for 3 minutes\\.");
        assertThat(p.respond("SMS_OTP", Map.of("USERNAME", "kai@example.com", "SMS_OTP_CODE", p.code(8)),
                challenge.session()).authenticationResult()).isNotNull();
    }
}
