package dev.tobira.core.srp;

import java.math.BigInteger;

/**
 * The SRP values whose encoding depends on {@code padHex} (spec §2.1, §2.5.3), with their natural
 * width, and the shapes of a value on which encodings that get {@code padHex} wrong disagree.
 */
final class Padding {

    private Padding() {}

    /** The values of a sign-in that go through {@code padHex}, and their full width in bytes. */
    enum Quantity {
        A(384), B(384), S(384), U(32), SALT(16);

        final int width;

        Quantity(int width) {
            this.width = width;
        }
    }

    /** Shapes of a value that need the padding rules. */
    enum Shape {
        /** Full width with the top bit set: {@code padHex} must prepend a {@code 00} sign byte. */
        TOP_BIT_SET {
            @Override
            boolean of(BigInteger n, int width) {
                return n.bitLength() == width * 8;
            }
        },
        /** At least one leading zero byte at full width: {@code padHex} is shorter than the width. */
        LEADING_ZERO_BYTE {
            @Override
            boolean of(BigInteger n, int width) {
                return n.signum() > 0 && n.bitLength() <= (width - 1) * 8;
            }
        },
        /** Plain hex of odd length: {@code padHex} must prepend a {@code 0} nibble. */
        ODD_LENGTH_HEX {
            @Override
            boolean of(BigInteger n, int width) {
                return n.toString(16).length() % 2 == 1;
            }
        };

        abstract boolean of(BigInteger n, int width);
    }
}
