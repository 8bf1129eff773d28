package dev.tobira.core.srp;

import java.math.BigInteger;
import java.util.Objects;

/**
 * {@code base^e mod n} for one fixed {@code base} and odd {@code n}, by a precomputed table (the fixed-base
 * windowed method): {@code base^e = ∏ᵢ T[i][eᵢ]} where {@code eᵢ} is the {@code i}-th {@value #WINDOW_BITS}-bit
 * digit of {@code e} and {@code T[i][j] = base^(j·2^(8i))}. An exponent of up to {@code exponentBits} bits costs
 * {@code exponentBits / 8 − 1} Montgomery multiplications and no squarings, where {@link BigInteger#modPow} costs
 * about {@code exponentBits} squarings and a fifth as many multiplications (with the JDK's intrinsics).
 *
 * <p>SRP uses it for {@code g^x} (a password checked against its verifier) and {@code g^b} (every challenge's
 * {@code B}), whose base and modulus are the group's and whose exponents are 256-bit hashes or secrets.
 *
 * <p><b>Side channels.</b> The table lookups do not depend on the secret exponent: each digit selects its entry by
 * reading <em>every</em> entry of the row and keeping one with a mask, with no branch or index that depends on the
 * digit; the Montgomery multiplication has no data-dependent branch either. This is <em>not</em> a constant-time
 * implementation as a whole: the exponent enters and the result leaves as {@link BigInteger}s, whose conversions
 * and final reduction ({@link BigInteger#mod}) take time that may depend on the values (leading zero bytes, the
 * final subtraction), and the JIT promises nothing. It removes the table-index leak a plain table would add, and
 * it is no worse than {@link BigInteger#modPow}, which is not constant-time either. Exponents longer than the
 * table (a public property: their bit length) are handed to {@link BigInteger#modPow}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class FixedBasePower {

    /** Bits per window: 256 entries a row, eight rows per 64 exponent bits. */
    static final int WINDOW_BITS = 8;

    private static final int ENTRIES = 1 << WINDOW_BITS;

    private final BigInteger base;
    private final BigInteger n;
    private final int exponentBits;
    private final int rows;
    /** Limbs of a number: 32-bit, little-endian, one more than {@code n} needs so that {@code R = 2^(32·limbs) > 4n}. */
    private final int limbs;
    private final int[] modulus;
    /** {@code −n⁻¹ mod 2^32}. */
    private final int nPrime;
    /** {@code T[i][j]} in Montgomery form ({@code ·R mod n}, below {@code 2n}) at {@code ((i·256)+j)·limbs}. */
    private final int[] table;

    /**
     * Precomputes the table for exponents of up to {@code exponentBits} bits: {@code ⌈exponentBits/8⌉·256} numbers
     * the size of {@code n} (8 192 for 256 bits, 3 MiB with a 3072-bit {@code n}).
     *
     * @throws IllegalArgumentException unless {@code n} is odd and greater than 1, {@code 0 < base < n}, and
     *     {@code exponentBits} is positive
     */
    public FixedBasePower(BigInteger base, BigInteger n, int exponentBits) {
        this.base = Objects.requireNonNull(base, "base");
        this.n = Objects.requireNonNull(n, "n");
        if (n.compareTo(BigInteger.ONE) <= 0 || !n.testBit(0)) {
            throw new IllegalArgumentException("n must be odd and greater than 1");
        }
        if (base.signum() <= 0 || base.compareTo(n) >= 0) {
            throw new IllegalArgumentException("base must be in (0, n)");
        }
        if (exponentBits <= 0) {
            throw new IllegalArgumentException("exponentBits must be positive");
        }
        this.exponentBits = exponentBits;
        this.rows = (exponentBits + WINDOW_BITS - 1) / WINDOW_BITS;
        this.limbs = (n.bitLength() + 2 + 31) / 32;
        this.modulus = limbsOf(n, limbs);
        this.nPrime = negativeInverse(modulus[0]);
        this.table = new int[rows * ENTRIES * limbs];
        int[] one = limbsOf(BigInteger.ONE.shiftLeft(32 * limbs).mod(n), limbs);
        int[] power = limbsOf(base.shiftLeft(32 * limbs).mod(n), limbs); // base^(2^(8i)) in Montgomery form
        long[] scratch = new long[limbs + 2];
        for (int i = 0; i < rows; i++) {
            int row = i * ENTRIES * limbs;
            System.arraycopy(one, 0, table, row, limbs);
            System.arraycopy(power, 0, table, row + limbs, limbs);
            for (int j = 2; j < ENTRIES; j++) {
                int[] previous = java.util.Arrays.copyOfRange(table, row + (j - 1) * limbs, row + j * limbs);
                int[] entry = new int[limbs];
                multiply(previous, power, entry, scratch);
                System.arraycopy(entry, 0, table, row + j * limbs, limbs);
            }
            int[] last = java.util.Arrays.copyOfRange(table, row + (ENTRIES - 1) * limbs, row + ENTRIES * limbs);
            int[] next = new int[limbs];
            multiply(last, power, next, scratch);
            power = next;
        }
    }

    /** The longest exponent, in bits, that the table covers. */
    public int exponentBits() {
        return exponentBits;
    }

    /**
     * {@code base^exponent mod n}, equal to {@code base.modPow(exponent, n)}.
     *
     * @throws IllegalArgumentException for a negative exponent
     */
    public BigInteger pow(BigInteger exponent) {
        if (exponent.signum() < 0) {
            throw new IllegalArgumentException("exponent must not be negative");
        }
        if (exponent.bitLength() > exponentBits) {
            return base.modPow(exponent, n);
        }
        byte[] digits = digits(exponent);
        long[] scratch = new long[limbs + 2];
        int[] accumulator = new int[limbs];
        int[] selected = new int[limbs];
        int[] product = new int[limbs];
        select(0, digits[0] & 0xFF, accumulator);
        for (int i = 1; i < rows; i++) {
            select(i, digits[i] & 0xFF, selected);
            multiply(accumulator, selected, product, scratch);
            int[] swap = accumulator;
            accumulator = product;
            product = swap;
        }
        // Out of Montgomery form: multiplying by 1 divides by R; the result is below 2n, mod makes it below n.
        int[] plainOne = new int[limbs];
        plainOne[0] = 1;
        multiply(accumulator, plainOne, product, scratch);
        return toBigInteger(product).mod(n);
    }

    /** Copies entry {@code T[row][digit]} into {@code out}, reading every entry of the row (masked selection). */
    private void select(int row, int digit, int[] out) {
        java.util.Arrays.fill(out, 0);
        int start = row * ENTRIES * limbs;
        for (int j = 0; j < ENTRIES; j++) {
            int difference = j ^ digit;
            int mask = ((difference | -difference) >>> 31) - 1; // all ones when j == digit, else zero
            int entry = start + j * limbs;
            for (int k = 0; k < limbs; k++) {
                out[k] |= table[entry + k] & mask;
            }
        }
    }

    /**
     * Montgomery product {@code a·b·R⁻¹ mod n} into {@code out} (coarsely integrated operand scanning, 32-bit
     * limbs in 64-bit arithmetic), without the final conditional subtraction: for {@code a, b < 2n} and
     * {@code R > 4n} the result is below {@code 2n}. No branch depends on the values.
     */
    private void multiply(int[] a, int[] b, int[] out, long[] t) {
        java.util.Arrays.fill(t, 0);
        for (int i = 0; i < limbs; i++) {
            long ai = a[i] & 0xFFFFFFFFL;
            long carry = 0;
            for (int j = 0; j < limbs; j++) {
                // t[j] + ai·b[j] + carry < 2^64: exact as unsigned, and >>> reads it so.
                long sum = t[j] + ai * (b[j] & 0xFFFFFFFFL) + carry;
                t[j] = sum & 0xFFFFFFFFL;
                carry = sum >>> 32;
            }
            long sum = t[limbs] + carry;
            t[limbs] = sum & 0xFFFFFFFFL;
            t[limbs + 1] = sum >>> 32;
            long m = (t[0] * (nPrime & 0xFFFFFFFFL)) & 0xFFFFFFFFL;
            carry = (t[0] + m * (modulus[0] & 0xFFFFFFFFL)) >>> 32;
            for (int j = 1; j < limbs; j++) {
                long s = t[j] + m * (modulus[j] & 0xFFFFFFFFL) + carry;
                t[j - 1] = s & 0xFFFFFFFFL;
                carry = s >>> 32;
            }
            sum = t[limbs] + carry;
            t[limbs - 1] = sum & 0xFFFFFFFFL;
            t[limbs] = t[limbs + 1] + (sum >>> 32);
        }
        for (int j = 0; j < limbs; j++) {
            out[j] = (int) t[j];
        }
    }

    /** The exponent's {@value #WINDOW_BITS}-bit digits, least significant first, {@code rows} of them. */
    private byte[] digits(BigInteger exponent) {
        byte[] bigEndian = exponent.toByteArray();
        byte[] digits = new byte[rows];
        for (int i = 0; i < rows && i < bigEndian.length; i++) {
            digits[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return digits;
    }

    private static int[] limbsOf(BigInteger value, int limbs) {
        int[] out = new int[limbs];
        byte[] bigEndian = value.toByteArray();
        for (int i = 0; i < bigEndian.length && i / 4 < limbs; i++) {
            out[i / 4] |= (bigEndian[bigEndian.length - 1 - i] & 0xFF) << (8 * (i % 4));
        }
        return out;
    }

    private static BigInteger toBigInteger(int[] limbs) {
        byte[] bigEndian = new byte[limbs.length * 4];
        for (int i = 0; i < limbs.length; i++) {
            int limb = limbs[limbs.length - 1 - i];
            bigEndian[4 * i] = (byte) (limb >>> 24);
            bigEndian[4 * i + 1] = (byte) (limb >>> 16);
            bigEndian[4 * i + 2] = (byte) (limb >>> 8);
            bigEndian[4 * i + 3] = (byte) limb;
        }
        return new BigInteger(1, bigEndian);
    }

    /** {@code −x⁻¹ mod 2^32} for odd {@code x}, by Newton's iteration (each step doubles the correct bits). */
    private static int negativeInverse(int x) {
        int inverse = x; // correct to 3 bits for odd x
        for (int i = 0; i < 5; i++) {
            inverse *= 2 - x * inverse;
        }
        return -inverse;
    }
}
