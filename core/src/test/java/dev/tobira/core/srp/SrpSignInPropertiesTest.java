package dev.tobira.core.srp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.core.srp.Padding.Quantity;
import dev.tobira.core.srp.Padding.Shape;
import dev.tobira.core.srp.SrpServer.Challenge;
import dev.tobira.core.user.PasswordVerifier;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.LongRange;

/**
 * Whole USER_SRP_AUTH → PASSWORD_VERIFIER sign-ins between {@link SrpClient} and {@link SrpServer}
 * (spec §2.2): they agree exactly when the password is right, whatever the values' padding.
 */
class SrpSignInPropertiesTest {

    private static final Instant NOW = Instant.parse("2026-11-02T08:04:05Z");

    /** One sign-in's inputs that do not matter to the padding properties. */
    private static final String POOL_ID = "eu-west-1_Pad4Edge";
    private static final String POOL_NAME = "Pad4Edge";
    private static final String USER_ID = "0b8c6f0e-52d1-4a4c-9d7a-1f2e3d4c5b6a";
    private static final String PASSWORD = "correct horse battery staple";

    @Property(tries = 200)
    @Label("A client and a server that share the password agree: the PASSWORD_CLAIM_SIGNATURE verifies")
    void verifyWhenClientKnowsThePasswordThenTrue(@ForAll("passwords") String password,
            @ForAll("usernames") String userIdForSrp, @ForAll("poolNames") String poolName,
            @ForAll("secretBlocks") byte[] secretBlock, @ForAll("instants") Instant now, @ForAll("seeds") long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        PasswordVerifier verifier = Verifiers.create(poolName, userIdForSrp, password, random);

        assertThat(signIn("us-east-1_" + poolName, userIdForSrp, verifier, password, secretBlock, now, random))
                .isTrue();
    }

    @Property(tries = 200)
    @Label("An SRP test that passes with a wrong password is a failed test: a wrong password never verifies")
    void verifyWhenClientHasAnotherPasswordThenFalse(@ForAll("passwords") String password,
            @ForAll("passwords") String attempt, @ForAll("usernames") String userIdForSrp,
            @ForAll("poolNames") String poolName, @ForAll("secretBlocks") byte[] secretBlock, @ForAll("seeds") long seed) {
        Assume.that(!password.equals(attempt));
        SplittableRandom random = new SplittableRandom(seed);
        PasswordVerifier verifier = Verifiers.create(poolName, userIdForSrp, password, random);

        assertThat(signIn("us-east-1_" + poolName, userIdForSrp, verifier, attempt, secretBlock, NOW, random))
                .isFalse();
    }

    @Property(tries = 20)
    @Label("The verifier is bound to USER_ID_FOR_SRP and the pool name: the same password under another one never verifies")
    void verifyWhenVerifierMadeForAnotherUserOrPoolThenFalse(@ForAll("usernames") String userIdForSrp,
            @ForAll("usernames") String otherUser, @ForAll("poolNames") String poolName,
            @ForAll("poolNames") String otherPool, @ForAll("seeds") long seed) {
        Assume.that(!userIdForSrp.equals(otherUser) && !poolName.equals(otherPool));
        SplittableRandom random = new SplittableRandom(seed);
        byte[] secretBlock = {1, 2, 3};

        assertThat(signIn("us-east-1_" + poolName, userIdForSrp,
                Verifiers.create(poolName, otherUser, PASSWORD, random), PASSWORD, secretBlock, NOW, random)).isFalse();
        assertThat(signIn("us-east-1_" + poolName, userIdForSrp,
                Verifiers.create(otherPool, userIdForSrp, PASSWORD, random), PASSWORD, secretBlock, NOW, random)).isFalse();
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    @Label("`u`, `k`, `x` use `padHex` of integers (sign byte `00` when MSB set); HKDF uses padHex(S), padHex(u) bytes "
            + "(spec §2.5.3): client and server agree when A, B, S, u or the salt has its top bit set, "
            + "a leading zero byte, or odd-length hex")
    void verifyWhenAValueNeedsPaddingThenClientAndServerStillAgree(@ForAll Quantity quantity, @ForAll Shape shape,
            @ForAll @LongRange(min = 0, max = 1) long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] salt = EdgeCases.salt(quantity == Quantity.SALT ? shape : Shape.TOP_BIT_SET, random);
        PasswordVerifier verifier = Verifiers.withSalt(salt, POOL_NAME, USER_ID, PASSWORD);
        SrpClient client = quantity == Quantity.A
                ? EdgeCases.clientWithA(POOL_ID, shape, random)
                : new SrpClient(POOL_ID, random);
        BigInteger A = SrpServer.parseSrpA(client.srpA());
        Challenge challenge = EdgeCases.challenge(quantity, shape, A, verifier, random);
        assertThat(shape.of(EdgeCases.valueOf(quantity, A, challenge, verifier), quantity.width))
                .as("%s has shape %s", quantity, shape).isTrue();
        String secretBlock = Base64.getEncoder().encodeToString(new byte[] {9, 8, 7});

        Map<String, String> right = client.passwordVerifierResponses(USER_ID, PASSWORD, verifier.saltHex(),
                challenge.srpB(), secretBlock, NOW);
        Map<String, String> wrong = client.passwordVerifierResponses(USER_ID, PASSWORD + "!", verifier.saltHex(),
                challenge.srpB(), secretBlock, NOW);

        byte[] block = Base64.getDecoder().decode(secretBlock);
        assertThat(PasswordVerifierStep.accepts(POOL_NAME, USER_ID, verifier, client.srpA(), challenge, block, right))
                .isTrue();
        assertThat(PasswordVerifierStep.accepts(POOL_NAME, USER_ID, verifier, client.srpA(), challenge, block, wrong))
                .isFalse();
    }

