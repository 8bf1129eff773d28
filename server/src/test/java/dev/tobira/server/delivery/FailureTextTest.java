package dev.tobira.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.core.message.Message;
import dev.tobira.core.message.Message.Channel;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailureTextTest {

    private static final Instant T0 = Instant.parse("2026-11-02T08:04:05Z");

    @Test
    void ofWhenExceptionsChainThenTypesAndMessagesOnOneLine() {
        Message message = new Message(Channel.EMAIL, "a@example.com", "Hi", "Hello", T0);
        String text = FailureText.of(new IllegalStateException("first\nline", new IOException("Connection refused")),
                message);
        assertThat(text).isEqualTo("IllegalStateException: first line; caused by IOException: Connection refused");
    }

    @Test
    void ofWhenErrorQuotesTheMessageThenEveryWordOfItIsRedacted() {
        Message message = new Message(Channel.EMAIL, "a@example.com", "確認コード",
                "あなたの確認コードは482913です。仮パスワード: Temp-x9Q!", "<p>482913</p>", T0);
        String text = FailureText.of(new IOException("rejected: " + message.body() + " / code 482913 / Temp-x9Q!"),
                message);
        assertThat(text).doesNotContain("482913").doesNotContain("Temp-x9Q!").doesNotContain("x9Q")
                .startsWith("IOException: rejected: ");
    }

    @Test
    void ofWhenTextIsLongThenCutToTheLimit() {
        Message message = new Message(Channel.SMS, "+15555550100", "", "Code 1", T0);
        String text = FailureText.of(new IOException("x".repeat(5_000)), message);
        assertThat(text).hasSize(FailureText.MAX_LENGTH).endsWith("…");
    }
}
