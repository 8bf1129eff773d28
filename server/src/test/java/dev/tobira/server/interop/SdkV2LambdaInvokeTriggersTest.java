package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tobira.server.RunningTobira;
import dev.tobira.server.config.Settings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;

/**
 * The password-then-emailed-code design through the AWS SDK for Java v2, with the triggers reached
 * over the AWS Lambda Invoke API: a small Invoke API server, started here, runs the {@code lambda}
 * module's handlers as the AWS Lambda Java runtime would (its own event serializers), and Tobira
 * calls it as it would call AWS, SAM local or serverless-offline.
 */
class SdkV2LambdaInvokeTriggersTest {

    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:";
    private static final String PASSWORD = "Right-Passw0rd!";

    private static final Map<String, RequestHandler<?, ?>> FUNCTIONS = Map.of(
            "otp-define", new EmailOtpLambdas.Define(),
            "otp-create", new EmailOtpLambdas.Create(),
            "otp-verify", new EmailOtpLambdas.Verify());
    /** (function name, Authorization header) of every invocation. */
    private static final List<Map.Entry<String, String>> INVOCATIONS = new CopyOnWriteArrayList<>();

    private static HttpServer lambda;
    private static RunningTobira tobira;
    private static CognitoIdentityProviderClient cognito;
    private static String pool;
    private static String client;

    @BeforeAll
    static void start() throws IOException {
        lambda = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        lambda.createContext("/2015-03-31/functions/", SdkV2LambdaInvokeTriggersTest::invoke);
        lambda.start();
        tobira = RunningTobira.devInMemory(new Settings.Triggers(Map.of(), List.of(),
                Optional.of("http://127.0.0.1:" + lambda.getAddress().getPort())));
        cognito = tobira.client();
        pool = cognito.createUserPool(b -> b.poolName("password-then-code")
                .usernameAttributes(UsernameAttributeType.EMAIL)
                .lambdaConfig(l -> l.defineAuthChallenge(ARN + "otp-define").createAuthChallenge(ARN + "otp-create")
                        .verifyAuthChallengeResponse(ARN + "otp-verify"))).userPool().id();
        client = cognito.createUserPoolClient(b -> b.userPoolId(pool).clientName("web")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_CUSTOM_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
    }

    @AfterAll
    static void stop() {
        if (tobira != null) {
            cognito.close();
            tobira.close();
        }
        if (lambda != null) {
            lambda.stop(0);
        }
    }

    /** {@code POST /2015-03-31/functions/{FunctionName}/invocations}: runs the named handler. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void invoke(HttpExchange exchange) throws IOException {
        String encoded = exchange.getRequestURI().getRawPath().split("/")[3];
        String arn = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        String name = arn.substring(arn.lastIndexOf(':') + 1);
        INVOCATIONS.add(Map.entry(name, String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))));
        RequestHandler handler = FUNCTIONS.get(name);
        if (handler == null) {
            reply(exchange, 404, Map.of("X-Amzn-ErrorType", "ResourceNotFoundException"), "{}");
            return;
        }
        Class<?> eventClass = (Class<?>) ((ParameterizedType) handler.getClass().getGenericInterfaces()[0])
                .getActualTypeArguments()[0];
        PojoSerializer serializer = LambdaEventSerializers.serializerFor(eventClass, eventClass.getClassLoader());
        try (InputStream in = exchange.getRequestBody()) {
            Object output = handler.handleRequest(serializer.fromJson(in), null);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            serializer.toJson(output, out);
            reply(exchange, 200, Map.of(), out.toString(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            reply(exchange, 200, Map.of("X-Amz-Function-Error", "Unhandled"),
                    "{\"errorType\":\"" + e.getClass().getName() + "\",\"errorMessage\":\"" + e.getMessage() + "\"}");
        }
    }

    private static void reply(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String confirmedUser(String email) {
        cognito.adminCreateUser(b -> b.userPoolId(pool).username(email).messageAction("SUPPRESS")
                .userAttributes(a -> a.name("email").value(email), a -> a.name("email_verified").value("true")));
        cognito.adminSetUserPassword(b -> b.userPoolId(pool).username(email).password(PASSWORD).permanent(true));
        return email;
    }

    /** CUSTOM_AUTH with SRP_A, then the password proof: what follows the proof. */
    private static RespondToAuthChallengeResponse passwordThenChallenge(String email, String password) {
        return SdkV2CustomAuth.passwordThenNext(cognito, pool, client, email, password);
    }

    private static RespondToAuthChallengeResponse answer(String email, String session, String code) {
        return cognito.respondToAuthChallenge(b -> b.clientId(client).session(session)
                .challengeName(ChallengeNameType.CUSTOM_CHALLENGE)
                .challengeResponses(Map.of("USERNAME", email, "ANSWER", code)));
    }

    @Test
    @DisplayName("SRP, then the code the Lambda-invoked triggers emailed, then tokens; each trigger called through the Invoke API, signed")
    void customAuthWhenTriggersBehindInvokeApiThenPasswordThenCodeGivesTokens() {
        String email = confirmedUser("ren@example.com");
        INVOCATIONS.clear();

        RespondToAuthChallengeResponse challenge = passwordThenChallenge(email, PASSWORD);

        assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.CUSTOM_CHALLENGE);
        assertThat(challenge.challengeParameters()).isEqualTo(Map.of("email", "r***@e***"));
        assertThat(EmailOtpLambdas.mailTo(email)).hasSize(1);
        RespondToAuthChallengeResponse done = answer(email, challenge.session(), EmailOtpLambdas.latestCode(email));
        assertThat(done.authenticationResult().idToken()).isNotBlank();
        assertThat(cognito.getUser(b -> b.accessToken(done.authenticationResult().accessToken())).userAttributes())
                .anySatisfy(a -> assertThat(a.value()).isEqualTo(email));
        assertThat(INVOCATIONS).extracting(Map.Entry::getKey)
                .containsExactly("otp-define", "otp-define", "otp-create", "otp-verify", "otp-define");
        assertThat(INVOCATIONS).allSatisfy(i -> assertThat(i.getValue())
                .startsWith("AWS4-HMAC-SHA256 Credential=").contains("/us-east-1/lambda/aws4_request"));
    }

    @Test
    void customAuthWhenPasswordWrongThenRefusedAndNoCodeIsSent() {
        String email = confirmedUser("aoi@example.com");

        assertThatThrownBy(() -> passwordThenChallenge(email, "Wrong-Passw0rd!"))
                .isInstanceOf(NotAuthorizedException.class).hasMessageContaining("Incorrect username or password.");
        assertThat(EmailOtpLambdas.mailTo(email)).isEmpty();
    }

    @Test
    void customAuthWhenCodeWrongThreeTimesThenTheSignInFails() {
        String email = confirmedUser("kai@example.com");
        RespondToAuthChallengeResponse challenge = passwordThenChallenge(email, PASSWORD);
        String wrong = EmailOtpLambdas.latestCode(email).equals("000000") ? "111111" : "000000";

        RespondToAuthChallengeResponse second = answer(email, challenge.session(), wrong);
        RespondToAuthChallengeResponse third = answer(email, second.session(), wrong);

        assertThat(third.challengeName()).isEqualTo(ChallengeNameType.CUSTOM_CHALLENGE);
        assertThatThrownBy(() -> answer(email, third.session(), wrong))
                .isInstanceOf(NotAuthorizedException.class).hasMessageContaining("Incorrect username or password.");
        assertThat(EmailOtpLambdas.mailTo(email)).hasSize(1);
    }
}
