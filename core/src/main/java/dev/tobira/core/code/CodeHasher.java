package dev.tobira.core.code;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes one-time codes and the keyed hashes that stand in for them at rest. The hash binds the code
 * to its pool, user and purpose, so a hash copied to another user's row matches nothing.
 */
public final class CodeHasher {

    private final byte[] key;

    /** @param key the server's code key, at least 32 bytes, the same on every node */
    public CodeHasher(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("The code key must have at least 32 bytes");
        }
        this.key = key.clone();
    }

    /** A code of {@code digits} decimal digits, uniformly drawn (leading zeros allowed). */
    public static String newCode(int digits, RandomGenerator random) {
        StringBuilder code = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            code.append((char) ('0' + random.nextInt(10)));
        }
        return code.toString();
    }

    /** HMAC-SHA256 over pool, username, purpose and code, as lower-case hex. */
    public String hash(String userPoolId, String username, CodePurpose purpose, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String message = userPoolId + "\n" + username + "\n" + purpose.name() + "\n" + code;
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Constant-time comparison of two hashes. */
    public static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
