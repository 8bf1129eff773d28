package dev.tobira.core.srp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tobira.core.srp.SrpServer.Challenge;
import dev.tobira.core.user.PasswordVerifier;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.SplittableRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The server side of spec §2.2, one formula at a time. */
class SrpServerTest {

    private static final String POOL_ID = "us-east-1_sjvjJcd5I";
    private static final String POOL_NAME = "sjvjJcd5I";
    private static final String USER_ID = "7f3c1b2a-0000-4000-8000-00000000cafe";
    private static final String PASSWORD = "Passw0rd!";
    private static final byte[] SECRET_BLOCK = "secret block".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2026-11-02T08:04:05Z");

    private final PasswordVerifier verifier = Verifiers.create(POOL_NAME, USER_ID, PASSWORD, new SplittableRandom(1));

    // --- SRP_A ---------------------------------------------------------------------------------

    @Test
    @DisplayName("`SRP_A` arrives unpadded, possibly odd-length, lower-case hex; parse as BigInteger (spec §2.5.1)")
    void parseSrpAWhenOddLengthOrUpperCaseOrLeadingZerosThenTheInteger() {
        assertThat(SrpServer.parseSrpA("abc")).isEqualTo(BigInteger.valueOf(0xabc));
        assertThat(SrpServer.parseSrpA("ABC")).isEqualTo(BigInteger.valueOf(0xabc));
        assertThat(SrpServer.parseSrpA("000abc")).isEqualTo(BigInteger.valueOf(0xabc));
        assertThat(SrpServer.parseSrpA("8")).isEqualTo(BigInteger.valueOf(8));
        assertThat(SrpServer.parseSrpA(SrpGroup.N.toString(16).toUpperCase())).isEqualTo(SrpGroup.N);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"xyz", "-1", "+1", "0x12", " 12", "12 ", "1_2", "\uff11\uff12", "\u0663"})
    void parseSrpAWhenNotHexDigitsThenIllegalArgument(String srpA) {
        assertThatIllegalArgumentException().isThrownBy(() -> SrpServer.parseSrpA(srpA));
    }

    @Test
    void parseSrpAWhenFarLongerThanAnyAThenIllegalArgument() {
        assertThatIllegalArgumentException().isThrownBy(() -> SrpServer.parseSrpA("1".repeat(4097)));
        assertThat(SrpServer.parseSrpA("0".repeat(4095) + "1")).isEqualTo(BigInteger.ONE);
    }

    @Property
    @Label("SRP_A = A.toString(16) (NO padding; may be odd length) reads back as A, in either case")
    void parseSrpAWhenAnyAsClientsWriteItThenA(@ForAll("elements") BigInteger A) {
        String hex = A.toString(16);
        assertThat(SrpServer.parseSrpA(hex)).isEqualTo(A);
        assertThat(SrpServer.parseSrpA(hex.toUpperCase())).isEqualTo(A);
        assertThat(SrpServer.parseSrpA("0" + hex)).isEqualTo(A);
    }

    // --- B -------------------------------------------------------------------------------------

    @Test
    @DisplayName("b = random ≥256 bits; B = (k*v + g^b) mod N")
    void challengeWhenVerifierThenBIsKvPlusGToTheB() {
        Challenge challenge = SrpServer.challenge(verifier, new SplittableRandom(2));
        BigInteger v = new BigInteger(verifier.verifierHex(), 16);

        assertThat(challenge.b().bitLength()).isBetween(200, 256);
        assertThat(challenge.B()).isEqualTo(
                SrpGroup.K.multiply(v).add(SrpGroup.G.modPow(challenge.b(), SrpGroup.N)).mod(SrpGroup.N));
        assertThat(challenge.srpB()).isEqualTo(challenge.B().toString(16));
    }

    @Test
    void challengeWhenDrawnTwiceThenDifferentB() {
        SplittableRandom random = new SplittableRandom(3);
        assertThat(SrpServer.challenge(verifier, random).B()).isNotEqualTo(SrpServer.challenge(verifier, random).B());
    }

    @Test
    @DisplayName("B = (k*v + g^b) mod N (retry if B mod N == 0)")
    void challengeWhenBModNIsZeroThenDrawsAgain() {
        // A verifier made so that the first b gives k·v + g^b ≡ 0: v = −g^b / k mod N.
        BigInteger first = BigInteger.valueOf(0x1234567);
        BigInteger v = SrpGroup.G.modPow(first, SrpGroup.N).negate()
                .multiply(SrpGroup.K.modInverse(SrpGroup.N)).mod(SrpGroup.N);
        PasswordVerifier degenerate = new PasswordVerifier("80ca89db518e018968c6f276b2137810", v.toString(16));
        BigInteger second = BigInteger.valueOf(0x7654321);

        Challenge challenge = SrpServer.challenge(degenerate,
                new ReplayRandom(ReplayRandom.unsigned(first, 32), ReplayRandom.unsigned(second, 32)));

        assertThat(challenge.b()).isEqualTo(second);
        assertThat(challenge.B().signum()).isPositive();
    }

    @Test
    void challengeWhenRandomGivesZeroThenDrawsAgain() {
        BigInteger second = BigInteger.valueOf(42);
        Challenge challenge = SrpServer.challenge(verifier,
                new ReplayRandom(new byte[32], ReplayRandom.unsigned(second, 32)));

        assertThat(challenge.b()).isEqualTo(second);
    }

    // --- K -------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 5})
    @DisplayName("A = parseHex(SRP_A); reject if A mod N == 0")
    void keyWhenAModNIsZeroThenIllegalArgument(int multipleOfN) {
        BigInteger A = SrpServer.parseSrpA(SrpGroup.N.multiply(BigInteger.valueOf(multipleOfN)).toString(16));
        Challenge challenge = SrpServer.challenge(verifier, new SplittableRandom(4));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> SrpServer.key(A, challenge.b(), challenge.B(), verifier))
                .withMessageContaining("mod N");
    }

    @Test
    @DisplayName("u = hexHash(padHex(A)+padHex(B)); S = (A * v^u)^b mod N; K = HKDF as above")
    void keyWhenHonestAThenHkdfOfServerSideS() {
        BigInteger A = SrpGroup.G.modPow(BigInteger.valueOf(987654321), SrpGroup.N);
        Challenge challenge = SrpServer.challenge(verifier, new SplittableRandom(5));
        BigInteger v = new BigInteger(verifier.verifierHex(), 16);
        BigInteger u = new BigInteger(1, SrpGroup.sha256(SrpGroup.padded(A), SrpGroup.padded(challenge.B())));
        BigInteger S = A.multiply(v.modPow(u, SrpGroup.N)).modPow(challenge.b(), SrpGroup.N);

        assertThat(SrpServer.key(A, challenge.b(), challenge.B(), verifier))
                .isEqualTo(SrpGroup.passwordAuthenticationKey(S, u));
    }

    // --- PASSWORD_CLAIM_SIGNATURE --------------------------------------------------------------

    @Test
    @DisplayName("msg = UTF8(poolName) || UTF8(USER_ID_FOR_SRP) || base64decode(SECRET_BLOCK) || UTF8(TIMESTAMP); "
            + "PASSWORD_CLAIM_SIGNATURE = Base64( HMAC_SHA256(key = K, msg) )")
    void signatureWhenKeyAndFieldsThenBase64HmacOfTheirConcatenation() throws Exception {
        byte[] key = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream msg = new ByteArrayOutputStream();
        msg.writeBytes("sjvjJcd5I".getBytes(StandardCharsets.UTF_8));
        msg.writeBytes("jürgen".getBytes(StandardCharsets.UTF_8));
        msg.writeBytes(new byte[] {0, (byte) 0xff, 1});
        msg.writeBytes("Mon Nov 2 08:04:05 UTC 2026".getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));

        String signature = SrpServer.signature(key, "sjvjJcd5I", "jürgen", new byte[] {0, (byte) 0xff, 1},
                "Mon Nov 2 08:04:05 UTC 2026");

        assertThat(signature).isEqualTo(Base64.getEncoder().encodeToString(mac.doFinal(msg.toByteArray())));
        assertThat(Base64.getDecoder().decode(signature)).hasSize(32);
    }

    @Test
    void verifyWhenSignatureMissingOrNotBase64ThenFalse() {
        byte[] key = new byte[16];
        String timestamp = SrpTimestamp.format(NOW);
        String good = SrpServer.signature(key, POOL_NAME, USER_ID, SECRET_BLOCK, timestamp);

        assertThat(SrpServer.verify(key, POOL_NAME, USER_ID, SECRET_BLOCK, timestamp, good)).isTrue();
        assertThat(SrpServer.verify(key, POOL_NAME, USER_ID, SECRET_BLOCK, timestamp, null)).isFalse();
        assertThat(SrpServer.verify(key, POOL_NAME, USER_ID, SECRET_BLOCK, timestamp, "")).isFalse();
        assertThat(SrpServer.verify(key, POOL_NAME, USER_ID, SECRET_BLOCK, timestamp, "not base64!")).isFalse();
        assertThat(SrpServer.verify(key, POOL_NAME, USER_ID, SECRET_BLOCK, timestamp, good.substring(4))).isFalse();
    }

    @Test
    void verifyWhenAnySignedFieldDiffersThenFalse() {
        SrpClient client = new SrpClient(POOL_ID, new SplittableRandom(6));
        Challenge challenge = SrpServer.challenge(verifier, new SplittableRandom(7));
        Map<String, String> responses = client.passwordVerifierResponses(USER_ID, PASSWORD, verifier.saltHex(),
                challenge.srpB(), Base64.getEncoder().encodeToString(SECRET_BLOCK), NOW);
        byte[] key = SrpServer.key(SrpServer.parseSrpA(client.srpA()), challenge.b(), challenge.B(), verifier);
        String signature = responses.get("PASSWORD_CLAIM_SIGNATURE");
        String timestamp = responses.get("TIMESTAMP");

        assertThat(SrpServer.verify(key, POOL_NAME, USER_ID, SECRET_BLOCK, timestamp, signature)).isTrue();
        assertThat(SrpServer.verify(key, "sjvjJcd5i", USER_ID, SECRET_BLOCK, timestamp, signature)).isFalse();
        assertThat(SrpServer.verify(key, POOL_NAME, "alice", SECRET_BLOCK, timestamp, signature)).isFalse();
        assertThat(SrpServer.verify(key, POOL_NAME, USER_ID, "secret blocK".getBytes(StandardCharsets.US_ASCII),
                timestamp, signature)).isFalse();
        assertThat(SrpServer.verify(key, POOL_NAME, USER_ID, SECRET_BLOCK,
                SrpTimestamp.format(NOW.plusSeconds(1)), signature)).isFalse();
        byte[] otherKey = key.clone();
        otherKey[15] ^= 1;
        assertThat(SrpServer.verify(otherKey, POOL_NAME, USER_ID, SECRET_BLOCK, timestamp, signature)).isFalse();
    }

    @Test
    @DisplayName("A zero-padded day (`Mon May 01 …`) parses but **fails the signature** on days 1–9: "
            + "Cognito parses the string and HMACs its own canonical re-format (spec §2.4)")
    void verifyWhenClientSignedAZeroPaddedDayThenTheCanonicalReformatDoesNotMatch() {
        byte[] key = new byte[16];
        String sent = "Mon Nov 02 08:04:05 UTC 2026"; // what warrant sent before it stripped the zero
        String signedByClient = SrpServer.signature(key, POOL_NAME, USER_ID, SECRET_BLOCK, sent);

        String reformatted = SrpTimestamp.format(SrpTimestamp.parse(sent).orElseThrow());

        assertThat(reformatted).isEqualTo("Mon Nov 2 08:04:05 UTC 2026");
        assertThat(SrpServer.verify(key, POOL_NAME, USER_ID, SECRET_BLOCK, reformatted, signedByClient)).isFalse();
    }

    @Test
    void verifyWhenTwoDigitDayThenZeroPaddingChangesNothing() {
        byte[] key = new byte[16];
        String sent = "Tue Nov 10 08:04:05 UTC 2026";
        String signedByClient = SrpServer.signature(key, POOL_NAME, USER_ID, SECRET_BLOCK, sent);
        String reformatted = SrpTimestamp.format(SrpTimestamp.parse(sent).orElseThrow());

        assertThat(SrpServer.verify(key, POOL_NAME, USER_ID, SECRET_BLOCK, reformatted, signedByClient)).isTrue();
    }

    @Provide
    Arbitrary<BigInteger> elements() {
        return Arbitraries.bigIntegers().between(BigInteger.ONE, SrpGroup.N.subtract(BigInteger.ONE))
                .edgeCases(edges -> edges.add(BigInteger.valueOf(8), BigInteger.valueOf(0xabc)));
    }
}
