package dev.tobira.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void ofWhenHtmlHasBlocksBreaksAndEntitiesThenReadableLines() {
        assertThat(HtmlText.of("<html><head><style>p{color:red}</style></head><body><h1>Sign in</h1>"
                + "<p>Your code is <b>123456</b>.</p><p>Valid&nbsp;3&nbsp;minutes &amp; once.<br>&#x2713; &#12354;</p>"
                + "<script>alert(1)</script></body></html>"))
                .isEqualTo("Sign in\nYour code is 123456.\nValid 3 minutes & once.\n✓ あ");
    }

    @Test
    void ofWhenManyEmptyBlocksThenAtMostOneBlankLine() {
        assertThat(HtmlText.of("<div>a</div><div></div><div></div><div>b</div>")).isEqualTo("a\n\nb");
    }

    @Test
    void ofWhenANumericEntityIsNoCharacterThenDropped() {
        assertThat(HtmlText.of("a&#x110000;b &lt;tag&gt;")).isEqualTo("ab <tag>");
    }
}
