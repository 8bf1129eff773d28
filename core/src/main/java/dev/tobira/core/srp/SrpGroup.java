package dev.tobira.core.srp;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.KDF;
import javax.crypto.Mac;
import javax.crypto.spec.HKDFParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Cognito's SRP-6a group and hashing conventions (spec §2.1): the RFC 3526 3072-bit prime,
 * {@code g = 2}, SHA-256, and {@code padHex}, which is the minimal two's-complement encoding of a
 * non-negative integer ({@link BigInteger#toByteArray()}).
 */
public final class SrpGroup {

    /** RFC 3526, 3072-bit MODP group. */
    public static final BigInteger N = new BigInteger(
            "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD"
                    + "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
                    + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F"
                    + "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
                    + "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510"
                    + "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7"
                    + "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C"
                    + "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF",
            16);

    public static final BigInteger G = BigInteger.TWO;

    /**
     * {@code g^e mod N} for exponents up to 256 bits (SHA-256's {@code x}, the server's {@code b}) by a precomputed
     * table with masked lookups ({@link FixedBasePower}); longer exponents go to {@link BigInteger#modPow}. The
     * table (8 192 numbers, 3 MiB) is built on first use, not at class loading.
     */
    static BigInteger gPow(BigInteger exponent) {
        return GPower.TABLE.pow(exponent);
    }

    /** Holds the table, so that loading {@code SrpGroup} does not build it. */
    static final class GPower {
        static final FixedBasePower TABLE = new FixedBasePower(G, N, 256);

        private GPower() {}
    }

    /** {@code k = H(padHex(N) || padHex(g))}. */
    public static final BigInteger K = new BigInteger(1, sha256(N.toByteArray(), G.toByteArray()));

    /** The HKDF {@code info} of Cognito's key derivation; the counter byte 0x01 is HKDF's own (spec §2.2). */
    static final byte[] DERIVED_KEY_INFO = "Caldera Derived Key".getBytes(StandardCharsets.US_ASCII);

    /** Length of the key {@code K} in bytes: the first 16 bytes of HKDF's first output block. */
    static final int KEY_BYTES = 16;

    private SrpGroup() {}

    /** The bytes that {@code padHex(n)} stands for: minimal two's complement, so a leading 0x00 when the top bit is set. */
    public static byte[] padded(BigInteger n) {
        return n.toByteArray();
    }

    /** Lower-case hex of {@link #padded}, as clients send and expect it. */
    public static String padHex(BigInteger n) {
        return HexFormat.of().formatHex(padded(n));
    }

    /**
     * {@code n.toString(16)} for {@code n >= 0}: lower-case hex without leading zeros. {@code toString(16)}
     * converts by repeated division, tens of µs for a 3072-bit number; this formats the bytes.
     */
    public static String hex(BigInteger n) {
        if (n.signum() < 0) {
            throw new IllegalArgumentException("hex is for non-negative numbers");
        }
        String padded = padHex(n);
        int zeros = 0;
        while (zeros < padded.length() - 1 && padded.charAt(zeros) == '0') {
            zeros++;
        }
        return padded.substring(zeros);
    }

    public static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * {@code x = H(padHex(salt) || H(poolName || username || ":" || password))} (spec §2.2), where
     * username is the internal username (USER_ID_FOR_SRP).
     */
    public static BigInteger x(BigInteger salt, String poolName, String username, String password) {
        byte[] inner = sha256((poolName + username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new BigInteger(1, sha256(padded(salt), inner));
    }

    /**
     * {@code u = H(padHex(A) || padHex(B))} (spec §2.2). Both sides must refuse to go on when it is zero.
     */
    static BigInteger u(BigInteger A, BigInteger B) {
        return new BigInteger(1, sha256(padded(A), padded(B)));
    }

    /**
     * The password authentication key {@code K} (spec §2.2): RFC 5869 HKDF-SHA256 with salt
     * {@code padHex(u)}, input key material {@code padHex(S)} and info {@code "Caldera Derived Key"},
     * 16 bytes long, i.e. {@code PRK = HMAC_SHA256(key = padHex(u), msg = padHex(S))} and
     * {@code K = HMAC_SHA256(PRK, "Caldera Derived Key" || 0x01)[0..16]}. {@code SrpGroupTest} pins that
     * the JDK's HKDF gives exactly those bytes.
     */
    static byte[] passwordAuthenticationKey(BigInteger S, BigInteger u) {
        try {
            return KDF.getInstance("HKDF-SHA256").deriveData(HKDFParameterSpec.ofExtract()
                    .addIKM(padded(S))
                    .addSalt(padded(u))
                    .thenExpand(DERIVED_KEY_INFO, KEY_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HKDF-SHA256 is part of every JDK 25", e);
        }
    }

    /** {@code HMAC_SHA256(key, parts[0] || parts[1] || …)}. */
    static byte[] hmacSha256(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
