package dev.tobira.server.interop;

import static dev.tobira.server.interop.CognitoErrors.assertCognitoError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.RunningTobira;
import dev.tobira.server.config.Settings;
import dev.tobira.server.trigger.TestHandlers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidLambdaResponseException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidUserPoolConfigurationException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LambdaConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UnexpectedLambdaException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserLambdaValidationException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A CUSTOM_AUTH whose trigger fails, as a client sees it over HTTP (spec §1.2, §3.1): the
 * {@code __type}, the message and {@code x-amzn-ErrorType} of each kind of failure, and the
 * exception the AWS SDK for Java v2 makes of them. The functions are Java classes run in the server
 * ({@link TestHandlers}), or a Lambda Invoke API endpoint nobody listens on.
 */
class SdkV2CustomAuthTriggerErrorsTest {

    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static RunningTobira tobira;
    private static CognitoIdentityProviderClient cognito;

    @BeforeAll
    static void start() {
        tobira = RunningTobira.devInMemory(new Settings.Triggers(Map.of(
                "throwing", TestHandlers.Throwing.class.getName(),
                "not-json", TestHandlers.NotJson.class.getName(),
                "define", TestHandlers.EventsDefine.class.getName()), List.of(),
                // Nothing listens there: every other function is unreachable.
                Optional.of("http://127.0.0.1:" + RunningTobira.freePort())));
        cognito = tobira.client();
    }

    @AfterAll
    static void stop() {
        if (tobira != null) {
            cognito.close();
            tobira.close();
        }
    }

    static Stream<Arguments> failures() {
        Consumer<LambdaConfigType.Builder> none = l -> {};
        return Stream.of(
                Arguments.of("no DefineAuthChallenge trigger", none,
                        InvalidUserPoolConfigurationException.class,
                        "Custom auth lambda trigger is not configured for the user pool."),
                Arguments.of("Define asks for a challenge, no CreateAuthChallenge trigger",
                        (Consumer<LambdaConfigType.Builder>) l -> l.defineAuthChallenge(ARN + "define"),
                        InvalidUserPoolConfigurationException.class,
                        "Custom auth lambda trigger is not configured for the user pool."),
                Arguments.of("DefineAuthChallenge throws",
                        (Consumer<LambdaConfigType.Builder>) l -> l.defineAuthChallenge(ARN + "throwing"),
                        UserLambdaValidationException.class,
                        "DefineAuthChallenge failed with error Registration from this domain is not allowed.."),
                Arguments.of("CreateAuthChallenge throws",
                        (Consumer<LambdaConfigType.Builder>) l -> l.defineAuthChallenge(ARN + "define")
                                .createAuthChallenge(ARN + "throwing:live"),
                        UserLambdaValidationException.class,
                        "CreateAuthChallenge failed with error Registration from this domain is not allowed.."),
                Arguments.of("DefineAuthChallenge answers what is not JSON",
                        (Consumer<LambdaConfigType.Builder>) l -> l.defineAuthChallenge(ARN + "not-json"),
                        InvalidLambdaResponseException.class, "Invalid lambda function output : Invalid JSON"),
                Arguments.of("DefineAuthChallenge unreachable",
                        (Consumer<LambdaConfigType.Builder>) l -> l.defineAuthChallenge(ARN + "gone"),
                        UnexpectedLambdaException.class,
                        "DefineAuthChallenge invocation failed due to error ConnectException."));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("failures")
    void initiateAuthWhenTriggerFailsThenCognitosErrorOnTheWire(String why, Consumer<LambdaConfigType.Builder> triggers,
            Class<? extends CognitoIdentityProviderException> type, String message) throws Exception {
        String pool = cognito.createUserPool(b -> b.poolName("errors").lambdaConfig(triggers)).userPool().id();
        String client = cognito.createUserPoolClient(b -> b.userPoolId(pool).clientName("c")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_CUSTOM_AUTH)).userPoolClient().clientId();
        cognito.adminCreateUser(b -> b.userPoolId(pool).username("ren").messageAction("SUPPRESS")
                .userAttributes(a -> a.name("email").value("ren@example.com")));

        HttpResponse<String> response = initiateCustomAuth(client, "ren");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("__type").asString()).isEqualTo(type.getSimpleName());
        assertThat(body.get("message").asString()).isEqualTo(message);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains(type.getSimpleName() + ":");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/x-amz-json-1.1");
        assertCognitoError(() -> cognito.initiateAuth(b -> b.clientId(client).authFlow(AuthFlowType.CUSTOM_AUTH)
                .authParameters(Map.of("USERNAME", "ren"))), type, message);
    }

    /** InitiateAuth CUSTOM_AUTH as raw HTTP: it is unsigned (spec §1.3). */
    private static HttpResponse<String> initiateCustomAuth(String client, String username)
            throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("AuthFlow", "CUSTOM_AUTH", "ClientId", client,
                "AuthParameters", Map.of("USERNAME", username)));
        return HTTP.send(HttpRequest.newBuilder(URI.create(tobira.endpoint() + "/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.InitiateAuth")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
