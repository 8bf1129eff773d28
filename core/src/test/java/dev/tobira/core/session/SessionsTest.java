package dev.tobira.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.core.memory.InMemoryAuthSessionStore;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class SessionsTest {

    private static final AuthSession SESSION = new AuthSession("us-east-1_p", "c", "u", AuthSession.Kind.EMAIL_OTP,
            Instant.EPOCH, Instant.EPOCH.plusSeconds(180), Map.of());

    /** Random bytes that all are {@code b}. */
    private static RandomGenerator constant(int b) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public void nextBytes(byte[] bytes) {
                Arrays.fill(bytes, (byte) b);
            }
        };
    }

    @Test
    void openWhenRandomBytesWouldEncodeToALeadingDashThenTheValueStillCannotPassForACliOption() {
        // 0xF8 encodes as "-" in URL-safe base64; "aws … --session -…" would read it as an option.
        String value = new Sessions(new InMemoryAuthSessionStore(), constant(0xF8)).open(SESSION);
        assertThat(value).startsWith("T-").hasSize(65).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void openWhenStoredThenFoundByItsValueAndReplacedOrConsumedOnce() {
        Sessions sessions = new Sessions(new InMemoryAuthSessionStore(), constant(7));
        String value = sessions.open(SESSION);
        assertThat(sessions.find(value)).contains(SESSION);
        AuthSession later = new AuthSession("us-east-1_p", "c", "u", AuthSession.Kind.EMAIL_OTP, Instant.EPOCH,
                Instant.EPOCH.plusSeconds(180), Map.of("attempts", "1"));
        assertThat(sessions.replace(value, later)).isTrue();
        assertThat(sessions.find(value)).contains(later);
        assertThat(sessions.consume(value)).contains(later);
        assertThat(sessions.replace(value, SESSION)).isFalse();
        assertThat(sessions.find(value)).isEmpty();
    }
}
