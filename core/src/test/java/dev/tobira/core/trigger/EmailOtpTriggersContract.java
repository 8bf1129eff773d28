package dev.tobira.core.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.core.SigningKeysContract.SettableClock;
import dev.tobira.core.code.CodeHasher;
import dev.tobira.core.message.Message;
import dev.tobira.core.message.MessageSender;
import dev.tobira.core.trigger.AuthChallengeTriggers.Context;
import dev.tobira.core.trigger.AuthChallengeTriggers.CreateResponse;
import dev.tobira.core.trigger.AuthChallengeTriggers.DefineResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour of the built-in {@code tobira-email-otp} triggers (password over SRP, then a code by
 * email; spec §3), stated through {@link AuthChallengeTriggers} so that every way of running them
 * passes the same tests: {@link EmailOtpTriggers} inside Tobira, and the AWS Lambda handlers of the
 * {@code lambda} module.
 *
 * <p>Subclasses build the triggers from a {@link Fixture}: its settings, code key, clock, random
 * source and a sender that records what it is given. Each test starts from a fresh fixture with
 * {@link EmailOtpSettings#DEFAULT}; the clock stands at {@link #T0} until a test moves it.
 */
public abstract class EmailOtpTriggersContract {

    protected static final String POOL = "us-west-2_a3mEuktAv";
    protected static final String OTHER_POOL = "us-west-2_Zz9yXw8Vu";
    protected static final String CLIENT = "5v6oqesojup4oneudb5oiaef75";
    protected static final String USER = "51575f68-2a23-479f-9882-c21c12eda766";
    protected static final String OTHER_USER = "0f9e8d7c-6b5a-4321-8765-0123456789ab";
    protected static final String EMAIL = "ren@example.com";
    protected static final Instant T0 = Instant.parse("2026-11-02T08:04:05.123Z");
    /** A fixed 32-byte code key, so that a failure can be replayed. */
    protected static final byte[] CODE_KEY = "tobira-contract-test-code-key-32".getBytes(StandardCharsets.US_ASCII);
    private static final long SEED = 20261102L;

    /**
     * What the triggers under test are made of.
     *
     * @param sent every message handed to {@link #sender()}, oldest first
     */
    public record Fixture(EmailOtpSettings settings, CodeHasher hasher, SettableClock clock, RandomGenerator random,
            List<Message> sent) {

        /** Records each message in {@link #sent()}. */
        public MessageSender sender() {
            return sent::add;
        }
    }

    /** The triggers under test, built from {@code f}'s settings, key, clock, random source and sender. */
    protected abstract AuthChallengeTriggers triggers(Fixture f);

    private Fixture fixture;
    private AuthChallengeTriggers triggers;

    @BeforeEach
    void setUpTriggers() {
        use(EmailOtpSettings.DEFAULT);
    }

    /** Starts again with fresh triggers that have {@code settings}. */
    private void use(EmailOtpSettings settings) {
        fixture = new Fixture(settings, new CodeHasher(CODE_KEY), new SettableClock(T0), new Random(SEED),
                new ArrayList<>());
        triggers = triggers(fixture);
    }

    // ---- Values ----

    private static Context context(Map<String, String> attributes) {
        return new Context(POOL, CLIENT, USER, attributes, false, Map.of());
    }

    private static Context context() {
        return context(Map.of("sub", USER, "email", EMAIL, "email_verified", "true",
                "cognito:user_status", "CONFIRMED"));
    }

    private static ChallengeResult passed(String challenge) {
        return new ChallengeResult(challenge, true, null);
    }

    private static ChallengeResult failed(String challenge) {
        return new ChallengeResult(challenge, false, null);
    }

    private static ChallengeResult answer(boolean right) {
        return new ChallengeResult("CUSTOM_CHALLENGE", right, right ? "EMAIL_OTP:1" : "EMAIL_OTP:0");
    }

    /**
     * The two ways a client begins CUSTOM_AUTH with the password (spec §3.1), as Define sees them:
     * before the proof, and once the password is proven.
     */
    enum Shape {
        /** {@code SRP_A} with {@code CHALLENGE_NAME=SRP_A}: amazon-cognito-identity-js. */
        SRP_A_FIRST(List.of(passed("SRP_A")), List.of(passed("SRP_A"), passed("PASSWORD_VERIFIER"))),
        /** {@code SRP_A} alone: pycognito's {@code get_auth_params()}, the original demo's app. */
        SRP_A_ALONE(List.of(), List.of(passed("PASSWORD_VERIFIER")));

        final List<ChallengeResult> begun;
        final List<ChallengeResult> proven;

        Shape(List<ChallengeResult> begun, List<ChallengeResult> proven) {
            this.begun = begun;
            this.proven = proven;
        }

        /** The password proven, then {@code more}. */
        List<ChallengeResult> afterPassword(ChallengeResult... more) {
            List<ChallengeResult> session = new ArrayList<>(proven);
            session.addAll(List.of(more));
            return session;
        }

        List<ChallengeResult> wrongAnswers(int n) {
            return afterPassword(Stream.generate(() -> answer(false)).limit(n).toArray(ChallengeResult[]::new));
        }
    }

    /** SRP_A and PASSWORD_VERIFIER passed, then {@code more}. */
    private static List<ChallengeResult> afterPassword(ChallengeResult... more) {
        return Shape.SRP_A_FIRST.afterPassword(more);
    }

    private static final DefineResponse PASSWORD_VERIFIER = new DefineResponse("PASSWORD_VERIFIER", false, false);
    private static final DefineResponse CUSTOM_CHALLENGE = new DefineResponse("CUSTOM_CHALLENGE", false, false);
    private static final DefineResponse ISSUE_TOKENS = new DefineResponse(null, true, false);
    private static final DefineResponse FAIL = new DefineResponse(null, false, true);

    /** The first round's challenge, for the default user. */
    private CreateResponse firstRound() {
        return triggers.create(context(), "CUSTOM_CHALLENGE", afterPassword());
    }

    /** The round after a wrong answer to each of {@code earlier}, in order. */
    private CreateResponse laterRound(CreateResponse... earlier) {
        return triggers.create(context(), "CUSTOM_CHALLENGE", afterPassword(Stream.of(earlier)
                .map(c -> new ChallengeResult("CUSTOM_CHALLENGE", false, c.challengeMetadata()))
                .toArray(ChallengeResult[]::new)));
    }

    /** The code in the last email sent: the only run of exactly {@code digits} digits in its text. */
    private String emailedCode(int digits) {
        assertThat(fixture.sent()).isNotEmpty();
        Matcher m = Pattern.compile("(?<!\\d)\\d{" + digits + "}(?!\\d)").matcher(fixture.sent().getLast().body());
        assertThat(m.find()).as("a %d-digit code in the email", digits).isTrue();
        return m.group();
    }

    private String emailedCode() {
        return emailedCode(EmailOtpSettings.DEFAULT.codeLength());
    }

    // ---- DefineAuthChallenge ----

    @ParameterizedTest
    @EnumSource(Shape.class)
    @DisplayName("the sign-in begins (empty session for SRP_A alone, [SRP_A ✓] after CHALLENGE_NAME=SRP_A): PASSWORD_VERIFIER")
    void defineWhenSignInBeginsThenPasswordVerifier(Shape shape) {
        assertThat(triggers.define(context(), shape.begun)).isEqualTo(PASSWORD_VERIFIER);
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void defineWhenPasswordVerifiedThenCustomChallenge(Shape shape) {
        assertThat(triggers.define(context(), shape.afterPassword())).isEqualTo(CUSTOM_CHALLENGE);
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void defineWhenLastCodeRightThenIssueTokens(Shape shape) {
        assertThat(triggers.define(context(), shape.afterPassword(answer(true)))).isEqualTo(ISSUE_TOKENS);
        assertThat(triggers.define(context(), shape.afterPassword(answer(false), answer(false), answer(true))))
                .isEqualTo(ISSUE_TOKENS);
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void defineWhenCodeWrongBeforeTheLastAttemptThenCustomChallengeAgain(Shape shape) {
        assertThat(triggers.define(context(), shape.wrongAnswers(1))).isEqualTo(CUSTOM_CHALLENGE);
        assertThat(triggers.define(context(), shape.wrongAnswers(2))).isEqualTo(CUSTOM_CHALLENGE);
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    @DisplayName("at most 3 code attempts per sign-in, then it must start over")
    void defineWhenMaxCodeAttemptsAnsweredWrongThenFailAuthentication(Shape shape) {
        assertThat(triggers.define(context(), shape.wrongAnswers(3))).isEqualTo(FAIL);
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void defineWhenMaxCodeAttemptsConfiguredThenHonoured(Shape shape) {
        use(new EmailOtpSettings(6, Duration.ofMinutes(3), 5));
        assertThat(triggers.define(context(), shape.wrongAnswers(4))).isEqualTo(CUSTOM_CHALLENGE);
        assertThat(triggers.define(context(), shape.wrongAnswers(5))).isEqualTo(FAIL);

        use(new EmailOtpSettings(6, Duration.ofMinutes(3), 1));
        assertThat(triggers.define(context(), shape.wrongAnswers(1))).isEqualTo(FAIL);
        assertThat(triggers.define(context(), shape.afterPassword(answer(true)))).isEqualTo(ISSUE_TOKENS);
    }

    static Stream<Arguments> sessionsThatFail() {
        return Stream.of(
                Arguments.of("SRP_A failed", List.of(failed("SRP_A"))),
                Arguments.of("password wrong", List.of(passed("SRP_A"), failed("PASSWORD_VERIFIER"))),
                Arguments.of("password wrong (SRP_A alone)", List.of(failed("PASSWORD_VERIFIER"))),
                Arguments.of("password wrong, then proven (SRP_A alone)",
                        List.of(failed("PASSWORD_VERIFIER"), passed("PASSWORD_VERIFIER"), answer(true))),
                Arguments.of("password proven twice", List.of(passed("PASSWORD_VERIFIER"), passed("PASSWORD_VERIFIER"))),
                Arguments.of("SRP_A twice", List.of(passed("SRP_A"), passed("SRP_A"))),
                Arguments.of("SRP_A after the password proof", List.of(passed("PASSWORD_VERIFIER"), passed("SRP_A"))),
                Arguments.of("a code before the password proof",
                        List.of(answer(true), passed("PASSWORD_VERIFIER"), answer(true))),
                Arguments.of("unknown challenge first", List.of(passed("DEVICE_SRP_AUTH"))),
                Arguments.of("unknown challenge after the password", afterPassword(passed("SMS_MFA"))),
                Arguments.of("unknown challenge after the password (SRP_A alone)",
                        Shape.SRP_A_ALONE.afterPassword(passed("SMS_MFA"))),
                Arguments.of("code without a password", List.of(answer(true))),
                Arguments.of("codes without a password", List.of(answer(false), answer(false), answer(true))),
                Arguments.of("a challenge with no name", List.of(new ChallengeResult(null, true, null))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessionsThatFail")
    void defineWhenSessionIsNotPasswordThenCodeThenFailAuthentication(String why, List<ChallengeResult> session) {
        assertThat(triggers.define(context(), session)).isEqualTo(FAIL);
    }

    /** A name that matches nobody, as Cognito sends it with PreventUserExistenceErrors: no attributes. */
    private static Context ghost() {
        return new Context(POOL, CLIENT, USER, Map.of(), true, Map.of());
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    @DisplayName("an unknown user is answered as a known one up to the password proof, whose simulated challenge fails")
    void defineWhenUserNotFoundAndSignInBeginsThenPasswordVerifierAsForAKnownUser(Shape shape) {
        assertThat(triggers.define(ghost(), shape.begun)).isEqualTo(PASSWORD_VERIFIER)
                .isEqualTo(triggers.define(context(), shape.begun));
    }

    static Stream<Arguments> unknownUserSessions() {
        return Stream.of(
                Arguments.of("SRP_A failed", List.of(failed("SRP_A"))),
                Arguments.of("password proven", afterPassword()),
                Arguments.of("password proven (SRP_A alone)", Shape.SRP_A_ALONE.afterPassword()),
                Arguments.of("a right code after the password (SRP_A alone)",
                        Shape.SRP_A_ALONE.afterPassword(answer(true))),
                Arguments.of("password wrong (SRP_A alone)", List.of(failed("PASSWORD_VERIFIER"))),
                Arguments.of("a right code after the password", afterPassword(answer(true))),
                Arguments.of("a wrong code after the password", afterPassword(answer(false))),
                Arguments.of("password wrong", List.of(passed("SRP_A"), failed("PASSWORD_VERIFIER"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownUserSessions")
    void defineWhenUserNotFoundPastSrpAThenFailAuthenticationNeverACodeOrTokens(String why,
            List<ChallengeResult> session) {
        assertThat(triggers.define(ghost(), session)).isEqualTo(FAIL);
        assertThat(fixture.sent()).isEmpty();
    }

    // ---- CreateAuthChallenge ----

    @Test
    void createWhenFirstRoundThenOneEmailWithACodeFromTheRandomSourceGoesToTheUser() {
        firstRound();

        assertThat(fixture.sent()).hasSize(1);
        Message email = fixture.sent().getFirst();
        assertThat(email.channel()).isEqualTo(Message.Channel.EMAIL);
        assertThat(email.to()).isEqualTo(EMAIL);
        assertThat(email.createdAt()).isEqualTo(T0);
        String expected = CodeHasher.newCode(6, new Random(SEED));
        assertThat(emailedCode()).isEqualTo(expected);
        assertThat(email.html()).contains(expected);
    }

    @Test
    void createWhenPasswordProvenFromSrpAAloneThenTheCodeIsEmailedAndVerifies() {
        CreateResponse challenge = triggers.create(context(), "CUSTOM_CHALLENGE", Shape.SRP_A_ALONE.afterPassword());

        assertThat(fixture.sent()).singleElement().satisfies(m -> assertThat(m.to()).isEqualTo(EMAIL));
        assertThat(challenge.publicChallengeParameters()).isEqualTo(Map.of("email", "r***@e***"));
        assertThat(triggers.verify(context(), challenge.privateChallengeParameters(), emailedCode())).isTrue();
    }

    @Test
    void createWhenFirstRoundThenEmailSaysForHowLongTheCodeIsValid() {
        firstRound();

        Message email = fixture.sent().getFirst();
        assertThat(email.subject()).isEqualTo("Your sign-in code");
        assertThat(email.body()).contains("3 minutes");
        assertThat(email.html()).contains("3 minutes");
    }

    @Test
    void createWhenLocaleIsJapaneseThenEmailIsInJapanese() {
        triggers.create(context(Map.of("email", EMAIL, "locale", "ja")), "CUSTOM_CHALLENGE", afterPassword());

        Message email = fixture.sent().getFirst();
        assertThat(email.subject()).isEqualTo("サインインコードのお知らせ");
        assertThat(email.body()).contains("サインインコードは " + emailedCode() + " です。").contains("3分");
    }

    @Test
    void createWhenValidityAndCodeLengthConfiguredThenEmailHasThem() {
        use(new EmailOtpSettings(8, Duration.ofMinutes(10), 3));
        firstRound();

        assertThat(emailedCode(8)).hasSize(8).isEqualTo(CodeHasher.newCode(8, new Random(SEED)));
        assertThat(fixture.sent().getFirst().body()).contains("10 minutes");
    }

    @Test
    void createWhenFirstRoundThenPublicParametersAreExactlyTheMaskedEmail() {
        assertThat(firstRound().publicChallengeParameters()).isEqualTo(Map.of("email", "r***@e***"));
    }

    @Test
    void createWhenFirstRoundThenTheCodeIsNowhereInTheChallengeButTheEmail() {
        CreateResponse challenge = firstRound();
        String code = emailedCode();

        assertThat(challenge.privateChallengeParameters()).isNotEmpty();
        assertThat(challenge.privateChallengeParameters().values()).allSatisfy(v -> assertThat(v).doesNotContain(code));
        assertThat(challenge.privateChallengeParameters().keySet()).allSatisfy(k -> assertThat(k).doesNotContain(code));
        assertThat(challenge.publicChallengeParameters().values()).allSatisfy(v -> assertThat(v).doesNotContain(code));
        assertThat(challenge.challengeMetadata()).isNotBlank().doesNotContain(code);
    }

    @ParameterizedTest(name = "{0} ms after the email")
    @ValueSource(longs = {60_000, 179_999})
    void createWhenLaterRoundWhileTheCodeWorksThenNoNewEmailAndTheSameCodeIsAskedFor(long later) {
        CreateResponse first = firstRound();
        String code = emailedCode();
        fixture.clock().advance(Duration.ofMillis(later));

        CreateResponse second = laterRound(first);

        assertThat(fixture.sent()).hasSize(1);
        assertThat(second).isEqualTo(first);
        assertThat(triggers.verify(context(), second.privateChallengeParameters(), code)).isTrue();
    }

    @Test
    @DisplayName("once the code has expired, the next round emails a new code, with its own hash and expiry")
    void createWhenEarlierCodeExpiredThenANewCodeIsEmailedAndAskedFor() {
        CreateResponse first = firstRound();
        String expired = emailedCode();
        fixture.clock().advance(Duration.ofMinutes(3));

        CreateResponse second = laterRound(first);

        assertThat(fixture.sent()).hasSize(2);
        Message email = fixture.sent().getLast();
        assertThat(email.to()).isEqualTo(EMAIL);
        assertThat(email.createdAt()).isEqualTo(T0.plus(Duration.ofMinutes(3)));
        assertThat(email.body()).contains("3 minutes");
        String fresh = emailedCode();
        assertThat(second.publicChallengeParameters()).isEqualTo(Map.of("email", "r***@e***"));
        assertThat(second.challengeMetadata()).isNotEqualTo(first.challengeMetadata());
        assertThat(second.privateChallengeParameters().get("codeHash"))
                .isNotEqualTo(first.privateChallengeParameters().get("codeHash"));
        assertThat(second.privateChallengeParameters())
                .containsEntry("expiresAt", String.valueOf(T0.plus(Duration.ofMinutes(6)).toEpochMilli()));
        assertThat(fresh).isNotEqualTo(expired);
        assertThat(triggers.verify(context(), second.privateChallengeParameters(), fresh)).isTrue();
        assertThat(triggers.verify(context(), second.privateChallengeParameters(), expired)).isFalse();
        assertThat(triggers.verify(context(), first.privateChallengeParameters(), expired)).isFalse();
    }

    @Test
    void createWhenTheNewCodeWorksThenTheRoundAfterReAsksForItNotTheExpiredOne() {
        CreateResponse first = firstRound();
        fixture.clock().advance(Duration.ofMinutes(4));
        CreateResponse second = laterRound(first);
        fixture.clock().advance(Duration.ofMinutes(1));

        CreateResponse third = laterRound(first, second);

        assertThat(fixture.sent()).hasSize(2);
        assertThat(third).isEqualTo(second);
    }

    @Test
    @DisplayName("a new code after an expired one gives no more answers: at most 3 per sign-in, whichever code they were for")
    void defineWhenCodesWereResentAfterExpiryThenAnswersStillCountTowardsMaxCodeAttempts() {
        ChallengeResult firstCode = new ChallengeResult("CUSTOM_CHALLENGE", false, "EMAIL_OTP:first");
        ChallengeResult secondCode = new ChallengeResult("CUSTOM_CHALLENGE", false, "EMAIL_OTP:second");

        assertThat(triggers.define(context(), afterPassword(firstCode, secondCode))).isEqualTo(CUSTOM_CHALLENGE);
        assertThat(triggers.define(context(), afterPassword(firstCode, secondCode, secondCode))).isEqualTo(FAIL);
    }

    @Test
    void createWhenUserNotFoundThenFailsAsForAUserWithoutAddressAndSendsNothing() {
        Context ghostWithAddress = new Context(POOL, CLIENT, USER, Map.of("email", EMAIL), true, Map.of());

        assertThatThrownBy(() -> triggers.create(ghostWithAddress, "CUSTOM_CHALLENGE", afterPassword()))
                .isInstanceOf(RuntimeException.class)
                .hasMessageContaining("The user has no email address.");
        assertThatThrownBy(() -> triggers.create(ghost(), "CUSTOM_CHALLENGE", afterPassword()))
                .isInstanceOf(RuntimeException.class)
                .hasMessageContaining("The user has no email address.");
        assertThat(fixture.sent()).isEmpty();
    }

    @Test
    void createWhenUserHasNoEmailThenFailsAndSendsNothing() {
        assertThatThrownBy(() -> triggers.create(context(Map.of("sub", USER, "phone_number", "+15555550100")),
                "CUSTOM_CHALLENGE", afterPassword()))
                .isInstanceOf(RuntimeException.class)
                .hasMessageContaining("no email");
        assertThat(fixture.sent()).isEmpty();
    }

    // ---- VerifyAuthChallengeResponse ----

    @Test
    void verifyWhenCodeRightThenTrue() {
        Map<String, String> secret = firstRound().privateChallengeParameters();
        assertThat(triggers.verify(context(), secret, emailedCode())).isTrue();
    }

    @Test
    void verifyWhenRightCodeHasSurroundingWhitespaceThenTrue() {
        Map<String, String> secret = firstRound().privateChallengeParameters();
        assertThat(triggers.verify(context(), secret, " \t" + emailedCode() + "\n")).isTrue();
    }

    @Test
    void verifyWhenCodeWrongThenFalse() {
        Map<String, String> secret = firstRound().privateChallengeParameters();
        String code = emailedCode();
        String wrong = code.substring(0, 5) + (char) ('0' + (code.charAt(5) - '0' + 1) % 10);

        assertThat(triggers.verify(context(), secret, wrong)).isFalse();
        assertThat(triggers.verify(context(), secret, code.substring(0, 5))).isFalse();
        assertThat(triggers.verify(context(), secret, code + "0")).isFalse();
        assertThat(triggers.verify(context(), secret, "")).isFalse();
        assertThat(triggers.verify(context(), secret, null)).isFalse();
    }

    @Test
    void verifyWhenRightCodeAnsweredJustBeforeTheValidityEndsThenTrue() {
        Map<String, String> secret = firstRound().privateChallengeParameters();
        fixture.clock().advance(Duration.ofMinutes(3).minusMillis(1));
        assertThat(triggers.verify(context(), secret, emailedCode())).isTrue();
    }

    @Test
    void verifyWhenRightCodeAnsweredWhenTheValidityEndsThenFalse() {
        Map<String, String> secret = firstRound().privateChallengeParameters();
        fixture.clock().advance(Duration.ofMinutes(3));
        assertThat(triggers.verify(context(), secret, emailedCode())).isFalse();
    }

    @Test
    void verifyWhenValidityConfiguredThenItIsTheOneEnforced() {
        use(new EmailOtpSettings(6, Duration.ofMinutes(10), 3));
        Map<String, String> secret = firstRound().privateChallengeParameters();
        fixture.clock().advance(Duration.ofMinutes(10).minusMillis(1));
        assertThat(triggers.verify(context(), secret, emailedCode())).isTrue();
        fixture.clock().advance(Duration.ofMillis(1));
        assertThat(triggers.verify(context(), secret, emailedCode())).isFalse();
    }

    @Test
    void verifyWhenCodeWasSentToAnotherUserThenFalse() {
        Map<String, String> secret = firstRound().privateChallengeParameters();
        Context other = new Context(POOL, CLIENT, OTHER_USER, Map.of("email", EMAIL), false, Map.of());
        assertThat(triggers.verify(other, secret, emailedCode())).isFalse();
    }

    @Test
    void verifyWhenCodeWasSentInAnotherPoolThenFalse() {
        Map<String, String> secret = firstRound().privateChallengeParameters();
        Context other = new Context(OTHER_POOL, CLIENT, USER, Map.of("email", EMAIL), false, Map.of());
        assertThat(triggers.verify(other, secret, emailedCode())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "no codeHash", "no expiresAt", "empty codeHash", "codeHash in upper case",
            "codeHash not hex", "codeHash not ASCII", "codeHash cut short", "expiresAt a date", "expiresAt negative",
            "expiresAt blank", "expiresAt beyond a long", "expiresAt with spaces"})
    void verifyWhenPrivateParametersMissingOrGarbledThenFalseNeverAnException(String garbling) {
        Map<String, String> secret = new HashMap<>(firstRound().privateChallengeParameters());
        String hash = secret.get("codeHash");
        String expiresAt = secret.get("expiresAt");
        switch (garbling) {
            case "none" -> secret.clear();
            case "no codeHash" -> secret.remove("codeHash");
            case "no expiresAt" -> secret.remove("expiresAt");
            case "empty codeHash" -> secret.put("codeHash", "");
            case "codeHash in upper case" -> secret.put("codeHash", hash.toUpperCase());
            case "codeHash not hex" -> secret.put("codeHash", "z".repeat(hash.length()));
            case "codeHash not ASCII" -> secret.put("codeHash", "é".repeat(hash.length()));
            case "codeHash cut short" -> secret.put("codeHash", hash.substring(1));
            case "expiresAt a date" -> secret.put("expiresAt", "2026-11-02T08:07:05Z");
            case "expiresAt negative" -> secret.put("expiresAt", "-" + expiresAt);
            case "expiresAt blank" -> secret.put("expiresAt", " ");
            case "expiresAt beyond a long" -> secret.put("expiresAt", "9".repeat(40));
            case "expiresAt with spaces" -> secret.put("expiresAt", " " + expiresAt + " ");
            default -> throw new IllegalArgumentException(garbling);
        }
        assertThat(triggers.verify(context(), secret, emailedCode())).isFalse();
    }
}
