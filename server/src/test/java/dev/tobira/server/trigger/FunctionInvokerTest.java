package dev.tobira.server.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tobira.core.CognitoException.InvalidLambdaResponseException;
import dev.tobira.core.CognitoException.UnexpectedLambdaException;
import dev.tobira.core.CognitoException.UserLambdaValidationException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Running trigger functions: Java classes in process, and the Lambda Invoke API over HTTP. */
class FunctionInvokerTest {

    private static final String PREFIX = "arn:aws:lambda:us-west-2:123456789012:function:";
    /** Each attempt's timeout here: long enough for a cold first call on a busy machine. */
    private static final Duration SHORT = Duration.ofSeconds(1);

    private HttpServer server;
    private LambdaInvokeApi api;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    private record Recorded(String rawPath, Map<String, List<String>> headers, String body) {}

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        if (api != null) {
            api.close();
        }
    }

    private static Map<String, Object> event(String answer) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("userAttributes", Map.of("email", "ren@example.com"));
        request.put("privateChallengeParameters", Map.of("answer", "blue"));
        request.put("challengeAnswer", answer);
        request.put("clientMetadata", Map.of());
        request.put("userNotFound", false);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("answerCorrect", null);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "1");
        event.put("triggerSource", "VerifyAuthChallengeResponse_Authentication");
        event.put("region", "us-west-2");
        event.put("userPoolId", "us-west-2_abcdefghi");
        event.put("userName", "ren");
        event.put("callerContext", Map.of("awsSdkVersion", "aws-sdk-unknown-unknown", "clientId", "c"));
        event.put("request", request);
        event.put("response", response);
        return event;
    }

    private static FunctionInvoker classes(Class<?> handler) {
        return new FunctionInvoker(Map.of("fn", handler.getName()), FunctionInvokerTest.class.getClassLoader(), arn -> {
            throw new AssertionError("not a Java class: " + arn);
        }, SHORT);
    }

    /** What Cognito answers when DefineAuthChallenge did not answer in time, after all its attempts. */
    private static void assertTimedOut(ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOf(UnexpectedLambdaException.class)
                .hasMessage("DefineAuthChallenge invocation failed due to error Socket timeout while invoking Lambda "
                        + "function.");
    }

    @SuppressWarnings("unchecked")
    private static Object response(Map<String, Object> returned, String member) {
        return ((Map<String, Object>) returned.get("response")).get(member);
    }

    @Test
    void invokeWhenMapHandlerThenItsAnswerComesBack() {
        FunctionInvoker invoker = classes(TestHandlers.MapVerify.class);

        assertThat(response(invoker.invoke(PREFIX + "fn", "VerifyAuthChallengeResponse", event("blue")),
                "answerCorrect")).isEqualTo(true);
        assertThat(response(invoker.invoke(PREFIX + "fn:live", "VerifyAuthChallengeResponse", event("red")),
                "answerCorrect")).isEqualTo(false);
    }

    @Test
    void invokeWhenEventsClassHandlerThenTheRuntimeSerializersMapTheCognitoEvent() {
        FunctionInvoker invoker = classes(TestHandlers.EventsDefine.class);
        Map<String, Object> event = event("x");
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("userAttributes", Map.of("sub", "s"));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("challengeName", "CUSTOM_CHALLENGE");
        entry.put("challengeResult", true);
        entry.put("challengeMetadata", null);
        request.put("session", List.of(entry));
        request.put("clientMetadata", Map.of());
        request.put("userNotFound", false);
        event.put("request", request);
        event.put("triggerSource", "DefineAuthChallenge_Authentication");

        Map<String, Object> returned = invoker.invoke(PREFIX + "fn", "DefineAuthChallenge", event);

        assertThat(response(returned, "issueTokens")).isEqualTo(true);
        assertThat(returned).containsEntry("userPoolId", "us-west-2_abcdefghi").containsEntry("userName", "ren");
    }

    @Test
    void invokeWhenStreamHandlerThenItsBytesAreTheAnswer() {
        Map<String, Object> returned = classes(TestHandlers.Echo.class).invoke("fn", "DefineAuthChallenge",
                event("blue"));

        assertThat(returned).isEqualTo(event("blue"));
    }

    @Test
    void invokeWhenHandlerThrowsThenUserLambdaValidationWithItsMessage() {
        assertThatThrownBy(() -> classes(TestHandlers.Throwing.class).invoke(PREFIX + "fn", "PreSignUp", event("x")))
                .isInstanceOf(UserLambdaValidationException.class)
                .hasMessage("PreSignUp failed with error Registration from this domain is not allowed..");
    }

    @Test
    void invokeWhenOutputIsNotJsonThenInvalidLambdaResponse() {
        assertThatThrownBy(() -> classes(TestHandlers.NotJson.class).invoke(PREFIX + "fn", "DefineAuthChallenge",
                event("x")))
                .isInstanceOf(InvalidLambdaResponseException.class)
                .hasMessage("Invalid lambda function output : Invalid JSON");
    }

    @Test
    void invokeWhenHandlerTooSlowThenThreeAttemptsAndUnexpectedLambda() {
        TestHandlers.Slow.calls.set(0);

        assertTimedOut(() -> classes(TestHandlers.Slow.class).invoke(PREFIX + "fn", "DefineAuthChallenge",
                event("x")));
        assertThat(TestHandlers.Slow.calls.get()).isEqualTo(3);
    }

    @Test
    void invokeWhenClassIsNoHandlerThenUnexpectedLambdaAtOnce() {
        assertThatThrownBy(() -> classes(TestHandlers.NotAHandler.class).invoke(PREFIX + "fn", "DefineAuthChallenge",
                event("x")))
                .isInstanceOf(UnexpectedLambdaException.class)
                .hasMessage("DefineAuthChallenge invocation failed due to error ResourceNotFoundException.");
    }

    @Test
    void invokeWhenClassIsOnTheTriggerClasspathThenItRuns(@TempDir Path dir) throws IOException {
        Path source = dir.resolve("src/com/example/Shout.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package com.example;
                import com.amazonaws.services.lambda.runtime.*;
                import java.util.*;
                public class Shout implements RequestHandler<Map<String, Object>, Map<String, Object>> {
                    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
                        Map<String, Object> out = new LinkedHashMap<>(event);
                        out.put("response", Map.of("challengeName", "CUSTOM_CHALLENGE", "from", context.getFunctionName()));
                        return out;
                    }
                }
                """);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), source.toString());
        assertThat(compiled).isZero();
        Map<String, String> mapping = Map.of("shout", "com.example.Shout");
        FunctionInvoker without = new FunctionInvoker(mapping, FunctionInvoker.loader(List.of()), arn -> null, SHORT);
        FunctionInvoker with = new FunctionInvoker(mapping, FunctionInvoker.loader(List.of(classes)), arn -> null, SHORT);

        assertThatThrownBy(() -> without.invoke(PREFIX + "shout", "DefineAuthChallenge", event("x")))
                .isInstanceOf(UnexpectedLambdaException.class).hasMessageContaining("ResourceNotFoundException");
        assertThat(response(with.invoke(PREFIX + "shout", "DefineAuthChallenge", event("x")), "from"))
                .isEqualTo("shout");
    }

    // ---- The Lambda Invoke API ----

    /** Starts a Lambda Invoke API on loopback that answers request number i with {@code answers(i)}. */
    private FunctionInvoker invokeApi(Function<Integer, Answer> answers) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Recorded(exchange.getRequestURI().getRawPath(), exchange.getRequestHeaders(), body));
            Answer a = answers.apply(requests.size());
            if (a.delay().isPositive()) {
                sleep(a.delay());
            }
            a.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            String text = a.body().equals("ECHO") ? body : a.body();
            if (a.trickle().isPositive()) {
                trickle(exchange, text, a.trickle());
            } else {
                reply(exchange, a.status(), text);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        api = new LambdaInvokeApi(Optional.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort())),
                "us-east-1", StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLAMBDA", "secret")),
                SHORT);
        return new FunctionInvoker(Map.of(), FunctionInvokerTest.class.getClassLoader(), api::function, SHORT);
    }

    /** @param trickle when positive, the body goes out in {@link #PIECES} pieces, this long apart */
    private record Answer(int status, Map<String, String> headers, String body, Duration delay, Duration trickle) {
        static Answer of(int status, String body, Map<String, String> headers) {
            return new Answer(status, headers, body, Duration.ZERO, Duration.ZERO);
        }

        static Answer late(Duration delay) {
            return new Answer(200, Map.of(), "ECHO", delay, Duration.ZERO);
        }

        static Answer trickling(Duration interval) {
            return new Answer(200, Map.of(), "ECHO", Duration.ZERO, interval);
        }
    }

    private static final int PIECES = 20;
    /** Counts the answers whose connection Tobira closed before it had the whole body. */
    private final CountDownLatch abandoned = new CountDownLatch(FunctionInvoker.ATTEMPTS);

    /** A 200 whose body comes a piece at a time: each read is quick, the whole is slow. */
    private void trickle(HttpExchange exchange, String body, Duration interval) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            exchange.sendResponseHeaders(200, bytes.length);
            int piece = (bytes.length + PIECES - 1) / PIECES;
            for (int from = 0; from < bytes.length; from += piece) {
                exchange.getResponseBody().write(bytes, from, Math.min(piece, bytes.length - from));
                exchange.getResponseBody().flush();
                sleep(interval);
            }
            exchange.close();
        } catch (IOException closedByTheClient) {
            abandoned.countDown();
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void invokeWhenInvokeApiAnswersThenSignedRequestResponseCallToTheFunctionsPath() throws IOException {
        FunctionInvoker invoker = invokeApi(i -> Answer.of(200, "ECHO", Map.of()));

        Map<String, Object> returned = invoker.invoke(PREFIX + "my-verify", "VerifyAuthChallengeResponse",
                event("blue"));

        assertThat(returned).isEqualTo(event("blue"));
        Recorded r = requests.getFirst();
        assertThat(r.rawPath()).isEqualTo("/2015-03-31/functions/"
                + "arn%3Aaws%3Alambda%3Aus-west-2%3A123456789012%3Afunction%3Amy-verify/invocations");
        assertThat(r.headers().get("X-amz-invocation-type")).containsExactly("RequestResponse");
        assertThat(r.headers().get("Authorization").getFirst())
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDLAMBDA/")
                .contains("/us-west-2/lambda/aws4_request");
    }

    @Test
    void invokeWhenFunctionErrorThenUserLambdaValidationWithItsMessageAndNoRetry() throws IOException {
        FunctionInvoker invoker = invokeApi(i -> Answer.of(200,
                "{\"errorType\":\"Error\",\"errorMessage\":\"Registration from this domain is not allowed.\"}",
                Map.of("X-Amz-Function-Error", "Unhandled")));

        assertThatThrownBy(() -> invoker.invoke(PREFIX + "pre", "PreSignUp", event("x")))
                .isInstanceOf(UserLambdaValidationException.class)
                .hasMessage("PreSignUp failed with error Registration from this domain is not allowed..");
        assertThat(requests).hasSize(1);
    }

    @Test
    void invokeWhenServiceFailsTwiceThenThirdAttemptAnswers() throws IOException {
        FunctionInvoker invoker = invokeApi(i -> i < 3
                ? Answer.of(500, "{\"Type\":\"Service\"}", Map.of("X-Amzn-ErrorType", "ServiceException:http://x/"))
                : Answer.of(200, "ECHO", Map.of()));

        assertThat(invoker.invoke(PREFIX + "f", "DefineAuthChallenge", event("x"))).isEqualTo(event("x"));
        assertThat(requests).hasSize(3);
    }

    @Test
    void invokeWhenServiceAlwaysFailsThenUnexpectedLambdaAfterThreeAttempts() throws IOException {
        FunctionInvoker invoker = invokeApi(i -> Answer.of(503, "", Map.of("X-Amzn-ErrorType",
                "ServiceException")));

        assertThatThrownBy(() -> invoker.invoke(PREFIX + "f", "DefineAuthChallenge", event("x")))
                .isInstanceOf(UnexpectedLambdaException.class)
                .hasMessage("DefineAuthChallenge invocation failed due to error ServiceException.");
        assertThat(requests).hasSize(3);
    }

    @Test
    void invokeWhenAccessDeniedThenUnexpectedLambdaWithoutRetry() throws IOException {
        FunctionInvoker invoker = invokeApi(i -> Answer.of(403,
                "{\"Type\":\"User\",\"message\":\"not allowed\"}", Map.of("X-Amzn-ErrorType", "AccessDeniedException")));

        assertThatThrownBy(() -> invoker.invoke(PREFIX + "f", "CreateAuthChallenge", event("x")))
                .isInstanceOf(UnexpectedLambdaException.class)
                .hasMessage("CreateAuthChallenge invocation failed due to error AccessDeniedException.");
        assertThat(requests).hasSize(1);
    }

    @Test
    void invokeWhenFunctionTooSlowThenUnexpectedLambdaAfterThreeAttempts() throws IOException {
        FunctionInvoker invoker = invokeApi(i -> Answer.late(Duration.ofSeconds(3)));

        assertTimedOut(() -> invoker.invoke(PREFIX + "f", "DefineAuthChallenge", event("x")));
        assertThat(requests).hasSize(3);
    }

    @Test
    @DisplayName("an answer that trickles in, each piece well within a read timeout, is cut at the attempt's deadline and tried again, 3 times")
    void invokeWhenAnswerTricklesPastTheDeadlineThenCutOffAndUnexpectedLambdaAfterThreeAttempts() throws Exception {
        // 20 pieces 200 ms apart: 4 s for the whole, where the deadline is 1 s.
        FunctionInvoker invoker = invokeApi(i -> Answer.trickling(Duration.ofMillis(200)));

        assertTimedOut(() -> invoker.invoke(PREFIX + "f", "DefineAuthChallenge", event("x")));
        assertThat(requests).hasSize(3);
        assertThat(abandoned.await(10, TimeUnit.SECONDS)).as("each attempt's connection closed by Tobira").isTrue();
    }

    @Test
    void invokeWhenAnswerTricklesButEndsBeforeTheDeadlineThenItIsTheAnswer() throws IOException {
        FunctionInvoker invoker = invokeApi(i -> Answer.trickling(Duration.ofMillis(1)));

        assertThat(invoker.invoke(PREFIX + "f", "DefineAuthChallenge", event("x"))).isEqualTo(event("x"));
        assertThat(requests).hasSize(1);
    }

    @Test
    void invokeWhenInvokeApiReturnsNonObjectThenInvalidLambdaResponse() throws IOException {
        FunctionInvoker invoker = invokeApi(i -> Answer.of(200, "[1,2]", Map.of()));

        assertThatThrownBy(() -> invoker.invoke(PREFIX + "f", "DefineAuthChallenge", event("x")))
                .isInstanceOf(InvalidLambdaResponseException.class)
                .hasMessage("Invalid lambda function output : Invalid JSON");
    }

    @Test
    void functionNameWhenArnWithQualifierThenTheName() {
        assertThat(FunctionInvoker.functionName(PREFIX + "my-fn:prod")).isEqualTo("my-fn");
        assertThat(FunctionInvoker.functionName("my-fn")).isEqualTo("my-fn");
    }
}
