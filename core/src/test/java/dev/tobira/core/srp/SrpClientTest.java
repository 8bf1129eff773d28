package dev.tobira.core.srp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tobira.core.srp.SrpServer.Challenge;
import dev.tobira.core.user.PasswordVerifier;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The client side of spec §2.2, as amazon-cognito-identity-js computes it. */
class SrpClientTest {

    private static final String POOL_ID = "us-east-1_sjvjJcd5I";
    private static final String POOL_NAME = "sjvjJcd5I";
    private static final String USER_ID = "bjones";
    private static final String PASSWORD = "Passw0rd!";
    private static final String SECRET_BLOCK = "c2VjcmV0IGJsb2Nr";
    private static final Instant NOW = Instant.parse("2026-11-02T08:04:05.678Z");

    @Test
    @DisplayName("a = random 128 bytes; A = g^a mod N; SRP_A = A.toString(16) (NO padding; may be odd length)")
    void srpAWhenSecretDrawnThenGToTheAInUnpaddedLowerCaseHex() {
        byte[] secret = new byte[128];
        new SplittableRandom(1).nextBytes(secret);

        SrpClient client = new SrpClient(POOL_ID, new ReplayRandom(secret));

        assertThat(client.srpA()).isEqualTo(SrpGroup.G.modPow(new BigInteger(1, secret), SrpGroup.N).toString(16))
                .matches("[0-9a-f]+").doesNotStartWith("0");
    }

