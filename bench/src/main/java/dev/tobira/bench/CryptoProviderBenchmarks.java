package dev.tobira.bench;

import dev.tobira.server.config.CryptoProviders;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The primitives a sign-in uses, on each {@code --crypto-provider}: RS256 (2048-bit) signing and verification,
 * SHA-256 and HMAC-SHA256 over SRP-sized inputs (two padded 3072-bit numbers), and 32 random bytes. Each call
 * takes a fresh {@code getInstance}, as the server does, so provider lookup is part of the cost.
 */
// ACCP loads native code: JDK 25 wants it allowed (as ./tobira and the Dockerfile do).
@Fork(jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CryptoProviderBenchmarks {

    @Param({"jdk", "accp"})
    public String provider;

    private final byte[] srpInput = new byte[2 * 385];
    private final byte[] random32 = new byte[32];
    private final byte[] jwtInput = new byte[900];
    private KeyPair keys;
    private byte[] signature;
    private SecureRandom secureRandom;
    private SecretKeySpec hmacKey;

    @Setup
    public void setUp() throws Exception {
        CryptoProviders.install(CryptoProviders.Choice.parse(provider));
        secureRandom = new SecureRandom();
        secureRandom.nextBytes(srpInput);
        secureRandom.nextBytes(jwtInput);
        hmacKey = new SecretKeySpec(new byte[16], "HmacSHA256");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, secureRandom);
        keys = generator.generateKeyPair();
        signature = rs256Sign();
    }

    @Benchmark
    public byte[] rs256Sign() throws Exception {
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.getPrivate());
        signer.update(jwtInput);
        return signer.sign();
    }

    @Benchmark
    public boolean rs256Verify() throws Exception {
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(keys.getPublic());
        verifier.update(jwtInput);
        return verifier.verify(signature);
    }

    @Benchmark
    public byte[] sha256() throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(srpInput);
    }

    @Benchmark
    public byte[] hmacSha256() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(hmacKey);
        return mac.doFinal(srpInput);
    }

    /** {@code new SecureRandom()} and 32 bytes from it, as code that makes its own instance does. */
    @Benchmark
    public byte[] newSecureRandomBytes() {
        new SecureRandom().nextBytes(random32);
        return random32;
    }

    /** 32 bytes from one shared instance (the server's stores and services keep one). */
    @Benchmark
    public byte[] secureRandomBytes() {
        secureRandom.nextBytes(random32);
        return random32;
    }
}