    @Property(tries = 200)
    @Label("SRP_A = A.toString(16) (NO padding; may be odd length): the server reads the client's SRP_A back as A")
    void parseSrpAWhenClientsSrpAThenItsA(@ForAll("seeds") long seed) {
        byte[] secret = new byte[SrpClient.SECRET_BYTES];
        new SplittableRandom(seed).nextBytes(secret);
        BigInteger A = SrpGroup.G.modPow(new BigInteger(1, secret), SrpGroup.N);

        String srpA = new SrpClient(POOL_ID, new ReplayRandom(secret)).srpA();

        assertThat(SrpServer.parseSrpA(srpA)).isEqualTo(A);
    }

    /** A full sign-in: InitiateAuth (SRP_A → SRP_B), then PASSWORD_VERIFIER with {@code password}. */
    private static boolean signIn(String userPoolId, String userIdForSrp, PasswordVerifier verifier, String password,
            byte[] secretBlock, Instant now, SplittableRandom random) {
        String poolName = userPoolId.substring(userPoolId.indexOf('_') + 1);
        SrpClient client = new SrpClient(userPoolId, random);
        Challenge challenge = SrpServer.challenge(verifier, random);
        Map<String, String> responses = client.passwordVerifierResponses(userIdForSrp, password, verifier.saltHex(),
                challenge.srpB(), Base64.getEncoder().encodeToString(secretBlock), now);
        return PasswordVerifierStep.accepts(poolName, userIdForSrp, verifier, client.srpA(), challenge, secretBlock,
                responses);
    }

    /** Seeds for the random source; a seed has no edge cases worth trying. */
    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs().withoutEdgeCases();
    }

    @Provide
    Arbitrary<String> passwords() {
        // Whole code points, so no string has an unpaired surrogate, which has no UTF-8 form.
        Arbitrary<String> ascii = Arbitraries.chars().range(' ', '~').map(String::valueOf);
        Arbitrary<String> latin = Arbitraries.chars().range('\u00a0', '\u024f').map(String::valueOf);
        Arbitrary<String> cjk = Arbitraries.chars().range('\u4e00', '\u9fff').map(String::valueOf);
        Arbitrary<String> astral = Arbitraries.of("🔑", "😀", "𝄞", "👩‍💻");
        return Arbitraries.frequencyOf(
                        Tuple.of(6, ascii), Tuple.of(2, latin),
                        Tuple.of(1, cjk), Tuple.of(1, astral))
                .list().ofMinSize(1).ofMaxSize(40)
                .map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> usernames() {
        Arbitrary<String> uuids = Arbitraries.randomValue(r -> new UUID(r.nextLong(), r.nextLong()).toString());
        Arbitrary<String> names = Arbitraries.strings().alpha().numeric().withChars("._-@+éøß").ofMinLength(1)
                .ofMaxLength(30);
        return Arbitraries.oneOf(uuids, names, Arbitraries.of("bjones", "jürgen", "用户"));
    }

    @Provide
    Arbitrary<String> poolNames() {
        return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12);
    }

    @Provide
    Arbitrary<byte[]> secretBlocks() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(300);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, Instant.parse("9999-12-31T23:59:59Z").getEpochSecond())
                .map(Instant::ofEpochSecond);
    }
}