    @Test
    void srpAWhenAIsSmallThenOddLengthHexWithoutPadding() {
        // a = 3 gives A = 8, whose padHex would be 08
        SrpClient client = new SrpClient(POOL_ID, new ReplayRandom(ReplayRandom.unsigned(BigInteger.valueOf(3), 128)));

        assertThat(client.srpA()).isEqualTo("8");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"sjvjJcd5I", "us-east-1_", "us-east-1_sjvj-Jcd5I", "_sjvjJcd5I", "us-east-1 sjvjJcd5I"})
    @DisplayName("poolName = userPoolId.split('_')[1]; amazon-cognito-identity-js refuses other ids: \"Invalid UserPoolId format.\"")
    void constructorWhenPoolIdIsNotRegionUnderscoreNameThenIllegalArgument(String userPoolId) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SrpClient(userPoolId, new SplittableRandom(2)))
                .withMessage("Invalid UserPoolId format.");
    }

    @Test
    @DisplayName("ChallengeResponses: USERNAME = USER_ID_FOR_SRP, PASSWORD_CLAIM_SECRET_BLOCK = SECRET_BLOCK verbatim, "
            + "TIMESTAMP, PASSWORD_CLAIM_SIGNATURE")
    void passwordVerifierResponsesWhenChallengeThenTheFourResponses() {
        PasswordVerifier verifier = Verifiers.create(POOL_NAME, USER_ID, PASSWORD, new SplittableRandom(3));
        SrpClient client = new SrpClient(POOL_ID, new SplittableRandom(4));
        Challenge challenge = SrpServer.challenge(verifier, new SplittableRandom(5));

        Map<String, String> responses = client.passwordVerifierResponses(USER_ID, PASSWORD, verifier.saltHex(),
                challenge.srpB(), SECRET_BLOCK, NOW);

        assertThat(responses).containsOnlyKeys("USERNAME", "PASSWORD_CLAIM_SECRET_BLOCK", "TIMESTAMP",
                "PASSWORD_CLAIM_SIGNATURE");
        assertThat(responses).containsEntry("USERNAME", USER_ID)
                .containsEntry("PASSWORD_CLAIM_SECRET_BLOCK", SECRET_BLOCK)
                .containsEntry("TIMESTAMP", "Mon Nov 2 08:04:05 UTC 2026");
        assertThat(responses.get("PASSWORD_CLAIM_SIGNATURE")).matches("[A-Za-z0-9+/]{43}=");
    }

    @Test
    @DisplayName("S = (B - k*g^x) ^ (a + u*x) mod N equals the server's S = (A * v^u)^b mod N")
    void sWhenSamePasswordThenTheServersS() {
        PasswordVerifier verifier = Verifiers.create(POOL_NAME, USER_ID, PASSWORD, new SplittableRandom(6));
        SrpClient client = new SrpClient(POOL_ID, new SplittableRandom(7));
        Challenge challenge = SrpServer.challenge(verifier, new SplittableRandom(8));
        BigInteger A = SrpServer.parseSrpA(client.srpA());
        BigInteger u = SrpGroup.u(A, challenge.B());
        BigInteger x = SrpGroup.x(new BigInteger(verifier.saltHex(), 16), POOL_NAME, USER_ID, PASSWORD);

        assertThat(client.S(challenge.B(), x, u))
                .isEqualTo(SrpServer.S(A, challenge.b(), u, new BigInteger(verifier.verifierHex(), 16)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3})
    @DisplayName("B cannot be zero: the client aborts if B mod N == 0")
    void passwordVerifierResponsesWhenBModNIsZeroThenIllegalArgument(int multipleOfN) {
        SrpClient client = new SrpClient(POOL_ID, new SplittableRandom(9));
        String srpB = SrpGroup.N.multiply(BigInteger.valueOf(multipleOfN)).toString(16);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> client.passwordVerifierResponses(USER_ID, PASSWORD, "80ca89db518e018968c6f276b2137810",
                        srpB, SECRET_BLOCK, NOW))
                .withMessage("B cannot be zero.");
    }

    @Test
    @DisplayName("SRP_B/SALT are parsed by clients into integers (JS: new BigInteger(SALT,16) then padHex) (spec §2.5.2)")
    void passwordVerifierResponsesWhenSaltHexHasLeadingZerosThenReadAsTheSameInteger() {
        byte[] secret = new byte[128];
        new SplittableRandom(10).nextBytes(secret);
        String srpB = SrpGroup.G.modPow(BigInteger.valueOf(5555), SrpGroup.N).toString(16);

        Map<String, String> plain = new SrpClient(POOL_ID, new ReplayRandom(secret))
                .passwordVerifierResponses(USER_ID, PASSWORD, "80ca89db518e018968c6f276b21378", srpB, SECRET_BLOCK, NOW);
        Map<String, String> padded = new SrpClient(POOL_ID, new ReplayRandom(secret))
                .passwordVerifierResponses(USER_ID, PASSWORD, "0080ca89db518e018968c6f276b21378", "000" + srpB,
                        SECRET_BLOCK, NOW);

        assertThat(padded).isEqualTo(plain);
    }

    @Test
    @DisplayName("Known answer from amazon-cognito-identity-js 6.3.21 (CognitoUser.authenticateUser with a = SHA-256(\"tobira a\"), "
            + "SRP_B = g^12345 mod N, TIMESTAMP \"Thu Mar 23 15:44:10 UTC 2017\")")
    void passwordVerifierResponsesWhenTheLibrarysInputsThenTheLibrarysSignature() {
        BigInteger a = new BigInteger(1, SrpGroup.sha256("tobira a".getBytes(StandardCharsets.US_ASCII)));
        SrpClient client = new SrpClient(POOL_ID, new ReplayRandom(ReplayRandom.unsigned(a, 128)));
        String srpB = SrpGroup.G.modPow(BigInteger.valueOf(12345), SrpGroup.N).toString(16);

        Map<String, String> responses = client.passwordVerifierResponses("bjones", "P\u00e4ssw\u00f6rd \ud83d\udd11",
                "80ca89db518e018968c6f276b2137810", srpB, "AAECAwQFBgcICQ==", Instant.parse("2017-03-23T15:44:10Z"));

        assertThat(client.srpA()).startsWith("ced3ec974125495f6afc36941d4984ee63b241e218ad1d138dc1db8b98492973");
        assertThat(responses).isEqualTo(Map.of(
                "USERNAME", "bjones",
                "PASSWORD_CLAIM_SECRET_BLOCK", "AAECAwQFBgcICQ==",
                "TIMESTAMP", "Thu Mar 23 15:44:10 UTC 2017",
                "PASSWORD_CLAIM_SIGNATURE", "mAKi8LW3CN8wGEURGovY0Hl0NWa8KrCA2yVCYp/lI1Y="));
    }
}
