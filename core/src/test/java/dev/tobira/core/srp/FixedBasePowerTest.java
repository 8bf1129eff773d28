package dev.tobira.core.srp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link FixedBasePower} equals {@link BigInteger#modPow} for every exponent, with the JDK's Montgomery product (the
 * build opens {@code java.math} to the tests, as Tobira's launchers do) and with its own: random exponents of every
 * length up to the table's, and the bit patterns where carries and windows go wrong (0, 1, all ones, alternating,
 * one bit, N − 1).
 */
class FixedBasePowerTest {

    /** The SRP group's table, as the server uses it (256-bit exponents). */
    private static final FixedBasePower SRP = SrpGroup.GPower.TABLE;

    /** The same table with the plain-Java product. */
    private static final FixedBasePower SRP_JAVA = new FixedBasePower(SrpGroup.G, SrpGroup.N, 256, false);

    /** A table covering the group's whole range, so exponents such as N − 1 go through the table too. */
    private static final FixedBasePower FULL = new FixedBasePower(SrpGroup.G, SrpGroup.N, SrpGroup.N.bitLength());
    private static final FixedBasePower FULL_JAVA =
            new FixedBasePower(SrpGroup.G, SrpGroup.N, SrpGroup.N.bitLength(), false);

    /** A small odd modulus whose top limb is full (three ints, padded to four) and a base other than 2. */
    private static final BigInteger SMALL_N = BigInteger.ONE.shiftLeft(96).subtract(BigInteger.valueOf(3));
    private static final FixedBasePower SMALL = new FixedBasePower(BigInteger.valueOf(0xC0FFEE), SMALL_N, 128);
    private static final FixedBasePower SMALL_JAVA =
            new FixedBasePower(BigInteger.valueOf(0xC0FFEE), SMALL_N, 128, false);

    @Example
    void constructorWhenJavaMathIsOpenThenTheJdkProductIsUsed() {
        assertThat(FixedBasePower.jdkProduct()).isTrue();
        assertThat(SRP.usesJdkProduct()).isTrue();
        assertThat(SMALL.usesJdkProduct()).isTrue();
        assertThat(SRP_JAVA.usesJdkProduct()).isFalse();
    }

    @Example
    void powWhenCompiledByTheJitThenStillEqualsModPow() {
        // Enough calls that C2 compiles the product (and on x86-64 and AArch64 puts its intrinsic in its place).
        java.util.Random random = new java.util.Random(14);
        for (int i = 0; i < 4_000; i++) {
            BigInteger exponent = new BigInteger(256, random);
            BigInteger power = SRP.pow(exponent);
            if (i % 100 == 99) {
                assertThat(power).as("g^%s", exponent.toString(16)).isEqualTo(SrpGroup.G.modPow(exponent, SrpGroup.N));
            }
        }
    }

    @Property(tries = 300)
    void powWhenRandomExponentUpTo256BitsThenEqualsModPow(@ForAll("upTo256Bits") BigInteger exponent) {
        BigInteger expected = SrpGroup.G.modPow(exponent, SrpGroup.N);
        assertThat(SRP.pow(exponent)).isEqualTo(expected);
        assertThat(SRP_JAVA.pow(exponent)).isEqualTo(expected);
    }

    @Property(tries = 30)
    void powWhenRandomExponentOfAnyLengthThenEqualsModPow(@ForAll("upToNBits") BigInteger exponent) {
        BigInteger expected = SrpGroup.G.modPow(exponent, SrpGroup.N);
        assertThat(FULL.pow(exponent)).isEqualTo(expected);
        assertThat(FULL_JAVA.pow(exponent)).isEqualTo(expected);
        // Longer than SRP's table: handed to modPow, same answer.
        assertThat(SRP.pow(exponent)).isEqualTo(expected);
    }

    @Property(tries = 200)
    void powWhenOtherBaseAndModulusThenEqualsModPow(@ForAll("upTo128Bits") BigInteger exponent) {
        BigInteger expected = BigInteger.valueOf(0xC0FFEE).modPow(exponent, SMALL_N);
        assertThat(SMALL.pow(exponent)).isEqualTo(expected);
        assertThat(SMALL_JAVA.pow(exponent)).isEqualTo(expected);
    }

