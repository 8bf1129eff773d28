package dev.tobira.core.srp;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.random.RandomGenerator;

/**
 * A random source that hands out given byte arrays, one per {@link #nextBytes} call, so a test can
 * choose the secrets {@code a} and {@code b} the code under test draws.
 */
final class ReplayRandom implements RandomGenerator {

    private final Deque<byte[]> draws;

    ReplayRandom(byte[]... draws) {
        this.draws = new ArrayDeque<>(Arrays.asList(draws));
    }

    /** {@code n} as exactly {@code width} unsigned big-endian bytes, as {@code new BigInteger(1, bytes)} reads them back. */
    static byte[] unsigned(BigInteger n, int width) {
        byte[] minimal = n.toByteArray();
        int skip = minimal.length > 1 && minimal[0] == 0 ? 1 : 0;
        int length = minimal.length - skip;
        if (n.signum() < 0 || length > width) {
            throw new IllegalArgumentException(n + " does not fit " + width + " unsigned bytes");
        }
        byte[] bytes = new byte[width];
        System.arraycopy(minimal, skip, bytes, width - length, length);
        return bytes;
    }

    @Override
    public void nextBytes(byte[] bytes) {
        byte[] next = draws.removeFirst();
        if (next.length != bytes.length) {
            throw new IllegalStateException("asked for " + bytes.length + " bytes, next draw has " + next.length);
        }
        System.arraycopy(next, 0, bytes, 0, bytes.length);
    }

    @Override
    public long nextLong() {
        throw new UnsupportedOperationException("only nextBytes is replayed");
    }
}
