package dev.tobira.core.srp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.core.srp.CognitoIdentityJs.SignIn;
import dev.tobira.core.srp.Padding.Quantity;
import dev.tobira.core.srp.Padding.Shape;
import dev.tobira.core.srp.SrpServer.Challenge;
import dev.tobira.core.user.PasswordVerifier;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Interop with amazon-cognito-identity-js 6.x, the real client nobody here wrote: its own
 * {@code CognitoUser.authenticateUser} (USER_SRP_AUTH) signs in against {@link SrpServer}, with only
 * the HTTP transport replaced by this test. An SRP test that passes with a wrong password is a
 * failed test, so each right-password case has its wrong-password twin.
 */
class SrpInteropTest {

    private static final String POOL_ID = "us-east-1_Interop7Pool";
    private static final String POOL_NAME = "Interop7Pool";
    /** What the user types; the library must switch to USER_ID_FOR_SRP for x and the signature. */
    private static final String TYPED_USERNAME = "jürgen@example.com";
    private static final String USER_ID_FOR_SRP = "3f9d2c4e-8a1b-4c7d-9e6f-5a4b3c2d1e0f";
    private static final String PASSWORD = "Pässwörd 🔑 漢字";

    private final SplittableRandom random = new SplittableRandom(20261102);
    private final PasswordVerifier verifier = Verifiers.create(POOL_NAME, USER_ID_FOR_SRP, PASSWORD, random);

    @BeforeEach
    void installAmazonCognitoIdentityJs() throws Exception {
        CognitoIdentityJs.assumeInstalled();
    }

    @Test
    @DisplayName("amazon-cognito-identity-js signs in with the right password: SrpServer verifies its PASSWORD_CLAIM_SIGNATURE")
    void verifyWhenLibrarySignsWithTheRightPasswordThenTrue() throws Exception {
        Result result = signIn(PASSWORD, Map.of());

        assertThat(result.accepted()).isTrue();
    }

    @Test
    @DisplayName("amazon-cognito-identity-js signs in with a wrong password: SrpServer rejects its PASSWORD_CLAIM_SIGNATURE")
    void verifyWhenLibrarySignsWithAWrongPasswordThenFalse() throws Exception {
        assertThat(signIn("pässwörd 🔑 漢字", Map.of()).accepted()).isFalse();
        assertThat(signIn(PASSWORD + " ", Map.of()).accepted()).isFalse();
        assertThat(signIn("", Map.of()).accepted()).isFalse();
    }

    @Test
    @DisplayName("the library's InitiateAuth and PASSWORD_VERIFIER answer have the shape spec §2.2–2.4 describes")
    void signInWhenLibraryAnswersThenItsResponsesAreWhatTheSpecDescribes() throws Exception {
        Result result = signIn(PASSWORD, Map.of());

        assertThat(result.initiateAuth()).containsEntry("AuthFlow", "USER_SRP_AUTH");
        assertThat(result.authParameters()).containsEntry("USERNAME", TYPED_USERNAME);
        assertThat(result.authParameters().get("SRP_A")).matches("[0-9a-f]+").doesNotStartWith("0");
        // "Note the username inside x and in msg is USER_ID_FOR_SRP from the challenge, not what the user typed"
        assertThat(result.responses()).containsEntry("USERNAME", USER_ID_FOR_SRP)
                .containsEntry("PASSWORD_CLAIM_SECRET_BLOCK", result.secretBlock());
        // The library's TIMESTAMP (its DateHelper, the real clock) is already canonical.
        String timestamp = result.responses().get("TIMESTAMP");
        assertThat(SrpTimestamp.format(SrpTimestamp.parse(timestamp).orElseThrow())).isEqualTo(timestamp);
    }

    @Test
    @DisplayName("SrpClient with the library's secret a sends the library's SRP_A and exactly its ChallengeResponses")
    void passwordVerifierResponsesWhenSrpClientHasTheLibrarysSecretThenByteForByteTheLibrarys() throws Exception {
        Instant now = Instant.parse("2026-11-02T08:04:05Z");
        Result result = signIn(PASSWORD, Map.of("timestamp", "Mon Nov 2 08:04:05 UTC 2026"));
        SrpClient ours = new SrpClient(POOL_ID, new ReplayRandom(
                ReplayRandom.unsigned(new BigInteger(result.smallA(), 16), SrpClient.SECRET_BYTES)));

        assertThat(ours.srpA()).isEqualTo(result.authParameters().get("SRP_A"));
        assertThat(ours.passwordVerifierResponses(USER_ID_FOR_SRP, PASSWORD, verifier.saltHex(),
                result.challenge().srpB(), result.secretBlock(), now)).isEqualTo(result.responses());
    }

    @Test
    @DisplayName("TIMESTAMP with a zero-padded day: the library's signature over it parses but fails (spec §2.4)")
    void verifyWhenLibrarySignedAZeroPaddedDayThenFalse() throws Exception {
        assertThat(signIn(PASSWORD, Map.of("timestamp", "Mon Nov 02 08:04:05 UTC 2026")).accepted()).isFalse();
        assertThat(signIn(PASSWORD, Map.of("timestamp", "Mon Nov 2 08:04:05 UTC 2026")).accepted()).isTrue();
    }

