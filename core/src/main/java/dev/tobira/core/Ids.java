package dev.tobira.core;

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

    private static String draw(String alphabet, int length, RandomGenerator random) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
