package dev.tobira.core.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** RFC 7636's checks, with its Appendix B example. */
class PkceTest {

    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    @Test
    @DisplayName("RFC 7636 Appendix B: S256 of dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk is E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
    void s256WhenRfcExampleThenRfcChallenge() {
        assertThat(Pkce.s256(VERIFIER)).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        assertThat(Pkce.verifies("S256", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", VERIFIER)).isTrue();
    }

    @Test
    void verifiesWhenVerifierWrongOrMalformedThenFalse() {
        assertThat(Pkce.verifies("S256", Pkce.s256(VERIFIER), VERIFIER.replace('d', 'e'))).isFalse();
        assertThat(Pkce.verifies("plain", VERIFIER, VERIFIER)).isTrue();
        assertThat(Pkce.verifies("plain", VERIFIER, VERIFIER + "x")).isFalse();
        assertThat(Pkce.verifies("plain", "short", "short")).isFalse();
        assertThat(Pkce.verifies("S256", Pkce.s256(VERIFIER), Pkce.s256(VERIFIER))).isFalse();
    }
}
