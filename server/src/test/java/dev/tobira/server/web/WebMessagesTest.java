package dev.tobira.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** English and Japanese say the same things: every sentence the app can show is in both bundles. */
class WebMessagesTest {

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(WebMessagesTest.class.getResourceAsStream("/" + name),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    /**
     * The keys the templates ({@code #{key}}) and the web app's code use: every string literal that is a
     * sentence key ({@code "error.…"}, {@code "notice.…"}), wherever it stands — in {@code WebError.of("key")},
     * either side of a ternary, in a set of keys.
     */
    private static Set<String> usedKeys() throws IOException {
        Set<String> keys = new TreeSet<>(WebErrors.allKeys());
        Pattern template = Pattern.compile("#\\{([\\w.-]+)[}(]");
        Pattern code = Pattern.compile("\"((?:error|notice)\\.[\\w.-]+)\"");
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates/web"))) {
            for (Path file : templates.toList()) {
                Matcher m = template.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        try (Stream<Path> sources = Files.list(Path.of("src/main/java/dev/tobira/server/web"))) {
            for (Path file : sources.toList()) {
                Matcher m = code.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        for (WebState.Method method : WebState.Method.values()) {
            keys.add("method." + method.name());
        }
        keys.add("token.ID");
        keys.add("token.Access");
        return keys;
    }

    @Test
    void bundlesWhenComparedThenTheyHaveExactlyTheSameKeys() throws IOException {
        assertThat(bundle("messages_ja.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(bundle("messages.properties").stringPropertyNames());
    }

    @Test
    void bundlesWhenAnyKeyTheAppUsesThenPresentInBoth() throws IOException {
        Set<String> used = usedKeys();

        assertThat(used).hasSizeGreaterThan(60).as("keys chosen by a ternary are found too")
                .contains("notice.signed-out", "notice.signed-out-everywhere", "notice.confirmed-passwordless",
                        "error.sign-out-everywhere-failed", "error.sign-out-not-revoked", "code.validity-seconds");
        assertThat(bundle("messages.properties").stringPropertyNames()).containsAll(used);
        assertThat(bundle("messages_ja.properties").stringPropertyNames()).containsAll(used);
    }

    @Test
    void japaneseWhenReadThenEverySentenceIsTranslated() throws IOException {
        Properties en = bundle("messages.properties");
        Properties ja = bundle("messages_ja.properties");

        for (String key : ja.stringPropertyNames()) {
            assertThat(ja.getProperty(key)).as(key).isNotEqualTo(en.getProperty(key))
                    .containsPattern("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
        }
    }
}
