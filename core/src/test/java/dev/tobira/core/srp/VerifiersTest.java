package dev.tobira.core.srp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.core.user.PasswordVerifier;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VerifiersTest {

    @Test
    @DisplayName("salts never start with a 0x00 byte, on which clients disagree (spec §2.5.2)")
    void createWhenManySaltsThenNoneStartsWithZeroByte() {
        // A generator that always yields zero bytes first is the worst case.
        Random zeroes = new Random(0) {
            @Override
            public void nextBytes(byte[] bytes) {
                java.util.Arrays.fill(bytes, (byte) 0);
            }
        };
        PasswordVerifier v = Verifiers.create("TobiraDev", "alice", "Passw0rd!", zeroes);
        assertThat(v.saltHex()).hasSize(32).doesNotStartWith("00");
    }

    @Test
    void matchesWhenSamePasswordThenTrueAndOtherwiseFalse() {
        PasswordVerifier v = Verifiers.create("TobiraDev", "alice", "Passw0rd!", new Random(7));
        assertThat(Verifiers.matches(v, "TobiraDev", "alice", "Passw0rd!")).isTrue();
        assertThat(Verifiers.matches(v, "TobiraDev", "alice", "passw0rd!")).isFalse();
        assertThat(Verifiers.matches(v, "TobiraDev", "bob", "Passw0rd!")).isFalse();
        assertThat(Verifiers.matches(v, "OtherPool", "alice", "Passw0rd!")).isFalse();
    }
}
