package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

/** Entry points to the real-client scripts for tests in other packages. */
public final class InteropScripts {

    private InteropScripts() {}

    /** One CreateUserPool through boto3 signed with the given key; {@code expected} is "ok" or an error code. */
    public static void boto3Signed(String endpoint, String keyId, String secret, String expected) {
        Processes.Result result = Processes.run(List.of("python3", Boto3AdministrationTest.script(), "signed",
                endpoint, keyId, secret, expected), Map.of());
        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
    }
}
