package dev.tobira.core.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;

/** Proof Key for Code Exchange (RFC 7636): checking a {@code code_verifier} against its challenge. */
public final class Pkce {

    public static final String S256 = "S256";
    public static final String PLAIN = "plain";
    public static final Set<String> METHODS = Set.of(S256, PLAIN);

    private Pkce() {}

    /**
     * RFC 7636 §4.6: {@code S256}: {@code BASE64URL(SHA256(ASCII(verifier))) == challenge}; {@code plain}:
     * {@code verifier == challenge}; compared in constant time. A verifier outside §4.1's 43–128 unreserved
     * characters never matches.
     */
    public static boolean verifies(String method, String challenge, String verifier) {
        if (!verifier.matches("[A-Za-z0-9._~-]{43,128}")) {
            return false;
        }
        String expected = switch (method) {
            case S256 -> s256(verifier);
            case PLAIN -> verifier;
            default -> throw new IllegalArgumentException("code_challenge_method " + method);
        };
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                challenge.getBytes(StandardCharsets.US_ASCII));
    }

    /** The {@code S256} challenge of a verifier. */
    public static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