    @Test
    @DisplayName("B cannot be zero: the library and SrpClient both refuse SRP_B = N")
    void answerWhenBModNIsZeroThenLibraryRefusesAsSrpClientDoes() throws Exception {
        try (SignIn signIn = CognitoIdentityJs.signIn(request(PASSWORD, Map.of()))) {
            Map<String, Object> reply = signIn.answer(Map.of("USERNAME", TYPED_USERNAME,
                    "USER_ID_FOR_SRP", USER_ID_FOR_SRP, "SALT", verifier.saltHex(),
                    "SRP_B", SrpGroup.N.toString(16), "SECRET_BLOCK", "AAAA"));

            assertThat(reply).containsEntry("error", "B cannot be zero.");
        }
    }

    static Stream<Arguments> paddingCases() {
        return Stream.of(Quantity.values())
                .flatMap(quantity -> Stream.of(Shape.values()).map(shape -> Arguments.of(quantity, shape)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("paddingCases")
    @DisplayName("`u`, `k`, `x` use `padHex` of integers (sign byte `00` when MSB set); HKDF uses padHex(S), padHex(u) "
            + "bytes (spec §2.5.3): the library and SrpServer agree when A, B, S, u or the salt needs padding")
    void verifyWhenAValueNeedsPaddingThenLibraryAndServerStillAgree(Quantity quantity, Shape shape) throws Exception {
        SplittableRandom random = new SplittableRandom(quantity.ordinal() * 10L + shape.ordinal());
        PasswordVerifier verifier = quantity == Quantity.SALT
                ? Verifiers.withSalt(EdgeCases.salt(shape, random), POOL_NAME, USER_ID_FOR_SRP, PASSWORD)
                : this.verifier;
        Map<String, String> extra = quantity == Quantity.A
                ? Map.of("smallA", EdgeCases.secretWithA(shape, random).toString(16))
                : Map.of();

        Result result = signIn(PASSWORD, extra, verifier,
                A -> EdgeCases.challenge(quantity, shape, A, verifier, random));

        BigInteger A = SrpServer.parseSrpA(result.authParameters().get("SRP_A"));
        assertThat(shape.of(EdgeCases.valueOf(quantity, A, result.challenge(), verifier), quantity.width))
                .as("%s has shape %s", quantity, shape).isTrue();
        assertThat(result.accepted()).isTrue();
    }

    // ------------------------------------------------------------------------------------------

    /** One sign-in by the library and what the server made of it. */
    record Result(Map<String, Object> initiateAuth, Map<String, String> authParameters, Challenge challenge,
            String secretBlock, Map<String, String> responses, String smallA, boolean accepted) {}

    private Result signIn(String password, Map<String, String> extra) throws Exception {
        return signIn(password, extra, verifier, A -> SrpServer.challenge(verifier, random));
    }

    /**
     * The protocol's order: the library sends SRP_A → the server makes B → the library gets
     * B, SALT and SECRET_BLOCK and signs → the server checks the signature as PASSWORD_VERIFIER does.
     */
    @SuppressWarnings("unchecked")
    private Result signIn(String password, Map<String, String> extra, PasswordVerifier verifier,
            java.util.function.Function<BigInteger, Challenge> challengeFor) throws Exception {
        try (SignIn signIn = CognitoIdentityJs.signIn(request(password, extra))) {
            String srpA = signIn.authParameters().get("SRP_A");
            Challenge challenge = challengeFor.apply(SrpServer.parseSrpA(srpA));
            byte[] block = new byte[96];
            random.nextBytes(block);
            String secretBlock = Base64.getEncoder().encodeToString(block);

            Map<String, Object> reply = signIn.answer(Map.of(
                    "USERNAME", TYPED_USERNAME,
                    "USER_ID_FOR_SRP", USER_ID_FOR_SRP,
                    "SALT", verifier.saltHex(),
                    "SRP_B", challenge.srpB(),
                    "SECRET_BLOCK", secretBlock));

            assertThat(reply).as("the library's answer").containsEntry("operation", "RespondToAuthChallenge")
                    .containsEntry("ChallengeName", "PASSWORD_VERIFIER");
            Map<String, String> responses = (Map<String, String>) reply.get("ChallengeResponses");
            boolean accepted = PasswordVerifierStep.accepts(POOL_NAME, USER_ID_FOR_SRP, verifier, srpA, challenge,
                    block, responses);
            return new Result(signIn.initiateAuth(), signIn.authParameters(), challenge, secretBlock, responses,
                    (String) reply.get("smallA"), accepted);
        }
    }

    private static Map<String, String> request(String password, Map<String, String> extra) {
        Map<String, String> request = new HashMap<>(extra);
        request.put("userPoolId", POOL_ID);
        request.put("username", TYPED_USERNAME);
        request.put("password", password);
        return request;
    }
}
