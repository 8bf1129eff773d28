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
}
