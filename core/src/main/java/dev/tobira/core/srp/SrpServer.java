package dev.tobira.core.srp;

import dev.tobira.core.user.PasswordVerifier;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The server side of Cognito's SRP-6a (spec §2.2): USER_SRP_AUTH (and CUSTOM_AUTH with
 * {@code SRP_A}, USER_AUTH with {@code PASSWORD_SRP}) answered by a {@code PASSWORD_VERIFIER}
 * challenge, whose {@code PASSWORD_CLAIM_SIGNATURE} proves the password.
 *
 * <p>The steps, in the order a sign-in takes them:
 * <ol>
 *   <li>{@link #parseSrpA} the client's {@code SRP_A};
 *   <li>{@link #challenge} makes {@code b} and {@code B} (sent as {@code SRP_B});
 *   <li>{@link #key} derives the key {@code K} from {@code A}, {@code b}, {@code B} and the stored
 *       verifier; it refuses {@code A mod N == 0} and {@code u == 0};
 *   <li>{@link #verify} checks the {@code PASSWORD_CLAIM_SIGNATURE} against
 *       {@link #signature}, over the server's canonical re-format of {@code TIMESTAMP}
 *       ({@link SrpTimestamp}, spec §2.4).
 * </ol>
 * Everything here is a pure function of its arguments; randomness comes in as a parameter.
 */
public final class SrpServer {

    /** Bits of the server's secret {@code b}; RFC 5054 asks for at least 256. */
    static final int SECRET_BITS = 256;

    /**
     * Longest {@code SRP_A} accepted, in hex digits. An honest {@code A < N} has at most 768; the
     * bound only keeps a hostile value from costing more than a real one.
     */
    static final int MAX_SRP_A_HEX_DIGITS = 4096;

    private SrpServer() {}

    /**
     * The server's half of one sign-in: the secret {@code b} (kept with the pending challenge, never
     * sent) and the public {@code B = (k·v + g^b) mod N}.
     */
    public record Challenge(BigInteger b, BigInteger B) {

        public Challenge {
            Objects.requireNonNull(b, "b");
            Objects.requireNonNull(B, "B");
        }

        /** {@code SRP_B} as sent to clients: {@code B} in lower-case hex, no padding (clients parse it as an integer). */
        public String srpB() {
            return SrpGroup.hex(B);
        }
    }

    /**
     * Starts the {@code PASSWORD_VERIFIER} challenge: {@code b} is {@value #SECRET_BITS} random bits
     * from {@code random} (never zero) and {@code B = (k·v + g^b) mod N}, drawn again in the
     * (astronomically unlikely) case {@code B mod N == 0}, which clients refuse. {@code g^b} comes from the group's
     * fixed-base table ({@link SrpGroup#gPow}); only {@link #key}'s {@code (A·v^u)^b} needs a general modPow.
     */
    public static Challenge challenge(PasswordVerifier verifier, RandomGenerator random) {
        BigInteger kv = SrpGroup.K.multiply(v(verifier));
        while (true) {
            byte[] secret = new byte[SECRET_BITS / 8];
            random.nextBytes(secret);
            BigInteger b = new BigInteger(1, secret);
            if (b.signum() == 0) {
                continue;
            }
            BigInteger B = kv.add(SrpGroup.gPow(b)).mod(SrpGroup.N);
            if (B.signum() != 0) {
                return new Challenge(b, B);
            }
        }
    }

    /**
     * The 16-byte password authentication key {@code K} the honest client derives too:
     * {@code u = H(padHex(A) || padHex(B))}, {@code S = (A·v^u)^b mod N}, {@code K = HKDF(padHex(u), padHex(S))}
     * (spec §2.2).
     *
     * @throws IllegalArgumentException when {@code A mod N == 0} or {@code u == 0}; SRP-6a requires
     *     the server to abort then, as such an {@code A} would fix {@code S} without knowing the password
     */
    public static byte[] key(BigInteger A, BigInteger b, BigInteger B, PasswordVerifier verifier) {
        if (A.signum() < 0 || A.mod(SrpGroup.N).signum() == 0) {
            throw new IllegalArgumentException("SRP_A mod N must not be 0");
        }
        BigInteger u = SrpGroup.u(A, B);
        if (u.signum() == 0) {
            throw new IllegalArgumentException("u = H(A, B) must not be 0");
        }
        return SrpGroup.passwordAuthenticationKey(S(A, b, u, v(verifier)), u);
    }

    /** The shared secret as the server computes it: {@code S = (A·v^u)^b mod N}. */
    static BigInteger S(BigInteger A, BigInteger b, BigInteger u, BigInteger v) {
        return A.multiply(v.modPow(u, SrpGroup.N)).modPow(b, SrpGroup.N);
    }

    /**
     * {@code PASSWORD_CLAIM_SIGNATURE = Base64(HMAC_SHA256(K, UTF8(poolName) || UTF8(USER_ID_FOR_SRP) ||
     * secretBlock || UTF8(timestamp)))} (spec §2.2), standard Base64 with padding.
     *
     * @param poolName the part of the user pool id after {@code _}
     * @param userIdForSrp the {@code USER_ID_FOR_SRP} of the challenge (the internal username)
     * @param secretBlock the decoded bytes of {@code SECRET_BLOCK}
     * @param timestamp the exact text signed; a server passes {@link SrpTimestamp#format} of the
     *     parsed {@code TIMESTAMP}, never the text the client sent (spec §2.4)
     */
    public static String signature(byte[] key, String poolName, String userIdForSrp, byte[] secretBlock,
            String timestamp) {
        return Base64.getEncoder().encodeToString(mac(key, poolName, userIdForSrp, secretBlock, timestamp));
    }

    /**
     * Whether {@code claimedSignature} (the client's {@code PASSWORD_CLAIM_SIGNATURE}) is
     * {@link #signature} of these values, compared in constant time. {@code false}, never an
     * exception, for a signature that is null or not Base64.
     */
    public static boolean verify(byte[] key, String poolName, String userIdForSrp, byte[] secretBlock,
            String timestamp, String claimedSignature) {
        if (claimedSignature == null) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = Base64.getDecoder().decode(claimedSignature);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return MessageDigest.isEqual(mac(key, poolName, userIdForSrp, secretBlock, timestamp), claimed);
    }

    private static byte[] mac(byte[] key, String poolName, String userIdForSrp, byte[] secretBlock,
            String timestamp) {
        return SrpGroup.hmacSha256(key,
                poolName.getBytes(StandardCharsets.UTF_8),
                userIdForSrp.getBytes(StandardCharsets.UTF_8),
                secretBlock,
                timestamp.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads {@code SRP_A} as clients send it (spec §2.5.1): hex of {@code A} without padding, so
     * possibly of odd length, in either case; leading zeros are allowed.
     *
     * @throws IllegalArgumentException when it is null, empty, longer than {@value #MAX_SRP_A_HEX_DIGITS}
     *     digits, or holds anything but hex digits (a sign included)
     */
    public static BigInteger parseSrpA(String hex) {
        if (hex == null || hex.isEmpty()) {
            throw new IllegalArgumentException("SRP_A must be hex digits");
        }
        if (hex.length() > MAX_SRP_A_HEX_DIGITS) {
            throw new IllegalArgumentException("SRP_A is too long");
        }
        for (int i = 0; i < hex.length(); i++) {
            if (!HexFormat.isHexDigit(hex.charAt(i))) {
                throw new IllegalArgumentException("SRP_A must be hex digits");
            }
        }
        return new BigInteger(hex, 16);
    }

    private static BigInteger v(PasswordVerifier verifier) {
        return new BigInteger(verifier.verifierHex(), 16);
    }
}
