package dev.tobira.core.srp;

import dev.tobira.core.user.PasswordVerifier;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/** Makes and checks the SRP verifiers that stand in for passwords. */
public final class Verifiers {

    private static final int SALT_BYTES = 16;

    private Verifiers() {}

    /**
     * A fresh verifier for {@code password}: a 16-byte random salt whose first byte is never 0x00
     * (clients disagree on how to pad such a salt, spec §2.5.2) and {@code v = g^x mod N} (by the group's
     * fixed-base table, {@link SrpGroup#gPow}).
     */
    public static PasswordVerifier create(String poolName, String username, String password, RandomGenerator random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        while (salt[0] == 0) {
            salt[0] = (byte) random.nextInt(256);
        }
        return withSalt(salt, poolName, username, password);
    }

    /**
     * The verifier for {@code password} with a given salt, whatever its first byte (salts from
     * elsewhere, and tests of the padding rules); {@link #create} is the way to make new ones.
     */
    static PasswordVerifier withSalt(byte[] salt, String poolName, String username, String password) {
        BigInteger saltInt = new BigInteger(1, salt);
        BigInteger v = SrpGroup.gPow(SrpGroup.x(saltInt, poolName, username, password));
        return new PasswordVerifier(HexFormat.of().formatHex(salt), SrpGroup.hex(v));
    }

    /**
     * Whether {@code password} is the one {@code verifier} was made from: {@code g^x mod N} by the group's fixed-base
     * table ({@link SrpGroup#gPow}, masked table lookups), compared in constant time.
     */
    public static boolean matches(PasswordVerifier verifier, String poolName, String username, String password) {
        BigInteger salt = new BigInteger(verifier.saltHex(), 16);
        BigInteger v = SrpGroup.gPow(SrpGroup.x(salt, poolName, username, password));
        return java.security.MessageDigest.isEqual(
                SrpGroup.hex(v).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                verifier.verifierHex().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
