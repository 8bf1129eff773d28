package dev.tobira.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The SigV4 UriEncode and its inverse, on arbitrary strings. */
class SigV4EncodingTest {

    @Property
    void uriEncodeWhenAnyStringThenOnlyUnreservedCharactersAndEscapesRemain(@ForAll String value) {
        assertThat(SigV4Verifier.uriEncode(value, false)).matches("([A-Za-z0-9\\-_.~]|%[0-9A-F]{2})*");
    }

    @Property
    void percentDecodeWhenUriEncodedThenOriginalString(@ForAll String value) {
        // Unpaired surrogates have no UTF-8 form; the JDK writes them as '?', so compare what survives UTF-8.
        String utf8 = new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(SigV4Verifier.percentDecode(SigV4Verifier.uriEncode(value, false))).isEqualTo(utf8);
    }

    @Property
    void canonicalQueryStringWhenAlreadyCanonicalThenUnchanged(@ForAll String name, @ForAll String value) {
        Assume.that(!name.isEmpty());
        String canonical = SigV4Verifier.uriEncode(name, false) + "=" + SigV4Verifier.uriEncode(value, false);

        assertThat(SigV4Verifier.canonicalQueryString(canonical)).isEqualTo(canonical);
    }

    @Example
    void uriEncodeWhenPathThenSlashesKeptAndSpaceIsPercent20() {
        assertThat(SigV4Verifier.uriEncode("/a b/~c/é", true)).isEqualTo("/a%20b/~c/%C3%A9");
        assertThat(SigV4Verifier.uriEncode("a+b=c&d", false)).isEqualTo("a%2Bb%3Dc%26d");
    }

    @Example
    void percentDecodeWhenEscapeMalformedThenKeptLiterally() {
        assertThat(SigV4Verifier.percentDecode("100%")).isEqualTo("100%");
        assertThat(SigV4Verifier.percentDecode("%zz%41")).isEqualTo("%zzA");
    }

    @Example
    void removeDotSegmentsWhenDotsAndDoubleSlashesThenRemovedAsBotocoreDoes() {
        assertThat(SigV4Verifier.removeDotSegments("/a/./b/../c//d/")).isEqualTo("/a/c/d/");
        assertThat(SigV4Verifier.removeDotSegments("/../..")).isEqualTo("/");
        assertThat(SigV4Verifier.canonicalUri("")).isEqualTo("/");
    }

    @Example
    void trimAllWhenSequentialSpacesThenCollapsed() {
        assertThat(SigV4Verifier.trimAll("  a   b\t\tc  ")).isEqualTo("a b c");
    }
}
