package dev.tobira.server.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tobira.core.CognitoException.InvalidLambdaResponseException;
import dev.tobira.core.CognitoException.UnexpectedLambdaException;
import dev.tobira.core.CognitoException.UserLambdaValidationException;
import dev.tobira.core.Limits;
import dev.tobira.server.config.Settings;
import dev.tobira.server.config.Settings.FunctionFolder;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** Trigger functions from folders, run by real {@code python3} and {@code node} worker processes. */
class FolderFunctionsTest {

    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:";
    /** The server port the functions are told; nothing needs to listen there for these tests. */
    private static final int PORT = 45678;
    /** Each attempt's timeout where a test waits for it to pass: long enough for a busy machine. */
    private static final Duration SHORT = Duration.ofSeconds(1);

    private final List<FolderFunctions> started = new java.util.ArrayList<>();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger triggerLogger = (Logger) LoggerFactory.getLogger("tobira.trigger");

    @BeforeEach
    void captureLog() {
        log.start();
        triggerLogger.addAppender(log);
        // Here, not also on the console: a test prints thousands of lines.
        triggerLogger.setAdditive(false);
    }

    @AfterEach
    void stop() {
        started.forEach(FolderFunctions::close);
        triggerLogger.detachAppender(log);
        triggerLogger.setAdditive(true);
    }