    @Example
    void powWhenEdgeBitPatternsThenEqualsModPow() {
        BigInteger n = SrpGroup.N;
        List<BigInteger> patterns = List.of(
                BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(255), BigInteger.valueOf(256),
                ones(256), ones(255), ones(8), alternating(256, 0), alternating(256, 1),
                BigInteger.ONE.shiftLeft(255), BigInteger.ONE.shiftLeft(248), BigInteger.ONE.shiftLeft(247),
                ones(256).xor(BigInteger.ONE.shiftLeft(128)));
        for (BigInteger exponent : patterns) {
            BigInteger expected = SrpGroup.G.modPow(exponent, n);
            assertThat(SRP.pow(exponent)).as("g^%s", exponent.toString(16)).isEqualTo(expected);
            assertThat(SRP_JAVA.pow(exponent)).as("g^%s, Java", exponent.toString(16)).isEqualTo(expected);
        }
        for (BigInteger exponent : List.of(n.subtract(BigInteger.ONE), n.subtract(BigInteger.TWO), ones(3072),
                alternating(3072, 0), BigInteger.ONE.shiftLeft(3071))) {
            BigInteger expected = SrpGroup.G.modPow(exponent, n);
            assertThat(FULL.pow(exponent)).as("g^%s", exponent.toString(16)).isEqualTo(expected);
            assertThat(FULL_JAVA.pow(exponent)).as("g^%s, Java", exponent.toString(16)).isEqualTo(expected);
        }
        // Fermat: g^(N−1) = 1 for the prime N.
        assertThat(FULL.pow(n.subtract(BigInteger.ONE))).isEqualTo(BigInteger.ONE);
        assertThat(FULL_JAVA.pow(n.subtract(BigInteger.ONE))).isEqualTo(BigInteger.ONE);
        BigInteger expected = BigInteger.valueOf(0xC0FFEE).modPow(ones(128), SMALL_N);
        assertThat(SMALL.pow(ones(128))).isEqualTo(expected);
        assertThat(SMALL_JAVA.pow(ones(128))).isEqualTo(expected);
    }

    @Example
    void constructorWhenModulusEvenOrBaseOutOfRangeThenRefuses() {
        assertThatThrownBy(() -> new FixedBasePower(BigInteger.TWO, BigInteger.valueOf(100), 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("n must be odd and greater than 1");
        assertThatThrownBy(() -> new FixedBasePower(BigInteger.valueOf(101), BigInteger.valueOf(101), 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("base must be in (0, n)");
        assertThatThrownBy(() -> SRP.pow(BigInteger.ONE.negate()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("exponent must not be negative");
    }

    @Provide
    Arbitrary<BigInteger> upTo256Bits() {
        return bits(256);
    }

    @Provide
    Arbitrary<BigInteger> upTo128Bits() {
        return bits(128);
    }

    @Provide
    Arbitrary<BigInteger> upToNBits() {
        return Arbitraries.bigIntegers().between(BigInteger.ZERO, SrpGroup.N.subtract(BigInteger.ONE));
    }

    /** Exponents of every length up to {@code max} bits, not only the long ones a uniform draw would give. */
    private static Arbitrary<BigInteger> bits(int max) {
        return Arbitraries.integers().between(0, max).flatMap(length -> length == 0
                ? Arbitraries.just(BigInteger.ZERO)
                : Arbitraries.bigIntegers().between(BigInteger.ONE.shiftLeft(length - 1),
                        BigInteger.ONE.shiftLeft(length).subtract(BigInteger.ONE)));
    }

    private static BigInteger ones(int bits) {
        return BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
    }

    private static BigInteger alternating(int bits, int phase) {
        BigInteger value = BigInteger.ZERO;
        for (int i = phase; i < bits; i += 2) {
            value = value.setBit(i);
        }
        return value;
    }
}
