package dev.tobira.core.srp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The group and the helpers both sides share (spec §2.1, §2.2). */
class SrpGroupTest {

    @Test
    @DisplayName("k = H(padHex(N) || padHex(g)) is 538282c4…9ee6, the constant every client computes (spec §2.1)")
    void kWhenComputedThenMatchesTheClientsConstant() {
        assertThat(SrpGroup.K.toString(16))
                .isEqualTo("538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6");
    }

    @Test
    @DisplayName("padHex(N) is 385 bytes and padHex(2) is 02 (spec §2.1)")
    void padHexWhenNOrGThenSignByteOnlyWhereTheTopBitIsSet() {
        assertThat(SrpGroup.padded(SrpGroup.N)).hasSize(385);
        assertThat(SrpGroup.padHex(SrpGroup.N)).startsWith("00ffffffffffffffffc90fdaa22168c234").endsWith("ffffffff");
        assertThat(SrpGroup.padHex(SrpGroup.G)).isEqualTo("02");
        assertThat(SrpGroup.padHex(BigInteger.ZERO)).isEqualTo("00");
        assertThat(SrpGroup.padHex(BigInteger.valueOf(0x80))).isEqualTo("0080");
        assertThat(SrpGroup.padHex(BigInteger.valueOf(0xabc))).isEqualTo("0abc");
        assertThat(SrpGroup.padHex(BigInteger.valueOf(0x7f))).isEqualTo("7f");
    }

    @Property
    @Label("padHex: lower-case hex; if odd length prepend 0; then if the first nibble is 8..f prepend 00 (spec §2.1)")
    void padHexWhenAnyNonNegativeIntegerThenAsTheClientsSpellIt(@ForAll("integers") BigInteger n) {
        String hex = n.toString(16);
        if (hex.length() % 2 == 1) {
            hex = "0" + hex;
        }
        if ("89abcdef".indexOf(hex.charAt(0)) >= 0) {
            hex = "00" + hex;
        }
        assertThat(SrpGroup.padHex(n)).isEqualTo(hex);
    }

    @Property
    @Label("hex(n) is n.toString(16): lower-case, no leading zeros, \"0\" for zero")
    void hexWhenAnyNonNegativeIntegerThenAsToString(@ForAll("integers") BigInteger n) {
        assertThat(SrpGroup.hex(n)).isEqualTo(n.toString(16));
    }

    @Test
    void hexWhenZeroOrNegativeThenZeroOrRefused() {
        assertThat(SrpGroup.hex(BigInteger.ZERO)).isEqualTo("0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SrpGroup.hex(BigInteger.ONE.negate()));
    }

    @Property
    @Label("K = HMAC_SHA256(key = PRK, msg = \"Caldera Derived Key\" || 0x01)[0..16], "
            + "PRK = HMAC_SHA256(key = bytes(padHex(u)), msg = bytes(padHex(S))) (spec §2.2): the JDK's HKDF gives the same bytes")
    void passwordAuthenticationKeyWhenAnySAndUThenTheSpecsTwoHmacs(@ForAll("integers") BigInteger S,
            @ForAll("hashes") BigInteger u) throws Exception {
        byte[] prk = hmac(SrpGroup.padded(u), SrpGroup.padded(S));
        byte[] expected = Arrays.copyOf(
                hmac(prk, "Caldera Derived Key\u0001".getBytes(StandardCharsets.US_ASCII)), 16);

        assertThat(SrpGroup.passwordAuthenticationKey(S, u)).isEqualTo(expected);
    }

    @Test
    void passwordAuthenticationKeyWhenFixedInputsThenPinnedBytes() {
        BigInteger S = SrpGroup.G.modPow(BigInteger.valueOf(12345), SrpGroup.N);
        BigInteger u = new BigInteger(1, SrpGroup.sha256("u".getBytes(StandardCharsets.US_ASCII))); // top bit set

        assertThat(HexFormat.of().formatHex(SrpGroup.passwordAuthenticationKey(S, u)))
                .isEqualTo("1f71d80a4217bfe7442a915d777e7a5f");
    }

    @Test
    @DisplayName("u = hexHash(padHex(A) + padHex(B)) (spec §2.2)")
    void uWhenAAndBThenHashOfTheirPaddedBytes() {
        BigInteger A = SrpGroup.N.subtract(BigInteger.TEN); // top bit set: padHex adds 00
        BigInteger B = BigInteger.valueOf(0x0abc);           // odd-length hex: padHex adds 0
        byte[] expected = SrpGroup.sha256(HexFormat.of().parseHex("00" + A.toString(16) + "0abc"));

        assertThat(SrpGroup.u(A, B)).isEqualTo(new BigInteger(1, expected));
    }

    @Provide
    Arbitrary<BigInteger> integers() {
        return Arbitraries.bigIntegers().between(BigInteger.ZERO, SrpGroup.N.subtract(BigInteger.ONE))
                .edgeCases(edges -> edges.add(BigInteger.valueOf(0x80), BigInteger.valueOf(0xf), BigInteger.ONE));
    }

    @Provide
    Arbitrary<BigInteger> hashes() {
        return Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.TWO.pow(256).subtract(BigInteger.ONE));
    }

    private static byte[] hmac(byte[] key, byte[] message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message);
    }
}
