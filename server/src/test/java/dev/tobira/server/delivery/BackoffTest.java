package dev.tobira.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {

    /** A generator whose every draw is the largest allowed, or the smallest. */
    private static RandomGenerator always(boolean highest) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public long nextLong(long bound) {
                return highest ? bound - 1 : 0;
            }
        };
    }

    @Test
    void afterWhenFailuresGrowThenTheCeilingDoublesFromOneSecondUpToFiveMinutes() {
        long[] ceilings = new long[12];
        for (int failures = 1; failures <= 12; failures++) {
            ceilings[failures - 1] = Backoff.DEFAULT.after(failures, always(true)).toMillis();
        }
        assertThat(ceilings).containsExactly(1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000,
                300_000, 300_000, 300_000);
        assertThat(Backoff.DEFAULT.after(Integer.MAX_VALUE, always(true))).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void afterWhenJitteredThenNeverLessThanHalfTheCeiling() {
        assertThat(Backoff.DEFAULT.after(1, always(false))).isEqualTo(Duration.ofMillis(500));
        assertThat(Backoff.DEFAULT.after(30, always(false))).isEqualTo(Duration.ofSeconds(150));
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 1_000; i++) {
            assertThat(Backoff.DEFAULT.after(4, random).toMillis()).isBetween(4_000L, 8_000L);
        }
    }

    @Test
    void constructorWhenFirstIsZeroOrAboveMaxThenRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(6), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