    static Path folder(String name) {
        try {
            return Path.of(FolderFunctionsTest.class.getResource("/functions/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Dev-mode settings whose triggers are these folders, with these user variables. */
    static Settings settings(Map<String, FunctionFolder> folders, Map<String, String> shared,
            Map<String, Map<String, String>> perFunction) {
        Settings.Triggers triggers = new Settings.Triggers(Map.of(), List.of(), Optional.empty(), folders, shared,
                perFunction);
        return new Settings(true, "127.0.0.1", PORT, Path.of("unused"), true, Optional.empty(), Optional.empty(),
                Optional.empty(), "http://127.0.0.1:" + PORT, Optional.empty(), Optional.empty(), "us-east-1",
                "000000000000", Settings.DEFAULT_MAX_BODY_BYTES, false, Settings.ApiRateLimits.OFF, Limits.DEFAULT,
                Settings.Delivery.none(), triggers);
    }

    private FunctionInvoker invoker(Duration timeout) {
        Map<String, FunctionFolder> folders = new LinkedHashMap<>();
        folders.put("probe-py", new FunctionFolder(folder("python-probe"), Optional.empty()));
        folders.put("probe-mjs", new FunctionFolder(folder("node-esm-probe"), Optional.empty()));
        folders.put("define-cjs", new FunctionFolder(folder("node-cjs-define"), Optional.empty()));
        folders.put("verify-callback", new FunctionFolder(folder("node-callback-verify"), Optional.empty()));
        folders.put("app", new FunctionFolder(folder("node-app-handler"), Optional.of("src/app.lambdaHandler")));
        FolderFunctions functions = new FolderFunctions(settings(folders, Map.of("PROBE_SHARED", "for all"),
                Map.of("probe-py", Map.of("PROBE_OWN", "python's own"), "probe-mjs", Map.of("PROBE_OWN", "node's own"))),
                () -> PORT, System.getenv());
        started.add(functions);
        return new FunctionInvoker(functions::function, Map.of(), getClass().getClassLoader(), arn -> {
            throw new AssertionError("not a folder function: " + arn);
        }, timeout);
    }

    private static Map<String, Object> event(String mode) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("mode", mode);
        event.put("seconds", 3);
        return event;
    }

    private List<String> logged() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void invokeWhenPythonSyncHandlerThenItsAnswerSeesContextEnvironmentAndVendoredModule() {
        Map<String, Object> out = invoker(FunctionInvoker.TIMEOUT).invoke(ARN + "probe-py", "DefineAuthChallenge",
                event("echo"));

        assertThat(out).containsEntry("functionName", "probe-py")
                .containsEntry("arn", "arn:aws:lambda:us-east-1:000000000000:function:probe-py")
                .containsEntry("cognitoEndpoint", "http://127.0.0.1:" + PORT)
                .containsEntry("sesEndpoint", "http://127.0.0.1:" + PORT)
                .containsEntry("region", "us-east-1")
                .containsEntry("own", "python's own")
                .containsEntry("shared", "for all")
                .containsEntry("greeting", "hello ren");
        assertThat((String) out.get("requestId")).matches("[0-9a-f-]{36}");
        assertThat(((Number) out.get("remaining")).intValue()).isPositive().isLessThanOrEqualTo(5000);
    }

    @Test
    void invokeWhenNodeEsmAsyncHandlerThenItsAnswerSeesContextEnvironmentAndNodeModules() {
        Map<String, Object> out = invoker(FunctionInvoker.TIMEOUT).invoke(ARN + "probe-mjs:live", "DefineAuthChallenge",
                event("echo"));

        assertThat(out).containsEntry("functionName", "probe-mjs")
                .containsEntry("waits", true)
                .containsEntry("cognitoEndpoint", "http://127.0.0.1:" + PORT)
                .containsEntry("own", "node's own")
                .containsEntry("shouted", "HELLO REN!");
        assertThat((String) out.get("requestId")).matches("[0-9a-f-]{36}");
        assertThat(((Number) out.get("remaining")).intValue()).isPositive().isLessThanOrEqualTo(5000);
    }

    @Test
    @SuppressWarnings("unchecked")
    void invokeWhenNodeCommonJsSyncAndCallbackHandlersThenTheirAnswers() {
        FunctionInvoker invoker = invoker(FunctionInvoker.TIMEOUT);
        Map<String, Object> define = new HashMap<>(Map.of("request", Map.of("session", List.of()),
                "response", Map.of()));
        Map<String, Object> verify = new HashMap<>(Map.of("request", Map.of("challengeAnswer", "blue",
                "privateChallengeParameters", Map.of("answer", "blue")), "response", Map.of()));

        Map<String, Object> defined = invoker.invoke(ARN + "define-cjs", "DefineAuthChallenge", define);
        Map<String, Object> verified = invoker.invoke(ARN + "verify-callback", "VerifyAuthChallengeResponse", verify);

        assertThat((Map<String, Object>) defined.get("response")).containsEntry("challengeName", "CUSTOM_CHALLENGE")
                .containsEntry("issueTokens", false);
        assertThat((Map<String, Object>) verified.get("response")).containsEntry("answerCorrect", true);
    }

    @Test
    void invokeWhenHandlerIsNamedThenThatModulesFunctionRuns() {
        assertThat(invoker(FunctionInvoker.TIMEOUT).invoke(ARN + "app", "DefineAuthChallenge", event("named")))
                .isEqualTo(Map.of("from", "app", "echo", "named"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"probe-py", "probe-mjs"})
    void invokeWhenFunctionPrintsToStdoutThenTheCallWorksAndTheLinesAreLoggedWithItsName(String name) {
        Map<String, Object> out = invoker(FunctionInvoker.TIMEOUT).invoke(ARN + name, "DefineAuthChallenge",
                event("print"));
        List<String> atReturn = logged();

        // Logged before the call returned, to the last line.
        assertThat(atReturn).contains("[" + name + "] line 4999");
        assertThat(out).containsEntry("mode", "print");
        assertThat(logged()).anySatisfy(l -> assertThat(l).matches("\\[" + name + "] \\{\"not\": ?\"an answer\"}"));
        assertThat(log.list).allSatisfy(e -> assertThat(e.getLoggerName()).isEqualTo("tobira.trigger"));
        if (name.equals("probe-py")) {
            assertThat(logged()).contains("[probe-py] hello from print")
                    .anySatisfy(l -> assertThat(l).matches("\\[probe-py] \\[INFO]\\t" + out.get("requestId")
                            + "\\thello from logging"));
        } else {
            assertThat(logged()).contains("[probe-mjs] hello from console.log");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"probe-py", "probe-mjs"})
    void invokeWhenFunctionThrowsThenUserLambdaValidationWithItsMessage(String name) {
        assertThatThrownBy(() -> invoker(FunctionInvoker.TIMEOUT).invoke(ARN + name, "PreSignUp", event("throw")))
                .isInstanceOf(UserLambdaValidationException.class)
                .hasMessage("PreSignUp failed with error Registration from this domain is not allowed..");
    }

    @ParameterizedTest
    @ValueSource(strings = {"probe-py:not-json", "probe-py:not-object", "probe-mjs:not-json"})
    void invokeWhenFunctionReturnsNoJsonObjectThenInvalidLambdaResponse(String nameAndMode) {
        String[] parts = nameAndMode.split(":");

        assertThatThrownBy(() -> invoker(FunctionInvoker.TIMEOUT).invoke(ARN + parts[0], "DefineAuthChallenge",
                event(parts[1])))
                .isInstanceOf(InvalidLambdaResponseException.class)
                .hasMessage("Invalid lambda function output : Invalid JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"probe-py", "probe-mjs"})
    void invokeWhenFunctionSleepsPastTheTimeoutThenThreeAttemptsUnexpectedLambdaAndTheNextCallWorks(String name) {
        FunctionInvoker invoker = invoker(SHORT);

        assertThatThrownBy(() -> invoker.invoke(ARN + name, "DefineAuthChallenge", event("sleep")))
                .isInstanceOf(UnexpectedLambdaException.class)
                .hasMessage("DefineAuthChallenge invocation failed due to error Socket timeout while invoking Lambda "
                        + "function.");
        assertThat(logged()).filteredOn(l -> l.contains("no answer in time")).hasSize(FunctionInvoker.ATTEMPTS);
        assertThat(invoker.invoke(ARN + name, "DefineAuthChallenge", event("echo"))).containsEntry("mode", "echo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"probe-py", "probe-mjs"})
    void invokeWhenProcessExitsThenUnexpectedLambdaAndTheNextCallWorks(String name) {
        FunctionInvoker invoker = invoker(FunctionInvoker.TIMEOUT);

        assertThatThrownBy(() -> invoker.invoke(ARN + name, "DefineAuthChallenge", event("exit")))
                .isInstanceOf(UnexpectedLambdaException.class)
                .hasMessage("DefineAuthChallenge invocation failed due to error Runtime exited with error: exit status "
                        + "3.");
        assertThat(invoker.invoke(ARN + name, "DefineAuthChallenge", event("echo"))).containsEntry("mode", "echo");
    }

    @Test
    void invokeWhenHandlerIsMissingThenUserLambdaValidationNamingIt() {
        Map<String, FunctionFolder> folders = Map.of("nope",
                new FunctionFolder(folder("python-probe"), Optional.of("index.nope")));
        FolderFunctions functions = new FolderFunctions(settings(folders, Map.of(), Map.of()), () -> PORT,
                System.getenv());
        started.add(functions);
        FunctionInvoker invoker = new FunctionInvoker(functions::function, Map.of(), getClass().getClassLoader(),
                arn -> null, FunctionInvoker.TIMEOUT);

        assertThatThrownBy(() -> invoker.invoke(ARN + "nope", "DefineAuthChallenge", event("echo")))
                .isInstanceOf(UserLambdaValidationException.class)
                .hasMessage("DefineAuthChallenge failed with error Handler 'nope' missing on module 'index'.");
    }

    @Test
    void closeWhenWorkersRunThenTheirProcessesAreGone() {
        FunctionInvoker invoker = invoker(FunctionInvoker.TIMEOUT);
        invoker.invoke(ARN + "probe-py", "DefineAuthChallenge", event("echo"));
        invoker.invoke(ARN + "probe-mjs", "DefineAuthChallenge", event("echo"));
        List<ProcessHandle> workers = ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().orElse("").contains("worker.")).toList();
        assertThat(workers).hasSize(2);

        started.forEach(FolderFunctions::close);

        assertThat(workers).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void environmentWhenProductionThenAdminCredentialsEndpointsKeptVariablesAndTheUsersOwnLast() {
        Settings dev = settings(Map.of(), Map.of("STAGE", "local", "AWS_REGION", "eu-west-1"),
                Map.of("f", Map.of("STAGE", "f's own")));
        Settings production = new Settings(false, "0.0.0.0", PORT, Path.of("."), false, Optional.of("jdbc:h2:mem:x"),
                Optional.empty(), Optional.empty(), "https://id.example.com", Optional.of("AKIDADMIN"),
                Optional.of("admin-secret"), "us-east-1", "000000000000", Settings.DEFAULT_MAX_BODY_BYTES, false,
                Settings.ApiRateLimits.OFF, Limits.DEFAULT, Settings.Delivery.none(), dev.triggers());
        FolderFunctions.Resolved f = new FolderFunctions.Resolved("f", Path.of("/srv/f"), FolderFunctions.Language.PYTHON,
                "index.handler", Path.of("/usr/bin/python3"));
        Map<String, String> parent = Map.of("PATH", "/usr/bin", "HOME", "/home/ren", "LANG", "C.UTF-8",
                "HTTPS_PROXY", "http://proxy:3128", "AWS_PROFILE", "prod", "AWS_SECRET_ACCESS_KEY", "parent's");

        Map<String, String> env = FolderFunctions.environment(production, f, "http://127.0.0.1:9229", parent);

        assertThat(env).containsEntry("PATH", "/usr/bin").containsEntry("HOME", "/home/ren")
                .containsEntry("LANG", "C.UTF-8")
                .doesNotContainKeys("HTTPS_PROXY", "AWS_PROFILE")
                .containsEntry("AWS_ACCESS_KEY_ID", "AKIDADMIN").containsEntry("AWS_SECRET_ACCESS_KEY", "admin-secret")
                .containsEntry("AWS_ENDPOINT_URL", "http://127.0.0.1:9229")
                .containsEntry("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", "http://127.0.0.1:9229")
                .containsEntry("AWS_ENDPOINT_URL_SES", "http://127.0.0.1:9229")
                .containsEntry("AWS_ENDPOINT_URL_SESV2", "http://127.0.0.1:9229")
                .containsEntry("AWS_ENDPOINT_URL_SNS", "http://127.0.0.1:9229")
                .containsEntry("AWS_DEFAULT_REGION", "us-east-1")
                .containsEntry("AWS_LAMBDA_FUNCTION_NAME", "f")
                .containsEntry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128")
                .containsEntry("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
                .containsEntry("AWS_REGION", "eu-west-1")
                .containsEntry("STAGE", "f's own");
        assertThat(FolderFunctions.environment(dev, f, "http://127.0.0.1:9229", parent))
                .containsEntry("AWS_ACCESS_KEY_ID", "tobira-local");
        assertThat(production.triggers().toString()).contains("STAGE").doesNotContain("local", "f's own");
    }

    // ---- Start-up checks ----

    @Test
    void resolveWhenFolderHasNoIndexFileThenItSaysWhichFilesItLookedFor(@TempDir Path dir) {
        assertThatThrownBy(() -> FolderFunctions.resolve("my-define", new FunctionFolder(dir, Optional.empty()),
                System.getenv("PATH")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Trigger function my-define (--trigger-dir my-define=" + dir + "): no module for "
                        + "handler index.handler in ")
                .hasMessageEndingWith("(index.py, index.mjs or index.js).");
    }

    @Test
    void resolveWhenFolderIsMissingThenItSaysSo(@TempDir Path dir) {
        Path missing = dir.resolve("missing");

        assertThatThrownBy(() -> FolderFunctions.resolve("f", new FunctionFolder(missing, Optional.empty()), "/usr/bin"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Trigger function f (--trigger-dir f=" + missing + "): " + missing + " is not a folder.");
    }

    @Test
    void resolveWhenInterpreterIsNotOnThePathThenItNamesIt(@TempDir Path empty) {
        assertThatThrownBy(() -> FolderFunctions.resolve("f", new FunctionFolder(folder("python-probe"),
                Optional.empty()), empty.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith(" is Python, but python3 is not on the PATH.");
        assertThatThrownBy(() -> FolderFunctions.resolve("f", new FunctionFolder(folder("node-esm-probe"),
                Optional.empty()), empty.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith(" is Node.js, but node is not on the PATH.");
    }

    @Test
    void resolveWhenBothLanguagesAreThereThenItAsksToKeepOne(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("index.py"), "def handler(e, c): return e\n");
        Files.writeString(dir.resolve("index.js"), "exports.handler = (e) => e;\n");

        assertThatThrownBy(() -> FolderFunctions.resolve("f", new FunctionFolder(dir, Optional.empty()),
                System.getenv("PATH")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith(": both index.py and index.js are there for handler index.handler; keep one.");
    }

    @Test
    void resolveWhenPathAndHandlerThenLanguageHandlerAndInterpreter() {
        FolderFunctions.Resolved python = FolderFunctions.resolve("f",
                FunctionFolder.parse(folder("python-probe") + ":greeting.greet"), System.getenv("PATH"));
        FolderFunctions.Resolved node = FolderFunctions.resolve("g",
                FunctionFolder.parse(folder("node-esm-probe").toString()), System.getenv("PATH"));

        assertThat(python.language()).isEqualTo(FolderFunctions.Language.PYTHON);
        assertThat(python.handler()).isEqualTo("greeting.greet");
        assertThat(python.interpreter().getFileName().toString()).isEqualTo("python3");
        assertThat(node.language()).isEqualTo(FolderFunctions.Language.NODE);
        assertThat(node.handler()).isEqualTo("index.handler");
    }
}
