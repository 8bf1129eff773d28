package dev.tobira.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsWhenGeneratedThenHaveCognitosFormats() {
        Random random = new Random(1);
        for (int i = 0; i < 100; i++) {
            assertThat(Ids.userPoolId("eu-west-1", random)).matches("eu-west-1_[0-9A-Za-z]{9}");
            assertThat(Ids.clientId(random)).matches("[a-z0-9]{26}");
            assertThat(Ids.clientSecret(random)).matches("[a-z0-9]{51}");
            String uuid = Ids.uuid(random);
            assertThat(UUID.fromString(uuid).version()).isEqualTo(4);
            assertThat(UUID.fromString(uuid).variant()).isEqualTo(2);
        }
    }

    @Test
    void opaqueWhenRandomBytesWouldEncodeToALeadingDashThenThePrefixStillComesFirst() {
        java.util.random.RandomGenerator dashes = new java.util.random.RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public void nextBytes(byte[] bytes) {
                java.util.Arrays.fill(bytes, (byte) 0xF8);
            }
        };

        assertThat(Ids.opaque("R", 48, dashes)).startsWith("R-").hasSize(65).matches("[A-Za-z0-9_-]+");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Ids.opaque("-", 4, dashes))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
