package dev.tobira.bench;

import dev.tobira.core.srp.FixedBasePower;
import dev.tobira.core.srp.SrpClient;
import dev.tobira.core.srp.SrpGroup;
import dev.tobira.core.srp.SrpServer;
import dev.tobira.core.srp.SrpTimestamp;
import dev.tobira.core.srp.Verifiers;
import dev.tobira.core.user.PasswordVerifier;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The SRP arithmetic of one sign-in (spec §2.2) on the 3072-bit group, each step as a sign-in runs it:
 * the server's two steps ({@link SrpServer#challenge} for {@code InitiateAuth}, {@link SrpServer#key} and
 * {@link SrpServer#verify} for {@code RespondToAuthChallenge}), the client's two ({@code SRP_A} and the
 * {@code PASSWORD_VERIFIER} answer), making a verifier (sign-up, password change) and checking a
 * password against one ({@code USER_PASSWORD_AUTH}).
 *
 * <p>Randomness is a {@link SecureRandom}, as in the server.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(jvmArgsAppend = "--add-opens=java.base/java.math=ALL-UNNAMED")
public class SrpBenchmarks {

    static final String USER_POOL_ID = "us-east-1_BenchPool1";
    static final String POOL_NAME = "BenchPool1";
    static final String USERNAME = "6a1b3c4d-0000-4000-8000-00000000bench";
    static final String PASSWORD = "Correct-Horse-9-Battery";

    private final SecureRandom random = new SecureRandom();

    /** The table SRP's g^x and g^b use (SrpGroup's is package-private; this one is built the same way). */
    private final FixedBasePower gTable = new FixedBasePower(SrpGroup.G, SrpGroup.N, 256);

    private BigInteger exponent256;
    private BigInteger factor;
    private PasswordVerifier verifier;
    private SrpClient client;
    private BigInteger A;
    private SrpServer.Challenge challenge;
    private byte[] secretBlock;
    private String secretBlockBase64;
    private String timestamp;
    private String signature;

    @Setup
    public void setUp() {
        exponent256 = new BigInteger(256, random);
        factor = new BigInteger(3000, random);
        verifier = Verifiers.create(POOL_NAME, USERNAME, PASSWORD, random);
        client = new SrpClient(USER_POOL_ID, random);
        A = SrpServer.parseSrpA(client.srpA());
        challenge = SrpServer.challenge(verifier, random);
        secretBlock = new byte[512];
        random.nextBytes(secretBlock);
        secretBlockBase64 = Base64.getEncoder().encodeToString(secretBlock);
        Map<String, String> responses = client.passwordVerifierResponses(USERNAME, PASSWORD, verifier.saltHex(),
                challenge.srpB(), secretBlockBase64, Instant.now());
        timestamp = responses.get("TIMESTAMP");
        signature = responses.get("PASSWORD_CLAIM_SIGNATURE");
        if (!serverKeyAndVerify()) {
            throw new IllegalStateException("The client's proof does not verify: the benchmark would measure a failure");
        }
        if (!Verifiers.matches(verifier, POOL_NAME, USERNAME, PASSWORD)) {
            throw new IllegalStateException("The password does not match its verifier");
        }
    }

    /** InitiateAuth USER_SRP_AUTH, server side: {@code b} and {@code B = k·v + g^b mod N}. */
    @Benchmark
    public SrpServer.Challenge serverChallenge() {
        return SrpServer.challenge(verifier, random);
    }

    /** RespondToAuthChallenge PASSWORD_VERIFIER, server side: {@code S = (A·v^u)^b}, {@code K}, the signature check. */
    @Benchmark
    public boolean serverKeyAndVerify() {
        byte[] key = SrpServer.key(A, challenge.b(), challenge.B(), verifier);
        return SrpServer.verify(key, POOL_NAME, USERNAME, secretBlock,
                SrpTimestamp.format(SrpTimestamp.parse(timestamp).orElseThrow()), signature);
    }

    /** Client: a new sign-in draws {@code a} (1024 bits) and computes {@code SRP_A = g^a mod N}. */
    @Benchmark
    public String clientSrpA() {
        return new SrpClient(USER_POOL_ID, random).srpA();
    }

    /** Client: {@code x}, {@code S = (B − k·g^x)^(a + u·x)}, {@code K} and the claim signature. */
    @Benchmark
    public Map<String, String> clientPasswordVerifierResponses() {
        return client.passwordVerifierResponses(USERNAME, PASSWORD, verifier.saltHex(), challenge.srpB(),
                secretBlockBase64, Instant.now());
    }

    /** Sign-up or a password change: a salt and {@code v = g^x mod N}. */
    @Benchmark
    public PasswordVerifier verifiersCreate() {
        return Verifiers.create(POOL_NAME, USERNAME, PASSWORD, random);
    }

    /** {@code g^e mod N} for a 256-bit {@code e} by {@link BigInteger#modPow}: what g^x and g^b cost before. */
    @Benchmark
    public BigInteger gModPow256() {
        return SrpGroup.G.modPow(exponent256, SrpGroup.N);
    }

    /** {@code g^e mod N} for a 256-bit {@code e} by the fixed-base table (31 Montgomery products, masked lookups). */
    @Benchmark
    public BigInteger gFixedBase256() {
        return gTable.pow(exponent256);
    }

    /** One 3072-bit {@code multiply} and {@code mod}: a fixed-base table in plain BigInteger needs ~32 of these. */
    @Benchmark
    public BigInteger bigIntegerMultiplyMod() {
        return factor.multiply(exponent256.shiftLeft(2800).or(factor)).mod(SrpGroup.N);
    }

    /** USER_PASSWORD_AUTH: the password checked against the stored verifier ({@code g^x mod N} again). */
    @Benchmark
    public boolean verifiersMatches() {
        return Verifiers.matches(verifier, POOL_NAME, USERNAME, PASSWORD);
    }
}
