package dev.tobira.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.core.Fixtures;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPoolClient;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoreJsonTest {

    private static final Instant T0 = Instant.parse("2026-11-02T08:04:05.123Z");

    private final StoreJson json = new StoreJson();

    record Nested(String name, Optional<String> note, Optional<Instant> when, List<Nested> children) {}

    @Test
    void readWhenPoolHasEverySettingThenEqualsWhatWasWritten() {
        UserPool pool = FullFixtures.pool("us-east-1_AAAAAAAAA", T0);
        assertThat(json.read(json.write(pool), UserPool.class)).isEqualTo(pool);
    }

    @Test
    void readWhenClientHasEverySettingThenEqualsWhatWasWritten() {
        UserPoolClient client = FullFixtures.client("us-east-1_AAAAAAAAA", "clientaaaaaaaaaaaaaaaaaaaa", T0);
        assertThat(json.read(json.write(client), UserPoolClient.class)).isEqualTo(client);
    }

    @Test
    void writeWhenSettingsAreNullThenTheyAreLeftOutAndReadBackAsNull() {
        UserPool pool = Fixtures.pool("us-east-1_AAAAAAAAA", T0);
        String doc = json.write(pool);
        assertThat(doc).doesNotContain("null").doesNotContain("deviceConfiguration");
        assertThat(json.read(doc, UserPool.class)).isEqualTo(pool);
    }

    @Test
    void writeWhenRecordHasOnlyComponentsThenDerivedMethodsAreNotStored() {
        String doc = json.write(Fixtures.pool("us-east-1_AAAAAAAAA", T0));
        assertThat(doc).doesNotContain("srpPoolName", "caseInsensitiveUsernames", "usesUsernameAttributes");
        assertThat(json.write(Fixtures.client("p", "c", T0))).doesNotContain("hasSecret", "allows");
    }

    @Test
    void writeWhenInstantsHaveMillisecondsThenTheyAreIsoTextAndExact() {
        Instant precise = Instant.parse("2026-11-02T08:04:05.123456789Z");
        Nested value = new Nested("n", Optional.of("x"), Optional.of(precise), List.of());
        String doc = json.write(value);
        assertThat(doc).contains("\"2026-11-02T08:04:05.123456789Z\"");
        assertThat(json.read(doc, Nested.class)).isEqualTo(value);
        assertThat(json.write(Fixtures.pool("us-east-1_AAAAAAAAA", T0))).contains("\"2026-11-02T08:04:05.123Z\"");
    }

    @Test
    void readWhenOptionalsAreEmptyThenTheyAreLeftOutAndReadBackEmpty() {
        Nested value = new Nested("root", Optional.empty(), Optional.empty(),
                List.of(new Nested("child", Optional.of("note"), Optional.of(T0), List.of())));
        String doc = json.write(value);
        assertThat(doc).startsWith("{").doesNotContain("null").contains("\"note\":\"note\"");
        assertThat(json.read(doc, Nested.class)).isEqualTo(value);
    }

    @Test
    void readWhenDocumentHasPropertiesThisVersionDoesNotKnowThenTheyAreIgnored() {
        Nested read = json.read("{\"name\":\"n\",\"children\":[],\"addedLater\":{\"x\":1}}", Nested.class);
        assertThat(read).isEqualTo(new Nested("n", Optional.empty(), Optional.empty(), List.of()));
    }
}
