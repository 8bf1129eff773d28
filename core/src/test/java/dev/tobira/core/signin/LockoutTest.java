package dev.tobira.core.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LockoutTest {

    private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

    @Test
    @DisplayName("After five failed sign-in attempts, Amazon Cognito locks out your user for one second (spec §7)")
    void failedWhenFifthFailureThenLockedForOneSecond() {
        Lockout l = Lockout.NONE;
        for (int i = 0; i < 4; i++) {
            l = l.failed(T0);
            assertThat(l.locked(T0)).isFalse();
        }
        l = l.failed(T0);
        assertThat(l.locked(T0)).isTrue();
        assertThat(l.locked(T0.plusMillis(999))).isTrue();
        assertThat(l.locked(T0.plusSeconds(1))).isFalse();
    }

    @Test
    @DisplayName("Cognito locks out your user for 2^(n-5) seconds, up to approximately 15 minutes (spec §7)")
    void failedWhenMoreFailuresThenLockDoublesUpToFifteenMinutes() {
        Lockout l = Lockout.NONE;
        Instant t = T0;
        for (int n = 1; n <= 20; n++) {
            l = l.failed(t);
            if (n >= 5) {
                long expected = Math.min(1L << (n - 5), 900);
                assertThat(Duration.between(t, l.lockedUntil().orElseThrow()).toSeconds()).isEqualTo(expected);
            }
            t = l.lockedUntil().orElse(t);
        }
    }

    @Test
    void asOfWhenFifteenIdleMinutesThenForgottenAndOtherwiseKept() {
        Lockout l = Lockout.NONE;
        for (int i = 0; i < 6; i++) {
            l = l.failed(T0);
        }
        assertThat(l.asOf(T0.plus(Duration.ofMinutes(14))).failures()).isEqualTo(6);
        assertThat(l.asOf(T0.plus(Duration.ofMinutes(15)))).isEqualTo(Lockout.NONE);
        // An attempt refused during the lockout restarts the idle clock but counts nothing.
        Lockout refused = l.refused(T0.plus(Duration.ofMinutes(10)));
        assertThat(refused.failures()).isEqualTo(6);
        assertThat(refused.asOf(T0.plus(Duration.ofMinutes(20))).failures()).isEqualTo(6);
    }
}
