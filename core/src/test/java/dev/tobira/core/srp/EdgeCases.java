package dev.tobira.core.srp;

import dev.tobira.core.srp.Padding.Quantity;
import dev.tobira.core.srp.Padding.Shape;
import dev.tobira.core.srp.SrpServer.Challenge;
import dev.tobira.core.user.PasswordVerifier;
import java.math.BigInteger;
import java.util.random.RandomGenerator;

/**
 * Finds sign-ins whose values have a given {@link Shape}, by searching draws of the random source:
 * the padding cases are rare for some values (a leading zero byte: 1 in 256), so waiting for them
 * to turn up at random would test nothing.
 */
final class EdgeCases {

    private static final int MAX_DRAWS = 50_000;

    private EdgeCases() {}

    /**
     * A secret {@code a} (as {@link SrpClient} draws it: {@value SrpClient#SECRET_BYTES} bytes) whose
     * {@code A = g^a mod N} has {@code shape}. Walks {@code a, a+1, …} from a random start, which is
     * cheap because {@code g = 2}: {@code g^(a+1) = 2·g^a mod N}.
     */
    static BigInteger secretWithA(Shape shape, RandomGenerator random) {
        byte[] start = new byte[SrpClient.SECRET_BYTES];
        random.nextBytes(start);
        start[0] &= 0x7f; // room to count up without outgrowing 128 bytes
        BigInteger a = new BigInteger(1, start);
        BigInteger A = SrpGroup.G.modPow(a, SrpGroup.N);
        for (int i = 0; i < MAX_DRAWS; i++) {
            if (shape.of(A, Quantity.A.width)) {
                return a;
            }
            a = a.add(BigInteger.ONE);
            A = A.shiftLeft(1).mod(SrpGroup.N);
        }
        throw new AssertionError("no A of shape " + shape + " in " + MAX_DRAWS + " draws");
    }

    /** A client whose {@code A} has {@code shape}. */
    static SrpClient clientWithA(String userPoolId, Shape shape, RandomGenerator random) {
        BigInteger a = secretWithA(shape, random);
        return new SrpClient(userPoolId, new ReplayRandom(ReplayRandom.unsigned(a, SrpClient.SECRET_BYTES)));
    }

    /** A 16-byte salt of {@code shape}; {@link Shape#LEADING_ZERO_BYTE} is one {@link Verifiers#create} never makes. */
    static byte[] salt(Shape shape, RandomGenerator random) {
        byte[] salt = new byte[Quantity.SALT.width];
        for (int i = 0; i < MAX_DRAWS; i++) {
            random.nextBytes(salt);
            if (shape.of(new BigInteger(1, salt), Quantity.SALT.width)) {
                return salt;
            }
        }
        throw new AssertionError("no salt of shape " + shape + " in " + MAX_DRAWS + " draws");
    }

    /**
     * A server challenge for {@code A} under which {@code quantity} ({@code B}, {@code u} or {@code S})
     * has {@code shape}; for other quantities the first challenge drawn.
     */
    static Challenge challenge(Quantity quantity, Shape shape, BigInteger A, PasswordVerifier verifier,
            RandomGenerator random) {
        BigInteger v = new BigInteger(verifier.verifierHex(), 16);
        for (int i = 0; i < MAX_DRAWS; i++) {
            Challenge challenge = SrpServer.challenge(verifier, random);
            BigInteger value = switch (quantity) {
                case A, SALT -> null;
                case B -> challenge.B();
                case U -> SrpGroup.u(A, challenge.B());
                case S -> SrpServer.S(A, challenge.b(), SrpGroup.u(A, challenge.B()), v);
            };
            if (value == null || shape.of(value, quantity.width)) {
                return challenge;
            }
        }
        throw new AssertionError("no " + quantity + " of shape " + shape + " in " + MAX_DRAWS + " draws");
    }

    /** The value of {@code quantity} in a finished sign-in, to check the search found what it claims. */
    static BigInteger valueOf(Quantity quantity, BigInteger A, Challenge challenge, PasswordVerifier verifier) {
        BigInteger u = SrpGroup.u(A, challenge.B());
        return switch (quantity) {
            case A -> A;
            case B -> challenge.B();
            case U -> u;
            case S -> SrpServer.S(A, challenge.b(), u, new BigInteger(verifier.verifierHex(), 16));
            case SALT -> new BigInteger(verifier.saltHex(), 16);
        };
    }
}
