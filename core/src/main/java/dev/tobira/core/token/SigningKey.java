package dev.tobira.core.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * An RSA key that signs one pool's tokens of one {@link TokenUse}.
 *
 * <p>The key holds its <em>private</em> part. {@link #toString()} names the key without any key
 * material; Nimbus's own {@link RSAKey#toString()} prints the whole JWK, private exponent included,
 * so never log {@link #rsaKey()} itself — log {@link #kid()}. Publish {@link #publicJwk()}.
 *
 * @param kid the key id in token headers and the JWKS: the standard base64 of the key's RFC 7638
 *     SHA-256 thumbprint, 44 characters ending in {@code =}, like Cognito's
 *     {@code ap1BJd+WSxJpj6b6mDOvuIdkc5iIc8IGqhvhzkRryfA=}; equal to {@code rsaKey.getKeyID()}
 * @param rsaKey the private and public key, with {@code kid}, {@code use=sig} and {@code alg=RS256}
 * @param createdAt when the key was made (milliseconds, the precision stores keep)
 * @param retiredAt when a {@link SigningKeys#rotate rotation} replaced it; empty while it is current
 */
public record SigningKey(
        String kid,
        String userPoolId,
        TokenUse use,
        RSAKey rsaKey,
        Instant createdAt,
        Optional<Instant> retiredAt) {

    /** RSA modulus length of generated keys, as Cognito's. */
    public static final int KEY_SIZE = 2048;

    /**
     * The order {@link SigningKeys#published} lists keys in: ID keys before access keys, the current
     * key before retired ones, newer before older.
     */
    public static final Comparator<SigningKey> PUBLICATION_ORDER = Comparator
            .comparing(SigningKey::use)
            .thenComparing(k -> !k.current())
            .thenComparing(SigningKey::createdAt, Comparator.reverseOrder())
            .thenComparing(SigningKey::kid);

    public SigningKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(userPoolId, "userPoolId");
        Objects.requireNonNull(use, "use");
        Objects.requireNonNull(rsaKey, "rsaKey");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(retiredAt, "retiredAt");
        if (!kid.equals(rsaKey.getKeyID())) {
            throw new IllegalArgumentException("kid " + kid + " is not the JWK's kid");
        }
        if (!rsaKey.isPrivate()) {
            throw new IllegalArgumentException("signing key " + kid + " has no private part");
        }
    }

    /**
     * Makes a new current key: a {@value #KEY_SIZE}-bit RSA key pair from the JDK's
     * {@code KeyPairGenerator} for {@code RSA}, which draws its randomness from {@code random}
     * (a fresh {@link SecureRandom} in production; tests may pass any, but the JDK does not promise
     * that a seeded source gives reproducible keys).
     *
     * @param createdAt truncated to milliseconds
     */
    public static SigningKey generate(String userPoolId, TokenUse use, Instant createdAt, SecureRandom random) {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_SIZE, random);
            pair = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JDK cannot generate RSA keys", e);
        }
        RSAKey unnamed = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                .privateKey((RSAPrivateCrtKey) pair.getPrivate())
                .build();
        String kid = kidOf(unnamed);
        RSAKey named = new RSAKey.Builder(unnamed)
                .keyID(kid)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build();
        return new SigningKey(kid, userPoolId, use, named, createdAt.truncatedTo(ChronoUnit.MILLIS), Optional.empty());
    }

    /** The kid Tobira gives {@code key}: standard base64 (not base64url) of its SHA-256 JWK thumbprint. */
    public static String kidOf(RSAKey key) {
        try {
            return Base64.getEncoder().encodeToString(key.computeThumbprint("SHA-256").decode());
        } catch (JOSEException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    /** Whether this is the key that signs new tokens (it has not been retired). */
    public boolean current() {
        return retiredAt.isEmpty();
    }

    /** This key, retired at {@code when} (milliseconds). */
    public SigningKey retire(Instant when) {
        return new SigningKey(kid, userPoolId, use, rsaKey, createdAt,
                Optional.of(when.truncatedTo(ChronoUnit.MILLIS)));
    }

    /**
     * The public part, as the JWKS shows it: {@code kty}, {@code e}, {@code n}, {@code kid},
     * {@code use=sig}, {@code alg=RS256} and nothing private.
     */
    public RSAKey publicJwk() {
        return rsaKey.toPublicJWK();
    }

    /** Names the key; prints no key material, public or private. */
    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", userPoolId=" + userPoolId + ", use=" + use + ", createdAt=" + createdAt
                + ", retiredAt=" + retiredAt.map(Instant::toString).orElse("-") + "]";
    }
}
