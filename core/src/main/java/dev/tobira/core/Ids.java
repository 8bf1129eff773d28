package dev.tobira.core;

import java.util.Base64;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Identifiers in Cognito's formats (spec §1.5), drawn from the injected random source. */
public final class Ids {

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

    private Ids() {}

    /** {@code region_} followed by 9 letters and digits, e.g. {@code us-east-1_sjvjJcd5I}. */
    public static String userPoolId(String region, RandomGenerator random) {
        return region + "_" + draw(ALNUM, 9, random);
    }

    /** 26 lower-case letters and digits, e.g. {@code 12hcs372atds7jjhljan7m86nn}. */
    public static String clientId(RandomGenerator random) {
        return draw(LOWER_ALNUM, 26, random);
    }

    /** 51 lower-case letters and digits, the length of the secrets Cognito generates. */
    public static String clientSecret(RandomGenerator random) {
        return draw(LOWER_ALNUM, 51, random);
    }

    /** A random (version 4) UUID, as Cognito uses for {@code sub}. */
    public static String uuid(RandomGenerator random) {
        long msb = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /**
     * An opaque secret handed to a client (a session string, a refresh token): {@code prefix} and
     * {@code bytes} random bytes in URL-safe base64. The prefix is a letter, so the value never starts
     * with {@code -}, which the AWS CLI would take for an option ({@code --session -…}).
     */
    public static String opaque(String prefix, int bytes, RandomGenerator random) {
        if (!prefix.matches("[A-Za-z]+")) {
            throw new IllegalArgumentException("The prefix must be letters: " + prefix);
        }
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static String draw(String alphabet, int length, RandomGenerator random) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
