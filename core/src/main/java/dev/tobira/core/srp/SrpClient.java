package dev.tobira.core.srp;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.random.RandomGenerator;

/**
 * The client side of Cognito's SRP, computed exactly as amazon-cognito-identity-js does
 * ({@code AuthenticationHelper}, {@code CognitoUser.authenticateUserDefaultAuth}; spec §2.2): for
 * the web sign-in app, for tests, and as the reference the interop test holds against the real
 * library.
 *
 * <p>One instance is one sign-in: it draws the secret {@code a} once, sends {@link #srpA()} with
 * {@code InitiateAuth}, then answers the {@code PASSWORD_VERIFIER} challenge with
 * {@link #passwordVerifierResponses}. Not thread-safe to share between sign-ins (it holds {@code a}).
 */
public final class SrpClient {

    /**
     * amazon-cognito-identity-js's check in {@code CognitoUserPool}: region, {@code _}, pool name; the
     * pool name is then {@code userPoolId.split('_')[1]}.
     */
    private static final Pattern USER_POOL_ID = Pattern.compile("[\\w-]+_[0-9a-zA-Z]+");

    /** Bytes of the secret {@code a}, as amazon-cognito-identity-js draws it. */
    static final int SECRET_BYTES = 128;

    private final String poolName;
    private final BigInteger a;
    private final BigInteger A;

    /**
     * A new sign-in for the pool {@code userPoolId} (e.g. {@code us-east-1_sjvjJcd5I}): draws
     * {@code a} as {@value #SECRET_BYTES} bytes from {@code random} and computes {@code A = g^a mod N}.
     *
     * @throws IllegalArgumentException when {@code userPoolId} is not {@code <region>_<name>}
     * @throws IllegalStateException when {@code A mod N == 0}, which the client must refuse to send
     */
    public SrpClient(String userPoolId, RandomGenerator random) {
        if (userPoolId == null || !USER_POOL_ID.matcher(userPoolId).matches()) {
            throw new IllegalArgumentException("Invalid UserPoolId format.");
        }
        this.poolName = userPoolId.split("_")[1];
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        this.a = new BigInteger(1, secret);
        this.A = SrpGroup.G.modPow(a, SrpGroup.N);
        if (A.mod(SrpGroup.N).signum() == 0) {
            throw new IllegalStateException("Illegal parameter. A mod N cannot be 0.");
        }
    }

    /** {@code SRP_A}: {@code A} as lower-case hex with no padding, so possibly of odd length (spec §2.5.1). */
    public String srpA() {
        return SrpGroup.hex(A);
    }

    /**
     * The {@code ChallengeResponses} that answer a {@code PASSWORD_VERIFIER} challenge:
     * {@code USERNAME} (= {@code USER_ID_FOR_SRP}), {@code PASSWORD_CLAIM_SECRET_BLOCK} (the
     * {@code SECRET_BLOCK} verbatim), {@code TIMESTAMP} ({@link SrpTimestamp#format} of {@code now}) and
     * {@code PASSWORD_CLAIM_SIGNATURE}, where, as in spec §2.2, {@code u = H(padHex(A) || padHex(B))},
     * {@code x = H(padHex(SALT) || H(poolName || USER_ID_FOR_SRP || ":" || password))} with {@code SALT}
     * read as an integer, {@code S = (B − k·g^x)^(a + u·x) mod N} and {@code K = HKDF(padHex(u), padHex(S))}.
     *
     * @param userIdForSrp the challenge's {@code USER_ID_FOR_SRP}, not the name the user typed
     * @param saltHex the challenge's {@code SALT}
     * @param srpBHex the challenge's {@code SRP_B}
     * @param secretBlockBase64 the challenge's {@code SECRET_BLOCK}, standard Base64
     * @throws IllegalArgumentException when {@code B mod N == 0} or {@code u == 0} (the client must
     *     abort), or a hex or Base64 parameter does not decode
     */
    public Map<String, String> passwordVerifierResponses(String userIdForSrp, String password, String saltHex,
            String srpBHex, String secretBlockBase64, Instant now) {
        BigInteger B = new BigInteger(srpBHex, 16);
        if (B.mod(SrpGroup.N).signum() == 0) {
            throw new IllegalArgumentException("B cannot be zero.");
        }
        BigInteger u = SrpGroup.u(A, B);
        if (u.signum() == 0) {
            throw new IllegalArgumentException("U cannot be zero.");
        }
        BigInteger x = SrpGroup.x(new BigInteger(saltHex, 16), poolName, userIdForSrp, password);
        BigInteger S = S(B, x, u);
        byte[] key = SrpGroup.passwordAuthenticationKey(S, u);
        byte[] secretBlock = Base64.getDecoder().decode(secretBlockBase64);
        String timestamp = SrpTimestamp.format(now);
        return Map.of(
                "USERNAME", userIdForSrp,
                "PASSWORD_CLAIM_SECRET_BLOCK", secretBlockBase64,
                "TIMESTAMP", timestamp,
                "PASSWORD_CLAIM_SIGNATURE", SrpServer.signature(key, poolName, userIdForSrp, secretBlock, timestamp));
    }

    /** The shared secret as the client computes it: {@code S = (B − k·g^x)^(a + u·x) mod N}. */
    BigInteger S(BigInteger B, BigInteger x, BigInteger u) {
        BigInteger base = B.subtract(SrpGroup.K.multiply(SrpGroup.G.modPow(x, SrpGroup.N))).mod(SrpGroup.N);
        return base.modPow(a.add(u.multiply(x)), SrpGroup.N);
    }
}
