package dev.tobira.core.srp;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * {@code base^e mod n} for one fixed {@code base} and odd {@code n}, by a precomputed table (the fixed-base
 * windowed method): {@code base^e = ∏ᵢ T[i][eᵢ]} where {@code eᵢ} is the {@code i}-th {@value #WINDOW_BITS}-bit
 * digit of {@code e} and {@code T[i][j] = base^(j·2^(6i))}. An exponent of up to {@code exponentBits} bits costs
 * {@code ⌈exponentBits/6⌉} Montgomery products and no squarings, where {@link BigInteger#modPow} costs about
 * {@code exponentBits} squarings and a fifth as many products.
 *
 * <p>SRP uses it for {@code g^x} (a password checked against its verifier) and {@code g^b} (every challenge's
 * {@code B}), whose base and modulus are the group's and whose exponents are 256-bit hashes or secrets.
 *
 * <p><b>The products.</b> When {@code java.base} opens {@code java.math} to this code ({@code --add-opens
 * java.base/java.math=ALL-UNNAMED}, which Tobira's launchers and its jar's manifest give), the products are the
 * JDK's own Montgomery product, the one {@code modPow} uses: a C2 intrinsic on x86-64, about four times as fast as
 * the plain-Java product used otherwise ({@link #jdkProduct()} tells which). Both give the same numbers; a table
 * checks the JDK's against {@code modPow} once when it is built and uses its own if they differ.
 *
 * <p><b>Side channels.</b> The table lookups do not depend on the secret exponent: each digit selects its entry by
 * reading <em>every</em> entry of the row and keeping one with a mask, with no branch or index that depends on the
 * digit; the plain-Java product has no data-dependent branch either. This is <em>not</em> a constant-time
 * implementation as a whole: the exponent enters and the result leaves as {@link BigInteger}s, whose conversions
 * and final reduction take time that may depend on the values, the JDK's product ends with a data-dependent
 * subtraction (as in {@code modPow}), and the JIT promises nothing. It removes the table-index leak a plain table
 * would add, and it is no worse than {@link BigInteger#modPow}, which is not constant-time either. Exponents longer
 * than the table (a public property: their bit length) are handed to {@link BigInteger#modPow}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class FixedBasePower {

    /**
     * Bits per window. A lookup reads a whole row ({@code 2^w} numbers) and a window costs one product, so the
     * work is about {@code (256/w)·(2^w·read + product)}: with the JDK's product (about 3 µs for 3072 bits, a
     * row of 256 about 8 µs to read) 6 bits cost 40 % less than 8, and the table is a third the size (1 MiB).
     */
    static final int WINDOW_BITS = 6;

    private static final int ENTRIES = 1 << WINDOW_BITS;
    private static final long LOW_32 = 0xFFFFFFFFL;

    /** {@code BigInteger.implMontgomeryMultiply}, or null when {@code java.math} is not open to this code. */
    private static final MethodHandle JDK_PRODUCT = findJdkProduct();

    private final BigInteger base;
    private final BigInteger n;
    private final int exponentBits;
    private final int rows;
    /**
     * Ints a number takes: even (the JDK's product works on 64-bit words), big-endian as in {@link BigInteger}'s
     * magnitude. {@code R = 2^(32·len) > n}.
     */
    private final int len;
    private final int[] modulus;
    /** {@code −n⁻¹ mod 2^64}, the JDK's product's constant; its low half is the Java product's. */
    private final long inverse;
    /** {@code T[i][j]} in Montgomery form ({@code ·R mod n}, below {@code n}) at {@code ((i·ENTRIES)+j)·len}. */
    private final int[] table;
    private final boolean jdk;

    /**
     * Precomputes the table for exponents of up to {@code exponentBits} bits: {@code ⌈exponentBits/6⌉·64} numbers
     * the size of {@code n} (2 752 for 256 bits, 1 MiB with a 3072-bit {@code n}).
     *
     * @throws IllegalArgumentException unless {@code n} is odd and greater than 1, {@code 0 < base < n}, and
     *     {@code exponentBits} is positive
     */
    public FixedBasePower(BigInteger base, BigInteger n, int exponentBits) {
        this(base, n, exponentBits, true);
    }

    /** As the public constructor; {@code mayUseJdkProduct} false keeps to the plain-Java product (tests). */
    FixedBasePower(BigInteger base, BigInteger n, int exponentBits, boolean mayUseJdkProduct) {
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
        int words = (n.bitLength() + 63) / 64;
        this.len = 2 * words;
        this.modulus = magnitude(n, len);
        this.inverse = -inverse64(n.longValue());
        this.table = new int[rows * ENTRIES * len];
        BigInteger one = BigInteger.ONE.shiftLeft(32 * len).mod(n); // R mod n: 1 in Montgomery form
        BigInteger power = base; // base^(2^(6i)) for row i
        for (int i = 0; i < rows; i++) {
            BigInteger entry = one;
            for (int j = 0; j < ENTRIES; j++) {
                System.arraycopy(magnitude(entry, len), 0, table, (i * ENTRIES + j) * len, len);
                entry = entry.multiply(power).mod(n);
            }
            power = power.modPow(BigInteger.valueOf(ENTRIES), n);
        }
        // The JDK's product only where its intrinsic applies (at most 512 ints), and only if it agrees with modPow.
        this.jdk = mayUseJdkProduct && JDK_PRODUCT != null && len <= 512 && agreesWithModPow();
    }

    /**
     * Whether tables use the JDK's Montgomery product ({@code java.math} is open to this code), not the slower
     * plain-Java one.
     */
    public static boolean jdkProduct() {
        return JDK_PRODUCT != null;
    }

    /** Whether this table uses the JDK's product. */
    boolean usesJdkProduct() {
        return jdk;
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
        return power(exponent, jdk);
    }

    private BigInteger power(BigInteger exponent, boolean useJdk) {
        int[] digits = digits(exponent);
        // Twice the length: the JDK's product, before C2 compiles it, leaves its result in the first half of 2·len.
        int[] accumulator = new int[2 * len];
        int[] product = new int[2 * len];
        int[] selected = new int[len];
        long[] scratch = new long[len + 2];
        select(0, digits[0], accumulator);
        for (int i = 1; i < rows; i++) {
            select(i, digits[i], selected);
            int[] result = multiply(accumulator, selected, product, scratch, useJdk);
            product = accumulator;
            accumulator = result;
        }
        // Out of Montgomery form: the product with a plain 1 divides by R.
        int[] one = new int[len];
        one[len - 1] = 1;
        int[] result = multiply(accumulator, one, product, scratch, useJdk);
        return new BigInteger(1, bytes(result)).mod(n);
    }

    /** Whether the JDK's product gives {@code modPow}'s answers (an internal method: checked, not assumed). */
    private boolean agreesWithModPow() {
        // 0101…01, as long as the table allows: a digit other than 0 in every row.
        BigInteger exponent = BigInteger.ONE.shiftLeft(exponentBits).subtract(BigInteger.ONE).divide(BigInteger.valueOf(3));
        try {
            return power(exponent, true).equals(base.modPow(exponent, n));
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Copies entry {@code T[row][digit]} into {@code out}'s first {@code len} ints, reading every entry of the row. */
    private void select(int row, int digit, int[] out) {
        Arrays.fill(out, 0, len, 0);
        int start = row * ENTRIES * len;
        for (int j = 0; j < ENTRIES; j++) {
            int difference = j ^ digit;
            int mask = ((difference | -difference) >>> 31) - 1; // all ones when j == digit, else zero
            int entry = start + j * len;
            for (int k = 0; k < len; k++) {
                out[k] |= table[entry + k] & mask;
            }
        }
    }

    /**
     * The Montgomery product {@code a·b·R⁻¹ mod n} of the first {@code len} ints of {@code a} and {@code b}, in the
     * first {@code len} ints of the array returned: {@code out}, or with the JDK's product possibly another.
     */
    private int[] multiply(int[] a, int[] b, int[] out, long[] scratch, boolean useJdk) {
        if (useJdk) {
            try {
                return (int[]) JDK_PRODUCT.invokeExact(a, b, modulus, len, inverse, out);
            } catch (Throwable e) {
                throw new IllegalStateException("BigInteger.implMontgomeryMultiply failed", e);
            }
        }
        javaProduct(a, b, out, scratch);
        return out;
    }

    /**
     * The Montgomery product in plain Java (coarsely integrated operand scanning, 32-bit limbs in 64-bit
     * arithmetic, least significant at {@code len − 1}), below {@code n} by a masked final subtraction, for
     * {@code a, b < n}. No branch depends on the values.
     */
    private void javaProduct(int[] a, int[] b, int[] out, long[] t) {
        Arrays.fill(t, 0);
        long nPrime = inverse & LOW_32;
        long n0 = modulus[len - 1] & LOW_32;
        for (int i = 0; i < len; i++) {
            long ai = a[len - 1 - i] & LOW_32;
            long carry = 0;
            for (int j = 0; j < len; j++) {
                // t[j] + ai·b[j] + carry < 2^64: exact as unsigned, and >>> reads it so.
                long sum = t[j] + ai * (b[len - 1 - j] & LOW_32) + carry;
                t[j] = sum & LOW_32;
                carry = sum >>> 32;
            }
            long sum = t[len] + carry;
            t[len] = sum & LOW_32;
            t[len + 1] = sum >>> 32;
            long m = (t[0] * nPrime) & LOW_32;
            carry = (t[0] + m * n0) >>> 32;
            for (int j = 1; j < len; j++) {
                long s = t[j] + m * (modulus[len - 1 - j] & LOW_32) + carry;
                t[j - 1] = s & LOW_32;
                carry = s >>> 32;
            }
            sum = t[len] + carry;
            t[len - 1] = sum & LOW_32;
            t[len] = t[len + 1] + (sum >>> 32);
        }
        // t < 2n: t − n unless that borrows, chosen by a mask.
        long borrow = 0;
        for (int j = 0; j < len; j++) {
            long difference = t[j] - (modulus[len - 1 - j] & LOW_32) - borrow;
            out[len - 1 - j] = (int) difference;
            borrow = difference >>> 63;
        }
        long keepT = -((t[len] - borrow) >>> 63); // all ones when t < n
        for (int j = 0; j < len; j++) {
            out[len - 1 - j] = (int) ((t[j] & keepT) | (out[len - 1 - j] & LOW_32 & ~keepT));
        }
    }

    /** The exponent's {@value #WINDOW_BITS}-bit digits, least significant first, {@code rows} of them. */
    private int[] digits(BigInteger exponent) {
        byte[] bigEndian = exponent.toByteArray();
        int[] digits = new int[rows];
        for (int i = 0; i < rows; i++) {
            int bit = i * WINDOW_BITS;
            int at = bigEndian.length - 1 - bit / 8;
            int two = (at >= 0 ? bigEndian[at] & 0xFF : 0) | (at >= 1 ? (bigEndian[at - 1] & 0xFF) << 8 : 0);
            digits[i] = (two >>> (bit % 8)) & (ENTRIES - 1);
        }
        return digits;
    }

    /** {@code value}'s magnitude in {@code len} big-endian ints, as {@link BigInteger} keeps it. */
    private static int[] magnitude(BigInteger value, int len) {
        int[] out = new int[len];
        byte[] bigEndian = value.toByteArray();
        for (int i = 0; i < bigEndian.length && i / 4 < len; i++) {
            out[len - 1 - i / 4] |= (bigEndian[bigEndian.length - 1 - i] & 0xFF) << (8 * (i % 4));
        }
        return out;
    }

    private byte[] bytes(int[] magnitude) {
        byte[] bigEndian = new byte[len * 4];
        for (int i = 0; i < len; i++) {
            int limb = magnitude[i];
            bigEndian[4 * i] = (byte) (limb >>> 24);
            bigEndian[4 * i + 1] = (byte) (limb >>> 16);
            bigEndian[4 * i + 2] = (byte) (limb >>> 8);
            bigEndian[4 * i + 3] = (byte) limb;
        }
        return bigEndian;
    }

    /** {@code x⁻¹ mod 2^64} for odd {@code x}, by Newton's iteration (each step doubles the correct bits). */
    private static long inverse64(long x) {
        long inverse = x; // correct to 3 bits for odd x
        for (int i = 0; i < 5; i++) {
            inverse *= 2 - x * inverse;
        }
        return inverse;
    }

    private static MethodHandle findJdkProduct() {
        try {
            return MethodHandles.privateLookupIn(BigInteger.class, MethodHandles.lookup()).findStatic(BigInteger.class,
                    "implMontgomeryMultiply", MethodType.methodType(int[].class, int[].class, int[].class,
                            int[].class, int.class, long.class, int[].class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Not opened to us (the usual IllegalAccessException), or a JDK without it: the plain-Java product.
            return null;
        }
    }
}
