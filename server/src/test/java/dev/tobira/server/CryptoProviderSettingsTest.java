package dev.tobira.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.config.CryptoProviders;
import org.junit.jupiter.api.Test;

/** {@code --crypto-provider} (TOBIRA_CRYPTO_PROVIDER): {@code auto} unless given; an unknown value is refused. */
class CryptoProviderSettingsTest {

    @Test
    void devWhenNotGivenThenAuto() {
        assertThat(CommandRun.dev().settings().cryptoProvider()).isEqualTo(CryptoProviders.Choice.AUTO);
    }

    @Test
    void startWhenJdkGivenThenJdk() {
        assertThat(CommandRun.start("--crypto-provider", "jdk").settings().cryptoProvider())
                .isEqualTo(CryptoProviders.Choice.JDK);
    }

    @Test
    void devWhenUnknownThenRefusesAndSaysWhich() {
        CommandRun run = CommandRun.dev("--crypto-provider", "bouncycastle");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.settings()).isNull();
        assertThat(run.err()).contains("--crypto-provider must be jdk, accp or auto, not bouncycastle");
    }
}
