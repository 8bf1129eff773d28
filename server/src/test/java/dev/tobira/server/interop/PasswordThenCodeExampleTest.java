package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.RunningTobira;
import dev.tobira.server.dev.DevPool;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The README's password-then-code walkthrough: {@code examples/node/password-then-code.mjs}, typed at
 * as a user would — it asks for the code, the code is read from the dev outbox and typed in.
 */
class PasswordThenCodeExampleTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "node").toAbsolutePath().normalize();

    private static RunningTobira tobira;
    private static CognitoIdentityProviderClient cognito;

    @BeforeAll
    static void start() throws Exception {
        CognitoIdentityJs.assumeInstalled(EXAMPLE, "amazon-cognito-identity-js");
        tobira = RunningTobira.devInMemory();
        cognito = tobira.client();
    }

    @AfterAll
    static void stop() {
        if (tobira != null) {
            cognito.close();
            tobira.close();
        }
    }

    private record Session(int exitCode, String output) {}

    /** Runs the example; when it asks for the code, types {@code code} (null: the emailed one). */
    private static Session signIn(String email, String password, String code) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("node", "password-then-code.mjs", email, password)
                .directory(EXAMPLE.toFile()).redirectErrorStream(true);
        builder.environment().put("TOBIRA_ENDPOINT", tobira.endpoint());
        Process node = builder.start();
        StringBuilder output = new StringBuilder();
        InputStream out = node.getInputStream();
        try (OutputStream in = node.getOutputStream()) {
            boolean asked = readUntil(out, output, "Code: ");
            if (asked) {
                String typed = code != null ? code : DevOutbox.latestCode(tobira.endpoint(), email, 6);
                in.write((typed + "\n").getBytes(StandardCharsets.UTF_8));
                in.flush();
            }
        }
        output.append(new String(out.readAllBytes(), StandardCharsets.UTF_8));
        if (!node.waitFor(60, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            throw new AssertionError("the example did not finish: " + output);
        }
        return new Session(node.exitValue(), output.toString());
    }

    /** Reads until {@code prompt} has been printed (true) or the output ends (false). */
    private static boolean readUntil(InputStream out, StringBuilder output, String prompt) throws IOException {
        int b;
        while ((b = out.read()) != -1) {
            output.append((char) b);
            if (output.toString().endsWith(prompt)) {
                return true;
            }
        }
        return false;
    }

    private static void confirmedUser(String email) {
        cognito.signUp(b -> b.clientId(DevPool.CLIENT_ID).username(email).password("Right-Passw0rd!"));
        cognito.confirmSignUp(b -> b.clientId(DevPool.CLIENT_ID).username(email)
                .confirmationCode(DevOutbox.latestCode(tobira.endpoint(), email, 6)));
    }

    @Test
    void exampleWhenPasswordAndEmailedCodeTypedThenSignedIn() throws Exception {
        confirmedUser("ren@example.com");

        Session session = signIn("ren@example.com", "Right-Passw0rd!", null);

        assertThat(session.output()).contains("A code was sent to r***@e***. Code: ")
                .contains("Signed in as ren@example.com");
        assertThat(session.exitCode()).isZero();
    }

    @Test
    void exampleWhenPasswordWrongThenFailsWithoutAskingForACode() throws Exception {
        confirmedUser("aoi@example.com");
        int mails = DevOutbox.count(tobira.endpoint(), "aoi@example.com");

        Session session = signIn("aoi@example.com", "Wrong-Passw0rd!", "123456");

        assertThat(session.output()).doesNotContain("Code: ")
                .contains("Sign-in failed: NotAuthorizedException: Incorrect username or password.");
        assertThat(session.exitCode()).isEqualTo(1);
        assertThat(DevOutbox.count(tobira.endpoint(), "aoi@example.com")).isEqualTo(mails);
    }
}
